// SPDX-License-Identifier: GPL-2.0
/*
 * Calls.  What a call does comes from two places that add up: the rules
 * tables (allocators, deallocators, locks, dereferencing functions...)
 * and, for a function defined in this translation unit, its summary (the
 * facts its checkers wrote at its returns).  The table says what the
 * source cannot (an extern allocator); the summary says the rest.  When
 * the callee's facts differ with its return value (frees its argument
 * only on error), the path goes on twice, once per return condition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

void dest_assign(struct engine *en, struct state *st,
			const struct ir_call *call, struct value v,
			struct ir_loc loc)
{
	int path = expr_path(en, call->dest);

	if (path >= 0)
		assign(en, st, path, &v, call->dest, loc);
}

void new_object(struct engine *en, struct state *st,
		       const struct ir_call *call, const struct ir_expr *dest,
		       struct ir_loc loc, int family, int can_fail,
		       int order, const char *via)
{
	new_object_at(en, st, call, dest ? expr_path(en, dest) : -1, dest,
		      loc, family, can_fail, order, via);
}

/* The same for a place given as an access path (path < 0: none). */
void new_object_at(struct engine *en, struct state *st,
		   const struct ir_call *call, int path,
		   const struct ir_expr *dest, struct ir_loc loc, int family,
		   int can_fail, int order, const char *via)
{
	struct objst o;
	struct value v = vobj(call->site);

	memset(&o, 0, sizeof(o));
	o.id = call->site;
	o.family = (int16_t)family;
	o.null = can_fail ? NL_MAYBE : NL_NONNULL;
	o.can_fail = (uint8_t)can_fail;
	o.order = (int16_t)order;
	o.link = LINK_NONE;
	obj_renew(en, st, o.id, call->site);
	state_add_obj(st, &o);
	if (call->site < en->nsites) {
		en->sites[call->site].loc = loc;
		en->sites[call->site].callee = call->callee;
		en->sites[call->site].via = via;
	}
	if (path >= 0)
		assign(en, st, path, &v, dest, loc);
}

/* get_order(size) as the headers define it for a constant size */
static int64_t page_order(int64_t size, uint64_t shift)
{
	uint64_t n = (uint64_t)size;
	int64_t log = 0;

	if (!n)
		return 64 - (int64_t)shift;
	if (n < (1ULL << shift))
		return 0;
	for (n = n - 1; n > 1; n >>= 1)
		log++;
	return log - (int64_t)shift + 1;
}

/* The allocator's gfp mask is a constant with bit set. */
static bool gfp_has(const struct api_entry *api, const struct value *args,
		    int n, uint64_t bit)
{
	return bit && api->gfp_arg >= 0 && api->gfp_arg < n &&
	       args[api->gfp_arg].kind == V_CONST &&
	       ((uint64_t)args[api->gfp_arg].c & bit);
}

/* May the call return NULL?  Not with __GFP_NOFAIL; a fail=reclaim
 * allocator (mempool_alloc()) not when it may reclaim, since it then
 * waits for an element instead of failing. */
static bool alloc_can_fail(struct engine *en, const struct api_entry *api,
			   const struct value *args, int n)
{
	const struct header_consts *k = &en->unit->prog->consts;

	if (api->fail != FAIL_NULL && api->fail != FAIL_RECLAIM)
		return false;
	if (gfp_has(api, args, n, k->gfp_nofail))
		return false;
	return api->fail == FAIL_NULL ||
	       !gfp_has(api, args, n, k->gfp_direct_reclaim);
}

/*
 * The parameter a gfp_t argument passes on unchanged (gfp, gfp |
 * __GFP_ZERO), or -1: where the caller's mask has __GFP_NOFAIL, so does
 * the argument.
 */
int gfp_param_of(struct engine *en, const struct ir_expr *e)
{
	int p;

	if (!e)
		return -1;
	if (e->kind == EX_VAR)
		return param_unchanged(en, e->var) ? en->fn->vars[e->var].param
						   : -1;
	if (e->kind == EX_ARITH && e->op == AR_OR && e->b) {
		p = gfp_param_of(en, e->a);
		return p >= 0 ? p : gfp_param_of(en, e->b);
	}
	return -1;
}

/* o's failure depends on parameter param's gfp bits (objst.gfp_arg) */
void set_gfp_arg(struct objst *o, int param, bool reclaim)
{
	if (!o || param < 0 || param >= GFP_ARG_PARAM)
		return;
	o->gfp_arg = (uint8_t)((param + 1) | (reclaim ? GFP_ARG_RECLAIM : 0));
}

