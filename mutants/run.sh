#!/usr/bin/env bash
# Mutation testing of one library crate with the tests that exercise it (cargo-mutants 27):
#   mutants/run.sh status-codes            its own tests (units, doctests, tests/edges.rs)
#   mutants/run.sh status-derive [k/n]     status-derive-internals' tests (the derive's unit
#                                          tests, its property tests, every UI case's messages
#                                          checked in process) and the behaviour tests below
#   mutants/run.sh status-core [k/n]       its unit tests and the root package's behaviour
#                                          tests (not the end-to-end, UI, load or README ones)
# `k/n` runs shard k of n (round-robin), numbered from 0: 0/4, 1/4, 2/4, 3/4. Results go to
# target/mutants/CRATE[-k-of-n]/ (mutants.out/{caught,missed,timeout,unviable}.txt). Arguments
# after those go to cargo-mutants, for a focused re-run whose results go to
# target/mutants/CRATE-focus/ (`mutants/run.sh status-derive --re edit_distance`, or
# `--names FILE` below). Installs cargo-mutants when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
crate=${1:?"usage: mutants/run.sh status-codes|status-derive|status-core [k/n] [cargo-mutants args]"}
shift
shard=
if [[ ${1:-} =~ ^[0-9]+/[0-9]+$ ]]; then
  shard=$1
  shift
fi
# `--names FILE`: exactly the mutants named in FILE, one name a line as `--list` and the
# outcome files (missed.txt, ...) write them: a re-run of the survivors, or of the mutants a
# shard at an earlier commit did not reach.
if [ "${1:-}" = --names ]; then
  names=${2:?"--names needs a file of mutant names"}
  shift 2
  re=$(grep -v '^$' "$names" | sed -e 's/[][\\^$.|?*+(){}]/\\&/g' -e 's/^/^/' -e 's/$/$/' | paste -sd'|' || true)
  # An empty pattern would match every mutant of the crate.
  [ -n "$re" ] || { echo "no mutant names in $names" >&2; exit 2; }
  set -- --re "$re" "$@"
fi
command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked --version '^27'

args=(--package "$crate")

# The root package's behaviour tests: fast, in process (not the end-to-end, UI, load or README
# ones), with fewer generated inputs per property (each mutant runs them all again). Targets are
# named with --cargo-arg, so that each mutant's build (`cargo test --no-run`) compiles only these,
# not every test, example and end-to-end client (--cargo-test-arg reaches the test run alone).
behaviour_tests() {
  for test in contracts semantics registry properties_runtime \
      response_body response_conceal response_fallback response_fixed_members response_formats \
      response_headers response_location response_no_content response_problem \
      response_retry_after response_server_error response_shapes response_status_sets \
      response_transparent rejections_axum rejections_actix context_axum context_actix \
      integration_axum integration_actix openapi_responses openapi_aide openapi_utoipa; do
    args+=("--cargo-arg=--test=$test")
  done
  export PROPTEST_CASES=${PROPTEST_CASES:-64}
}
case "$crate" in
  status-codes)
    args+=(--test-package status-codes)
    ;;
  status-derive)
    # The derive's own tests, and the behaviour its expansions have at run time.
    args+=(--test-package status-derive-internals,status-suite --all-features)
    args+=(--cargo-arg=--lib --cargo-arg=--test=ui_messages --cargo-arg=--test=properties --cargo-arg=--test=conceal_check --cargo-arg=--test=header_grammar)
    args+=(--cargo-arg=--test=expansion_shapes --cargo-arg=--test=message_edges)
    behaviour_tests
    ;;
  status-core)
    args+=(--test-package status-core,status-suite --all-features --cargo-arg=--lib)
    behaviour_tests
    ;;
  *)
    echo "unknown crate $crate: status-codes, status-derive or status-core" >&2
    exit 2
    ;;
esac

out=target/mutants/$crate
if [ -n "$shard" ]; then
  args+=(--shard "$shard" --sharding round-robin)
  out=$out-${shard/\//-of-}
fi
if (($# > 0)); then
  args+=("$@")
  out=target/mutants/$crate-focus
fi
mkdir -p "$out"
# cargo-mutants exits 2 when mutants were missed, 3 when some timed out: the counts are the
# result, read from the summary it prints last.
# The baseline would test the mutated package alone (cargo-mutants 27), which for the derive and
# status-core is not where their tests are: the tests were green before (`.ci/run`), and fixed
# timeouts stand in for the ones the baseline would measure.
if [ "$crate" != status-codes ]; then
  args+=(--baseline skip --timeout "${MUTANT_TEST_TIMEOUT:-180}" --build-timeout 600)
fi
cargo mutants "${args[@]}" --output "$out" || status=$?
echo "exit status ${status:-0}; missed: $out/mutants.out/missed.txt"
