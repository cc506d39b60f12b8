#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Inline suppressions: /* kmemlint-ignore RULE: reason */ on the line or
# the line above silences that rule's finding there; a missing reason or
# an unknown rule is a diagnostic and silences nothing; one that matches
# nothing is reported; --list-suppressions lists them.
# usage: suppress.sh KMEMLINT
set -u
K=$(realpath "$1")
TOP=$(cd "$(dirname "$0")/../.." && pwd)
. "$TOP/testcases/ci/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"

cat > sup.c <<'EOC'
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>

struct sup_rec {
	int id;
	int len;
};

int sup_same_line(int id)
{
	struct sup_rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	r->id = id; /* kmemlint-ignore unchecked-alloc: probe-time, GFP_KERNEL of 8 bytes cannot fail here */
	kfree(r);
	return 0;
}
EXPORT_SYMBOL_GPL(sup_same_line);

int sup_line_above(int id)
{
	struct sup_rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	/* kmemlint-ignore unchecked-alloc: the reason goes here */
	r->id = id;
	kfree(r);
	return 0;
}
EXPORT_SYMBOL_GPL(sup_line_above);

int sup_no_reason(int id)
{
	struct sup_rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	r->id = id; /* kmemlint-ignore unchecked-alloc */
	kfree(r);
	return 0;
}
EXPORT_SYMBOL_GPL(sup_no_reason);

int sup_other_rule(int id)
{
	struct sup_rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	r->id = id; /* kmemlint-ignore use-after-free: not this rule */
	kfree(r);
	return 0;
}
EXPORT_SYMBOL_GPL(sup_other_rule);

int sup_unknown_rule(int id)
{
	struct sup_rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	r->id = id; /* kmemlint-ignore no-such-rule: typo */
	kfree(r);
	return 0;
}
EXPORT_SYMBOL_GPL(sup_unknown_rule);

MODULE_LICENSE("GPL");
EOC

"$K" --format=json sup.c > out.jsonl 2> err.txt
st=$?
fn() { grep -c "\"function\": \"$1\"" out.jsonl; }
check "the run exits 1 (unsuppressed findings remain)" test $st -eq 1
check "a suppression on the line silences the finding" test "$(fn sup_same_line)" -eq 0
check "a suppression on the line above silences it" test "$(fn sup_line_above)" -eq 0
check "no reason: the finding is reported" test "$(fn sup_no_reason)" -eq 1
check "no reason: a diagnostic names the line" \
	grep -q "^sup.c:35: kmemlint-ignore unchecked-alloc: a reason is required" err.txt
check "another rule's suppression does not silence it" test "$(fn sup_other_rule)" -eq 1
check "... and, matching nothing, it is reported" \
	grep -q "^sup.c:45: kmemlint-ignore use-after-free matches no finding" err.txt
check "an unknown rule id is a diagnostic, and silences nothing" \
	sh -c "grep -q \"^sup.c:55: kmemlint-ignore: unknown rule id 'no-such-rule'\" err.txt && test $(fn sup_unknown_rule) -eq 1"

"$K" --list-suppressions sup.c > list.txt 2>/dev/null
st=$?
check "--list-suppressions exits 0" test $st -eq 0
check "--list-suppressions lists each with its reason and use" sh -c '
	grep -qx "sup.c:14: unchecked-alloc: probe-time, GFP_KERNEL of 8 bytes cannot fail here \[1 finding suppressed\]" list.txt &&
	grep -qx "sup.c:24: unchecked-alloc: the reason goes here \[1 finding suppressed\]" list.txt &&
	grep -qx "sup.c:45: use-after-free: not this rule \[0 findings suppressed\]" list.txt &&
	test $(wc -l < list.txt) -eq 3'
finish