static void alloc_gfp_param(struct engine *en, struct state *st,
			    const struct ir_call *call,
			    const struct api_entry *api, int can_fail)
{
	if (can_fail != 1 || api->gfp_arg < 0 ||
	    api->gfp_arg >= call->nargs)
		return;
	set_gfp_arg(state_obj(st, call->site),
		    gfp_param_of(en, call->args[api->gfp_arg]),
		    api->fail == FAIL_RECLAIM);
}

static bool table_alloc(struct engine *en, struct state *st,
			const struct ir_call *call, const struct api_entry *api,
			const struct value *args, int n, struct ir_loc loc)
{
	int can_fail = alloc_can_fail(en, api, args, n);
	int order = api->order_const;

	/* kstrdup(s): NULL for a NULL s too, the caller's choice */
	if (can_fail && api->src_arg >= 0 && api->src_arg < n &&
	    !value_nonnull(en, st, &args[api->src_arg]))
		can_fail = CAN_FAIL_CHOSEN;

	if (api->out_arg == API_NONE) {
		if (api->order_arg >= 0 && api->order_arg < n &&
		    args[api->order_arg].kind == V_CONST)
			order = (int)args[api->order_arg].c;
		new_object(en, st, call, call->dest, loc, api->family,
			   can_fail, order, NULL);
		alloc_gfp_param(en, st, call, api, can_fail);
		return true;
	}
	if (api->out_arg < n && call->args[api->out_arg] &&
	    call->args[api->out_arg]->kind == EX_ADDR) {
		new_object(en, st, call, call->args[api->out_arg]->a, loc,
			   api->family, can_fail, order, NULL);
		alloc_gfp_param(en, st, call, api, can_fail);
	}
	return false;
}

/*
 * p = krealloc(old, ...): two paths.  It failed: p is NULL, old is still
 * there (and lost if p was the only pointer to it).  It succeeded: old is
 * freed, p is a new block.
 */
static void realloc_call(struct engine *en, struct state *st,
			 const struct ir_call *call, const struct api_entry *api,
			 struct value *args, int n, struct ir_loc loc,
			 struct state **split)
{
	struct state *z = state_copy(st);
	struct objst *o;

	table_alloc(en, z, call, api, args, n, loc);
	o = state_obj(z, call->site);
	if (o && o->can_fail) {
		o->null = NL_NULL;
		*split = z;
	} else {
		state_free(z);
	}
	table_free(en, st, call, api, args, n, loc);
	table_alloc(en, st, call, api, args, n, loc);
	o = state_obj(st, call->site);
	if (o)
		o->null = NL_NONNULL;
}

/* ---- the call ---- */

/* Every return of the callee is non-NULL (a valid pointer or ERR_PTR). */
/* The block an address derived from id stands for: the allocation it
 * points into, else id itself when it is a value the function was given
 * (a field, a parameter) and not a global, the base of a coordinate
 * system; LINK_NONE for none. */
static int32_t derived_block(struct engine *en, int32_t id)
{
	const struct sym *s;
	int32_t within = engine_obj_within(en, id);

	if (within >= 0)
		return within;
	s = sym_of(en, id);
	if (!s || s->kind == SYM_GLOBAL)
		return LINK_NONE;
	return id;
}

static bool not_err(struct engine *en, struct state *st, int32_t id)
{
	struct objst tmp;
	const struct objst *o = engine_obj(en, st, id, &tmp);

	return o && (o->flags & OF_NOTERR);
}

static bool never_null(const struct summary *s)
{
	int i;

	for (i = 0; i < s->facts.n; i++)
		if (s->facts.v[i].kind == core.ret_nonnull &&
		    s->facts.v[i].cond == RC_ANY)
			return true;
	return false;
}

static void callback_names(const struct ir_call *call, const char **names,
			   int n)
{
	int i;

	for (i = 0; i < n; i++) {
		const struct ir_expr *a = call->args[i];

		names[i] = a && a->kind == EX_FUNC ? a->field : NULL;
	}
}

static void expose(struct engine *en, struct state *st, struct value v)
{
	struct objst tmp, *o;
	int32_t id;

	if (v.kind != V_OBJ)
		return;
	id = engine_obj_within(en, v.obj);
	if (id < 0 && v.obj >= 0)
		id = v.obj;
	if (id < 0 || !engine_obj(en, st, id, &tmp) ||
	    (tmp.flags & OF_EXPOSED))
		return;
	o = obj_materialize(en, st, id);
	if (o)
		o->flags |= OF_EXPOSED;
}

/*
 * memcpy(dst, src, n) of a rules `copy` line: *dst = *src, so the
 * pointers a local struct holds, copied into memory
 * (memcpy(&tbl[i], &rsa, sizeof(rsa))), are stored there.
 */
