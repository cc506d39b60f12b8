// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: allocation API forms the kernel replaced.  Every
 * replacement is a line of rules/deprecated.rules; this file only says
 * when a form is there:
 *
 *  - a call to a `deprecated` function (kzfree, removed in v5.10);
 *  - NAME(n * size) where NAME has an `array` variant and a factor of the
 *    product is not a constant on this path: kmalloc(n * sizeof(*p)) can
 *    overflow, kmalloc_array() checks it.  struct_size(), array_size()
 *    and size_mul() are calls (overflow.h), not products, and a product
 *    of constants is folded by clang: neither is a finding;
 *  - an allocation by NAME with a `zeroing` variant whose block is first
 *    touched by a `clear` (memset(p, 0, n)) of its whole size: kzalloc();
 *  - a `clear` of a whole block right before the block is released by a
 *    deallocator with a `sensitive` variant: kfree_sensitive().
 *
 * "Whole" is decided on values, not text: the size the clear is given and
 * the allocation's size (its size= argument, or the size of the type the
 * result is stored as for an allocator without one, kmem_cache_alloc())
 * are the same constant on this path, or the same symbolic value (a
 * size_t parameter or field read once).  A block the function did not
 * allocate is whole when the size is that of the type its pointer points
 * to (memzero_explicit(ctx, sizeof(*ctx))).
 *
 * The open-coded product is deprecated_array.c's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "deprecated_api.h"
#include "../util/ids.h"
#include "../util/strvec.h"

enum size_kind { SZ_NONE, SZ_CONST, SZ_SYM };

static int pending_slot;	/* global 0: the allocation just made (site + 1) */
static int pending_size_slot;	/* global 0: its size (kind, value) */
static int pending_loc_slot;	/* global 0: where, and does it zero later */
static int size_slot;		/* object: (kind, value) of its size */
static int fresh_slot;		/* object: not touched since its allocation */
static int wiped_slot;		/* object: cleared whole, not touched since */

static void size_of_value(const struct value *v, struct slot_val *out)
{
	out->a = SZ_NONE;
	out->b = 0;
	if (v->kind == V_CONST && v->c > 0) {
		out->a = SZ_CONST;
		out->b = v->c;
	} else if (v->kind == V_OBJ && v->obj < 0) {
		out->a = SZ_SYM;
		out->b = v->obj;
	}
}

/* The allocation's size on this path, from its size= arguments or the
 * type its result is stored as. */
static void alloc_size(const struct call_info *c, struct slot_val *out)
{
	const struct api_entry *api = c->api;

	out->a = SZ_NONE;
	out->b = 0;
	if (api->size_arg == API_NONE) {
		if (c->call->dest && c->call->dest->psize > 1) {
			out->a = SZ_CONST;
			out->b = c->call->dest->psize;
		}
		return;
	}
	if (api->size_arg >= c->nargs)
		return;
	if (api->size_arg2 == API_NONE) {
		size_of_value(&c->args[api->size_arg], out);
		return;
	}
	if (api->size_arg2 < c->nargs &&
	    c->args[api->size_arg].kind == V_CONST &&
	    c->args[api->size_arg2].kind == V_CONST &&
	    c->args[api->size_arg].c > 0 && c->args[api->size_arg2].c > 0) {
		out->a = SZ_CONST;
		out->b = c->args[api->size_arg].c * c->args[api->size_arg2].c;
	}
}

static bool same_size(const struct slot_val *a, const struct slot_val *b)
{
	return a->a != SZ_NONE && a->a == b->a && a->b == b->b;
}

/* Anything but a clear or the release that follows one: the block is no
 * longer fresh from its allocator, nor freshly wiped. */
static void touch(struct state *st, int32_t id)
{
	slot_clear(st, fresh_slot, id);
	slot_clear(st, wiped_slot, id);
}

/*
 * A memset() is a kzalloc() only where every way from the allocation
 * clears it before using it: a path that writes or reads the fresh
 * block first (cxgb4 write_tpt_entry(): memset() when resetting the
 * entry, every field set one by one otherwise) keeps the kmalloc().
 * Across the paths of one exploration: the blocks used fresh, and the
 * clears reported, each vetoed when the other turns up.
 */
#define MAX_FRESH 32
static int32_t used_fresh[MAX_FRESH];
static int nused_fresh;
static struct {
	int32_t id;
	struct ir_loc loc;
} cleared[MAX_FRESH];
static int ncleared;

static bool was_used_fresh(int32_t id)
{
	return ids_has(used_fresh, nused_fresh, id);
}

