// SPDX-License-Identifier: GPL-2.0
/// alloc-leak: a local allocation that is neither freed, stored, passed
/// on nor returned before the function returns an error (a negative
/// constant) on a later failure path.  Report only: where the kfree()
/// belongs (before the return, or under an unwinding label) is for the
/// author to decide.  The finding is on the return.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: kmalloc, kfree, error path

virtual patch
virtual context
virtual org
virtual report

@r depends on !patch exists@
local idexpression x;
expression E, C;
identifier g;
statement S;
position a, p;
@@

  x = \(kmalloc@a\|kzalloc@a\|kcalloc@a\|kmalloc_array@a\|kmemdup@a\|kstrdup@a\|vmalloc@a\|vzalloc@a\|kvmalloc@a\|kvzalloc@a\)(...);
  if (\(!x\|x == NULL\)) S
  ... when != g(..., <+... x ...+>, ...)
      when != E = <+... x ...+>
      when != x = E
      when != return <+... x ...+>;
* return@p -C;

@script:python depends on report@
p << r.p;
a << r.a;
@@
coccilib.report.print_report(p[0], ("alloc-leak: the allocation of line %s is neither freed nor stored before this error return" % a[0].line) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << r.p;
a << r.a;
@@
coccilib.org.print_todo(p[0], "alloc-leak: the allocation of line %s is neither freed nor stored before this error return" % a[0].line)
