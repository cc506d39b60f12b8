#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# How much slower than parsing is kmemlint? Times kmemlint on each file
# (--kdir mode) against `clang-19 -fsyntax-only` on the same file with
# the SAME translated flags, the floor any libclang-based tool pays.
#
# Usage: scripts/bench-speed.sh [--kmemlint PATH] [--runs N] [FILE.c...]
#   With no FILE: two sets, the testcases of every rule folder
#   (testcases/<rule-id>/*.c for each id of `kmemlint --list-rules`: kernel
#   code; testcases/frontend/ holds the analyzer's own unit tests and is
#   left out) and kernel-bench/drivers/*.c.
#   KDIR     default: the newest /usr/src/linux-headers-*-amd64
#   --runs   timed runs per file and tool (default 3); the best is kept
#
# Like with like: kmemlint --kdir asks kbuild for an external module's
# flags and translates them for clang; it caches the translated list under
# $XDG_CACHE_HOME/kmemlint/. This script points XDG_CACHE_HOME at a temp
# dir, lets kmemlint fill the cache once (untimed), and gives clang-19
# exactly that list, with the per-file names kmemlint substitutes
# (KBUILD_BASENAME, KBUILD_MODNAME, __KBUILD_MODNAME) and -I<file's dir>,
# run from the same directory (the cache's `dir`, KDIR). Both tools then
# parse the same code with the same macros; the difference is the
# analysis (CFG lowering, the engine, the checkers) plus libclang's extra
# bookkeeping. kmemlint's --kdir probe is cached before the timing starts,
# so it is not counted.
#
# Figures only, never a test. hyperfine is not needed (nor used): each
# run is timed with date +%s%N around the process; the best of --runs.

set -u

here=$(cd "$(dirname "$0")/.." && pwd)
kmemlint=
runs=3

while [ $# -gt 0 ]; do
	case $1 in
	--kmemlint) kmemlint=$2; shift 2 ;;
	--kmemlint=*) kmemlint=${1#*=}; shift ;;
	--runs) runs=$2; shift 2 ;;
	--runs=*) runs=${1#*=}; shift ;;
	-h|--help) sed -n '3,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-*) echo "bench-speed: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done

if [ -z "$kmemlint" ]; then
	kmemlint=$here/build/kmemlint
	[ -x "$kmemlint" ] || kmemlint=$(command -v kmemlint || true)
fi
if [ -z "$kmemlint" ] || [ ! -x "$kmemlint" ]; then
	echo "bench-speed: kmemlint not found (build it, or --kmemlint PATH)" >&2
	exit 2
fi
kmemlint=$(cd "$(dirname "$kmemlint")" && pwd)/$(basename "$kmemlint")
clang=$(command -v clang-19 || true)
if [ -z "$clang" ]; then
	echo "bench-speed: clang-19 not found" >&2
	exit 2
fi
if [ -z "${KDIR:-}" ]; then
	KDIR=$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1)
fi
if [ -z "$KDIR" ] || [ ! -f "$KDIR/Makefile" ]; then
	echo "bench-speed: no kernel headers (set KDIR or install linux-headers-amd64)" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kml-bench-speed.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM
export XDG_CACHE_HOME=$tmp/cache

