// SPDX-License-Identifier: GPL-2.0
/*
 * Path-sensitive exploration of one function.
 *
 * A worklist of (block, state) pairs, explored depth first.  A state seen
 * before at a block is not explored again (memoisation by hash), which
 * bounds loops: the state domain is finite because objects are named by
 * their allocation site and integers are only tracked as constants that
 * arithmetic does not grow.  When a function's budget of steps is spent,
 * exploration goes on with one joined state per block (see state_join):
 * less precise, never silently wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "state.h"
#include "../util/strvec.h"

#define HARD_STEPS_FACTOR 8

/* ---- access paths ---- */

static int intern_path(struct engine *en, int parent, int var, char kind,
		       const char *field, int64_t idx)
{
	char key[256];
	void *hit;
	struct path *p;

	snprintf(key, sizeof(key), "%d|%d|%c|%s|%lld", parent, var, kind,
		 field ? field : "", (long long)idx);
	hit = hmap_get(&en->pathmap, key);
	if (hit)
		return (int)(intptr_t)hit - 1;
	if (en->npaths == en->apaths) {
		en->apaths = en->apaths ? en->apaths * 2 : 64;
		en->paths = xrealloc(en->paths, en->apaths * sizeof(*en->paths));
	}
	p = &en->paths[en->npaths];
	p->parent = parent;
	p->var = var;
	p->kind = kind;
	p->field = field;
	p->idx = idx;
	hmap_put(&en->pathmap, key, (void *)(intptr_t)(en->npaths + 1));
	return en->npaths++;
}

/* The access path an lvalue expression names, or -1. */
static int expr_path(struct engine *en, struct state *st,
		     const struct ir_expr *e)
{
	int base;

	if (!e)
		return -1;
	switch (e->kind) {
	case EX_VAR:
		return intern_path(en, -1, e->var, 'v', NULL, 0);
	case EX_MEMBER:
		base = expr_path(en, st, e->a);
		if (base < 0)
			return -1;
		return intern_path(en, base, -1, e->arrow ? '>' : '.',
				   e->field, 0);
	case EX_INDEX: {
		int64_t idx = INT64_MIN;

		base = expr_path(en, st, e->a);
		if (base < 0)
			return -1;
		if (e->b && e->b->kind == EX_CONST)
			idx = e->b->ival;
		else if (e->b && e->b->kind == EX_VAR)
			idx = -1000000 - e->b->var;	/* a[i]: same i, same slot */
		return intern_path(en, base, -1, '[', NULL, idx);
	}
	case EX_DEREF:
		base = expr_path(en, st, e->a);
		if (base < 0)
			return -1;
		return intern_path(en, base, -1, '*', NULL, 0);
	default:
		return -1;
	}
}

struct drop_arg {
	struct engine *en;
	int root;
};

static bool is_strict_subpath(void *arg, int path)
{
	struct drop_arg *d = arg;
	int p = d->en->paths[path].parent;

	for (; p >= 0; p = d->en->paths[p].parent)
		if (p == d->root)
			return true;
	return false;
}

/* a[i] is keyed by the variable i: when i changes, a[i] is another slot */
static bool indexed_by(void *arg, int path)
{
	struct drop_arg *d = arg;
	int64_t key = -1000000 - d->root;
	int p;

	for (p = path; p >= 0; p = d->en->paths[p].parent)
		if (d->en->paths[p].kind == '[' && d->en->paths[p].idx == key)
			return true;
	return false;
}

static void assign_path(struct engine *en, struct state *st, int path,
			const struct value *v)
{
	struct drop_arg d = { en, path };

	/* p = ...: what we knew of p->x no longer holds */
	state_drop_if(st, is_strict_subpath, &d);
	if (en->paths[path].kind == 'v') {
		struct drop_arg di = { en, en->paths[path].var };

		state_drop_if(st, indexed_by, &di);
	}
	state_set(st, path, v);
}

/* ---- helpers for checkers ---- */

struct objst *engine_obj(struct state *st, int32_t id)
{
	return state_obj(st, id);
}

const struct site_info *engine_site(struct engine *en, int32_t id)
{
	if (id < 0 || id >= en->nsites)
		return NULL;
	return &en->sites[id];
}

