// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak: the blocks a loop stored into the elements of an array, lost
 * when the array is freed without them.  radeon's
 * trinity_parse_power_table() stores one kzalloc()'d state per round into
 * rdev->pm.dpm.ps[i].ps_priv; a round that fails frees the array alone,
 * and the states of the earlier rounds leak.
 *
 * The engine forgets an element at an index that moved (ps[i] after i++),
 * and the site's next allocation renews its object: the blocks of the
 * earlier rounds are named by nothing.  What is kept here, per array (an
 * allocation of this function): when the engine forgot the element, the
 * array held that site's block there and nothing else had taken it
 * (freed, stored elsewhere, handed over).  Freeing the array then loses
 * those blocks, unless on the way the path let something release them:
 *   - a value read from the array's memory (kfree(arr[j].priv)), or the
 *     engine's object for several blocks of the site, went into a call or
 *     a store;
 *   - a function of no rules line got the array or a pointer into it,
 *     or any pointer once the array is stored where the caller reaches
 *     it (a helper may walk it: free_states(rdev));
 *   - a loop was left at its test (the unwind's loop may have freed them
 *     at indices the engine does not relate: while (--i >= 0) with i not
 *     known).  So the blocks of a loop that ran to its end are not
 *     followed: only a round that frees the array itself is.
 * The finding is at the free of the array.
 */
#include <stdint.h>
#include <stdlib.h>

#include "checkers.h"
#include "../engine/apitable.h"
#include "../util/strvec.h"
#include "alloc_leak.h"

static int many_slot;		/* object, an array of this function: a =
				 * the site whose blocks it holds at
				 * forgotten indices, b = where the engine
				 * forgot the last one (loc_pack) */

void al_many_mark(struct state *st, int site, int32_t container,
		  struct ir_loc loc)
{
	struct slot_val v = { site, loc_pack(loc) };

	if (container < 0 || container == site ||
	    al_gone_why(st, container) == GONE_FREED ||
	    slot_get(st, many_slot, container))
		return;
	slot_set(st, many_slot, container, &v);
}

/* What decides, for one array, that its blocks may have gone another
 * way: the arguments of one of the predicates below. */
struct many_ctx {
	struct engine *en;
	const struct value *v;	/* a value passed on or stored */
	bool whole;		/* the array itself counts (not a free) */
};

typedef bool (*many_pred)(const struct many_ctx *c, struct state *st,
			  int32_t array, const struct slot_val *m);

/* Clear the mark of every array pred says lets go of its blocks (of
 * every array: pred NULL). */
static void clear_where(struct state *st, many_pred pred,
			const struct many_ctx *c)
{
	const struct slot_val *m;
	int32_t keys[16], key;
	int pos = 0, n = 0, i;

	while (n < 16 && slot_iter(st, many_slot, &pos, &key, &m))
		if (!pred || pred(c, st, key, m))
			keys[n++] = key;
	for (i = 0; i < n; i++)
		slot_clear(st, many_slot, keys[i]);
}

/* Any loop left at its test: an unwind's loop may have freed them, at
 * indices the engine does not relate to the stores (the loop that stored
 * them is not told apart: its header is where an unwind loop's i = 0
 * forgets them too). */
void al_many_loop_left(struct state *st)
{
	clear_where(st, NULL, NULL);
}

/* v was read from the array's memory (the array itself when whole is
 * set), or is the object for several blocks of its site. */
static bool reaches(const struct many_ctx *c, struct state *st,
		    int32_t array, const struct slot_val *m)
{
	(void)st;
	if (c->v->kind != V_OBJ)
		return false;
	if (c->v->obj == array)
		return c->whole;
	return engine_read_through(c->en, c->v->obj, array) ||
	       engine_many_site(c->en, c->v->obj) == (int)m->a;
}

/* An array given up (stored in the caller's struct, handed over) may be
 * reached from any pointer a function gets. */
static bool given_up(const struct many_ctx *c, struct state *st,
		     int32_t array, const struct slot_val *m)
{
	(void)c;
	(void)m;
	return al_gone_why(st, array) != 0;
}

void al_many_call(struct engine *en, struct state *st,
		  const struct call_info *c)
{
	int i;

	for (i = 0; i < c->nargs; i++) {
		struct many_ctx mc = {
			en, &c->args[i],
			!(c->api && (c->api->roles & ROLE_FREE) &&
			  c->api->free_arg == i)
		};

		/* a helper with a pointer may walk the array: one it gets,
		 * or one it may reach (stored in the caller's struct) */
		if (!c->api && (c->args[i].kind == V_OBJ ||
				c->args[i].kind == V_NONNULL ||
				c->args[i].kind == V_UNK))
			clear_where(st, given_up, &mc);
		clear_where(st, reaches, &mc);
	}
}

void al_many_store(struct engine *en, struct state *st,
		   const struct store_info *s)
{
	struct many_ctx mc = { en, &s->v, false };

	clear_where(st, reaches, &mc);
}

void al_many_free(struct engine *en, struct state *st, const struct objst *o,
		  const struct free_info *f)
{
	const struct slot_val *m = slot_get(st, many_slot, o->id);
	struct obj_origin held, arr;
	struct trace_note notes[4];
	int n;

	if (!m || !engine_reporting(en) || engine_path_warned(st) ||
	    engine_path_guessed(st) || f->via ||
	    !engine_origin(en, (int32_t)m->a, &held) || !held.callee ||
	    !engine_origin(en, o->id, &arr) || !arr.callee) {
		if (m)
			slot_clear(st, many_slot, o->id);
		return;
	}
	n = engine_alloc_note(en, (int32_t)m->a, notes);
	notes[n].file = NULL;
	notes[n].loc = loc_unpack(m->b);
	notes[n++].msg = xstrfmt("the loop goes round again here, the block of the round before still in an element of the %s() block",
				 arr.callee);
	notes[n].file = NULL;
	notes[n].loc = f->loc;
	notes[n++].msg = xstrfmt("lost here: the %s() block is freed with the earlier rounds' blocks still in it",
				 arr.callee);
	engine_report(en, "alloc-leak", f->loc,
		      xstrfmt("memory from %s() stored in the elements of a %s() block in earlier rounds of a loop is leaked: the block is freed while it still holds them",
			      held.callee, arr.callee),
		      notes, n);
	slot_clear(st, many_slot, o->id);
}

void al_many_init(void)
{
	static const struct slot_def many = { "alloc-leak:many", SLOT_OBJECT,
					      NULL };

	many_slot = engine_slot_register(&many);
}