# Sets: "name|file file ..."
sets=()
if [ $# -gt 0 ]; then
	sets+=("files|$*")
else
	if ! rules=$("$kmemlint" --list-rules) ||
	   ! rules=$(printf '%s\n' "$rules" | awk '{ print $1 }') ||
	   [ -z "$rules" ]; then
		echo "bench-speed: $kmemlint --list-rules gave no rule id" >&2
		exit 2
	fi
	tc=
	for rule in $rules; do
		for f in "$here/testcases/$rule"/*.c; do
			[ -f "$f" ] && tc="$tc $f"
		done
	done
	[ -n "$tc" ] && sets+=("testcases|$tc")
	kb=
	for f in "$here"/kernel-bench/drivers/*.c; do
		[ -f "$f" ] && kb="$kb $f"
	done
	[ -n "$kb" ] && sets+=("kernel-bench|$kb")
fi
if [ ${#sets[@]} -eq 0 ]; then
	echo "bench-speed: no files" >&2
	exit 2
fi

# Fill kmemlint's --kdir cache (the kbuild probe), untimed.
first=${sets[0]#*|}
first=${first# }
first=${first%% *}
"$kmemlint" --kdir "$KDIR" --format=json "$first" >/dev/null 2>"$tmp/probe.err"
if [ $? -ge 2 ]; then
	cat "$tmp/probe.err" >&2
	echo "bench-speed: kmemlint failed on $first" >&2
	exit 2
fi
cache=$(ls "$XDG_CACHE_HOME"/kmemlint/kdir-*.args 2>/dev/null | head -n 1)
if [ -z "$cache" ]; then
	echo "bench-speed: kmemlint wrote no --kdir cache; cannot reproduce its flags" >&2
	exit 2
fi
# Header: version, kdir, auto.conf stamp, dir; then one flag a line.
mapfile -t lines <"$cache"
case ${lines[0]} in
"kmemlint-kdir-cache "*) ;;
*) echo "bench-speed: unknown cache format: ${lines[0]}" >&2; exit 2 ;;
esac
rundir=${lines[3]#dir }
base_flags=("${lines[@]:4}")

now() { date +%s%N; }

# clang's flags for one file: the probe's names replaced as kmemlint does.
flags_for() {
	local f=$1 name out=() a
	name=$(basename "$f" .c | tr -- '-,' '__')
	for a in "${base_flags[@]}"; do
		out+=("${a//kmemlint_probe/$name}")
	done
	out+=("-I$(dirname "$f")")
	file_flags=("${out[@]}")
}

# best_of CMD...: prints the best wall time in ns over $runs runs;
# returns the command's last exit status.
best_of() {
	local i t0 t1 best= rc=0
	for ((i = 0; i < runs; i++)); do
		t0=$(now)
		"$@" >/dev/null 2>>"$tmp/stderr"
		rc=$?
		t1=$(now)
		if [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ]; then
			best=$((t1 - t0))
		fi
	done
	echo "$best"
	return $rc
}

secs() { awk -v n="$1" 'BEGIN { printf "%.2f", n / 1e9 }'; }

echo "kmemlint $kmemlint"
echo "clang    $clang ($("$clang" --version | head -n 1))"
echo "KDIR     $KDIR; best of $runs runs a file; $(nproc) CPUs, one process at a time"
echo
printf '%-14s %6s %12s %12s %7s %9s\n' set files "floor (s)" "kmemlint (s)" ratio overhead
status=0
for s in "${sets[@]}"; do
	name=${s%%|*}
	floor=0
	tool=0
	n=0
	for f in ${s#*|}; do
		f=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
		flags_for "$f"
		tf=$(cd "$rundir" && best_of "$clang" -fsyntax-only "${file_flags[@]}" "$f")
		rc=$?
		if [ $rc -ne 0 ]; then
			echo "bench-speed: clang-19 -fsyntax-only failed on $f (exit $rc)" >&2
			status=1
		fi
		tk=$(best_of "$kmemlint" --kdir "$KDIR" --format=json "$f")
		rc=$?
		if [ $rc -ge 2 ]; then
			echo "bench-speed: kmemlint failed on $f (exit $rc)" >&2
			status=1
		fi
		floor=$((floor + tf))
		tool=$((tool + tk))
		n=$((n + 1))
		[ -n "${BENCH_VERBOSE:-}" ] &&
			printf '  %-40s %8s %8s\n' "$(basename "$f")" "$(secs "$tf")" "$(secs "$tk")" >&2
	done
	ratio=$(awk -v a="$tool" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')
	over=$(awk -v a="$tool" -v b="$floor" 'BEGIN { printf "%+.0f%%", (a - b) * 100 / b }')
	printf '%-14s %6d %12s %12s %7s %9s\n' "$name" "$n" "$(secs "$floor")" "$(secs "$tool")" "$ratio" "$over"
done

# Peak memory (maximum resident set) on the largest file of the sets, both
# tools, with GNU time when it is there.
if [ -x /usr/bin/time ]; then
	big=$(ls -S $(for s in "${sets[@]}"; do echo ${s#*|}; done) | head -n 1)
	big=$(cd "$(dirname "$big")" && pwd)/$(basename "$big")
	flags_for "$big"
	mc=$(cd "$rundir" && /usr/bin/time -f %M "$clang" -fsyntax-only \
		"${file_flags[@]}" "$big" 2>&1 >/dev/null | tail -n 1)
	mk=$(/usr/bin/time -f %M "$kmemlint" --kdir "$KDIR" --format=json \
		"$big" 2>&1 >/dev/null | tail -n 1)
	echo
	echo "peak memory on the largest file, $(basename "$big") ($(wc -l <"$big") lines):" \
	     "clang-19 -fsyntax-only $((mc / 1024)) MB, kmemlint $((mk / 1024)) MB"
fi
if [ $status -ne 0 ]; then
	echo
	echo "bench-speed: some runs failed; their stderr:" >&2
	sort -u "$tmp/stderr" | grep -E 'error|kmemlint:' | head -n 20 >&2
fi
exit $status