static void expr_str(struct engine *en, const struct ir_expr *e,
		     char *buf, size_t len)
{
	char a[256];

	if (!e) {
		snprintf(buf, len, "?");
		return;
	}
	switch (e->kind) {
	case EX_VAR:
		snprintf(buf, len, "%s", en->fn->vars[e->var].name);
		if (buf[0] == '$')
			snprintf(buf, len, "the result");
		return;
	case EX_MEMBER:
		expr_str(en, e->a, a, sizeof(a));
		snprintf(buf, len, "%s%s%s", a, e->arrow ? "->" : ".",
			 e->field);
		return;
	case EX_INDEX:
		expr_str(en, e->a, a, sizeof(a));
		if (e->b && e->b->kind == EX_CONST)
			snprintf(buf, len, "%s[%lld]", a, (long long)e->b->ival);
		else
			snprintf(buf, len, "%s[...]", a);
		return;
	case EX_DEREF:
		expr_str(en, e->a, a, sizeof(a));
		snprintf(buf, len, "*%s", a);
		return;
	case EX_ADDR:
		expr_str(en, e->a, a, sizeof(a));
		snprintf(buf, len, "&%s", a);
		return;
	case EX_ARITH:
		expr_str(en, e->a, buf, len);
		return;
	case EX_CONST:
		snprintf(buf, len, "%lld", (long long)e->ival);
		return;
	default:
		snprintf(buf, len, "the pointer");
		return;
	}
}

char *engine_expr_str(struct engine *en, const struct ir_expr *e)
{
	char buf[512];

	expr_str(en, e, buf, sizeof(buf));
	return xstrdup(buf);
}

int engine_alloc_free_notes(const struct site_info *si,
			    struct trace_note *notes)
{
	int n = 0;

	if (si->callee) {
		notes[n].file = NULL;
		notes[n].loc = si->loc;
		notes[n++].msg = xstrfmt("allocated here by %s()", si->callee);
	}
	notes[n].file = NULL;
	notes[n].loc = si->free_loc;
	notes[n++].msg = xstrfmt("freed here by %s()",
				 si->free_callee ? si->free_callee : "a call");
	return n;
}

void engine_report(struct engine *en, const char *rule, struct ir_loc loc,
		   char *msg, struct trace_note *notes, int nnotes)
{
	struct finding f;
	int i;

	if (!en->reporting) {
		free(msg);
		for (i = 0; i < nnotes; i++)
			free(notes[i].msg);
		return;
	}
	memset(&f, 0, sizeof(f));
	f.file = xstrdup(en->fn->file);
	f.line = loc.line;
	f.col = loc.col;
	f.function = xstrdup(en->fn->name);
	f.rule = xstrdup(rule);
	f.message = msg;
	f.notes = nnotes ? xcalloc(nnotes, sizeof(*f.notes)) : NULL;
	f.nnotes = nnotes;
	for (i = 0; i < nnotes; i++) {
		f.notes[i].file = xstrdup(notes[i].file ? notes[i].file :
					  en->fn->file);
		f.notes[i].line = notes[i].loc.line;
		f.notes[i].col = notes[i].loc.col;
		f.notes[i].msg = notes[i].msg;
	}
	findings_add(en->tu->out, &f);
}

/* ---- evaluation ---- */

static struct value mkv(int kind)
{
	struct value v;

	memset(&v, 0, sizeof(v));
	v.kind = kind;
	return v;
}

static struct value vconst(int64_t c)
{
	struct value v = mkv(V_CONST);

	v.c = c;
	return v;
}

static struct value vpred(int32_t obj, bool is_null)
{
	struct value v = mkv(V_PRED);

	v.obj = obj;
	v.pred_null = is_null;
	return v;
}

static struct value eval(struct engine *en, struct state *st,
			 const struct ir_expr *e);

static struct value load(struct engine *en, struct state *st,
			 const struct ir_expr *e)
{
	int path = expr_path(en, st, e);
	const struct value *v;

	if (path < 0)
		return mkv(V_UNK);
	v = state_get(st, path);
	if (!v)
		return mkv(V_UNK);
	return *v;
}

static struct value not_value(struct value a)
{
	switch (a.kind) {
	case V_CONST:
		return vconst(!a.c);
	case V_OBJ:
		return vpred(a.obj, true);
	case V_PRED:
		return vpred(a.obj, !a.pred_null);
	case V_NONNULL:
		return vconst(0);
	default:
		return mkv(V_UNK);
	}
}

