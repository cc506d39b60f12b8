#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# --write-baseline / --baseline on a copy of the kernel-bench drivers: the
# baseline silences the known findings (exit 0), still does after code
# moves (lines added above), and a new bug added to a module fails the run
# (exit 1) with that finding only.  usage: baseline.sh KMEMLINT
set -u
K=$(realpath "$1")
TOP=$(cd "$(dirname "$0")/../.." && pwd)
. "$TOP/testcases/ci/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp "$TOP"/kernel-bench/drivers/*.[ch] "$T"/
cd "$T"

"$K" --format=json *.c > all.jsonl 2>/dev/null
n=$(wc -l < all.jsonl)
"$K" --write-baseline=base.txt *.c > /dev/null 2>&1
check "--write-baseline exits 0" test $? -eq 0
check "the baseline has a line per finding ($n)" \
	test "$(grep -vc '^#' base.txt)" -eq "$n" -a "$n" -gt 0
check "the baseline starts with its header" \
	test "$(head -1 base.txt)" = "# kmemlint baseline 1"

"$K" --baseline=base.txt *.c > out.txt 2>&1
check "the next run with the baseline exits 0" test $? -eq 0
check "... and prints no finding" test ! -s out.txt

# move code: lines added above every function of one module
f=kmb_char_ioctl.c
{ head -n 20 "$f"; printf '/* moved */\n\n\n#define KMB_MOVED 1\n\n'; tail -n +21 "$f"; } > x && mv x "$f"
"$K" --strict --baseline=base.txt *.c > out.txt 2>&1
check "code moved down: the baseline still matches (exit 0)" test $? -eq 0

# a new bug in a copy of a bench module
cat >> kmb_misc_timer.c <<'EOC'

struct kmb_new_rec {
	int id;
};

int kmb_new_bug(int id)
{
	struct kmb_new_rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	r->id = id;
	kfree(r);
	return 0;
}
EXPORT_SYMBOL_GPL(kmb_new_bug);
EOC
"$K" --format=json --baseline=base.txt *.c > new.jsonl 2>/dev/null
check "a new bug fails the run (exit 1)" test $? -eq 1
check "... and only the new bug is reported" \
	sh -c 'test "$(wc -l < new.jsonl)" -eq 1 && grep -q "\"function\": \"kmb_new_bug\", \"rule\": \"unchecked-alloc\"" new.jsonl'

echo "not a baseline" > bad.txt
"$K" --baseline=bad.txt kmb_misc_timer.c > /dev/null 2> err.txt
check "a file that is not a baseline: exit 2 with a message" \
	sh -c "test $? -eq 2 && grep -q 'not a kmemlint baseline' err.txt"
"$K" --baseline=missing.txt kmb_misc_timer.c > /dev/null 2>&1
check "a missing baseline: exit 2" test $? -eq 2
finish
