#!/usr/bin/env bash
# Audit scaling benchmark: generates the corpus at 1x and 10x (same seed) and reports the CPU time of
# `keyless audit` on each and their ratio. Linear growth means a ratio of about 10 (less while start-up and JIT
# still weigh in at 1x). Usage: bench/gen-corpus/audit-scaling.sh [TEAMS_AT_1X] (default 20: 200 providers + 200 FICs).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
teams="${1:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/Keyless.Cli/Keyless.Cli.csproj" -c Release --artifacts-path "$work/art" -v q >/dev/null
keyless="$work/art/bin/Keyless.Cli/release/keyless.dll"
cpu() { /usr/bin/time -f "%U %S" -o "$work/t" dotnet "$keyless" audit "$1" --format json >/dev/null 2>&1 || true; awk '{print $1+$2}' "$work/t"; }
python3 "$here/gen_corpus.py" "$work/x1" --teams "$teams"
python3 "$here/gen_corpus.py" "$work/x10" --teams "$((teams * 10))"
a="$(cpu "$work/x1")"; b="$(cpu "$work/x10")"
echo "1x:  $((teams * 10)) providers + $((teams * 10)) credentials: ${a} s CPU"
echo "10x: $((teams * 100)) providers + $((teams * 100)) credentials: ${b} s CPU"
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio 10x/1x: %.2f (linear = 10)\n", b / a }'
