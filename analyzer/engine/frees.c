// SPDX-License-Identifier: GPL-2.0
/*
 * Releases: a deallocator of the rules tables (table_free), the free
 * event it fires and what the freed memory held (do_free), an unlink
 * (do_unlink), and the field facts of how this function releases a
 * field (record_release).  A pointer first seen at its free
 * (kfree(c->trace) of an untracked field) starts being tracked there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* How this function releases a field: a field fact of the unit. */
static void record_release(struct engine *en, int32_t id,
			   const struct ir_expr *arg, const struct free_info *fi)
{
	struct obj_origin o;
	const char *key = NULL;
	char buf[512];

	if (engine_origin(en, id, &o) && o.field_key)
		key = o.field_key;
	else if (arg && expr_path(en, arg) >= 0)
		key = path_field_key(en, expr_path(en, arg), buf, sizeof(buf));
	if (key)
		engine_field_fact(en, key, core.field_release, fi->order,
				  fi->api ? fi->api->name : fi->callee, fi->loc);
}

void do_unlink(struct engine *en, struct state *st, int32_t id,
	       struct ir_loc loc)
{
	id = obj_of(en, id);
	if (en->pass == PASS_SUMMARY)
		core_on_unlink(en, id, loc);
	unlink_object(en, st, id, loc);
}

/* An allocation this function made (directly or through a wrapper). */
static bool allocated_here(const struct engine *en, int32_t id)
{
	return id >= 0 && id < en->nsites && en->sites[id].callee;
}

/* Release what v points to: checkers first, then the core facts. */
void do_free(struct engine *en, struct state *st, struct value v,
	     const struct ir_expr *arg, const struct free_info *fi)
{
	struct objst tmp;
	const struct objst *o;
	struct ev_ctx old;
	bool member;
	int i;

	(void)arg;
	if (v.kind != V_OBJ)
		return;
	member = member_addr(en, v.obj);
	/* kfree(buf - offset) of buf += offset: a pointer into the block
	 * (an element's address the engine could not bring back to its
	 * start) frees the block, the only pointer a deallocator takes */
	v.obj = obj_of(en, v.obj);
	/* __free_page(virt_to_page(base + off)) in a loop over a range
	 * the function was given frees the page at off, not the range */
	if (!engine_varying_element(en, v.obj))
		v.obj = engine_obj_within(en, v.obj);
	o = engine_obj(en, st, v.obj, &tmp);
	if (!o || o->null == NL_NULL)	/* kfree(NULL) does nothing */
		return;
	/* usb_free_urb() of an urb this path took a reference on: that
	 * reference goes, the urb stays */
	if (fi->api && (fi->api->roles & ROLE_PUT) && refs_put(en, st, v))
		return;
	/* put_page() of a page this path did not allocate: other
	 * references are common (get_page() at rx refill, a count per rx
	 * buffer), so it drops one and frees nothing we know of.  A
	 * caller still learns that its argument was put, and the field
	 * how it is released. */
	if (fi->api && fi->api->put_shared && !allocated_here(en, v.obj)) {
		const struct sym *s = sym_of(en, v.obj);

		if (en->pass == PASS_SUMMARY) {
			if (s && s->kind == SYM_PARAM)
				core_on_free(en, st, o, fi);
			record_release(en, v.obj, arg, fi);
		}
		return;
	}
	/* a put that also frees (platform_device_put()) frees only a block
	 * of its own families, given whole: of an embedded one
	 * (&slot->pdev, cb710's slots in a devm block) or one of another
	 * family (a driver's kzalloc()ed struct platform_device) it drops
	 * a reference, and the release callback decides.  A block of a
	 * family the put frees is that object, given through its member
	 * (struct fc_frame is its skb: kfree_skb(&fp->skb) frees fp) */
	if (fi->api && (fi->api->roles & ROLE_PUT) &&
	    (o->family >= 0 ? !api_frees_family(fi->api, o->family) :
			      member))
		return;
	tmp = *o;
	old = ev_begin(en, st, v.obj, LINK_NONE);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_free) {
			en->queried = false;
			en->unit->checkers[i]->on_free(en, st, &tmp, fi);
		}
	ev_end(en, old);
	if (en->pass == PASS_SUMMARY) {
		core_on_free(en, st, &tmp, fi);
		record_release(en, v.obj, arg, fi);
	}
	/* what the freed memory held is gone with it */
	forget_object_memory(en, st, v.obj, fi->loc, false);
}

