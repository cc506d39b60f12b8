// SPDX-License-Identifier: GPL-2.0
/*
 * What a rules entry does at a call, after the callee's body (its
 * summary, calls.c): a get, a free or a handover (on success only, for
 * `when=success`), an unlink, an owner store, the places it points, a
 * lock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

static void fire_lock(struct engine *en, struct state *st,
		      const struct ir_call *call, const struct api_entry *api,
		      bool acquire, struct ir_loc loc)
{
	struct lock_info li;
	struct ev_ctx old;
	int i;

	li.api = api;
	li.lock = api->lock_arg >= 0 && api->lock_arg < call->nargs ?
		  call->args[api->lock_arg] : NULL;
	li.acquire = acquire;
	li.loc = loc;
	old = ev_begin(en, st, LINK_NONE, LINK_NONE);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_lock) {
			en->queried = false;
			en->unit->checkers[i]->on_lock(en, st, &li);
		}
	ev_end(en, old);
}

/*
 * list_add(&tp->first_phy, &phy->list): list_add() links its two
 * arguments into one ring, so the object of argument `link` is reachable
 * from the object of the (first) owner argument: a store into it.  Held
 * by it when that is an allocation of this function, stored where it
 * outlives the call otherwise (a parameter's, a global's memory, an
 * address the engine does not follow).  Only for an allocation of this
 * function: the head of an ordinary list_add(&ev->node, &priv->list) is
 * the long-lived one, not stored into the entry.
 */
static void owner_link(struct engine *en, struct state *st,
		       const struct api_entry *api, const struct value *args,
		       int n, struct ir_loc loc)
{
	struct store_info si;
	int32_t obj, into = LINK_NONE;
	int i;

	if (api->owner_link < 0 || api->owner_link >= n ||
	    args[api->owner_link].kind != V_OBJ)
		return;
	obj = obj_of(en, args[api->owner_link].obj);
	if (obj < 0)
		return;
	for (i = 0; i < n && i < 32; i++)
		if (api->owner_mask & (1u << i))
			break;
	if (i >= n || i == api->owner_link)
		return;
	if (args[i].kind == V_OBJ)
		into = obj_of(en, args[i].obj);
	if (into == obj)
		return;
	memset(&si, 0, sizeof(si));
	si.v = args[api->owner_link];
	si.container = into;
	si.outlives = into == LINK_NONE || into < 0;
	si.loc = loc;
	si.path = -1;
	fire_store(en, st, &si);
}

/*
 * points lines: what the call leaves in its arguments' memory
 * (list_add_tail(new, head): new->next is head, head->prev is new).  Every
 * place and value is named as the call began, before any is written (a
 * later line's "$1->prev" is the old last entry's, not new).  A walk of a
 * list from a head on the stack then meets the entry added to it
 * (list_add_tail(&head, &first->list) to free a list with no head of its
 * own, lpfc's diag_cmd_data_free()).
 */
static void table_points(struct engine *en, struct state *st,
			 const struct ir_call *call,
			 const struct api_entry *api, struct ir_loc loc)
{
	struct value src[API_MAX_POINTS], v;
	int path[API_MAX_POINTS];
	int i;

	for (i = 0; i < api->npoints; i++) {
		path[i] = resolve_place(en, st, call, api->points_dst[i],
					NULL, &v);
		resolve_subject(en, st, call, api->points_src[i], NULL,
				&src[i]);
	}
	for (i = 0; i < api->npoints; i++)
		if (path[i] >= 0)
			assign(en, st, path[i], &src[i], NULL, loc);
}

/* The call's result is known not 0 on this path (a summary's failure
 * class, or the -errno of a when=success split). */
static bool handover_failed_here(struct engine *en, struct state *st,
				 const struct ir_call *call)
{
	struct value nz = value_not(eval(en, st, call->dest));

	return nz.kind == V_CONST && nz.c == 0;
}

/*
 * What a rules entry does after the callee's body (its summary): a get, a
 * free or a handover (on success only, for `when=success`), an unlink, an
 * owner store, a lock.  On a path the summary split off too (a callee
 * that queues its argument only where it returns true, while a rules
 * line says the queue takes it whatever the result).
 */
