#!/bin/sh
# usage: summary-text.sh KMEMLINT TEST-SUMMARY-TEXT FILE.c...
# Dumps the summaries of each file and checks that their text form reads
# back to the same text.
set -u
kmemlint=$1 prog=$2
shift 2
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
status=0
for f in "$@"; do
	"$kmemlint" --dump-summaries "$f" > "$tmp"
	[ $? -le 1 ] || { echo "kmemlint failed on $f"; exit 2; }
	"$prog" "$tmp" || status=1
done
exit $status