static void copy_call(struct engine *en, struct state *st,
		      const struct ir_expr *dst, const struct ir_expr *src,
		      struct ir_loc loc)
{
	struct ir_expr d = { 0 }, s = { 0 };

	if (!dst || !src)
		return;
	if (dst->kind != EX_ADDR) {
		d.kind = EX_DEREF;
		d.a = (struct ir_expr *)dst;
		d.loc = dst->loc;
		dst = &d;
	} else {
		dst = dst->a;
	}
	if (src->kind != EX_ADDR) {
		s.kind = EX_DEREF;
		s.a = (struct ir_expr *)src;
		s.loc = src->loc;
		src = &s;
	} else {
		src = src->a;
	}
	copy_record(en, st, dst, src, loc);
}

/*
 * A kernel function the tables only say sleeps (destroy_workqueue(),
 * flush_work(), usb_control_msg()) or allocates
 * (devm_platform_ioremap_resource_byname()): the entry stands in for its
 * body, but the body's summary (the core file, another file of the scan)
 * still says which arguments it dereferences on every path (the name
 * the resource is looked up by: strcmp(r->name, name)).  Those are
 * uses, as for a deref entry: the table adds what the source cannot
 * say, and does not hide what it says.
 */
static void table_summary_derefs(struct engine *en, struct state *st,
				 const struct ir_call *call,
				 const struct api_entry *api,
				 struct ir_loc loc)
{
	const unsigned only = ROLE_SLEEP | ROLE_CALLBACK | ROLE_OWNER |
			      ROLE_BORROW | ROLE_ALLOC | ROLE_DEPRECATED;
	const struct ext_fn *x;
	int i;

	if (!(api->roles & (ROLE_SLEEP | ROLE_ALLOC)) ||
	    (api->roles & ~only) ||
	    !call->callee || !(x = unit_ext_fn(en->unit, call->callee)))
		return;
	for (i = 0; i < x->sum.facts.n; i++) {
		const struct fact *f = &x->sum.facts.v[i];
		int a;

		if (f->kind != core.deref || !f->value)
			continue;
		/* "$N" only: the argument itself (the entry has no deref
		 * role, so it fired none of its own) */
		a = engine_subject_arg(f->subject);
		if (a < 0 || a >= call->nargs ||
		    ((api->deref_mask | api->kept_mask) & (1u << a)))
			continue;
		fire_deref(en, st, call->args[a], loc, call->callee, &f->loc,
			   f->file);
	}
}

/*
 * An opaque call may fill the locals it is given the address of: a
 * struct's members (f(&hdr), f(&s.hdr)), and the locals whose address
 * the function stored in a place (cfg.h = &hdr; f(&cfg)), when the call
 * gets any pointer.  (f(&x) of a scalar x is the loop in call_body().)
 */
static void opaque_fills(struct engine *en, struct state *st,
			 const struct ir_call *call)
{
	bool ptr = false;
	int i;

	for (i = 0; i < call->nargs; i++) {
		const struct ir_expr *a = call->args[i];

		if (!a)
			continue;
		if (a->kind == EX_ADDR || a->is_ptr)
			ptr = true;
		if (a->kind == EX_ADDR && a->a && a->a->is_record)
			forget_local_fill(en, st, expr_path(en, a->a));
	}
	if (!ptr || !en->stored_addr)
		return;
	for (i = 0; i < en->fn->nvars; i++)
		if (liveness_in_set(en->stored_addr, i))
			forget_local_fill(en, st, path_root_var(en, i));
}

static void call_body(struct engine *en, struct state *st,
		      const struct ir_insn *insn, bool *path_ends,
		      struct state **split)
{
	const struct ir_call *call = insn->call;
	const struct api_entry *api = call->callee ?
				      api_lookup(call->callee) : NULL;
	struct summary *sum = NULL;
	struct value args[MAX_PARAMS];
	const char *fnargs[MAX_PARAMS];
	struct value held[MAX_PARAMS];
	struct ev_ctx old;
	int i, n = call->nargs < MAX_PARAMS ? call->nargs : MAX_PARAMS;
	bool handled = false;
	struct call_info ci;
	struct state *pre_split, *sum_split;
	bool no_err = false;
	struct value args2[MAX_PARAMS];
	bool opaque;

