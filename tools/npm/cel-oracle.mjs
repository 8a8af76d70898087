// The differential oracle for Keyless.Cel: evaluates CEL with @bufbuild/cel (pinned in package-lock.json).
// stdin: a JSON array of {"expr": "...", "claims": {...}}; stdout: a JSON array of results, each
// {"value": <canonical>} or {"error": "..."} (a syntax error is an error too).
// @bufbuild/cel lacks GCP's `extract`: it is added below from GCP's documentation
// (conditions-attribute-reference#extract), so for `extract` this is a shim, not an independent oracle.
// It also lacks the global form `matches(s, re)`; the generated expressions use the member form only.
import { celEnv, celFunc, celMethod, CelScalar, isCelError, isCelList, isCelMap, isCelUint, parse, plan } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";

function extract(value, template) {
  const open = template.indexOf("{");
  const close = open < 0 ? -1 : template.indexOf("}", open + 1);
  if (open < 0 || close < 0 || !/^[A-Za-z0-9_]+$/.test(template.slice(open + 1, close))) {
    throw new Error("extract: bad template " + template);
  }
  const prefix = template.slice(0, open);
  const suffix = template.slice(close + 1);
  const start = value.indexOf(prefix);
  if (start < 0) return "";
  const from = start + prefix.length;
  if (suffix === "") return value.slice(from);
  const end = value.indexOf(suffix, from);
  return end < 0 ? "" : value.slice(from, end);
}

const env = celEnv({
  funcs: [
    ...strings,
    celMethod("extract", CelScalar.STRING, [CelScalar.STRING], CelScalar.STRING, function (t) { return extract(this, t); }),
  ],
});

// JSON claims → CEL input: objects → Map, integral numbers → int (bigint), others → double, as Keyless reads them.
function toInput(json) {
  if (json === null) return null;
  if (Array.isArray(json)) return json.map(toInput);
  if (typeof json === "object") return new Map(Object.entries(json).map(([k, v]) => [k, toInput(v)]));
  if (typeof json === "number") return Number.isInteger(json) ? BigInt(json) : json;
  return json;
}

// A canonical, kind-tagged form both sides can produce.
function canonical(v) {
  if (v === null) return { null: null };
  if (typeof v === "boolean") return { bool: v };
  if (typeof v === "bigint") return { int: v.toString() };
  if (isCelUint(v)) return { uint: v.value.toString() };
  if (typeof v === "number") return { double: Number.isNaN(v) ? "NaN" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : v };
  if (typeof v === "string") return { string: v };
  if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString("base64") };
  if (isCelList(v)) return { list: [...v].map(canonical) };
  if (isCelMap(v)) return { map: [...v.entries()].map(([k, x]) => [canonical(k), canonical(x)]) };
  return { other: String(v) };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = cases.map(({ expr, claims }) => {
  try {
    const result = plan(env, parse(expr))({ assertion: toInput(claims) });
    return isCelError(result) ? { error: result.message } : { value: canonical(result) };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify(results));
