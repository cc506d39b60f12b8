#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Figures of `kmemlint scan` at scale (docs/benchmarks.md; not a timed
# test), on a driver tree such as linux-source-6.1/drivers/usb:
#   - a scan with a fresh database: files, lines, wall and CPU time, files
#     per second, CPU seconds per 1,000 lines, peak RSS of a worker, the
#     database size, files that failed;
#   - `clang-19 -fsyntax-only` of the same files with the same flags (the
#     ones `kmemlint scan --list-files` prints), run -jN from KDIR: its CPU
#     time, and the ratio of the scan's CPU time (both passes) to it;
#   - a re-scan after appending a comment to one file: wall and CPU, as a
#     share of the fresh scan;
#   - the IR cache's line of each scan (analyses from the cache, parses,
#     fallbacks, its size); KMEMLINT_NO_IR_CACHE=1 measures without it.
# CPU times are the better figure on a loaded machine.
#
# usage: scripts/bench-scale.sh [-j N] [--kmemlint PATH] [--kdir DIR]
#            [--clang PATH] TREE [FILE]
# The tree is copied to a temporary directory first (removed at the end).
set -eu

jobs=2
kml=$(cd "$(dirname "$0")/.." && pwd)/build/kmemlint
kdir=${KDIR:-$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1)}
clang=clang-19
while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift 2 ;;
	--kmemlint) kml=$2; shift 2 ;;
	--kdir) kdir=$2; shift 2 ;;
	--clang) clang=$2; shift 2 ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || { echo "usage: $0 [-j N] [--kmemlint PATH] [--kdir DIR] [--clang PATH] TREE [FILE]" >&2; exit 2; }
src=$(cd "$1" && pwd)
touchfile=${2:-}
tmp=$(mktemp -d /tmp/kmemlint-bench-scale.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache"
# Inside a kernel source tree, the copy keeps its place under a copy of
# the tree's root whose include/ is the original's, so headers named
# relative to the root (a trace header's TRACE_INCLUDE_PATH) are found.
root=$src
while [ "$root" != / ] && [ ! -f "$root/include/trace/define_trace.h" ]; do
	root=$(dirname "$root")
done
if [ "$root" != / ]; then
	rel=${src#"$root"}
	# every directory on the way down holds links to the original's
	# other entries (cnic.c includes ../../../scsi/bnx2i/...)
	pre=
	for part in $(echo "$rel" | tr / ' '); do
		mkdir -p "$tmp/root$pre"
		for e in "$root$pre"/*; do
			[ "$(basename "$e")" = "$part" ] ||
				ln -s "$e" "$tmp/root$pre/$(basename "$e")"
		done
		pre=$pre/$part
	done
	cp -r "$src" "$tmp/root$rel"
	tree=$tmp/root$rel
else
	cp -r "$src" "$tmp/tree"
	tree=$tmp/tree
fi

echo "kmemlint scan at scale: $src (KDIR $kdir, -j$jobs, $(nproc) CPUs, load $(cut -d" " -f1-3 /proc/loadavg))"
"$kml" scan --kdir="$kdir" --list-files "$tree" >"$tmp/files"
nfiles=$(wc -l <"$tmp/files")
lines=$(cut -d" " -f1 "$tmp/files" | xargs cat | wc -l)
echo "files kbuild builds: $nfiles, $lines lines of .c"

scan() {	# label
	/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$kml" scan \
		--kdir="$kdir" -j"$jobs" --format=json --output="$tmp/out.json" \
		"$tree" 2>"$tmp/err" || [ $? -eq 1 ]
	wall=$(sed -n 's/^  wall time  \([0-9.]*\) s$/\1/p' "$tmp/err")
	cpu=$(sed -n 's/^  CPU time   \([0-9.]*\) s.*/\1/p' "$tmp/err")
	rss=$(sed -n 's/^  memory     \([0-9.]*\) MB.*/\1/p' "$tmp/err")
	files=$(sed -n 's/^kmemlint scan: \([0-9]*\) files: \([0-9]*\) analysed, \([0-9]*\) failed.*/\2 analysed, \3 failed/p' "$tmp/err")
	an=$(sed -n 's/^  analyses   \([0-9]*\) in \([0-9]*\) rounds\{0,1\} .*/\1 analyses in \2 rounds/p' "$tmp/err")
	db=$(sed -n 's/^  database   .* (\(.*\))$/\1/p' "$tmp/err")
	nf=$(grep -c '^{' "$tmp/out.json" || true)
	ir=$(sed -n 's/^  IR cache   //p' "$tmp/err")
	echo "$1: wall ${wall} s, CPU ${cpu} s; $files; $an; $nf findings; peak RSS of a worker ${rss:-?} MB; database $db"
	[ -z "$ir" ] || echo "  IR cache: $ir"
	grep '^  failed' "$tmp/err" || true
}

scan "fresh database"
full_wall=$wall full_cpu=$cpu
analysed=$(echo "$files" | sed 's/ analysed.*//')
echo "  $(echo "scale=2; $analysed / $full_wall" | bc) files/s (wall), $(echo "scale=2; $full_cpu * 1000 / $lines" | bc) CPU s per 1,000 lines"

# clang -fsyntax-only, the same files and flags, -jN from KDIR
python3 - "$tmp/files" "$kdir" "$clang" "$jobs" <<'EOF'
import os, resource, subprocess, sys, time
files, kdir, clang, jobs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cmds = [l.split() for l in open(files) if l.strip()]
t0 = time.monotonic()
running, failed = [], 0
for c in cmds:
    while len(running) >= jobs:
        for p in running:
            if p.poll() is not None:
                failed += p.returncode != 0
                running.remove(p)
                break
        else:
            time.sleep(0.02)
    running.append(subprocess.Popen([clang, '-fsyntax-only', '-w'] + c[1:] + [c[0]],
                                    cwd=kdir, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL))
for p in running:
    failed += p.wait() != 0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print('%s -fsyntax-only: wall %.1f s, CPU %.1f s; %d files, %d failed; peak RSS %.1f MB'
      % (clang, time.monotonic() - t0, ru.ru_utime + ru.ru_stime, len(cmds),
         failed, ru.ru_maxrss / 1024.0))
with open(files + '.clang', 'w') as f:
    f.write('%.1f\n' % (ru.ru_utime + ru.ru_stime))
EOF
clang_cpu=$(cat "$tmp/files.clang")
echo "  kmemlint scan CPU / clang -fsyntax-only CPU: $(echo "scale=2; $full_cpu / $clang_cpu" | bc)"

if [ -z "$touchfile" ]; then
	touchfile=$(cut -d" " -f1 "$tmp/files" | head -n 1)
fi
touchfile=${touchfile#"$tree/"}
echo "/* touched */" >>"$tree/$touchfile"
scan "re-scan, $touchfile touched"
echo "  $(echo "scale=1; 100 * $wall / $full_wall" | bc) % of the fresh scan's wall time, $(echo "scale=1; 100 * $cpu / $full_cpu" | bc) % of its CPU time"
