#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# kmemlint scan of a directory of a kernel source tree whose trace header
# names itself relative to include/trace/ (TRACE_INCLUDE_PATH
# ../../drivers/net/kmlt, as hyperv's netvsc_trace.h) or as `.` (ice's
# ice_trace.h): the kernel headers' tree has no drivers/ beside its
# include/, so the file parses only when the scan looks the path up from
# the source tree's include/trace and from the file's directory.  A
# finding in each file shows that it was analysed.
# usage: trace-path.sh KMEMLINT
. "$(dirname "$0")/../frontend/lib.sh"
setup "$1"
export XDG_CACHE_HOME="$T/cache"
S="$T/src"
mkdir -p "$S/include/trace" "$S/drivers/net/kmlt" "$S/drivers/kmlu"
# what marks a kernel source tree (never included: the headers' own
# define_trace.h comes first)
echo '#error the source tree define_trace.h must not be included' \
	>"$S/include/trace/define_trace.h"

trace_header() {	# NAME PATH
	cat <<EOF
/* SPDX-License-Identifier: GPL-2.0 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM $1

#if !defined(_$1_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _$1_TRACE_H

#include <linux/tracepoint.h>

TRACE_EVENT($1_rx,
	TP_PROTO(unsigned int len),
	TP_ARGS(len),
	TP_STRUCT__entry(__field(unsigned int, len)),
	TP_fast_assign(__entry->len = len;),
	TP_printk("len=%u", __entry->len)
);

#endif

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH $2
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE $1_trace
#include <trace/define_trace.h>
EOF
}

driver() {	# NAME
	cat <<EOF
// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/slab.h>

#define CREATE_TRACE_POINTS
#include "$1_trace.h"

static char *$1_buf;

static int __init $1_init(void)
{
	char *c = kzalloc(16, GFP_KERNEL);

	c[1] = 2; /* expect: unchecked-alloc */
	trace_$1_rx(16);
	$1_buf = c;
	return 0;
}

static void __exit $1_exit(void)
{
	kfree($1_buf);
}

module_init($1_init);
module_exit($1_exit);
MODULE_LICENSE("GPL");
EOF
}

trace_header kmlt ../../drivers/net/kmlt >"$S/drivers/net/kmlt/kmlt_trace.h"
driver kmlt >"$S/drivers/net/kmlt/kmlt.c"
echo 'obj-m += kmlt.o' >"$S/drivers/net/kmlt/Makefile"
trace_header kmlu . >"$S/drivers/kmlu/kmlu_trace.h"
driver kmlu >"$S/drivers/kmlu/kmlu.c"
echo 'obj-m += kmlu.o' >"$S/drivers/kmlu/Makefile"
line=$(grep -n 'expect: unchecked-alloc' "$S/drivers/kmlu/kmlu.c" | cut -d: -f1)

for d in net/kmlt kmlu; do
	n=$(basename $d)
	"$KMEMLINT" scan -j1 --format=json --db="$T/$n.db" "$S/drivers/$d" \
		>"$T/$n.out" 2>"$T/$n.err"
	status=$?
	check "$n: exit 1 (the finding)" [ "$status" -eq 1 ]
	check "$n: the file parsed (no 'not analysed')" \
		not grep -q 'not analysed' "$T/$n.err"
	check "$n: the finding in $n.c" \
		[ "$(count_findings "$T/$n.out" unchecked-alloc $n.c "$line")" -eq 1 ]
	[ "$status" -eq 1 ] || cat "$T/$n.err"
done

# without the source tree's include/trace, the relative path leads
# nowhere (the file's own directory does not help: drivers/net/kmlt/../..
# is drivers/): the file is reported by name, not analysed
rm -rf "$S/include"
"$KMEMLINT" scan -j1 --format=json --db="$T/none.db" "$S/drivers/net/kmlt" \
	>"$T/none.out" 2>"$T/none.err"
check "no source tree: kmlt.c named as not analysed" \
	grep -q 'kmlt.c.*not analysed' "$T/none.err"
check "no source tree: no finding" [ ! -s "$T/none.out" ]
finish