static int64_t arith(int op, int64_t a, int64_t b, bool *ok)
{
	*ok = true;
	switch (op) {
	case AR_ADD: return (int64_t)((uint64_t)a + (uint64_t)b);
	case AR_SUB: return (int64_t)((uint64_t)a - (uint64_t)b);
	case AR_MUL: return (int64_t)((uint64_t)a * (uint64_t)b);
	case AR_AND: return a & b;
	case AR_OR: return a | b;
	case AR_XOR: return a ^ b;
	case AR_SHL: return b >= 0 && b < 63 ? (int64_t)((uint64_t)a << b) : 0;
	case AR_SHR: return b >= 0 && b < 63 ? a >> b : 0;
	case AR_DIV:
		if (b && !(a == INT64_MIN && b == -1))
			return a / b;
		break;
	case AR_REM:
		if (b && !(a == INT64_MIN && b == -1))
			return a % b;
		break;
	case AR_NEG: return (int64_t)(0 - (uint64_t)a);
	case AR_BITNOT: return ~a;
	}
	*ok = false;
	return 0;
}

static struct value cmp_values(int op, struct value a, struct value b)
{
	bool eq;

	if (a.kind == V_CONST && b.kind == V_CONST) {
		switch (op) {
		case CMP_EQ: return vconst(a.c == b.c);
		case CMP_NE: return vconst(a.c != b.c);
		case CMP_LT: return vconst(a.c < b.c);
		case CMP_GT: return vconst(a.c > b.c);
		case CMP_LE: return vconst(a.c <= b.c);
		case CMP_GE: return vconst(a.c >= b.c);
		}
	}
	if (op != CMP_EQ && op != CMP_NE)
		return mkv(V_UNK);
	eq = op == CMP_EQ;
	if (a.kind == V_CONST && a.c == 0) {
		struct value t = a;

		a = b;
		b = t;
	}
	if (b.kind != V_CONST || b.c != 0)
		return mkv(V_UNK);
	/* a ==/!= 0 */
	switch (a.kind) {
	case V_OBJ:
		return vpred(a.obj, eq);
	case V_PRED:
		return vpred(a.obj, eq ? !a.pred_null : a.pred_null);
	case V_NONNULL:
		return vconst(!eq);
	default:
		return mkv(V_UNK);
	}
}

static struct value eval(struct engine *en, struct state *st,
			 const struct ir_expr *e)
{
	struct value a, b;
	bool ok;

	if (!e)
		return mkv(V_UNK);
	switch (e->kind) {
	case EX_CONST:
		return vconst(e->ival);
	case EX_STR:
		return mkv(V_NONNULL);
	case EX_VAR:
	case EX_MEMBER:
	case EX_INDEX:
	case EX_DEREF:
		return load(en, st, e);
	case EX_ADDR:
		/* &p->field points into p's object */
		if (e->a && e->a->kind == EX_MEMBER && e->a->arrow) {
			a = eval(en, st, e->a->a);
			if (a.kind == V_OBJ)
				return a;
		}
		if (e->a && e->a->kind == EX_INDEX && e->a->base_is_ptr) {
			a = eval(en, st, e->a->a);
			if (a.kind == V_OBJ)
				return a;
		}
		return mkv(V_NONNULL);
	case EX_NOT:
		return not_value(eval(en, st, e->a));
	case EX_CMP:
		return cmp_values(e->op, eval(en, st, e->a), eval(en, st, e->b));
	case EX_ARITH:
		a = eval(en, st, e->a);
		b = e->b ? eval(en, st, e->b) : vconst(0);
		/*
		 * Only literal arithmetic folds (clang has done most of it):
		 * i = i + 1 must not count a loop up through new states.
		 */
		if (a.kind == V_CONST && b.kind == V_CONST &&
		    e->a->kind == EX_CONST && (!e->b || e->b->kind == EX_CONST)) {
			int64_t r = arith(e->op, a.c, b.c, &ok);

			return ok ? vconst(r) : mkv(V_UNK);
		}
		/* pointer arithmetic stays inside the object */
		if ((e->op == AR_ADD || e->op == AR_SUB) && a.kind == V_OBJ &&
		    b.kind != V_OBJ && b.kind != V_PRED)
			return a;
		if (e->op == AR_ADD && b.kind == V_OBJ && a.kind == V_CONST)
			return b;
		return mkv(V_UNK);
	default:
		return mkv(V_UNK);
	}
}