void entry_roles(struct engine *en, struct state *st,
		 const struct ir_insn *insn, const struct api_entry *api,
		 struct value *args, int n, struct state **split,
		 bool *handled_out)
{
	const struct ir_call *call = insn->call;
	bool handled = false;
	int i;

	/* skb_get(skb) of an skb a helper returned (can_get_echo_skb()):
	 * the reference is the path's, whatever the engine knew of it */
	if (api && (api->roles & ROLE_GET) && api->get_arg < n &&
	    (args[api->get_arg].kind == V_UNK ||
	     args[api->get_arg].kind == V_NONNULL))
		args[api->get_arg] = track_at_call(en, st, call,
						   api->get_arg, insn->loc);
	if (api && (api->roles & ROLE_GET) && api->get_arg < n)
		refs_get(en, st, args[api->get_arg], 1, insn->loc);
	/* a free or owner line `when=success` of a function that is not an
	 * allocator: the release or the handover happens where the call
	 * returned 0; where it returned non-zero the caller still owns the
	 * argument (a send that consumes the buffer only on success).  A
	 * caller that drops the result takes the handover as made */
	if (api && (((api->roles & ROLE_FREE) && api->free_on_success &&
		     !(api->roles & ROLE_ALLOC)) ||
		    ((api->roles & ROLE_OWNER) && api->owner_on_success &&
		     !call->result_unused)) &&
	    call->dest && !*split) {
		struct state *z = state_copy(st);

		/* where it fails it returns a -errno */
		dest_assign(en, z, call, mkv(V_NEG), insn->loc);
		if ((api->roles & ROLE_OWNER) && api->owner_on_success) {
			static const struct slot_val one = { 1, 0 };

			slot_set(z, core_handover_failed, 0, &one);
		}
		*split = z;
		dest_assign(en, st, call, vconst(0), insn->loc);
		handled = true;
	}
	if (api && (api->roles & ROLE_FREE) &&
	    (!api->free_on_success || !(api->roles & ROLE_ALLOC)))
		table_free(en, st, call, api, args, n, insn->loc);
	else if (api && (api->roles & ROLE_PUT) && api->put_arg < n) {
		refs_put(en, st, args[api->put_arg]);
		if (api->put_test)
			refs_last_test(en, st, args[api->put_arg]);
	}
	if (api && (api->roles & ROLE_CLEAR))
		clear_memory(en, st, call, api, args, n, insn->loc);
	if (api && (api->roles & ROLE_UNLINK) && api->unlink_arg < n &&
	    args[api->unlink_arg].kind == V_OBJ)
		do_unlink(en, st, args[api->unlink_arg].obj, insn->loc);
	if (api && (api->roles & ROLE_OWNER) && api->owner_on_success &&
	    call->dest && !call->result_unused &&
	    handover_failed_here(en, st, call)) {
		/* the summary split the call by its result already
		 * (input_register_device()): where it failed, no handover */
		static const struct slot_val one = { 1, 0 };

		slot_set(st, core_handover_failed, 0, &one);
	} else if (api && (api->roles & ROLE_OWNER)) {
		for (i = 0; i < n; i++) {
			struct store_info si;

			if (!(api->owner_mask & (1u << i)))
				continue;
			memset(&si, 0, sizeof(si));
			si.v = args[i];
			si.outlives = true;
			si.container = LINK_NONE;
			si.sink = call->callee;
			si.loc = insn->loc;
			si.path = -1;
			fire_store(en, st, &si);
		}
		owner_link(en, st, api, args, n, insn->loc);
	}
	if (api && (api->roles & ROLE_POINTS))
		table_points(en, st, call, api, insn->loc);
	if (api && (api->roles & (ROLE_LOCK | ROLE_UNLOCK))) {
		if (api->lock_trylock && call->dest && !*split) {
			/* the lock is held where the trylock returned non-zero */
			struct state *z = state_copy(st);

			dest_assign(en, z, call, vconst(0), insn->loc);
			*split = z;
			dest_assign(en, st, call, mkv(V_NONNULL), insn->loc);
			handled = true;
		}
		fire_lock(en, st, call, api, !!(api->roles & ROLE_LOCK),
			  insn->loc);
	}
	if (handled && handled_out)
		*handled_out = true;
}
