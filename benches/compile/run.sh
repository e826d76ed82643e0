#!/usr/bin/env bash
# Compile-time cost of #[derive(HttpStatus)], measured on this machine in one run:
#   - `cargo build` of a generated crate of N enums x M variants in four flavours: plain enums
#     (`#[derive(Debug)]` only, the baseline of each derive's cost), hand-written impls (Display,
#     Error, status), thiserror only, and thiserror + HttpStatus; dependencies
#     are prebuilt, incremental compilation is off (the whole crate is compiled each time), each
#     figure is the median of REPEAT builds after touching the crate;
#   - the clean build of the status-derive crate next to thiserror-impl (their dependencies,
#     syn among them, prebuilt).
#   - with valgrind installed, the same builds' instructions as rustc executes them (callgrind):
#     a count that, unlike wall time on a shared machine, repeats exactly from run to run.
# Usage: benches/compile/run.sh            (N=200 M=10, plus the scaling series)
#        REPEAT=5 SIZES="200x10 400x10" benches/compile/run.sh
#        INSTRUCTIONS=0 benches/compile/run.sh   (skip the instruction counts, ~5 minutes)
#        INSTRUCTION_SIZES="200x10" benches/compile/run.sh   (their series; default 200x10 200x5)
#        COMPILE_BENCH_DIR=/tmp/bench benches/compile/run.sh (default target/compile-bench)
#        STATUS_FEATURES='"aide"' benches/compile/run.sh   (status-core's features in the crates:
#        what every derived type then also implements, aide's OperationOutput for one)
set -euo pipefail
# A failed build inside `$(...)` stops the script too, rather than being timed.
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${COMPILE_BENCH_DIR:-$root/target/compile-bench}
repeat=${REPEAT:-3}
export CARGO_TARGET_DIR="$work/target"
# Each build compiles the whole generated crate: incremental reuse would hide most of the
# codegen a user's first build of an error module pays.
export CARGO_INCREMENTAL=0
mkdir -p "$work"

# One generated crate per flavour and size.
generate() { # flavour n m
  local flavour=$1 n=$2 m=$3 dir="$work/$1-$2x$3"
  mkdir -p "$dir/src"
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "bench-$flavour-${n}x$m"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
http = "1"
thiserror = "2"
status-core = { path = "$root/status-core", features = [${STATUS_FEATURES:-}] }

[workspace]
TOML
  python3 - "$flavour" "$n" "$m" > "$dir/src/lib.rs" <<'PY'
import sys
flavour, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
codes = [400, 403, 404, 409, 410, 412, 415, 422, 429, 500, 502, 503, 504, 408, 411, 413, 414, 417, 421, 423]
out = ["#![allow(dead_code)]"] + (["use status_core::HttpStatus;"] if flavour == "status" else [])
for e in range(n):
    name = f"Error{e}"
    variants = []
    for v in range(m):
        shape = v % 3
        fields = ["", "(u64)", " { id: u64, name: String }"][shape]
        message = ["variant {v} failed", "variant {v} failed: {{0}}", "variant {v} failed for {{id}} ({{name}})"][shape].format(v=v)
        variants.append((f"V{v}", fields, message, codes[(e + v) % len(codes)], shape))
    derives = {"plain": "#[derive(Debug)]", "hand": "#[derive(Debug)]", "thiserror": "#[derive(Debug, thiserror::Error)]", "status": "#[derive(Debug, thiserror::Error, HttpStatus)]"}[flavour]
    out.append(derives)
    out.append(f"pub enum {name} {{")
    for (vname, fields, message, code, _) in variants:
        if flavour in ("thiserror", "status"):
            out.append(f'    #[error("{message}")]')
        if flavour == "status":
            out.append(f"    #[status({code})]")
        out.append(f"    {vname}{fields},")
    out.append("}")
    if flavour == "hand":
        out.append(f"impl std::fmt::Display for {name} {{")
        out.append("    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {")
        out.append("        match self {")
        for (vname, fields, message, code, shape) in variants:
            pat = [f"{name}::{vname}", f"{name}::{vname}(v0)", f"{name}::{vname} {{ id, name }}"][shape]
            out.append(f'            {pat} => write!(f, "{message.replace("{0}", "{v0}")}"),')
        out.append("        }")
        out.append("    }")
        out.append("}")
        out.append(f"impl std::error::Error for {name} {{}}")
        out.append(f"impl {name} {{")
        out.append("    pub fn status(&self) -> http::StatusCode {")
        out.append("        match self {")
        for (vname, fields, message, code, shape) in variants:
            pat = [f"{name}::{vname}", f"{name}::{vname}(..)", f"{name}::{vname} {{ .. }}"][shape]
            out.append(f"            {pat} => http::StatusCode::from_u16({code}).unwrap(),")
        out.append("        }")
        out.append("    }")
        out.append("}")
print("\n".join(out))
PY
  echo "$dir"
}