/* ---- events ---- */

static void fire_deref(struct engine *en, struct state *st,
		       const struct ir_expr *ptr, struct ir_loc loc,
		       const char *via, const struct ir_loc *via_loc,
		       const char *via_file)
{
	struct value v = eval(en, st, ptr);
	struct objst *o;
	int i;

	if (v.kind != V_OBJ)
		return;
	for (i = 0; i < en->tu->ncheckers; i++)
		if (en->tu->checkers[i]->on_deref)
			en->tu->checkers[i]->on_deref(en, st, &v, ptr, loc, via,
						      via_loc, via_file);
	o = state_obj(st, v.obj);
	if (!o)
		return;
	if ((o->flags & OF_PARAM) && o->null == NL_MAYBE &&
	    !(o->flags & (OF_CHECKED | OF_DEREFED))) {
		int p = -o->id - 1;

		if (p < MAX_PARAMS && !(en->self->sum.deref_params & (1u << p))) {
			en->self->sum.deref_params |= 1u << p;
			en->self->sum.deref_loc[p] = loc;
		}
	}
	/* used as non-NULL: later uses on this path are not new findings */
	if (o->null == NL_MAYBE)
		o->null = NL_NONNULL;
	o->flags |= OF_DEREFED;
}

/* Every dereference an expression performs when evaluated. */
static void scan_derefs(struct engine *en, struct state *st,
			const struct ir_expr *e, struct ir_loc loc)
{
	if (!e)
		return;
	switch (e->kind) {
	case EX_MEMBER:
		scan_derefs(en, st, e->a, loc);
		if (e->arrow)
			fire_deref(en, st, e->a, e->loc.line ? e->loc : loc,
				   NULL, NULL, NULL);
		return;
	case EX_INDEX:
		scan_derefs(en, st, e->a, loc);
		scan_derefs(en, st, e->b, loc);
		if (e->base_is_ptr)
			fire_deref(en, st, e->a, e->loc.line ? e->loc : loc,
				   NULL, NULL, NULL);
		return;
	case EX_DEREF:
		scan_derefs(en, st, e->a, loc);
		fire_deref(en, st, e->a, e->loc.line ? e->loc : loc, NULL,
			   NULL, NULL);
		return;
	case EX_ADDR:
		/* &p->f and &p[i] compute an address: no access to *p */
		if (e->a && (e->a->kind == EX_MEMBER || e->a->kind == EX_INDEX)) {
			scan_derefs(en, st, e->a->a, loc);
			if (e->a->kind == EX_INDEX)
				scan_derefs(en, st, e->a->b, loc);
		} else if (e->a && e->a->kind == EX_DEREF) {
			scan_derefs(en, st, e->a->a, loc);
		} else {
			scan_derefs(en, st, e->a, loc);
		}
		return;
	case EX_NOT:
	case EX_CMP:
	case EX_ARITH:
		scan_derefs(en, st, e->a, loc);
		scan_derefs(en, st, e->b, loc);
		return;
	default:
		return;
	}
}

/* The lvalue itself is written, not read: only its base is accessed. */
static void scan_lvalue(struct engine *en, struct state *st,
			const struct ir_expr *e, struct ir_loc loc)
{
	if (e && e->kind != EX_VAR)
		scan_derefs(en, st, e, loc);
}

/* ---- calls ---- */

static bool refine(struct state *st, struct value cond, bool taken);

static void new_object(struct engine *en, struct state *st,
		       const struct ir_call *call, struct ir_loc loc,
		       int family, bool can_fail, int order, const char *via)
{
	struct objst o;
	struct value v = mkv(V_OBJ);
	int path;

	memset(&o, 0, sizeof(o));
	o.id = call->site;
	o.family = family;
	o.null = can_fail ? NL_MAYBE : NL_NONNULL;
	o.can_fail = can_fail;
	o.order = order;
	state_add_obj(st, &o);
	if (call->site < en->nsites) {
		en->sites[call->site].loc = loc;
		en->sites[call->site].callee = call->callee;
		en->sites[call->site].via = via;
	}
	v.obj = call->site;
	path = expr_path(en, st, call->dest);
	if (path >= 0)
		assign_path(en, st, path, &v);
}