/*
 * A clear is a wipe before the release only where no path uses the
 * block after it: ath11k's memset(req, 0, ...) empties a request that
 * qmi_send_request() then sends, and only the path where
 * qmi_txn_init() failed goes straight to kfree(req).  Across the paths
 * of one exploration: the clears a path used the block after, and the
 * wipes reported (at the release), each vetoed when the other turns up.
 */
static struct ir_loc used_wipes[MAX_FRESH];
static int nused_wipes;
static struct {
	struct ir_loc wipe, release;
} wipe_reports[MAX_FRESH];
static int nwipe_reports;

static bool wipe_was_used(struct ir_loc wipe)
{
	int i;

	for (i = 0; i < nused_wipes; i++)
		if (ir_loc_same(used_wipes[i], wipe))
			return true;
	return false;
}

static void wipe_used(struct engine *en, struct ir_loc wipe)
{
	int i;

	if (wipe_was_used(wipe))
		return;
	if (nused_wipes < MAX_FRESH)
		used_wipes[nused_wipes++] = wipe;
	for (i = 0; i < nwipe_reports; i++)
		if (ir_loc_same(wipe_reports[i].wipe, wipe))
			engine_veto(en, RULE, wipe_reports[i].release);
}

/* A use of the block that is no clear and no release. */
static void use(struct engine *en, struct state *st, int32_t id)
{
	const struct slot_val *w = slot_get(st, wiped_slot, id);
	int i;

	if (w)
		wipe_used(en, loc_unpack(w->a));
	if (slot_get(st, fresh_slot, id) && !was_used_fresh(id)) {
		if (nused_fresh < MAX_FRESH)
			used_fresh[nused_fresh++] = id;
		for (i = 0; i < ncleared; i++)
			if (cleared[i].id == id)
				engine_veto(en, RULE, cleared[i].loc);
	}
	touch(st, id);
}

static void on_entry(struct engine *en, struct state *st)
{
	(void)en;
	(void)st;
	nused_fresh = 0;
	ncleared = 0;
	nused_wipes = 0;
	nwipe_reports = 0;
}

/* The allocation of the last on_call, now that the engine made it. */
static void settle(struct engine *en, struct state *st)
{
	const struct slot_val *p = slot_get(st, pending_slot, 0);
	const struct slot_val *ps = slot_get(st, pending_size_slot, 0);
	const struct slot_val *pw = slot_get(st, pending_loc_slot, 0);
	struct slot_val size, where;
	struct objst tmp;
	int32_t id;

	if (!p)
		return;
	id = (int32_t)(p->a - 1);
	/* a join (the budget spent) keeps a slot only where both paths
	 * agree: the pending call can outlive its size or place */
	size = ps ? *ps : (struct slot_val){ SZ_NONE, 0 };
	where = pw ? *pw : (struct slot_val){ 0, 0 };
	slot_clear(st, pending_slot, 0);
	slot_clear(st, pending_size_slot, 0);
	slot_clear(st, pending_loc_slot, 0);
	if (!ps || !pw || !engine_obj(en, st, id, &tmp))
		return;
	slot_clear(st, wiped_slot, id);
	if (size.a != SZ_NONE)
		slot_set(st, size_slot, id, &size);
	else
		slot_clear(st, size_slot, id);
	if (where.b)
		slot_set(st, fresh_slot, id, &where);
	else
		slot_clear(st, fresh_slot, id);
}

/* memset, not __builtin_memset: the name the source calls */
static const char *src_name(const char *callee)
{
	return strncmp(callee, "__builtin_", 10) ? callee : callee + 10;
}

/* The clear's kzalloc() finding.  True where it clears a fresh block
 * whole: dropping it loses nothing on this path. */
