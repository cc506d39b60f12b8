// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch: memory released by a deallocator that does not own its
 * family: kfree on devm memory (freed again at unbind), devm_kfree on
 * kmalloc memory, kfree on vmalloc or page memory, vfree on slab memory,
 * free_pages on slab memory...  Which families a deallocator accepts is
 * the family= list of its free line in rules/free.rules.
 */
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../util/strvec.h"

static const char *fix_for(const char *family)
{
	static const struct { const char *fam, *fn; } fixes[] = {
		{ "slab", "kfree()" }, { "string", "kfree()" },
		{ "vmalloc", "vfree()" }, { "kvmalloc", "kvfree()" },
		{ "pages", "free_pages()" }, { "page", "__free_pages()" },
		{ "devm", "nothing (devm memory is freed at unbind) or devm_kfree()" },
		{ "devm-pages", "nothing or devm_free_pages()" },
		{ "dma", "dma_free_coherent()" }, { "urb", "usb_free_urb()" },
		{ "usb-coherent", "usb_free_coherent()" },
		{ "kmem-cache", "kmem_cache_free()" },
		{ "string-const", "kfree_const()" },
	};
	size_t i;

	for (i = 0; i < sizeof(fixes) / sizeof(fixes[0]); i++)
		if (!strcmp(fixes[i].fam, family))
			return fixes[i].fn;
	return "the matching deallocator";
}

static void on_free(struct engine *en, struct state *st, struct objst *o,
		    const struct ir_call *call, const struct api_entry *api,
		    const struct value *args, int nargs, struct ir_loc loc)
{
	const struct site_info *si = engine_site(en, o->id);
	const char *fam;
	struct trace_note notes[2];
	int i, n = 0;

	(void)st;
	(void)args;
	(void)nargs;
	if (!api || !api->nfree_families || (o->flags & (OF_PARAM | OF_FREED)) ||
	    o->family < 0 || !si)
		return;
	for (i = 0; i < api->nfree_families; i++)
		if (api->free_families[i] == o->family)
			return;
	fam = api_family_name(o->family);
	notes[n].file = NULL;
	notes[n].loc = si->loc;
	notes[n++].msg = xstrfmt("allocated here by %s() (%s memory)",
				 si->callee, fam);
	notes[n].file = NULL;
	notes[n].loc = loc;
	notes[n++].msg = xstrfmt("released here by %s(): use %s", call->callee,
				 fix_for(fam));
	engine_report(en, "free-mismatch", loc,
		      xstrfmt("%s memory from %s() is released with %s()",
			      fam, si->callee, call->callee),
		      notes, n);
}

const struct checker checker_free_mismatch = {
	.rule = "free-mismatch",
	.summary = "memory released by a deallocator of another family",
	.on_free = on_free,
};