	for (i = 0; i < call->nargs; i++)
		scan_derefs(en, st, call->args[i], insn->loc);
	if (call->fnexpr)
		scan_derefs(en, st, call->fnexpr, insn->loc);
	for (i = 0; i < n; i++) {
		args[i] = eval(en, st, call->args[i]);
		held[i] = mkv(V_UNK);
	}
	callback_names(call, fnargs, n);
	if (api && (api->roles & ROLE_CALLBACK) && api->cb_arg >= 0 &&
	    api->cb_arg < n && en->pass == PASS_SUMMARY)
		refs_note_held(en, fnargs[api->cb_arg], api, insn->loc);
	/* a recursive call is unknown, in both passes: its summary applied
	 * inside its own body would stand for every level at once */
	if (call->callee && strcmp(call->callee, en->fn->name))
		sum = unit_summary(en->unit, call->callee, api);

	for (i = 0; api && i < n; i++)
		if (api->kept_mask & (1u << i))
			fire_deref_kept(en, st, call->args[i], insn->loc,
					call->callee);
		else if (api->deref_mask & (1u << i))
			fire_deref(en, st, call->args[i], insn->loc,
				   call->callee, NULL, NULL);
	if (api && !sum)
		table_summary_derefs(en, st, call, api, insn->loc);
	/* a function the engine does not see (no body, a core function's
	 * summary leaves its writes out), nor the tables describe */
	opaque = (!sum || sum->core) &&
		 (!api || !(api->roles & ~(ROLE_DEREF | ROLE_SLEEP |
					    ROLE_BORROW | ROLE_REFINIT |
					    ROLE_DEPRECATED)));
	if (opaque)
		opaque_fills(en, st, call);
	/* f(&x): the callee may store a new value in x */
	for (i = 0; i < call->nargs; i++) {
		const struct ir_expr *a = call->args[i];
		int path;

		if (!a || a->kind != EX_ADDR || !a->a || a->a->is_record ||
		    (api && (api->roles & (ROLE_ALLOC | ROLE_FREE | ROLE_LOCK |
					   ROLE_UNLOCK | ROLE_BITOP))))
			continue;
		path = expr_path(en, a->a);
		if (path >= 0 && sum && entry_null_keeps(en, st, call, sum, i))
			continue;
		if (path >= 0) {
			struct value unk = mkv(V_UNK);

			if (i < n)
				held[i] = load_path(en, st, path);
			assign(en, st, path, &unk, a->a, insn->loc);
		}
	}
	/* a function the engine does not see may fill what its pointer
	 * arguments point to: the elements of an array (fills.c), and
	 * any field of a block that no path set (expose).  So may a core
	 * function: its summary leaves its writes out (ps2_command()) */
	if (opaque)
		call_fills(en, st, args, n, insn->loc);
	if (!api && !sum)
		for (i = 0; i < n; i++)
			expose(en, st, args[i]);
	if (api && (api->roles & ROLE_COPY) && api->copy_dst < call->nargs &&
	    api->copy_src < call->nargs)
		copy_call(en, st, call->args[api->copy_dst],
			  call->args[api->copy_src], insn->loc);
	ci.call = call;
	ci.api = api;
	ci.args = args;
	ci.nargs = n;
	ci.fnargs = fnargs;
	ci.loc = insn->loc;
	ci.held = held;
	warned_call(st, api);
	old = ev_begin(en, st, LINK_NONE, LINK_NONE);
	for (i = 0; i < en->unit->ncheckers; i++)
		if (en->unit->checkers[i]->on_call) {
			en->queried = false;
			en->unit->checkers[i]->on_call(en, st, &ci);
		}
	ev_end(en, old);
	if (api && (api->roles & ROLE_NORETURN)) {
		*path_ends = true;
		return;
	}
	/*
	 * A function of another file may in principle change any field its
	 * arguments reach; it is assumed not to change those this function
	 * tested or wrote (ar->dev_type tested twice around a firmware call
	 * stays tested).  A function of this file says what it writes.
	 */
	if (api && (api->roles & ROLE_ALLOC) && (api->roles & ROLE_FREE) &&
	    api->free_on_success && !*split && call->dest) {
		realloc_call(en, st, call, api, args, n, insn->loc, split);
		return;
	}
	if (api && (api->roles & ROLE_ALLOC)) {
		handled = table_alloc(en, st, call, api, args, n, insn->loc);
	} else if (api && (api->roles & ROLE_BITOP)) {
		handled = bitop_call(en, st, insn, api, args, n, split);
	} else if (api && (api->roles & ROLE_CHECK) && api->check_arg < n &&
		   args[api->check_arg].kind == V_OBJ) {
		struct value v = mkv(V_PRED);

		v.obj = args[api->check_arg].obj;
		v.pred_null = 1;
		dest_assign(en, st, call, v, insn->loc);
		handled = true;
	} else if (api && (api->roles & ROLE_ORDER) && api->order_of_arg < n &&
		   args[api->order_of_arg].kind == V_CONST &&
		   en->unit->prog->consts.page_shift) {
		dest_assign(en, st, call,
			    vconst(page_order(args[api->order_of_arg].c,
					      en->unit->prog->consts.page_shift)),
			    insn->loc);
		handled = true;
	} else if (api && (api->roles & ROLE_ERRTEST) && call->dest &&
		   api->errtest_arg < n &&
		   args[api->errtest_arg].kind == V_OBJ &&
		   not_err(en, st, args[api->errtest_arg].obj)) {
		/* a result that cannot be an error pointer here: no split */
		dest_assign(en, st, call, vconst(0), insn->loc);
		handled = true;
	} else if (api && (api->roles & ROLE_ERRTEST) && call->dest &&
		   !*split && api->errtest_arg < n &&
		   args[api->errtest_arg].kind == V_OBJ) {
		/* IS_ERR(p): where it is true p is an error pointer, which
		 * owns nothing (a NULL for the rules); where it is false
		 * nothing is learned (IS_ERR(NULL) is false) */
		struct state *z = state_copy(st);
		struct objst *o;

		dest_assign(en, z, call, mkv(V_NONNULL), insn->loc);
		o = obj_materialize(en, z,
				    obj_of(en, args[api->errtest_arg].obj));
		if (o) {
			/* tested: a summary says so (PTR_ERR_OR_ZERO()
			 * returns non-zero only for an error pointer) */
			o->null = NL_NULL;
			o->flags |= OF_ERRPTR | OF_CHECKED;
		}
		*split = z;
		dest_assign(en, st, call, vconst(0), insn->loc);
		handled = true;
	} else if (api && (api->roles & ROLE_DERIVE) && call->dest &&
		   api->derive_arg < n && args[api->derive_arg].kind == V_OBJ &&
		   derived_block(en, args[api->derive_arg].obj) != LINK_NONE) {
		/* page_address(page) of a block of this function: the same
		 * block in another coordinate system (as page_to_virt()), so
		 * it keeps the block and a free through it
		 * (__free_page(virt_to_page(addr))) frees the block.  So
		 * does __pa() of an address the function was given */
		dest_assign(en, st, call,
			    vobj(derived_block(en, args[api->derive_arg].obj)),
			    insn->loc);
		handled = true;
	} else if (api && (api->roles & ROLE_ERRPTR)) {
		dest_assign(en, st, call, mkv(V_ERRPTR), insn->loc);
		handled = true;
	} else if (api && (api->roles & ROLE_PASSTHRU) &&
		   api->passthru_arg < n) {
		dest_assign(en, st, call, args[api->passthru_arg], insn->loc);
		handled = true;
	}
	/* what the callee's body does comes before what the table says it
	 * does last (a deallocator's own uses of the block precede its free) */
	pre_split = *split;
	if (sum) {
		struct replay r = { call, api, sum, args, n, fnargs, insn->loc,
				     held };

		/* before the callee's writes: the caller's values on entry */
		no_err = entry_null_no_err(en, st, call, sum);
		if (replay_summary(en, st, &r, split, path_ends) && !handled)
			handled = true;
		if (*path_ends)
			return;
	}
	/* the path the summary split off gets the entry's roles too, with
	 * the arguments as they were (a free tracks an unknown one) */
	sum_split = *split != pre_split ? *split : NULL;
	if (sum_split)
		memcpy(args2, args, sizeof(args2));
	entry_roles(en, st, insn, api, args, n, split, &handled);
	if (sum_split)
		entry_roles(en, sum_split, insn, api, args2, n, &sum_split,
			    NULL);
	if (handled || !call->dest)
		return;
	if (call->dest->is_ptr) {
		/* an unknown function's pointer: opaque, but one object */
		int32_t id = sym_opaque(en, call->site);

		obj_renew(en, st, id, call->site);
		if (sum && never_null(sum))
			obj_materialize(en, st, id)->null = NL_NONNULL;
		if (no_err)
			obj_materialize(en, st, id)->flags |= OF_NOTERR;
		dest_assign(en, st, call, vobj(id), insn->loc);
	} else {
		dest_assign(en, st, call, mkv(V_UNK), insn->loc);
	}
}

void exec_call(struct engine *en, struct state *st,
	       const struct ir_insn *insn, bool *path_ends,
	       struct state **split)
{
	struct state *before = *split;

	call_body(en, st, insn, path_ends, split);
	if (*path_ends)
		return;
	/* a pure function called again answers the same (purecall.c) */
	purecall_after(en, st, insn->call);
	if (*split && *split != before)
		purecall_after(en, *split, insn->call);
}
