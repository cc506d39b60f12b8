// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak: what a call does to what the path owns.  A function of no
 * rules line and no summary may keep what it gets (given up), also what a
 * local struct whose address it gets holds; memcpy() moves what a block
 * holds to another; a `derive` call's result points into its argument;
 * a call of the file whose result is dropped is made for its effect.
 */
#include <stdint.h>
#include <stdlib.h>

#include "checkers.h"
#include "../engine/apitable.h"
#include "../util/ids.h"
#include "../util/strvec.h"
#include "alloc_leak.h"

/*
 * hid_resolv_usage(usage, f);  A call of a function of the file whose
 * result the caller drops is made for what the function does: its
 * summary says it may return an allocation, not on which arguments (it
 * allocates only when f is NULL).  The call sites of this function that
 * do so (the object is named by its site), kept per function: what the
 * CFG says, not a path's state.  An allocator of the tables whose result
 * is dropped is still reported.
 */
static int32_t *dropped_sites;
static int ndropped, adropped;

bool al_dropped(int32_t id)
{
	return ids_has(dropped_sites, ndropped, id);
}

static void note_dropped(struct engine *en, const struct call_info *c)
{
	if (!c->call->result_unused || c->api ||
	    !engine_call_summarized(en, c) || al_dropped(c->call->site))
		return;
	if (ndropped == adropped) {
		adropped = adropped ? adropped * 2 : 16;
		dropped_sites = xrealloc(dropped_sites,
					 adropped * sizeof(*dropped_sites));
	}
	dropped_sites[ndropped++] = c->call->site;
}

void al_call_entry(struct engine *en, struct state *st)
{
	(void)en;
	(void)st;
	ndropped = 0;
}

/*
 * A call given &local: the local struct's places (req.buf) or the local
 * pointer itself (&data) hold what the callee may read and keep: an
 * iterator that hands &data to a callback through a function pointer
 * (uvc_configfs.c __uvcg_iter_strm_cls(h, &data, &cl_arr, fill)), an
 * unknown function.  What they hold is given up with the argument.
 */
void al_disown_local(struct engine *en, struct state *st,
			 const struct call_info *c, int n, int why)
{
	const struct ir_expr *a = n < c->call->nargs ? c->call->args[n] : NULL;
	int32_t held[16];
	int k, nh;

	if (!a || a->kind != EX_ADDR || !a->a ||
	    !engine_expr_in_frame(en, a->a))
		return;
	if (a->a->is_record) {
		nh = engine_objects_at(en, st, a, held, 16);
		for (k = 0; k < nh; k++)
			al_disown(en, st, held[k], why);
	} else if (c->held && n < c->nargs && c->held[n].kind == V_OBJ) {
		/* the engine forgot x at the call: what it held before */
		al_disown(en, st, c->held[n].obj, why);
	}
}

/*
 * memcpy(dst, src, n) between blocks: what src's memory held, dst's
 * holds now (be2iscsi beiscsi_alloc_mem(): the DMA buffers recorded in
 * mem_arr_orig[] are copied into mem_descr->mem_array, then
 * kfree(mem_arr_orig)).  Copied into memory that is not a block of this
 * function, they are stored there.
 */
static void copy_holds(struct engine *en, struct state *st,
		       const struct call_info *c)
{
	const struct api_entry *api = c->api;
	int32_t src, dst, key, moved[16];
	const struct slot_val *v;
	int pos = 0, n = 0, i;

	if (!api || !(api->roles & ROLE_COPY) || api->copy_dst >= c->nargs ||
	    api->copy_src >= c->nargs ||
	    c->args[api->copy_src].kind != V_OBJ)
		return;
	src = engine_obj_of(en, c->args[api->copy_src].obj);
	dst = c->args[api->copy_dst].kind == V_OBJ ?
	      engine_obj_of(en, c->args[api->copy_dst].obj) : -1;
	if (src < 0 || src == dst)
		return;
	while (n < 16 && slot_iter(st, al_held_slot, &pos, &key, &v))
		if ((int32_t)v->a == src)
			moved[n++] = key;
	for (i = 0; i < n; i++) {
		struct slot_val nv = { dst, 0 };

		if (dst >= 0)
			slot_set(st, al_held_slot, moved[i], &nv);
		else
			al_disown(en, st, moved[i], GONE_STORED);
	}
}

void al_on_call(struct engine *en, struct state *st,
		const struct call_info *c)
{
	int i;

	al_many_call(en, st, c);
	al_failed_call(en, st, c);
	note_dropped(en, c);
	al_realloc_over_self(en, st, c);
	copy_holds(en, st, c);
	if (c->api && (c->api->roles & ROLE_DERIVE) &&
	    c->api->derive_arg < c->nargs &&
	    c->args[c->api->derive_arg].kind == V_OBJ) {
		struct slot_val v = {
			engine_obj_of(en, c->args[c->api->derive_arg].obj), 0
		};

		slot_set(st, al_derived_slot, engine_call_result(en, c->call), &v);
	}
	if (c->api || engine_call_summarized(en, c))
		return;
	for (i = 0; i < c->nargs; i++) {
		const struct ir_expr *a = i < c->call->nargs ?
					  c->call->args[i] : NULL;

		if (c->args[i].kind == V_OBJ)
			al_disown(en, st, c->args[i].obj, GONE_UNKNOWN);
		/* &local_struct: it may hold one of ours (a store into a
		 * local is no store event).  A struct in memory (&priv->port)
		 * holds only what a store event already gave up.  What it
		 * holds is handed over (the caller's objects too: sg.ctx =
		 * skb, then tx_sg(&sg)) */
		al_disown_local(en, st, c, i, GONE_UNKNOWN);
		if (a && a->kind == EX_ADDR && a->a && a->a->is_record &&
		    engine_expr_in_frame(en, a->a)) {
			struct slot_val v = { 1, 0 };

			if (!slot_get(st, al_escape_slot, 0))
				slot_set(st, al_escape_slot, 0, &v);
		}
	}
}

