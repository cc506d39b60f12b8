// SPDX-License-Identifier: GPL-2.0
/// unchecked-alloc: the result of an allocator that returns NULL on
/// failure is dereferenced with no NULL test in between.  The finding is
/// on the first dereference.  Patch mode adds the test and
/// `return -ENOMEM;` right after the allocation, only in a function that
/// returns int and has acquired nothing before it (no earlier allocation,
/// lock or registration to unwind); everywhere else it only reports.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: kmalloc, kzalloc, NULL

virtual patch
virtual context
virtual org
virtual report

@r exists@
expression x, E;
identifier fld;
position a, p;
@@

  x = \(kmalloc@a\|kzalloc@a\|kcalloc@a\|kmalloc_array@a\|kmemdup@a\|kstrdup@a\|vmalloc@a\|vzalloc@a\|kvmalloc@a\|kvzalloc@a\|devm_kzalloc@a\|devm_kmalloc@a\|devm_kcalloc@a\)(...);
  ... when != x == NULL
      when != x != NULL
      when != x = E
      when != IS_ERR_OR_NULL(x)
      when != WARN_ON(!x)
(
  x@p->fld
|
  *x@p
|
  x@p[...]
)

@fix depends on patch@
identifier f;
expression x;
position r.a;
@@

int f(...)
{
  ... when != \(kmalloc\|kzalloc\|kcalloc\|kmalloc_array\|kmemdup\|kstrdup\|vmalloc\|vzalloc\|kvmalloc\|kvzalloc\|__get_free_pages\|alloc_pages\|usb_alloc_urb\|dma_alloc_coherent\)(...)
      when != \(spin_lock\|spin_lock_irq\|spin_lock_irqsave\|spin_lock_bh\|mutex_lock\|mutex_lock_interruptible\|down\|rcu_read_lock\|read_lock\|write_lock\)(...)
      when != \(request_irq\|request_threaded_irq\|register_netdev\|misc_register\|cdev_add\|platform_driver_register\|pci_enable_device\)(...)
  x = \(kmalloc@a\|kzalloc@a\|kcalloc@a\|kmalloc_array@a\|kmemdup@a\|kstrdup@a\|vmalloc@a\|vzalloc@a\|kvmalloc@a\|kvzalloc@a\|devm_kzalloc@a\|devm_kmalloc@a\|devm_kcalloc@a\)(...);
+ if (!x)
+	return -ENOMEM;
  ...
}

@ctx depends on context exists@
expression x;
position r.p;
@@

* x@p

@script:python depends on report@
p << r.p;
a << r.a;
@@
coccilib.report.print_report(p[0], ("unchecked-alloc: allocated at line %s and dereferenced with no NULL test" % a[0].line) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << r.p;
a << r.a;
@@
coccilib.org.print_todo(p[0], "unchecked-alloc: allocated at line %s and dereferenced with no NULL test" % a[0].line)
