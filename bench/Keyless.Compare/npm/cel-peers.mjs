// bench/compare: the npm CEL peers on the shared workload (workloads/cel.json).
// usage: node cel-peers.mjs WORKLOAD.json BUDGET_MS
// stdout: {"engines":[{"engine","results":[{"name","value","nsPerEval"}]}]}
// Each expression is compiled once, checked against its expected value, warmed up, then timed in batches of
// about 10 ms until BUDGET_MS has passed; the fastest batch gives ns per evaluation (the same rule as the C# side,
// Timing.cs: on a shared machine it is the batch least disturbed by preemption).
import fs from "node:fs";
import { parse as celJsParse } from "@marcbachmann/cel-js";
import { celEnv, parse as bufParse, plan as bufPlan, isCelError } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";

const [workloadPath, budgetText] = process.argv.slice(2);
const workload = JSON.parse(fs.readFileSync(workloadPath, "utf8"));
const budgetMs = Number(budgetText ?? "500");

// JSON claims as each engine expects them: cel-js takes plain objects (integers as BigInt),
// @bufbuild/cel takes Maps (integers as BigInt), as Keyless reads JSON (integral number → int).
function toCelJs(json) {
  if (Array.isArray(json)) return json.map(toCelJs);
  if (json !== null && typeof json === "object") return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, toCelJs(v)]));
  if (typeof json === "number" && Number.isInteger(json)) return BigInt(json);
  return json;
}
function toBuf(json) {
  if (Array.isArray(json)) return json.map(toBuf);
  if (json !== null && typeof json === "object") return new Map(Object.entries(json).map(([k, v]) => [k, toBuf(v)]));
  if (typeof json === "number" && Number.isInteger(json)) return BigInt(json);
  return json;
}

const bufEnv = celEnv({ funcs: strings });
const engines = [
  {
    engine: "@marcbachmann/cel-js",
    compile: (expr) => { const f = celJsParse(expr); const vars = { assertion: toCelJs(workload.claims) }; return () => f(vars); },
  },
  {
    engine: "@bufbuild/cel",
    compile: (expr) => { const p = bufPlan(bufEnv, bufParse(expr)); const vars = { assertion: toBuf(workload.claims) }; return () => p(vars); },
  },
];

function measure(run) {
  for (let i = 0; i < 2000; i++) run();
  let batch = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) run();
    const ns = Number(process.hrtime.bigint() - t0);
    if (ns >= 10_000_000) break;
    batch *= 2;
  }
  const samples = [];
  const end = Date.now() + budgetMs;
  let sink = 0;
  do {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) if (run() === true) sink++;
    samples.push(Number(process.hrtime.bigint() - t0) / batch);
  } while (Date.now() < end || samples.length < 3);
  return { nsPerEval: Math.min(...samples), sink };
}

const out = { engines: [] };
for (const { engine, compile } of engines) {
  const results = [];
  for (const { name, expr, expected } of workload.expressions) {
    const run = compile(expr);
    const value = run();
    if (isCelError(value) || value !== expected) {
      throw new Error(`${engine}: ${name} gave ${String(value)}, expected ${expected}`);
    }
    results.push({ name, value, nsPerEval: measure(run).nsPerEval });
  }
  out.engines.push({ engine, results });
}
process.stdout.write(JSON.stringify(out) + "\n");
