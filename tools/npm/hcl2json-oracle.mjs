// The differential oracle for Keyless's HCL reader: converts .tf files with @cdktf/hcl2json (tmccombs/hcl2json
// compiled to WebAssembly, pinned in package-lock.json).
// stdin: a JSON array of file paths; stdout: a JSON array, one {"json": {...}} or {"error": "..."} per file.
import { readFile } from "node:fs/promises";
import { parse } from "@cdktf/hcl2json";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const files = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const file of files) {
  try {
    results.push({ json: await parse(file, await readFile(file, "utf8")) });
  } catch (e) {
    results.push({ error: String(e && e.message ? e.message : e) });
  }
}
process.stdout.write(JSON.stringify(results));
