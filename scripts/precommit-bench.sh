#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# How long the pre-commit hook takes on a one-file change of a real
# driver: a temporary git repository holding one file of a linux-source
# tree (default drivers/usb/serial/ftdi_sio.c with its headers' folder),
# a one-line change staged, then `kmemlint --staged` timed N times (the
# kbuild flags cache of ~/.cache/kmemlint warm after the first run).
# Prints the figures; not a test.
#
# usage: scripts/precommit-bench.sh KMEMLINT [SRC_TREE] [FILE] [N]
#   SRC_TREE defaults to the first /tmp/kml-real.*/linux-source-6.1, else
#   /usr/src/linux-source-6.1.tar.xz is extracted (that one file's folder)
set -eu
K=$(realpath "$1")
SRC=${2:-}
FILE=${3:-drivers/usb/serial/ftdi_sio.c}
N=${4:-3}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if [ -z "$SRC" ]; then
	for d in /tmp/kml-real.*/linux-source-6.1; do
		[ -f "$d/$FILE" ] && SRC=$d && break
	done
fi
if [ -z "$SRC" ]; then
	tar -C "$T" -xJf /usr/src/linux-source-6.1.tar.xz \
		"linux-source-6.1/$(dirname "$FILE")"
	SRC=$T/linux-source-6.1
fi
mkdir "$T/repo"
cp "$SRC/$(dirname "$FILE")"/*.[ch] "$T/repo/"
cd "$T/repo"
f=$(basename "$FILE")
git init -q && git add . && git -c user.email=b@b -c user.name=b commit -q -m base
lines=$(wc -l < "$f")
# one changed line in the middle of the file, inside a function
awk -v n=$((lines / 2)) '{ print } NR >= n && !done && /^\t[a-z].*;$/ { print "\tbarrier();"; done = 1 }' "$f" > x && mv x "$f"
git add "$f"
echo "file: $FILE ($lines lines), kmemlint $("$K" --version | cut -d' ' -f2)"
"$K" --staged > /dev/null 2>&1 || true	# warm the kbuild flags cache
i=0
while [ $i -lt "$N" ]; do
	/usr/bin/time -f "kmemlint --staged: %e s wall, %U s user, %M KB max RSS" \
		"$K" --staged > /dev/null 2> t.txt || true
	tail -1 t.txt
	i=$((i + 1))
done
/usr/bin/time -f "kmemlint on the whole file (no diff): %e s wall" \
	"$K" "$f" > /dev/null 2> t.txt || true
tail -1 t.txt
