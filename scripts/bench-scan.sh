#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Figures of `kmemlint scan` on a tree (not a timed test): a scan with a
# fresh database at -j1 and at -jN, a re-scan with nothing changed, and a
# re-scan after touching one file (its text changes, so it is analysed
# again, and so are the files that read what it exports if that changed).
# Prints wall and CPU seconds, analyses, rounds and the database size.
#
# usage: scripts/bench-scan.sh [-j N] [--kmemlint PATH] [--kdir DIR] TREE [FILE]
#   TREE  a driver directory (e.g. linux-source-6.1/drivers/net/usb)
#   FILE  the file to touch (default: the first .c file kbuild builds)
# The tree is copied to a temporary directory first (the scan writes its
# database beside the tree); the copy is removed at the end.
set -eu

jobs=$(nproc)
kml=$(cd "$(dirname "$0")/.." && pwd)/build/kmemlint
kdir=
while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift 2 ;;
	--kmemlint) kml=$2; shift 2 ;;
	--kdir) kdir="--kdir=$2"; shift 2 ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || { echo "usage: $0 [-j N] [--kmemlint PATH] [--kdir DIR] TREE [FILE]" >&2; exit 2; }
src=$(cd "$1" && pwd)
touchfile=${2:-}
tmp=$(mktemp -d /tmp/kmemlint-bench-scan.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
cp -r "$src" "$tmp/tree"

run() {	# label, then scan options
	label=$1
	shift
	"$kml" scan $kdir "$@" --format=json --output="$tmp/out.json" "$tmp/tree" \
		2>"$tmp/err" || [ $? -eq 1 ]
	wall=$(sed -n 's/^  wall time  \([0-9.]*\) s$/\1/p' "$tmp/err")
	cpu=$(sed -n 's/^  CPU time   \([0-9.]*\) s.*/\1/p' "$tmp/err")
	an=$(sed -n 's/^  analyses   \([0-9]*\) in \([0-9]*\) rounds\{0,1\} .*/\1 analyses, \2 rounds/p' "$tmp/err")
	files=$(sed -n 's/^kmemlint scan: \([0-9]*\) files: \([0-9]*\) analysed, \([0-9]*\) failed.*/\1 files (\2 analysed, \3 failed)/p' "$tmp/err")
	db=$(sed -n 's/^  database   .* (\(.*\))$/\1/p' "$tmp/err")
	nf=$(grep -c '^{' "$tmp/out.json" || true)
	printf '%-34s wall %7ss  CPU %7ss  %s; %s; %s findings; db %s\n' \
		"$label" "$wall" "$cpu" "$files" "$an" "$nf" "$db"
	grep '^  failed' "$tmp/err" || true
}

echo "kmemlint scan on $src (KDIR ${kdir:+${kdir#--kdir=}}${kdir:-as kmemlint finds it}, $(nproc) CPUs, load $(cut -d" " -f1-3 /proc/loadavg))"
# kbuild is asked once (cached), so that no figure below includes it
start=$(date +%s.%N)
"$kml" scan $kdir -j"$jobs" --list-files "$tmp/tree" >"$tmp/files"
end=$(date +%s.%N)
echo "asking kbuild for the flags of $(wc -l <"$tmp/files") files: $(echo "$end - $start" | bc) s"
run "fresh database, -j1" -j1
cp "$tmp/out.json" "$tmp/out-j1.json"
rm -rf "$tmp/tree/.kmemlint"
run "fresh database, -j$jobs" -j"$jobs"
if cmp -s "$tmp/out.json" "$tmp/out-j1.json"; then
	echo "  -j1 and -j$jobs: byte-identical findings"
else
	echo "  -j1 and -j$jobs: findings DIFFER"
fi
run "re-scan, nothing changed" -j"$jobs"
if [ -z "$touchfile" ]; then
	touchfile=$(sed -n 's/^{"file": "\([^"]*\.c\)".*/\1/p' "$tmp/out.json" | head -n 1)
	[ -n "$touchfile" ] || touchfile=$(cd "$tmp/tree" && find . -name '*.c' | sort | head -n 1)
	touchfile=${touchfile#"$tmp/tree/"}
fi
echo "/* touched */" >>"$tmp/tree/${touchfile#./}"
run "re-scan, ${touchfile#./} touched" -j"$jobs"
