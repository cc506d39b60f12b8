#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A file analysed again because something it reads of another file
# changed takes the report pass of each function whose queries answer
# as they did from its last analysis (engine/reuse.c), with that
# function's findings, and the same of each summary exploration, with
# its summary and field records.  reuse/ is one module: kmru_main.c calls
# kmru_lib.c's kmru_get() and kmru_put() from two of its seven
# functions.  When kmru_get() becomes __GFP_NOFAIL, kmru_main.c is
# analysed again: kmru_fill() (which calls it) and kmru_init() (which
# calls kmru_fill()) are explored in both passes, the five others are
# not, and the
# findings are those of a fresh scan of the edited tree, and of a scan
# with every report pass run (KMEMLINT_NO_REUSE=1).  A memo cut short,
# changed on disk or of another unit is not read.  KMEMLINT_REUSE_CHECK=1 explores every
# function and checks that one whose log is the memo's has its outcome.
# usage: reuse.sh KMEMLINT REUSE-TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/reuse"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2


scan() { # NAME DB
	"$KMEMLINT" scan -j2 --format=json --db "$T/$2" reuse \
		>"$T/$1.out" 2>"$T/$1.err"
	echo $? >"$T/$1.status"
	db_dump "$T/$2" >"$T/$1.db.txt"
}

reused() { # NAME: report passes taken from the memo
	sed -n 's/^  reuse      [0-9]* summary explorations and \([0-9]*\) report.*/\1/p' "$T/$1.err"
}

sum_reused() { # NAME: summary explorations taken from the memo
	sed -n 's/^  reuse      \([0-9]*\) summary explorations.*/\1/p' "$T/$1.err"
}

scan first a.db
check "first: exit 1 (findings)" [ "$(cat "$T/first.status")" -eq 1 ]
check "first: kmru_fill() uses kmru_get()'s NULL" \
	[ "$(count_findings "$T/first.out" unchecked-alloc kmru_main.c 18)" -eq 1 ]
check "first: kmru_raw_fill()'s unchecked kmalloc()" \
	[ "$(count_findings "$T/first.out" unchecked-alloc kmru_main.c 33)" -eq 1 ]
check "first: kmru_raw_drop()'s double free" \
	[ "$(count_findings "$T/first.out" double-free kmru_main.c 42)" -eq 1 ]
check "first: nothing reused (no memo yet)" not grep -q '^  reuse ' "$T/first.err"
check "first: a memo beside each cache file" \
	[ "$(ls "$T/a.db.ir" | grep -c '\.rep$')" -eq 2 ]

sed -i 's/GFP_KERNEL);/GFP_KERNEL | __GFP_NOFAIL);/' reuse/kmru_lib.c
scan edit a.db
check "edit: kmru_main.c analysed again from the cache" \
	grep -Eq 'IR cache   1 analyses from the cache, 1 parsed' "$T/edit.err"
check "edit: five report passes taken from the memo" [ "$(reused edit)" -eq 5 ]
check "edit: five summary explorations taken from the memo" \
	[ "$(sum_reused edit)" -eq 5 ]
check "edit: kmru_fill()'s finding gone" \
	[ "$(count_findings "$T/edit.out" unchecked-alloc kmru_main.c 18)" -eq 0 ]
check "edit: the reused functions' findings kept" \
	[ "$(count_findings "$T/edit.out" unchecked-alloc kmru_main.c 33)" -eq 1 ] &&
	[ "$(count_findings "$T/edit.out" double-free kmru_main.c 42)" -eq 1 ]
scan fresh b.db
check "edit: the findings of a fresh scan of the edited tree" \
	cmp -s "$T/fresh.out" "$T/edit.out"
check "edit: no replay changed what it had read" \
	not grep -q 'after a replay of their memo' "$T/edit.err"

# the same edit, every report pass run
sed -i 's/ | __GFP_NOFAIL);/);/' reuse/kmru_lib.c
scan back a.db
check "back: kmru_fill()'s finding again" \
	[ "$(count_findings "$T/back.out" unchecked-alloc kmru_main.c 18)" -eq 1 ]
check "back: the findings of the first scan" cmp -s "$T/first.out" "$T/back.out"
sed -i 's/GFP_KERNEL);/GFP_KERNEL | __GFP_NOFAIL);/' reuse/kmru_lib.c
KMEMLINT_NO_REUSE=1 scan off a.db
check "KMEMLINT_NO_REUSE=1: nothing taken from the memo" \
	not grep -q '^  reuse ' "$T/off.err"
check "KMEMLINT_NO_REUSE=1: the same findings" cmp -s "$T/fresh.out" "$T/off.out"
check "KMEMLINT_NO_REUSE=1: the same database as with the memo" \
	cmp -s "$T/edit.db.txt" "$T/off.db.txt"
check "KMEMLINT_NO_REUSE=1: the memos removed" \
	[ "$(ls "$T/a.db.ir" | grep -c '\.rep$')" -eq 0 ]

# A damaged memo is not read: every function explored, same findings.
# The edit is undone and scanned (new memos), each memo damaged by $2,
# and the edit made again and scanned as $1.
after_damage() { # NAME DAMAGE
	sed -i 's/ | __GFP_NOFAIL);/);/' reuse/kmru_lib.c
	scan "$1-before" a.db
	for m in "$T"/a.db.ir/*.rep; do
		"$2" "$m"
	done
	sed -i 's/GFP_KERNEL);/GFP_KERNEL | __GFP_NOFAIL);/' reuse/kmru_lib.c
	scan "$1" a.db
}

cut_short() { # FILE: its last 10 bytes go
	head -c $(($(wc -c <"$1") - 10)) "$1" >"$T/cut" && cat "$T/cut" >"$1"
}

flip_byte() { # FILE: its middle byte becomes Z
	printf 'Z' | dd of="$1" bs=1 seek=$(($(wc -c <"$1") / 2)) \
		conv=notrunc 2>/dev/null
}

after_damage cut cut_short
check "cut: nothing taken from a memo cut short" \
	not grep -q '^  reuse ' "$T/cut.err"
check "cut: the same findings" cmp -s "$T/fresh.out" "$T/cut.out"
after_damage flip flip_byte
check "flip: nothing taken from a memo changed on disk (its checksum)" \
	not grep -q '^  reuse ' "$T/flip.err"
check "flip: the same findings" cmp -s "$T/fresh.out" "$T/flip.out"

# KMEMLINT_REUSE_CHECK=1: every function explored, and one whose log is
# the memo's has the memo's outcome
sed -i 's/ | __GFP_NOFAIL);/);/' reuse/kmru_lib.c
scan back2 a.db
sed -i 's/GFP_KERNEL);/GFP_KERNEL | __GFP_NOFAIL);/' reuse/kmru_lib.c
KMEMLINT_REUSE_CHECK=1 scan check a.db
check "check: the same findings" cmp -s "$T/fresh.out" "$T/check.out"
check "check: five of each would be taken" \
	[ "$(sum_reused check)" -eq 5 ] && [ "$(reused check)" -eq 5 ]
check "check: kmru_fill()'s log differs at kmru_get()'s answer" \
	grep -q 'kmru_fill(): report pass: entry .* (q X kmru_get) differs' "$T/check.err"
check "check: kmru_init()'s summary log differs at kmru_fill()'s summary" \
	grep -q 'kmru_init(): summary pass: entry .* (q S kmru_fill) differs' "$T/check.err"
check "check: the same log, the same outcome" \
	not grep -q 'REUSE MISMATCH' "$T/check.err"
finish