/* Argument argi of call releases what it points to. */
static void do_free(struct engine *en, struct state *st,
		    const struct ir_call *call, const struct api_entry *api,
		    const struct value *args, int n, int argi, struct ir_loc loc)
{
	struct objst *o;
	int i;

	if ((args[argi].kind == V_UNK || args[argi].kind == V_NONNULL) &&
	    argi < call->nargs &&
	    expr_path(en, st, call->args[argi]) >= 0) {
		/* kfree(ctx) of a pointer we did not see allocated: track it
		 * from here so that a later use or free is still seen */
		struct objst fo;
		struct value v = mkv(V_OBJ);

		memset(&fo, 0, sizeof(fo));
		fo.id = call->site;
		fo.family = -1;
		fo.null = NL_NONNULL;
		fo.order = -1;
		state_add_obj(st, &fo);
		v.obj = fo.id;
		assign_path(en, st, expr_path(en, st, call->args[argi]), &v);
		if (call->site < en->nsites) {
			en->sites[call->site].loc = loc;
			en->sites[call->site].callee = NULL;
		}
		((struct value *)args)[argi] = v;
	}
	if (args[argi].kind != V_OBJ)
		return;
	o = state_obj(st, args[argi].obj);
	if (!o || o->null == NL_NULL)	/* kfree(NULL) does nothing */
		return;
	for (i = 0; i < en->tu->ncheckers; i++)
		if (en->tu->checkers[i]->on_free)
			en->tu->checkers[i]->on_free(en, st, o, call, api, args,
						     n, loc);
	if ((o->flags & OF_PARAM) && !(o->flags & OF_FREED)) {
		int p = -o->id - 1;

		if (p < MAX_PARAMS && !(en->self->sum.free_params & (1u << p))) {
			en->self->sum.free_params |= 1u << p;
			en->self->sum.free_loc[p] = loc;
		}
	}
	if (o->id >= 0 && o->id < en->nsites) {
		en->sites[o->id].free_loc = loc;
		en->sites[o->id].free_callee = call->callee;
	}
	o->flags |= OF_FREED;
}

static void exec_call(struct engine *en, struct state *st,
		      const struct ir_insn *insn, bool *path_ends,
		      struct state **split)
{
	const struct ir_call *call = insn->call;
	const struct api_entry *api = call->callee ?
				      api_lookup(call->callee) : NULL;
	struct summary *sum = NULL;
	struct value args[MAX_PARAMS];
	int i, n = call->nargs < MAX_PARAMS ? call->nargs : MAX_PARAMS;
	bool handled = false;

	for (i = 0; i < call->nargs; i++)
		scan_derefs(en, st, call->args[i], insn->loc);
	if (call->fnexpr)
		scan_derefs(en, st, call->fnexpr, insn->loc);
	for (i = 0; i < n; i++)
		args[i] = eval(en, st, call->args[i]);
	if (!api && call->callee)
		sum = tu_get_summary(en->tu, call->callee);

