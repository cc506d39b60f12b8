#!/bin/sh
# usage: core-summaries.sh KMEMLINT RUN-TEST RULES-DIR DIR
# The core kernel's summaries (rules/*.summaries): with a copy of the rules
# directory plus DIR/test.summaries, the annotated findings of
# DIR/core-summaries.c are reported (run-test.py); with
# KMEMLINT_NO_CORE_SUMMARIES=1 they are not; a malformed file is an error
# that names it and its line.
set -u
kml=$1 run=$2 rules=$3 dir=$4
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
status=0
cp "$rules"/*.rules "$tmp/" && cp "$dir/test.summaries" "$tmp/" || exit 2
KMEMLINT_RULES_DIR=$tmp python3 "$run" "$kml" "$dir/core-summaries.c" || status=1
out=$(KMEMLINT_NO_CORE_SUMMARIES=1 KMEMLINT_RULES_DIR=$tmp "$kml" "$dir/core-summaries.c" 2>&1)
if echo "$out" | grep -q 'use-after-free\|double-free'; then
	echo "FAIL: KMEMLINT_NO_CORE_SUMMARIES=1 still loads the summaries:"
	echo "$out"
	status=1
fi
cp "$dir/bad.summaries" "$tmp/"
out=$(KMEMLINT_RULES_DIR=$tmp "$kml" "$dir/core-summaries.c" 2>&1)
rc=$?
if [ $rc -ne 2 ] || ! echo "$out" | grep -q 'bad.summaries:2: bad sum record'; then
	echo "FAIL: a malformed summaries file: exit $rc, output:"
	echo "$out"
	status=1
fi
exit $status
