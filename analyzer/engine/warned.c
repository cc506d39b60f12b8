// SPDX-License-Identifier: GPL-2.0
/*
 * Warned paths.  A path that called a `warns` function of the rules
 * (WARN(1, "can't happen") calls __warn_printk()) or took the branch
 * where a `warns` variable is true (WARN_ON(cond) keeps cond in
 * __ret_warn_on, then an inline trap) is one its author says is not
 * expected.  The engine keeps that as a fact of the path, for every
 * checker to read: alloc-leak reports no leak there, double-free and
 * use-after-free nothing after it (iwcm's WARN_ON_ONCE(iwcm_deref_id(p))
 * frees p only where the warning fires).  unchecked-alloc reads no such
 * thing: a bare WARN_ON(!p) before p->x is no handling of the NULL.
 */
#include <stdlib.h>

#include "engine_impl.h"

static int warned_slot;

static bool join_either(const struct slot_val *a, const struct slot_val *b,
			struct slot_val *out)
{
	*out = a ? *a : *b;
	return true;
}

void warned_init(void)
{
	static const struct slot_def def = { "engine:warned", SLOT_GLOBAL,
					     join_either };

	warned_slot = engine_slot_register(&def);
}

bool engine_path_warned(const struct state *st)
{
	return slot_get(st, warned_slot, 0) != NULL;
}

static void set_warned(struct state *st)
{
	static const struct slot_val v = { 1, 0 };

	if (!slot_get(st, warned_slot, 0))
		slot_set(st, warned_slot, 0, &v);
}

void warned_call(struct state *st, const struct api_entry *api)
{
	if (api && (api->roles & ROLE_WARNS))
		set_warned(st);
}

void warned_branch(struct engine *en, struct state *st,
		   const struct ir_expr *cond, bool taken)
{
	const struct api_entry *api;
	const struct ir_expr *e;
	char *name;

	if (!cond || engine_path_warned(st))
		return;
	e = cond_truth(cond, &taken);
	if (!taken || !e || e->kind != EX_VAR)
		return;
	name = engine_expr_str(en, e);
	api = name ? api_lookup(name) : NULL;
	free(name);
	if (api && (api->roles & ROLE_WARNS))
		set_warned(st);
}