	/* argument dereferences: rules table, else the callee's summary */
	for (i = 0; i < n; i++) {
		if (api && (api->deref_mask & (1u << i)))
			fire_deref(en, st, call->args[i], insn->loc,
				   call->callee, NULL, NULL);
		else if (sum && (sum->deref_params & (1u << i)))
			fire_deref(en, st, call->args[i], insn->loc,
				   call->callee, &sum->deref_loc[i], sum->file);
	}
	/* f(&x): the callee may store a new value in x */
	for (i = 0; i < call->nargs; i++) {
		const struct ir_expr *a = call->args[i];
		int path;

		if (!a || a->kind != EX_ADDR || (api && (api->roles & ROLE_ALLOC)))
			continue;
		path = expr_path(en, st, a->a);
		if (path >= 0) {
			struct value unk = mkv(V_UNK);

			assign_path(en, st, path, &unk);
		}
	}
	for (i = 0; i < en->tu->ncheckers; i++)
		if (en->tu->checkers[i]->on_call)
			en->tu->checkers[i]->on_call(en, st, call, api, args,
						     insn->loc);
	if (api && (api->roles & ROLE_NORETURN)) {
		*path_ends = true;
		return;
	}
	if (api && (api->roles & ROLE_ALLOC) && api->out_arg == API_NONE) {
		int order = api->order_const;

		if (api->order_arg >= 0 && api->order_arg < n &&
		    args[api->order_arg].kind == V_CONST)
			order = (int)args[api->order_arg].c;
		new_object(en, st, call, insn->loc, api->family,
			   api->fail == FAIL_NULL, order, NULL);
		handled = true;
	} else if (api && (api->roles & ROLE_ALLOC) && api->out_arg < n) {
		struct ir_expr *out = call->args[api->out_arg];

		if (out && out->kind == EX_ADDR) {
			struct ir_call c2 = *call;

			c2.dest = out->a;
			new_object(en, st, &c2, insn->loc, api->family,
				   api->fail == FAIL_NULL, api->order_const,
				   NULL);
		}
	} else if (api && (api->roles & ROLE_CHECK) && api->check_arg < n &&
		   args[api->check_arg].kind == V_OBJ) {
		struct value v = vpred(args[api->check_arg].obj, true);
		int path = expr_path(en, st, call->dest);

		if (path >= 0)
			assign_path(en, st, path, &v);
		handled = true;
	} else if (api && (api->roles & ROLE_PASSTHRU) &&
		   api->passthru_arg < n) {
		int path = expr_path(en, st, call->dest);

		if (path >= 0)
			assign_path(en, st, path, &args[api->passthru_arg]);
		handled = true;
	} else if (sum && sum->ret_alloc) {
		new_object(en, st, call, insn->loc, sum->ret_family,
			   sum->ret_may_null, -1, sum->ret_api);
		handled = true;
	}
	if (api && (api->roles & ROLE_FREE) && api->free_arg < n)
		do_free(en, st, call, api, args, n, api->free_arg, insn->loc);
	for (i = 0; sum && i < n && i < MAX_PARAMS; i++) {
		unsigned bit = 1u << i;

		if (!(sum->free_params & bit))
			continue;
		if (!(sum->free_on_unknown & bit) &&
		    !!(sum->free_on_nonzero & bit) != !!(sum->free_on_zero & bit)) {
			/*
			 * The callee frees it only when it returns an error
			 * (or only on success): go on twice, freed with that
			 * result, and not freed with a result we know nothing
			 * of.
			 */
			struct state *f = *split ? *split : state_copy(st);
			int path = expr_path(en, f, call->dest);

			do_free(en, f, call, NULL, args, n, i, insn->loc);
			if (path >= 0) {
				struct value r = (sum->free_on_zero & bit) ?
						 vconst(0) : mkv(V_NONNULL);

				assign_path(en, f, path, &r);
			}
			*split = f;
			continue;
		}
		do_free(en, st, call, NULL, args, n, i, insn->loc);
	}
	if (!handled && call->dest) {
		int path = expr_path(en, st, call->dest);
		struct value v = mkv(V_UNK);

		if (path >= 0)
			assign_path(en, st, path, &v);
	}
}

/* ---- branches ---- */

/*
 * Refine st with "cond is true" (taken) or false.  Returns false when the
 * edge is infeasible on this path.
 */
static bool refine(struct state *st, struct value cond, bool taken)
{
	struct objst *o;
	bool want_null;

	switch (cond.kind) {
	case V_CONST:
		return (cond.c != 0) == taken;
	case V_NONNULL:
		return taken;
	case V_OBJ:
		want_null = !taken;
		break;
	case V_PRED:
		want_null = cond.pred_null ? taken : !taken;
		break;
	default:
		return true;
	}
	o = state_obj(st, cond.obj);
	if (!o)
		return true;
	if (want_null && o->null == NL_NONNULL)
		return false;
	if (!want_null && o->null == NL_NULL)
		return false;
	o->null = want_null ? NL_NULL : NL_NONNULL;
	o->flags |= OF_CHECKED;
	return true;
}

/*
 * if (err), if (!err), if (err == 0)...: on each edge the variable is
 * known to be zero or non-zero, so a later test of the same variable
 * follows the same way (if (err) kfree(p); ... if (!err) use(p);).
 */
