// SPDX-License-Identifier: GPL-2.0
/// deprecated-api: allocation API forms the kernel replaced, and their
/// replacements (the pairs of rules/deprecated.rules):
///  - kzfree() -> kfree_sensitive();
///  - memset(p, 0, n) or memzero_explicit(p, n) of the whole block right
///    before kfree(p) -> kfree_sensitive(p);
///  - kmalloc(n * size), kzalloc(n * size), devm_kzalloc(dev, n * size)
///    with n not a constant -> kmalloc_array(), kcalloc(), devm_kcalloc();
///  - kmalloc(), vmalloc(), kmem_cache_alloc() followed (after the NULL
///    test) by a memset() of the whole block to 0 -> kzalloc(), vzalloc(),
///    kmem_cache_zalloc().
/// struct_size(), array_size() and products of constants are left alone.
/// Findings are on the line that changes: the kzfree(), the kfree(), the
/// allocation with a product, the memset() to drop.
///
// Confidence: High
// Options: --no-includes --include-headers
// Keywords: kzfree, kfree_sensitive, kmalloc_array, kcalloc, kzalloc

virtual patch
virtual context
virtual org
virtual report

// ---- kzfree() -> kfree_sensitive() ----

@kz depends on patch@
expression E;
@@

- kzfree(E)
+ kfree_sensitive(E)

@kzr depends on !patch@
expression E;
position p;
@@

* kzfree@p(E)

// ---- memset()/memzero_explicit() of the whole block, then kfree() ----

@wipe depends on patch@
type T;
T *E;
@@

(
- memset(E, 0, sizeof(*E));
|
- memset(E, 0, sizeof(T));
|
- memzero_explicit(E, sizeof(*E));
|
- memzero_explicit(E, sizeof(T));
)
  ... when != E
      when strict
- kfree(E);
+ kfree_sensitive(E);

@wipes depends on patch@
expression E, S;
@@

  E = \(kmalloc\|kmalloc_node\|kzalloc\|kzalloc_node\)(S, ...);
  ... when != S = E
(
- memset(E, 0, S);
|
- memzero_explicit(E, S);
)
  ... when != E
      when strict
- kfree(E);
+ kfree_sensitive(E);

@wiper depends on !patch@
type T;
T *E;
position p, m;
@@

(
* memset@m(E, 0, sizeof(*E));
|
* memset@m(E, 0, sizeof(T));
|
* memzero_explicit@m(E, sizeof(*E));
|
* memzero_explicit@m(E, sizeof(T));
)
  ... when != E
      when strict
* kfree@p(E);

@wipesr depends on !patch@
expression E, S;
position p, m;
@@

  E = \(kmalloc\|kmalloc_node\|kzalloc\|kzalloc_node\)(S, ...);
  ... when != S = E
(
* memset@m(E, 0, S);
|
* memzero_explicit@m(E, S);
)
  ... when != E
      when strict
* kfree@p(E);

// ---- NAME(n * size) -> the array allocator ----

@arr depends on patch@
expression E1, E2, F, D;
type T;
constant C1, C2;
@@

(
  \(kmalloc\|kzalloc\)(C1 * C2, ...)
|
  \(kmalloc\|kzalloc\)(sizeof(...) * sizeof(...), ...)
|
  devm_kzalloc(D, C1 * C2, ...)
|
- kmalloc(E1 * sizeof(T), F)
+ kmalloc_array(E1, sizeof(T), F)
|
- kmalloc(sizeof(T) * E1, F)
+ kmalloc_array(E1, sizeof(T), F)
|
- kmalloc(E1 * sizeof(E2), F)
+ kmalloc_array(E1, sizeof(E2), F)
|
- kmalloc(sizeof(E2) * E1, F)
+ kmalloc_array(E1, sizeof(E2), F)
|
- kmalloc(E1 * E2, F)
+ kmalloc_array(E1, E2, F)
|
- kzalloc(E1 * sizeof(T), F)
+ kcalloc(E1, sizeof(T), F)
|
- kzalloc(sizeof(T) * E1, F)
+ kcalloc(E1, sizeof(T), F)
|
- kzalloc(E1 * sizeof(E2), F)
+ kcalloc(E1, sizeof(E2), F)
|
- kzalloc(sizeof(E2) * E1, F)
+ kcalloc(E1, sizeof(E2), F)
|
- kzalloc(E1 * E2, F)
+ kcalloc(E1, E2, F)
|
- devm_kzalloc(D, E1 * sizeof(T), F)
+ devm_kcalloc(D, E1, sizeof(T), F)
|
- devm_kzalloc(D, sizeof(T) * E1, F)
+ devm_kcalloc(D, E1, sizeof(T), F)
|
- devm_kzalloc(D, E1 * sizeof(E2), F)
+ devm_kcalloc(D, E1, sizeof(E2), F)
|
- devm_kzalloc(D, sizeof(E2) * E1, F)
+ devm_kcalloc(D, E1, sizeof(E2), F)
|
- devm_kzalloc(D, E1 * E2, F)
+ devm_kcalloc(D, E1, E2, F)
)

@arrr depends on !patch@
expression E1, E2, D;
constant C1, C2;
position p;
@@

