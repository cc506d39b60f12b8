// SPDX-License-Identifier: GPL-2.0
/// page-order-mismatch: free_pages() with another order than the
/// __get_free_pages() that allocated the block, when both orders are
/// constants (literals or macros) that differ, and free_page() of a block
/// of a non-zero order.  Patch mode releases with the allocation's order.
/// The finding is on the release.
///
// Confidence: High
// Options: --no-includes --include-headers
// Keywords: __get_free_pages, free_pages, free_page

virtual patch
virtual context
virtual org
virtual report

@r exists@
expression A, G, E;
constant O1, O2;
position p, a;
@@

  A = __get_free_pages@a(G, O1);
  ... when != A = E
(
  free_pages@p(A, O2);
|
  free_page@p(A);
)

@script:python chk@
o1 << r.O1;
o2 << r.O2 = "0";
p << r.p;
@@
# free_page(A) binds no O2: it releases order 0
if o1.strip() == o2.strip() or (o2 == "0" and o1.strip() in ("0",)):
    cocci.include_match(False)

@fix depends on patch exists@
expression A, G, E;
constant r.O1, r.O2;
position r.p, r.a;
@@

  A = __get_free_pages@a(G, O1);
  ... when != A = E
(
  free_pages@p(A,
- O2
+ O1
  );
|
- free_page@p(A);
+ free_pages(A, O1);
)

@script:python depends on report@
p << r.p;
a << r.a;
o1 << r.O1;
@@
coccilib.report.print_report(p[0], ("page-order-mismatch: pages allocated at line %s with order %s are released with another order" % (a[0].line, o1)) + " (%s)" % p[0].current_element)

@script:python depends on org@
p << r.p;
a << r.a;
o1 << r.O1;
@@
coccilib.org.print_todo(p[0], "page-order-mismatch: pages allocated at line %s with order %s are released with another order" % (a[0].line, o1))