static void refine_var(struct engine *en, struct state *st,
		       const struct ir_expr *cond, bool taken)
{
	bool truthy = taken;
	const struct value *cur;
	struct value v;
	int path;

	for (;;) {
		if (cond->kind == EX_NOT) {
			truthy = !truthy;
			cond = cond->a;
		} else if (cond->kind == EX_CMP &&
			   (cond->op == CMP_EQ || cond->op == CMP_NE) &&
			   cond->b && cond->b->kind == EX_CONST &&
			   cond->b->ival == 0) {
			if (cond->op == CMP_EQ)
				truthy = !truthy;
			cond = cond->a;
		} else {
			break;
		}
	}
	path = expr_path(en, st, cond);
	if (path < 0)
		return;
	cur = state_get(st, path);
	if (cur && cur->kind != V_UNK)
		return;
	v = truthy ? mkv(V_NONNULL) : vconst(0);
	state_set(st, path, &v);
}

/* ---- the worklist ---- */

struct work {
	int block;
	int start;	/* first instruction: > 0 after a split in a call */
	struct state *st;
};

struct worklist {
	struct work *v;
	int n;
	int alloc;
};

static void push(struct worklist *wl, int block, struct state *st)
{
	if (wl->n == wl->alloc) {
		wl->alloc = wl->alloc ? wl->alloc * 2 : 64;
		wl->v = xrealloc(wl->v, wl->alloc * sizeof(*wl->v));
	}
	wl->v[wl->n].block = block;
	wl->v[wl->n].start = 0;
	wl->v[wl->n].st = st;
	wl->n++;
}

struct memo {
	uint64_t *h;
	int n;
	int alloc;
};

static bool memo_seen(struct memo *m, uint64_t h)
{
	int i;

	for (i = 0; i < m->n; i++)
		if (m->h[i] == h)
			return true;
	if (m->n == m->alloc) {
		m->alloc = m->alloc ? m->alloc * 2 : 4;
		m->h = xrealloc(m->h, m->alloc * sizeof(*m->h));
	}
	m->h[m->n++] = h;
	return false;
}

static void end_path(struct engine *en, struct state *st, struct ir_loc loc)
{
	int i;

	for (i = 0; i < en->tu->ncheckers; i++)
		if (en->tu->checkers[i]->on_end)
			en->tu->checkers[i]->on_end(en, st, loc);
}

static bool on_failure_path(struct state *st)
{
	int i;

	for (i = 0; i < st->no; i++)
		if (!(st->o[i].flags & OF_PARAM) && st->o[i].can_fail &&
		    st->o[i].null == NL_NULL)
			return true;
	return false;
}

static void do_return(struct engine *en, struct state *st,
		      const struct ir_block *b)
{
	struct summary *sum = &en->self->sum;
	struct value v = mkv(V_UNK);
	int i;

	if (b->ret) {
		scan_derefs(en, st, b->ret, b->term_loc);
		v = eval(en, st, b->ret);
	}
	for (i = 0; i < en->tu->ncheckers; i++)
		if (en->tu->checkers[i]->on_return)
			en->tu->checkers[i]->on_return(en, st, &v, b->term_loc);
	for (i = 0; i < st->no; i++) {
		const struct objst *po = &st->o[i];
		int p = -po->id - 1;

		if (!(po->flags & OF_PARAM) || !(po->flags & OF_FREED) ||
		    p >= MAX_PARAMS)
			continue;
		if ((v.kind == V_CONST && v.c != 0) || v.kind == V_NONNULL)
			sum->free_on_nonzero |= 1u << p;
		else if (v.kind == V_CONST)
			sum->free_on_zero |= 1u << p;
		else
			sum->free_on_unknown |= 1u << p;
	}
	if (v.kind == V_OBJ) {
		struct objst *o = state_obj(st, v.obj);

		if (o && !(o->flags & OF_PARAM) && o->family >= 0) {
			const struct site_info *si = engine_site(en, o->id);

			sum->ret_alloc = true;
			sum->ret_family = o->family;
			if (o->null != NL_NONNULL)
				sum->ret_may_null = true;
			if (si && !sum->ret_api) {
				sum->ret_api = xstrdup(si->via ? si->via :
						       si->callee);
			}
		}
	} else if (v.kind == V_CONST && v.c == 0 && en->fn->returns_ptr &&
		   on_failure_path(st)) {
		/* return NULL after an allocation failed: a wrapper that may
		 * return NULL.  A NULL returned for another reason (a lookup
		 * that missed, a mode without a buffer) is not an allocation
		 * failure and callers need not test it for this rule. */
		sum->ret_may_null = true;
	}
	end_path(en, st, b->term_loc);
}