(
  \(kmalloc\|kzalloc\)(C1 * C2, ...)
|
  \(kmalloc\|kzalloc\)(sizeof(...) * sizeof(...), ...)
|
  devm_kzalloc(D, C1 * C2, ...)
|
* \(kmalloc@p\|kzalloc@p\)(E1 * E2, ...)
|
* devm_kzalloc@p(D, E1 * E2, ...)
)

// ---- allocation + memset(0) of the whole block -> zeroing allocator ----

@za depends on patch@
expression x, S, F, C;
statement S1;
@@

(
  x =
- kmalloc
+ kzalloc
  (S, F);
  if (!x) S1
- memset(x, 0, S);
|
  x =
- vmalloc
+ vzalloc
  (S);
  if (!x) S1
- memset(x, 0, S);
|
  x =
- kmem_cache_alloc
+ kmem_cache_zalloc
  (C, F);
  if (!x) S1
- memset(x, 0, sizeof(*x));
)

@zad depends on patch@
type T;
identifier x;
expression S, F, C;
statement S1;
@@

(
  T *x =
- kmalloc
+ kzalloc
  (S, F);
  if (!x) S1
- memset(x, 0, S);
|
  T *x =
- vmalloc
+ vzalloc
  (S);
  if (!x) S1
- memset(x, 0, S);
|
  T *x =
- kmem_cache_alloc
+ kmem_cache_zalloc
  (C, F);
  if (!x) S1
(
- memset(x, 0, sizeof(*x));
|
- memset(x, 0, sizeof(T));
)
)

@zar depends on !patch@
type T, T2;
expression x, S, C;
statement S1;
position p, a;
@@

(
  x = (T)\(kmalloc@a\|vmalloc@a\)(S, ...);
  if (!x) S1
* memset@p((T2)x, 0, S);
|
  x = (T)kmem_cache_alloc@a(C, ...);
  if (!x) S1
* memset@p((T2)x, 0, sizeof(*x));
)

@zadr depends on !patch@
type T;
identifier x;
expression S, C;
statement S1;
position p, a;
@@

(
  T *x = \(kmalloc@a\|vmalloc@a\)(S, ...);
  if (!x) S1
* memset@p(x, 0, S);
|
  T *x = kmem_cache_alloc@a(C, ...);
  if (!x) S1
(
* memset@p(x, 0, sizeof(*x));
|
* memset@p(x, 0, sizeof(T));
)
)

// ---- report and org: one line each, on the line that changes ----

@script:python depends on report@
p << kzr.p;
@@
coccilib.report.print_report(p[0], ("deprecated-api: kzfree() is deprecated: use kfree_sensitive()") + " (%s)" % p[0].current_element)

@script:python depends on org@
p << kzr.p;
@@
coccilib.org.print_todo(p[0], "deprecated-api: kzfree() is deprecated: use kfree_sensitive()")

@script:python depends on report@
p << wiper.p;
m << wiper.m;
@@
coccilib.report.print_report(p[0], ("deprecated-api: kfree() of a block cleared at line %s: use kfree_sensitive()" % m[0].line) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << wiper.p;
m << wiper.m;
@@
coccilib.org.print_todo(p[0], "deprecated-api: kfree() of a block cleared at line %s: use kfree_sensitive()" % m[0].line)

@script:python depends on report@
p << wipesr.p;
m << wipesr.m;
@@
coccilib.report.print_report(p[0], ("deprecated-api: kfree() of a block cleared at line %s: use kfree_sensitive()" % m[0].line) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << wipesr.p;
m << wipesr.m;
@@
coccilib.org.print_todo(p[0], "deprecated-api: kfree() of a block cleared at line %s: use kfree_sensitive()" % m[0].line)

@script:python depends on report@
p << arrr.p;
@@
coccilib.report.print_report(p[0], ("deprecated-api: open-coded multiplication in an allocation size: use kmalloc_array(), kcalloc() or devm_kcalloc()") + " (%s)" % p[0].current_element)

@script:python depends on org@
p << arrr.p;
@@
coccilib.org.print_todo(p[0], "deprecated-api: open-coded multiplication in an allocation size: use kmalloc_array(), kcalloc() or devm_kcalloc()")

@script:python depends on report@
p << zar.p;
a << zar.a;
@@
coccilib.report.print_report(p[0], ("deprecated-api: memset() zeroes the whole block allocated at line %s: use the zeroing allocator (kzalloc, vzalloc, kmem_cache_zalloc)" % a[0].line) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << zar.p;
a << zar.a;
@@
coccilib.org.print_todo(p[0], "deprecated-api: memset() zeroes the whole block allocated at line %s: use the zeroing allocator" % a[0].line)

@script:python depends on report@
p << zadr.p;
a << zadr.a;
@@
coccilib.report.print_report(p[0], ("deprecated-api: memset() zeroes the whole block allocated at line %s: use the zeroing allocator (kzalloc, vzalloc, kmem_cache_zalloc)" % a[0].line) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << zadr.p;
a << zadr.a;
@@
coccilib.org.print_todo(p[0], "deprecated-api: memset() zeroes the whole block allocated at line %s: use the zeroing allocator" % a[0].line)
