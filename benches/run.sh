#!/usr/bin/env bash
# The run-time benchmarks, then their ratios against the targets of BENCHMARKS.md.
# Extra arguments go to criterion, e.g. `benches/run.sh --measurement-time 10`.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo bench --bench runtime -- "$@" > "$log" 2>&1 || { cat "$log"; exit 1; }
grep -E "time:|allocations" "$log"
echo
python3 benches/ratios.py