/* kfree(p) of a pointer whose value we do not know: track it from here,
 * so a later use or free of p is still seen.  So does skb_get(p): the
 * reference it takes must be there for the puts that follow. */
struct value track_at_call(struct engine *en, struct state *st,
			   const struct ir_call *call, int argi,
			   struct ir_loc loc)
{
	int path = argi < call->nargs ? expr_path(en, call->args[argi]) : -1;
	struct objst fo;
	struct value v = vobj(call->site);

	if (path < 0)
		return mkv(V_UNK);
	memset(&fo, 0, sizeof(fo));
	fo.id = call->site;
	fo.family = -1;
	fo.null = NL_NONNULL;
	fo.order = -1;
	fo.link = LINK_NONE;
	obj_renew(en, st, fo.id, call->site);
	state_add_obj(st, &fo);
	/* tracking starts here: not a store of an unknown value */
	en->assign_forgets = true;
	assign(en, st, path, &v, call->args[argi], loc);
	en->assign_forgets = false;
	if (call->site < en->nsites) {
		en->sites[call->site].loc = loc;
		en->sites[call->site].callee = NULL;
	}
	return v;
}

/* holds=F:FN of the free line: what field F of the object being freed
 * holds is released first, as FN releases it. */
static void free_held(struct engine *en, struct state *st,
		      const struct ir_call *call, int a, const char *holds,
		      struct ir_loc loc)
{
	const char *p = holds;

	while (*p) {
		size_t f = strcspn(p, ":"), g = strcspn(p + f + 1, ",");
		char sub[160], fn[128];
		const struct api_entry *api;
		struct free_info fi;
		struct value v;

		snprintf(sub, sizeof(sub), "$%d->%.*s", a, (int)f, p);
		snprintf(fn, sizeof(fn), "%.*s", (int)g, p + f + 1);
		p += f + 1 + g + (p[f + 1 + g] == ',');
		api = api_lookup(fn);
		if (resolve_subject(en, st, call, sub, NULL, &v) < 0 ||
		    v.kind != V_OBJ)
			continue;
		memset(&fi, 0, sizeof(fi));
		fi.callee = api ? api->name : engine_intern(en, fn);
		fi.api = api;
		fi.order = api ? api->free_order_const : -1;
		fi.loc = loc;
		do_free(en, st, v, NULL, &fi);
	}
}

void table_free(struct engine *en, struct state *st,
		const struct ir_call *call, const struct api_entry *api,
		struct value *args, int n, struct ir_loc loc)
{
	struct free_info fi;
	int a = api->free_arg;

	if (a >= n)
		return;
	if (args[a].kind == V_UNK || args[a].kind == V_NONNULL)
		args[a] = track_at_call(en, st, call, a, loc);
	memset(&fi, 0, sizeof(fi));
	fi.callee = call->callee;
	fi.api = api;
	fi.order = api->free_order_const;
	if (api->free_order_arg >= 0)
		fi.order = api->free_order_arg < n &&
			   args[api->free_order_arg].kind == V_CONST ?
			   args[api->free_order_arg].c : -1;
	fi.loc = loc;
	if (api->free_holds && args[a].kind == V_OBJ)
		free_held(en, st, call, a, api->free_holds, loc);
	do_free(en, st, args[a], call->args[a], &fi);
}
