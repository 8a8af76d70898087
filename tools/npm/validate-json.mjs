// Validates JSON (or YAML) documents against a JSON schema with ajv (pinned in package-lock.json), for the tests that
// hold Keyless's reports to the formats' published schemas (SARIF 2.1.0, GitLab's security reports) and its CI/CD
// components to GitLab's CI schema.
//
// usage: node validate-json.mjs SCHEMA [FILE...]
//   FILE: a .json file, or a .yml/.yaml file whose every document is validated (a CI/CD component has two: the
//   spec header and the jobs); no FILE reads one JSON document from stdin.
// stdout: a JSON array, one entry per document: {"file", "document", "valid", "errors": [ajv's errors]}.
// exit: 0 all valid, 1 some invalid, 2 bad usage or unreadable input.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";

const [schemaFile, ...files] = process.argv.slice(2);
if (!schemaFile) {
  console.error("usage: node validate-json.mjs SCHEMA [FILE...]");
  process.exit(2);
}

const schema = JSON.parse(readFileSync(schemaFile, "utf8"));

// SARIF 2.1.0's schema is draft-04, GitLab's are draft-07: each needs its own ajv class. Not strict: the schemas use
// keywords of their own (GitLab's "self", "markdownDescription"), which ajv would otherwise refuse.
const draft04 = String(schema.$schema ?? "").includes("draft-04");
const ajv = draft04 ? new AjvDraft04({ allErrors: true, strict: false }) : new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function documentsOf(file) {
  if (file === undefined) {
    return [{ file: "-", document: 0, value: JSON.parse(readFileSync(0, "utf8")) }];
  }

  const text = readFileSync(file, "utf8");
  if (!/\.ya?ml$/i.test(file)) {
    return [{ file, document: 0, value: JSON.parse(text) }];
  }

  return parseAllDocuments(text).map((doc, document) => {
    if (doc.errors.length > 0) {
      throw new Error(`${file}: document ${document}: ${doc.errors[0].message}`);
    }

    return { file, document, value: doc.toJS({ maxAliasCount: -1 }) };
  });
}

let documents;
try {
  documents = (files.length === 0 ? [undefined] : files).flatMap(documentsOf);
} catch (e) {
  console.error(String(e.message ?? e));
  process.exit(2);
}

const results = documents.map(({ file, document, value }) => {
  const valid = validate(value);
  return { file, document, valid, errors: valid ? [] : validate.errors };
});
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
process.exit(results.every((r) => r.valid) ? 0 : 1);