static bool clear_event(struct engine *en, struct state *st,
			const struct call_info *c)
{
	const struct api_entry *api = c->api;
	const struct slot_val *have, *fresh;
	struct slot_val size, wiped;
	struct obj_origin org;
	struct trace_note note;
	const struct ir_expr *pe;
	const struct api_entry *alloc;
	int32_t id, base;

	if (api->clear_arg >= c->nargs || api->size_arg >= c->nargs ||
	    c->args[api->clear_arg].kind != V_OBJ)
		return false;
	id = c->args[api->clear_arg].obj;
	base = engine_obj_base(en, id);
	if (base != id) {
		use(en, st, base);	/* a member: part of the block */
		return false;
	}
	/*
	 * The fill is 0 in the source, not only on this path: a memset()
	 * whose byte is chosen at run time (in ? GUARD_BYTE : 0, usbtest.c
	 * usbtest_alloc_urb()) is not a kzalloc(), even on the path that
	 * picks 0.
	 */
	if (api->fill_arg != API_NONE &&
	    (api->fill_arg >= c->nargs ||
	     api->fill_arg >= c->call->nargs ||
	     !c->call->args[api->fill_arg] ||
	     c->call->args[api->fill_arg]->kind != EX_CONST ||
	     c->args[api->fill_arg].kind != V_CONST ||
	     c->args[api->fill_arg].c != 0)) {
		touch(st, id);
		return false;
	}
	size_of_value(&c->args[api->size_arg], &size);
	have = slot_get(st, size_slot, id);
	pe = c->call->args[api->clear_arg];
	if (!have && pe && pe->psize > 1 && size.a == SZ_CONST &&
	    size.b == pe->psize && id < 0)
		have = &size;	/* a block from elsewhere, its whole type */
	fresh = slot_get(st, fresh_slot, id);
	if (!have || !same_size(have, &size)) {
		touch(st, id);
		return false;
	}
	if (fresh && engine_origin(en, id, &org) && org.callee &&
	    (alloc = api_lookup(org.callee)) && (alloc->roles & ROLE_ZEROING)) {
		struct ir_loc aloc = loc_unpack(fresh->a);

		if (was_used_fresh(id)) {
			engine_veto(en, RULE, c->loc);
			goto cleared;
		}
		if (ncleared < MAX_FRESH) {
			cleared[ncleared].id = id;
			cleared[ncleared++].loc = c->loc;
		}
		note.file = NULL;
		note.loc = aloc;
		note.msg = xstrfmt("allocated here by %s(); %s() returns it zeroed",
				   org.callee, alloc->zeroing);
		engine_report(en, RULE, c->loc,
			      xstrfmt("%s() zeroes the whole block %s() allocated at line %u: allocate it with %s() and drop the %s()",
				      src_name(c->call->callee), org.callee,
				      aloc.line, alloc->zeroing,
				      src_name(c->call->callee)),
			      &note, 1);
	}
cleared:
	/* a block cleared before anything was written to it holds nothing
	 * to wipe: its kfree() is no kfree_sensitive() */
	if (fresh) {
		slot_clear(st, fresh_slot, id);
		slot_clear(st, wiped_slot, id);
		return true;
	}
	wiped.a = loc_pack(c->loc);
	wiped.b = (int64_t)(intptr_t)engine_intern(en,
						   src_name(c->call->callee));
	slot_set(st, wiped_slot, id, &wiped);
	return false;
}

/* memset(p, 0, size) is a kzalloc() only where every path that reaches
 * it clears a fresh block whole: a buffer allocated once and cleared at
 * each use (il4965_request_scan()'s scan_cmd, emufx's nctl in a loop)
 * needs its memset() */
static void on_clear(struct engine *en, struct state *st,
		     const struct call_info *c)
{
	const struct api_entry *alloc;
	struct obj_origin org;
	int32_t id;

	if (clear_event(en, st, c))
		return;
	/* an allocation of this path whose allocator has no zeroing form:
	 * its freshness is not tracked (dma_alloc_coherent() returns
	 * zeroed memory anyway) */
	id = c->api->clear_arg < c->nargs &&
	     c->args[c->api->clear_arg].kind == V_OBJ ?
	     c->args[c->api->clear_arg].obj : -1;
	if (id >= 0 && engine_origin(en, id, &org) && org.callee &&
	    (alloc = api_lookup(org.callee)) &&
	    !(alloc->roles & ROLE_ZEROING))
		return;
	engine_veto(en, RULE, c->loc);
}

static void on_call(struct engine *en, struct state *st,
		    const struct call_info *c)
{
	const struct api_entry *api = c->api;
	int i;

	settle(en, st);
	if (api && (api->roles & ROLE_DEPRECATED) && api->replacement) {
		struct trace_note note = { NULL, c->loc,
			xstrfmt("%s() is the replacement (rules: %s)",
				api->replacement, api->where) };

		engine_report(en, RULE, c->loc,
			      xstrfmt("%s() is deprecated: use %s()", api->name,
				      api->replacement),
			      &note, 1);
	}
	if (api && (api->roles & ROLE_CLEAR)) {
		on_clear(en, st, c);
		return;
	}
	/* a block passed to a call (not a compile-time builtin such as
	 * __builtin_object_size, not its release) may be written there */
	if (!c->call->callee || strncmp(c->call->callee, "__builtin_", 10))
		for (i = 0; i < c->call->nargs; i++) {
			int32_t held[16];
			int k, nh;

			/* &local_struct: the callee reaches the blocks its
			 * fields hold (iavf_clean_arq_element(hw, &event,
			 * ...) fills event.msg_buf) */
			nh = engine_objects_at(en, st, c->call->args[i],
					       held, 16);
			for (k = 0; k < nh; k++)
				use(en, st, engine_obj_base(en, held[k]));
			if (i >= c->nargs || c->args[i].kind != V_OBJ)
				continue;
			/* the release a wipe goes before: on_free decides */
			if (api && (api->roles & ROLE_SENSITIVE) &&
			    i == api->free_arg)
				continue;
			use(en, st, engine_obj_base(en, c->args[i].obj));
		}
	if (api && (api->roles & ROLE_ALLOC))
		deprecated_check_array(en, st, c);
	if (api && (api->roles & ROLE_ALLOC) && api->out_arg == API_NONE &&
	    c->call->dest) {
		struct slot_val p = { (int64_t)c->call->site + 1, 0 };
		struct slot_val size, where = { loc_pack(c->loc), 0 };

		alloc_size(c, &size);
		where.b = !!(api->roles & ROLE_ZEROING);
		slot_set(st, pending_slot, 0, &p);
		slot_set(st, pending_size_slot, 0, &size);
		slot_set(st, pending_loc_slot, 0, &where);
	}
}

