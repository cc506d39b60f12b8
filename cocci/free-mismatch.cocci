// SPDX-License-Identifier: GPL-2.0
/// free-mismatch: memory released by a deallocator of another family:
/// kfree() of devm_*() memory (devres frees it again at unbind), vfree() of
/// kmalloc() memory, kfree() of vmalloc() memory.  Patch mode drops the
/// kfree() of devm memory and calls the matching deallocator otherwise
/// (the family's release= of rules/free.rules).  The finding is on the
/// release.
///
// Confidence: High
// Options: --no-includes --include-headers
// Keywords: devm_kzalloc, kfree, vfree

virtual patch
virtual context
virtual org
virtual report

@devm depends on patch exists@
expression x, D, E;
@@

  x = \(devm_kzalloc\|devm_kmalloc\|devm_kcalloc\|devm_kmalloc_array\|devm_kstrdup\|devm_kmemdup\|devm_kasprintf\)(D, ...);
  ... when != x = E
- kfree(x);

@slab depends on patch exists@
expression x, E;
@@

  x = \(kmalloc\|kzalloc\|kcalloc\|kmalloc_array\|kmemdup\|kstrdup\)(...);
  ... when != x = E
- vfree(x);
+ kfree(x);

@vmem depends on patch exists@
expression x, E;
@@

  x = \(vmalloc\|vzalloc\|vmalloc_array\|vcalloc\)(...);
  ... when != x = E
- kfree(x);
+ vfree(x);

@r depends on !patch exists@
expression x, D, E;
position p, a;
@@

(
  x = \(devm_kzalloc@a\|devm_kmalloc@a\|devm_kcalloc@a\|devm_kmalloc_array@a\|devm_kstrdup@a\|devm_kmemdup@a\|devm_kasprintf@a\)(D, ...);
  ... when != x = E
* kfree@p(x);
|
  x = \(kmalloc@a\|kzalloc@a\|kcalloc@a\|kmalloc_array@a\|kmemdup@a\|kstrdup@a\)(...);
  ... when != x = E
* vfree@p(x);
|
  x = \(vmalloc@a\|vzalloc@a\|vmalloc_array@a\|vcalloc@a\)(...);
  ... when != x = E
* kfree@p(x);
)

@script:python depends on report@
p << r.p;
a << r.a;
@@
coccilib.report.print_report(p[0], ("free-mismatch: memory allocated at line %s is released with a deallocator of another family" % a[0].line) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << r.p;
a << r.a;
@@
coccilib.org.print_todo(p[0], "free-mismatch: memory allocated at line %s is released with a deallocator of another family" % a[0].line)