# Median wall time of `cargo build` of a crate after touching its source (dependencies built).
measure() { # dir
  local dir=$1 times=()
  (cd "$dir" && cargo build -q)
  for _ in $(seq "$repeat"); do
    touch "$dir/src/lib.rs"
    local start end
    start=$(date +%s.%N)
    (cd "$dir" && cargo build -q)
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'
}

# Instructions rustc executes (callgrind, in millions) to build `crate` of cargo package `dir`
# (in `dir`, after touching its source for a generated crate), its dependencies built. The
# command is cargo's own (`-vv` prints it with the environment cargo gives rustc), run again
# under callgrind; a failed compilation prints "failed", not a count.
instructions() { # dir crate [clean]
  local dir=$1 crate=$2 command log
  (cd "$dir" && cargo build -q)
  if [[ ${3:-} == clean ]]; then
    (cd "$dir" && cargo clean -q -p "$crate")
  else
    touch "$dir/src/lib.rs"
  fi
  command=$(cd "$dir" && cargo build -vv -p "$crate" 2>&1 \
    | sed -n "s/^ *Running \`\(.*--crate-name ${crate//-/_} .*\)\`$/\1/p" | sed -n 1p \
    | sed 's#\([^ ]*/rustc \)#valgrind --tool=callgrind --callgrind-out-file=/dev/null \1#')
  if [[ -z $command ]]; then
    printf failed
    return
  fi
  log=$(mktemp)
  if (cd "$dir" && eval "$command") > "$log" 2>&1; then
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log" | awk '{printf "%.0f", $1 / 1e6}'
  else
    printf failed
  fi
  rm -f "$log"
}

echo "# Compile-time benchmark, $(date -u +%Y-%m-%d), commit $(git -C "$root" rev-parse --short HEAD), $(nproc) cores"
echo
echo "| enums x variants | plain | hand-written | thiserror | thiserror + HttpStatus | HttpStatus's cost per enum (over thiserror) | thiserror's cost per enum (over plain) | thiserror's cost per enum (over hand-written) |"
echo "|---|---|---|---|---|---|---|---|"
for size in ${SIZES:-200x10 50x10 100x10 200x5 200x20}; do
  set -- ${size/x/ }
  plain=$(measure "$(generate plain "$1" "$2")")
  hand=$(measure "$(generate hand "$1" "$2")")
  this=$(measure "$(generate thiserror "$1" "$2")")
  both=$(measure "$(generate status "$1" "$2")")
  added=$(echo "scale=2; ($both - $this) * 1000 / $1" | bc)
  own=$(echo "scale=2; ($this - $plain) * 1000 / $1" | bc)
  over_hand=$(echo "scale=2; ($this - $hand) * 1000 / $1" | bc)
  echo "| $1 x $2 | ${plain} s | ${hand} s | ${this} s | ${both} s | ${added} ms | ${own} ms | ${over_hand} ms |"
done

# Clean build of each proc-macro crate alone, dependencies prebuilt (all flavours share one
# target dir; a status flavour's crate depends on both).
echo
echo "| crate | clean build (median of $repeat) |"
echo "|---|---|"
dir=$(find "$work" -maxdepth 1 -name 'status-*' | sort | sed -n 1p)
for crate in status-derive thiserror-impl; do
  times=()
  for _ in $(seq "$repeat"); do
    (cd "$dir" && cargo clean -q -p "$crate")
    start=$(date +%s.%N)
    (cd "$dir" && cargo build -q -p "$crate")
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}')
  echo "| $crate | ${median} s |"
done

if [[ ${INSTRUCTIONS:-1} != 0 ]] && command -v valgrind > /dev/null; then
  echo
  echo "Instructions executed by rustc (callgrind, millions; the same count every run):"
  echo
  echo "| build | plain | thiserror | thiserror + HttpStatus | HttpStatus per enum (over thiserror) | thiserror per enum (over plain) |"
  echo "|---|---|---|---|---|---|"
  for size in ${INSTRUCTION_SIZES:-200x10 200x5}; do
    set -- ${size/x/ }
    plain=$(instructions "$(generate plain "$1" "$2")" "bench-plain-${1}x$2")
    this=$(instructions "$(generate thiserror "$1" "$2")" "bench-thiserror-${1}x$2")
    both=$(instructions "$(generate status "$1" "$2")" "bench-status-${1}x$2")
    if [[ "$plain$this$both" =~ failed ]]; then
      echo "| $1 x $2 | ${plain} | ${this} | ${both} | | |"
      continue
    fi
    echo "| $1 x $2 | ${plain} M | ${this} M | ${both} M | $(( (both - this) * 1000 / $1 )) k | $(( (this - plain) * 1000 / $1 )) k |"
  done
  echo
  echo "| crate | clean build, instructions |"
  echo "|---|---|"
  for crate in status-derive thiserror-impl; do
    echo "| $crate | $(instructions "$dir" "$crate" clean) M |"
  done
fi
