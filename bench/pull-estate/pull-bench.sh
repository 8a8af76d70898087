#!/usr/bin/env bash
# Pull benchmark: an org-scale estate (gen_estate.py: 1,000 service accounts across 50 projects, 500 Entra
# applications by default) served by `keyless emulate`, pulled with `keyless pull gcp` and `keyless pull azure`
# through the emulator's read APIs (real HTTPS on loopback, the APIs' default page sizes). Prints per pull the wall
# and CPU time, the API calls from pull.json and the calls per identity, and checks that the audit of the pull
# finds what the audit of the estate finds.
#
# Usage: bench/pull-estate/pull-bench.sh [RUNS] (default 3). KEYLESS=/path/to/keyless uses that build (a native
# binary or keyless.dll); otherwise the CLI is built in Release first. CONCURRENCY sets --concurrency (default 8).
# Extra arguments for the generator go in GEN_ARGS (e.g. GEN_ARGS="--projects 5 --apps 50" for a quick run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
concurrency="${CONCURRENCY:-8}"
work="$(mktemp -d)"
emulator_pid=""
cleanup() { if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

if [ -z "${KEYLESS:-}" ]; then
  dotnet build "$root/src/Keyless.Cli/Keyless.Cli.csproj" -c Release --artifacts-path "$work/art" -v q -nologo >&2
  KEYLESS="$work/art/bin/Keyless.Cli/release/keyless.dll"
fi
if [[ "$KEYLESS" == *.dll ]]; then kl=(dotnet "$KEYLESS"); else kl=("$KEYLESS"); fi

# shellcheck disable=SC2086
python3 "$here/gen_estate.py" "$work/estate" ${GEN_ARGS:-} >&2
tenant="$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(next(f["application"]["tenantId"] for f in m["files"].values() if "application" in f))' "$work/estate/keyless-manifest.json")"
mapfile -t projects < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["gcp"]["projectNumbers"]))' "$work/estate/keyless-manifest.json")

"${kl[@]}" emulate "$work/estate" --http-port 0 --https-port 0 --cert-dir "$work/cert" >/dev/null 2>"$work/emulate.err" &
emulator_pid=$!
for _ in $(seq 1 600); do
  grep -q '^  reads:' "$work/emulate.err" && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulate.err" >&2; exit 1; }
  sleep 0.1
done
url="$(sed -n 's/^  https: *//p' "$work/emulate.err")"
head -1 "$work/emulate.err" >&2
connect=(--emulator "$url" --ca-file "$work/cert/keyless-emulator.pem" --concurrency "$concurrency")

# pull.json of one pull: calls, pages, identities read (service accounts or applications), retries.
summary() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
record, kind = json.load(open(sys.argv[1]))["pulls"][-1], sys.argv[2]
calls = sum(record["calls"].values())
pages = sum(l["pages"] for l in record["lists"])
suffix = "/service-accounts" if kind == "gcp" else "/applications"
identities = sum(l["items"] for l in record["lists"] if l["list"].endswith(suffix))
print(f"{record['result']} | {calls} ({', '.join(f'{k} {v}' for k, v in record['calls'].items())}) | {pages} | {identities} | {calls / max(identities, 1):.2f} | {len(record['retries'])}")
EOF
}

timed() { /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/pull.err" || { cat "$work/pull.err" >&2; exit 1; }; awk '{printf "%.2f s | %.2f s", $1, $2 + $3}' "$work/time"; }

echo "| run | pull | wall | CPU (user+sys) | result | API calls | pages | identities | calls per identity | retries |"
echo "|---|---|---:|---:|---|---:|---:|---:|---:|---:|"
for run in $(seq 1 "$runs"); do
  out="$work/pull-$run"
  project_args=()
  for p in "${projects[@]}"; do project_args+=(--project "$p"); done
  t="$(timed "${kl[@]}" pull gcp "${project_args[@]}" "${connect[@]}" --out "$out")"
  echo "| $run | gcp (${#projects[@]} projects) | $t | $(summary "$out/pull.json" gcp) |"
  t="$(timed "${kl[@]}" pull azure --tenant "$tenant" "${connect[@]}" --out "$out")"
  echo "| $run | azure (1 tenant) | $t | $(summary "$out/pull.json" azure) |"
done

# The pull is the estate: both audits see the same identities and findings.
a="$("${kl[@]}" audit "$work/estate" --format json --fail-on critical 2>&1 >/dev/null | tail -1)"
b="$("${kl[@]}" audit "$work/pull-1" --format json --fail-on critical 2>&1 >/dev/null | tail -1)"
echo
echo "estate: $a"
echo "pull:   $b"
[ "${a#keyless audit: }" = "${b#keyless audit: }" ] || { echo "the audit of the pull differs from the audit of the estate" >&2; exit 1; }
