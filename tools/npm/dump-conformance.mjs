// Writes the cel-spec conformance suite (as packaged by @bufbuild/cel-spec, pinned in package-lock.json)
// to stdout as JSON, for scripts/cel-conformance.
import { tests } from "@bufbuild/cel-spec/testdata/conformance.js";

process.stdout.write(JSON.stringify(tests));
