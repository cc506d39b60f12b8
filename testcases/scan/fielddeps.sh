#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A re-scan analyses again the files that read what a changed file
# wrote, and no others.  A file depends on one kind of record about one
# struct field: fielddeps/kmfd_mode.c tests the mode field (the values
# the module stores there) and reads buf (what the module stores there).
#   - kmfd_use.c gains a use of buf without a NULL check: a record of a
#     kind kmfd_mode.c does not read, so kmfd_mode.c is not analysed
#     again (before, any record about buf made it stale);
#   - kmfd_use.c stores a third constant into mode: kmfd_mode.c reads
#     the values of mode, so it is analysed again, in the same round (it
#     comes after kmfd_use.c in the round's order, scan_order.c).
# usage: fielddeps.sh KMEMLINT FIELDDEPS-TREE
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
cp -r "$2" "$T/fd"
export XDG_CACHE_HOME="$T/cache"
cd "$T" || exit 2

"$KMEMLINT" scan -j2 --verbose --db="$T/a.db" fd >"$T/out" 2>"$T/err"
status=$?
check "scan: exit 0 (no findings)" [ "$status" -eq 0 ]
check "scan: no file left stale" not grep -q 'note       ' "$T/err"
[ "$status" -eq 0 ] || cat "$T/out" "$T/err"

cat >>"$T/fd/kmfd_use.c" <<'EOC'

char kmfd_first(struct kmfd_priv *p)
{
	return p->buf[0];
}
EOC
"$KMEMLINT" scan -j2 --verbose --db="$T/a.db" fd >"$T/out2" 2>"$T/err2"
check "a use of buf: only kmfd_use.c is analysed again" \
	grep -q 'analyses   1 in 1 round ' "$T/err2"
check "a use of buf: the records of another kind changed" \
	grep -q 'f unchecked-deref struct kmfd_priv::buf' "$T/err2"
grep -q 'analyses   1 in 1 round ' "$T/err2" || cat "$T/err2"

cat >>"$T/fd/kmfd_use.c" <<'EOC'

void kmfd_reset(struct kmfd_priv *p)
{
	p->mode = 3;
}
EOC
"$KMEMLINT" scan -j2 --verbose --db="$T/a.db" fd >"$T/out3" 2>"$T/err3"
check "a new value of mode: kmfd_mode.c, which tests it, is analysed again" \
	grep -q 'analyses   2 in 1 round (1 again after' "$T/err3"
check "a new value of mode: the values of mode changed" \
	grep -q 'f field-value struct kmfd_priv::mode' "$T/err3"
grep -q 'analyses   2 in 1 round (1 again after' "$T/err3" || cat "$T/err3"

finish
