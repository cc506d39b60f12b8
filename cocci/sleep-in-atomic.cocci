// SPDX-License-Identifier: GPL-2.0
/// sleep-in-atomic: an allocation with a sleeping gfp mask (GFP_KERNEL,
/// GFP_NOFS, GFP_NOIO, GFP_USER, GFP_KERNEL_ACCOUNT) or a vmalloc(),
/// written between a spin_lock*()/read_lock*()/write_lock*() or
/// rcu_read_lock() and its unlock in the same function.  Patch mode turns
/// the mask into GFP_ATOMIC (vmalloc() has no atomic variant: it is only
/// reported).  Allocations in called functions are the engine's (kmemlint
/// follows the calls); this patch sees only what the region holds.  The
/// finding is on the allocation.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Keywords: GFP_KERNEL, GFP_ATOMIC, spin_lock

virtual patch
virtual context
virtual org
virtual report

@r exists@
expression L, F;
identifier alloc;
position p, l;
@@

(
  \(spin_lock@l\|spin_lock_irq@l\|spin_lock_bh@l\|raw_spin_lock@l\|raw_spin_lock_irq@l\|read_lock@l\|read_lock_irq@l\|read_lock_bh@l\|write_lock@l\|write_lock_irq@l\|write_lock_bh@l\)(L);
|
  \(spin_lock_irqsave@l\|raw_spin_lock_irqsave@l\|read_lock_irqsave@l\|write_lock_irqsave@l\)(L, F);
|
  rcu_read_lock@l();
)
  ... when != \(spin_unlock\|spin_unlock_irq\|spin_unlock_bh\|raw_spin_unlock\|raw_spin_unlock_irq\|read_unlock\|read_unlock_irq\|read_unlock_bh\|write_unlock\|write_unlock_irq\|write_unlock_bh\)(L)
      when != \(spin_unlock_irqrestore\|raw_spin_unlock_irqrestore\|read_unlock_irqrestore\|write_unlock_irqrestore\)(L, F)
      when != rcu_read_unlock()
      when any
(
  alloc@p(..., \(GFP_KERNEL\|GFP_NOFS\|GFP_NOIO\|GFP_USER\|GFP_KERNEL_ACCOUNT\), ...)
|
  \(vmalloc@p\|vzalloc@p\)(...)
)

@fix depends on patch@
identifier r.alloc;
position r.p;
@@

  alloc@p(...,
(
- GFP_KERNEL
+ GFP_ATOMIC
|
- GFP_NOFS
+ GFP_ATOMIC
|
- GFP_NOIO
+ GFP_ATOMIC
|
- GFP_USER
+ GFP_ATOMIC
|
- GFP_KERNEL_ACCOUNT
+ GFP_ATOMIC
)
  , ...)

@ctx depends on context@
position r.p;
identifier f;
@@

* f@p(...)

@script:python depends on report@
p << r.p;
l << r.l;
@@
coccilib.report.print_report(p[0], ("sleep-in-atomic: an allocation that may sleep inside the atomic region begun at line %s" % l[0].line) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << r.p;
l << r.l;
@@
coccilib.org.print_todo(p[0], "sleep-in-atomic: an allocation that may sleep inside the atomic region begun at line %s" % l[0].line)