void engine_explore(struct engine *en)
{
	struct ir_func *fn = en->fn;
	struct memo *memo = xcalloc(fn->nblocks, sizeof(*memo));
	struct state **merged = NULL;
	struct worklist wl = { 0 };
	struct state *init = state_new();
	long steps = 0, budget = en->tu->budget;
	int i;

	en->nsites = fn->ncallsites;
	en->sites = xcalloc(fn->ncallsites + 1, sizeof(*en->sites));
	/* parameters are tracked objects so that summaries can say what
	 * happens to them */
	for (i = 0; i < fn->nvars; i++) {
		struct ir_var *var = &fn->vars[i];
		struct objst o;
		struct value v = mkv(V_OBJ);

		if (var->kind != VAR_PARAM || !var->is_ptr ||
		    var->param >= MAX_PARAMS)
			continue;
		memset(&o, 0, sizeof(o));
		o.id = -(var->param + 1);
		o.family = FAMILY_PARAM;
		o.null = NL_MAYBE;
		o.flags = OF_PARAM;
		o.order = -1;
		state_add_obj(init, &o);
		v.obj = o.id;
		state_set(init, intern_path(en, -1, i, 'v', NULL, 0), &v);
	}
	push(&wl, 0, init);
	while (wl.n) {
		struct work w = wl.v[--wl.n];
		struct state *st = w.st;
		const struct ir_block *b = &fn->blocks[w.block];
		bool ends = false;

		steps++;
		if (steps > budget * HARD_STEPS_FACTOR) {
			state_free(st);
			continue;
		}
		if (steps > budget && !merged) {
			merged = xcalloc(fn->nblocks, sizeof(*merged));
			en->tu->nbudget_hit++;
			if (en->tu->verbose)
				fprintf(stderr, "kmemlint: %s: %s(): budget of %ld steps spent, joining states\n",
					fn->file, fn->name, budget);
		}
		state_gc(st, NULL);
		st->hash = state_hash(st);
		if (merged && !w.start) {
			struct state *m = merged[w.block];

			if (m) {
				struct state *j = state_join(m, st);

				state_free(st);
				if (state_equal(j, m)) {
					state_free(j);
					continue;
				}
				state_free(m);
				merged[w.block] = j;
				st = state_copy(j);
			} else {
				merged[w.block] = state_copy(st);
			}
		} else if (!w.start && memo_seen(&memo[w.block], st->hash)) {
			state_free(st);
			continue;
		}
		for (i = w.start; i < b->ninsns && !ends; i++) {
			const struct ir_insn *in = &b->insns[i];

			switch (in->kind) {
			case I_ASSIGN: {
				struct value v;
				int path;

				scan_derefs(en, st, in->rhs, in->loc);
				scan_lvalue(en, st, in->lhs, in->loc);
				v = eval(en, st, in->rhs);
				path = expr_path(en, st, in->lhs);
				if (path >= 0)
					assign_path(en, st, path, &v);
				break;
			}
			case I_USE:
				scan_derefs(en, st, in->rhs, in->loc);
				break;
			case I_CALL: {
				struct state *split = NULL;

				exec_call(en, st, in, &ends, &split);
				if (split) {
					push(&wl, w.block, split);
					wl.v[wl.n - 1].start = i + 1;
				}
				break;
			}
			}
		}
		if (ends) {
			state_free(st);
			continue;
		}
		switch (b->term) {
		case T_GOTO:
			push(&wl, b->succ[0], st);
			break;
		case T_BRANCH: {
			struct value c;
			struct state *f;

			scan_derefs(en, st, b->cond, b->term_loc);
			c = eval(en, st, b->cond);
			f = state_copy(st);
			if (refine(f, c, false)) {
				refine_var(en, f, b->cond, false);
				push(&wl, b->succ[1], f);
			} else {
				state_free(f);
			}
			if (refine(st, c, true)) {
				refine_var(en, st, b->cond, true);
				push(&wl, b->succ[0], st);
			} else {
				state_free(st);
			}
			break;
		}
		case T_RETURN:
			do_return(en, st, b);
			state_free(st);
			break;
		default:
			state_free(st);
			break;
		}
	}
	for (i = 0; i < fn->nblocks; i++) {
		free(memo[i].h);
		if (merged)
			state_free(merged[i]);
	}
	free(merged);
	free(memo);
	free(wl.v);
}
