#!/bin/sh
# The long fuzz run: N (default 10000) mutated bench and testcase files
# through kmemlint (testcases/fuzz/fuzz.py), from input START on with
# SEED (default 2: the meson test runs seed 1), 2 at a time.  Failing inputs are kept in fuzz-failures/; a fixed
# one goes to testcases/fuzz/regress/.  Results: docs/benchmarks.md.
# usage: scripts/fuzz.sh [BUILD [N [SEED [START]]]]
set -u
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-10000}
seed=${3:-2}
start=${4:-0}
ninja -C "$build" >/dev/null || exit 2
exec python3 testcases/fuzz/fuzz.py "$build/kmemlint" -n "$n" --seed "$seed" \
	--start "$start" -j 2 --save fuzz-failures
