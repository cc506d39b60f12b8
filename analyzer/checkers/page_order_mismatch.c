// SPDX-License-Identifier: GPL-2.0
/*
 * page-order-mismatch: pages from __get_free_pages(gfp, n) (and the other
 * allocators with an order= in rules/alloc.rules) released with
 * free_pages(addr, m), m != n.  free_page(addr) is free_pages(addr, 0)
 * after macro expansion, so it is the same check.  Orders are compared
 * only when both are compile-time constants.
 */
#include <stdlib.h>

#include "checkers.h"
#include "../util/strvec.h"

static void on_free(struct engine *en, struct state *st, struct objst *o,
		    const struct ir_call *call, const struct api_entry *api,
		    const struct value *args, int nargs, struct ir_loc loc)
{
	const struct site_info *si = engine_site(en, o->id);
	struct trace_note notes[2];
	int64_t order;
	int n = 0;

	(void)st;
	if (!api || (o->flags & (OF_PARAM | OF_FREED)) || o->order < 0 || !si)
		return;
	if (api->free_order_arg >= 0) {
		if (api->free_order_arg >= nargs ||
		    args[api->free_order_arg].kind != V_CONST)
			return;
		order = args[api->free_order_arg].c;
	} else if (api->free_order_const >= 0) {
		order = api->free_order_const;
	} else {
		return;
	}
	if (order == o->order)
		return;
	notes[n].file = NULL;
	notes[n].loc = si->loc;
	notes[n++].msg = xstrfmt("allocated here by %s() with order %d (%d page%s)",
				 si->callee, o->order, 1 << o->order,
				 o->order ? "s" : "");
	notes[n].file = NULL;
	notes[n].loc = loc;
	notes[n++].msg = xstrfmt("released here with order %lld: pass %d%s",
				 (long long)order, o->order,
				 o->order ? " (free_page() frees one page only)" : "");
	engine_report(en, "page-order-mismatch", loc,
		      xstrfmt("%s() releases order %lld but %s() allocated order %d",
			      call->callee, (long long)order, si->callee,
			      o->order),
		      notes, n);
}

const struct checker checker_page_order_mismatch = {
	.rule = "page-order-mismatch",
	.summary = "pages released with a different order than allocated",
	.on_free = on_free,
};