static void on_deref(struct engine *en, struct state *st,
		     const struct deref_info *d)
{
	const struct api_entry *via;

	settle(en, st);
	if (d->v.kind != V_OBJ)
		return;
	/* the clear's own access: on_call decides */
	if (d->via && (via = api_lookup(d->via)) && (via->roles & ROLE_CLEAR))
		return;
	use(en, st, engine_obj_base(en, d->v.obj));
}

/* A block of a family this deallocator releases (or of no known
 * family): not free-mismatch's, where the fix is another deallocator. */
static bool own_family(const struct api_entry *api, int family)
{
	return family < 0 || api_frees_family(api, family);
}

static void on_free(struct engine *en, struct state *st,
		    const struct objst *o, const struct free_info *f)
{
	const struct slot_val *w;
	struct trace_note note;
	struct ir_loc wloc;
	const char *by;

	settle(en, st);
	w = slot_get(st, wiped_slot, o->id);
	if (!w || f->via || !f->api || !(f->api->roles & ROLE_SENSITIVE) ||
	    !own_family(f->api, o->family)) {
		touch(st, o->id);
		return;
	}
	wloc = loc_unpack(w->a);
	if (wipe_was_used(wloc)) {	/* another path used it after */
		touch(st, o->id);
		return;
	}
	if (nwipe_reports < MAX_FRESH) {
		wipe_reports[nwipe_reports].wipe = wloc;
		wipe_reports[nwipe_reports++].release = f->loc;
	}
	by = (const char *)(intptr_t)w->b;
	note.file = NULL;
	note.loc = wloc;
	note.msg = xstrfmt("%s() clears the whole block here", by);
	engine_report(en, RULE, f->loc,
		      xstrfmt("%s() of a block %s() cleared at line %u: use %s(), which clears and frees it",
			      f->api->name, by, wloc.line, f->api->sensitive),
		      &note, 1);
	touch(st, o->id);
}

static void on_store(struct engine *en, struct state *st,
		     const struct store_info *s)
{
	(void)s;
	settle(en, st);
}

static void on_branch(struct engine *en, struct state *st,
		      const struct branch_info *b)
{
	(void)b;
	settle(en, st);
}

static void on_lost(struct engine *en, struct state *st,
		    const struct objst *o, const struct lost_info *l)
{
	(void)o;
	(void)l;
	settle(en, st);
}

static void on_return(struct engine *en, struct state *st,
		      const struct return_info *r)
{
	(void)r;
	settle(en, st);
}

static void init(void)
{
	static const struct slot_def defs[] = {
		{ "deprecated-api:pending", SLOT_GLOBAL, NULL },
		{ "deprecated-api:pending-size", SLOT_GLOBAL, NULL },
		{ "deprecated-api:pending-loc", SLOT_GLOBAL, NULL },
		{ "deprecated-api:size", SLOT_OBJECT, NULL },
		{ "deprecated-api:fresh", SLOT_OBJECT, NULL },
		{ "deprecated-api:wiped", SLOT_OBJECT, NULL },
	};

	pending_slot = engine_slot_register(&defs[0]);
	pending_size_slot = engine_slot_register(&defs[1]);
	pending_loc_slot = engine_slot_register(&defs[2]);
	size_slot = engine_slot_register(&defs[3]);
	fresh_slot = engine_slot_register(&defs[4]);
	wiped_slot = engine_slot_register(&defs[5]);
}

const struct checker checker_deprecated_api = {
	.rule = RULE,
	.init = init,
	.on_entry = on_entry,
	.on_call = on_call,
	.on_deref = on_deref,
	.on_free = on_free,
	.on_store = on_store,
	.on_branch = on_branch,
	.on_lost = on_lost,
	.on_return = on_return,
};
