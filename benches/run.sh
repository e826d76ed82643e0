#!/usr/bin/env bash
# The run-time benchmarks, then their ratios against the targets of BENCHMARKS.md.
# Extra arguments go to criterion, e.g. `benches/run.sh --measurement-time 10`;
# `INSTRUCTIONS=0` skips the instruction counts that follow (they need valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo bench --bench runtime -- "$@" > "$log" 2>&1 || { cat "$log"; exit 1; }
grep -E "time:|allocations" "$log" || true
echo
# A target not met makes the script fail, after the instruction counts below.
verdict=0
python3 benches/ratios.py || verdict=$?

# With valgrind: the instructions each side executes per iteration (callgrind, 1000 iterations
# after one warm-up call), the same count on every run. (criterion starts a child process to
# look for gnuplot, which callgrind counts as 0: the largest count is the bench's.)
if [[ ${INSTRUCTIONS:-1} != 0 ]] && command -v valgrind > /dev/null; then
  bench=$(cargo bench --bench runtime --no-run 2>&1 | sed -n 's/.*Executable .*(\(.*\)).*/\1/p' | sed -n 1p)
  count() { # group side; nothing if valgrind or the bench fails
    { BENCH_INSTRUCTIONS=$1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      --toggle-collect="*instructions_$2*" "$bench" --bench 2>&1 || true; } \
      | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | sort -n | tail -n 1
  }
  echo
  echo "| benchmark | derived, instructions per iteration | hand-written | ratio |"
  echo "|---|---|---|---|"
  for group in status problem static axum context; do
    derived=$(count "$group" derived)
    hand=$(count "$group" hand)
    if [[ -z $derived || -z $hand || $hand == 0 ]]; then
      echo "| $group | failed | failed | |"
      continue
    fi
    awk -v g="$group" -v d="$derived" -v h="$hand" \
      'BEGIN { printf "| %s | %.0f | %.0f | %.3f |\n", g, d / 1000, h / 1000, d / h }'
  done
fi
exit "$verdict"
