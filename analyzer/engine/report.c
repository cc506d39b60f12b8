// SPDX-License-Identifier: GPL-2.0
/* Findings and their trace notes, as the checkers report them. */
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "engine_impl.h"
#include "../util/strvec.h"

bool engine_path_guessed(const struct state *st)
{
	return st->guess;
}

bool engine_reporting(struct engine *en)
{
	return en->pass == PASS_REPORT && en->fn->in_main_file;
}

const char *engine_fn_name(struct engine *en)
{
	return en->fn->name;
}

bool engine_fn_returns_ptr(struct engine *en)
{
	return en->fn->returns_ptr;
}

int engine_fn_lock_contract(struct engine *en)
{
	return en->fn->lock_contract;
}

int engine_alloc_note(struct engine *en, int32_t id, struct trace_note *n)
{
	struct obj_origin o;

	if (!engine_origin(en, id, &o) || !o.callee)
		return 0;
	n->file = o.file;
	n->loc = o.loc;
	if (o.fn)
		n->msg = xstrfmt("allocated here by %s() in %s(), stored in %s",
				 o.callee, o.fn, o.field_key);
	else
		n->msg = xstrfmt("allocated here by %s()", o.callee);
	return 1;
}

bool engine_in_main_file(struct engine *en)
{
	return en->fn->in_main_file;
}

const char *engine_fn_file(struct engine *en)
{
	return en->fn->file;
}

int engine_param_index(struct engine *en, const struct ir_expr *e)
{
	if (!e || e->kind != EX_VAR || e->var < 0 || e->var >= en->fn->nvars ||
	    en->fn->vars[e->var].kind != VAR_PARAM)
		return -1;
	return en->fn->vars[e->var].param;
}

bool engine_out_param_place(struct engine *en, const struct ir_expr *lhs,
			    int path)
{
	const struct path *p, *q;

	if (lhs && (lhs->kind == EX_DEREF ||
		    (lhs->kind == EX_INDEX && lhs->b &&
		     lhs->b->kind == EX_CONST && lhs->b->ival == 0)))
		return engine_param_index(en, lhs->a) >= 0;
	if (path < 0)
		return false;
	p = &en->paths[path];
	if (p->kind != '[' || !p->deref || p->idx || p->idx_expr ||
	    p->parent < 0)
		return false;
	q = &en->paths[p->parent];
	if (q->kind == 'v')
		return q->var >= 0 && q->var < en->fn->nvars &&
		       en->fn->vars[q->var].kind == VAR_PARAM;
	return q->kind == 'o' && q->var < 0 && sym_of(en, q->var) &&
	       sym_of(en, q->var)->kind == SYM_PARAM;
}

bool engine_expr_in_frame(struct engine *en, const struct ir_expr *e)
{
	while (e && ((e->kind == EX_MEMBER && !e->arrow) ||
		     (e->kind == EX_INDEX && !e->base_is_ptr)))
		e = e->a;
	if (!e || e->kind != EX_VAR || e->var < 0 || e->var >= en->fn->nvars)
		return false;
	return en->fn->vars[e->var].kind == VAR_LOCAL ||
	       en->fn->vars[e->var].kind == VAR_TEMP;
}

int32_t engine_call_result(struct engine *en, const struct ir_call *call)
{
	return sym_opaque(en, call->site);
}

bool engine_same_place(struct engine *en, const struct ir_expr *a,
		       const struct ir_expr *b)
{
	int pa = expr_path(en, a);

	return pa >= 0 && pa == expr_path(en, b);
}

#define GFP_STR(x) #x,
static const char *const gfp_names[NGFP_NAMES] = { GFP_NAME_LIST(GFP_STR) };

/* GFP_KERNEL | __GFP_ZERO: the named mask with the most bits that mask
 * holds, then named flags for the rest; hex if something is left. */
char *engine_gfp_str(struct engine *en, uint64_t mask)
{
	const uint64_t *v = en->unit->prog->consts.gfp_named;
	char buf[256];
	uint64_t rest = mask;
	int i, best = -1;
	size_t n = 0;

	for (i = 0; i < GFP_FIRST_FLAG; i++)
		if (v[i] && (mask & v[i]) == v[i] &&
		    (best < 0 || __builtin_popcountll(v[i]) >
				 __builtin_popcountll(v[best])))
			best = i;
	buf[0] = '\0';
	if (best >= 0) {
		n = (size_t)snprintf(buf, sizeof(buf), "%s", gfp_names[best]);
		rest &= ~v[best];
	}
	for (i = GFP_FIRST_FLAG; i < NGFP_NAMES && rest; i++)
		if (v[i] && (rest & v[i]) == v[i] && n < sizeof(buf)) {
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
					      n ? " | " : "", gfp_names[i]);
			rest &= ~v[i];
		}
	if (rest || !n)
		return xstrfmt("0x%llx", (unsigned long long)mask);
	return xstrdup(buf);
}

uint64_t engine_gfp_direct_reclaim(struct engine *en)
{
	return en->unit->prog->consts.gfp_direct_reclaim;
}

/* ---- confidence ---- */

struct ev_ctx ev_begin(struct engine *en, struct state *st, int32_t a,
		       int32_t b)
{
	struct ev_ctx old = en->ev;

	en->ev.st = st;
	en->ev.obj[0] = a;
	en->ev.obj[1] = b;
	return old;
}

void ev_end(struct engine *en, struct ev_ctx old)
{
	en->ev = old;
}

/* A symbolic object the state holds nothing of yet (a parameter the
 * callee freed) is added to it, in the reporting pass only: the summary
 * pass computes the same facts as before. */
void mark_inferred(struct engine *en, struct state *st, int32_t id)
{
	struct objst *o = state_obj(st, id);

	if (!o && en->pass == PASS_REPORT && id != LINK_NONE)
		o = obj_materialize(en, st, id);
	if (o)
		o->inferred = 1;
}

void engine_queried(struct engine *en)
{
	if (en->pass == PASS_REPORT)
		en->queried = true;
}

/* The object's facts came from a summary on this path, or its origin
 * from the field facts of the unit (what other functions stored). */
static bool obj_inferred(struct engine *en, const struct state *st,
			 int32_t id)
{
	const struct objst *o;
	const struct sym *s;

	if (id == LINK_NONE)
		return false;
	o = state_obj((struct state *)st, id);
	if (o && o->inferred)
		return true;
	s = sym_of(en, id);
	return s && s->store;
}

/*
 * A finding is reported while a checker handles an event.  It is of
 * medium confidence when that event is a callee's summary replayed at a
 * call, when the checker asked for facts of other functions to decide,
 * when an object the event is about got its facts from a summary or from
 * the field facts, when a summary changed the reporting checker's own
 * path state (its lock depth), or when it is located in another function.
 * Otherwise everything it rests on is in this function: high.
 */
static enum confidence report_confidence(struct engine *en, const char *rule,
					 const char *fn)
{
	const struct state *st = en->ev.st;
	int i;

	if (strcmp(fn, en->fn->name) || en->replaying || en->queried)
		return CONF_MEDIUM;
	if (!st)
		return CONF_HIGH;
	if (obj_inferred(en, st, en->ev.obj[0]) ||
	    obj_inferred(en, st, en->ev.obj[1]))
		return CONF_MEDIUM;
	for (i = 0; i < en->unit->ncheckers && i < 32; i++)
		if (en->unit->checkers[i]->rule &&
		    !strcmp(en->unit->checkers[i]->rule, rule) &&
		    (st->inferred_rules & (1u << i)))
			return CONF_MEDIUM;
	return CONF_HIGH;
}

void engine_report_fix(struct engine *en, const char *replace,
		       const char *with)
{
	en->fix_old = replace;
	en->fix_new = with;
}

void engine_veto(struct engine *en, const char *rule, struct ir_loc loc)
{
	int i;

	if (!engine_reporting(en))
		return;
	for (i = 0; i < en->nvetoes; i++)
		if (!strcmp(en->vetoes[i].rule, rule) &&
		    en->vetoes[i].line == loc.line && en->vetoes[i].col == loc.col)
			return;
	if (en->nvetoes == en->avetoes) {
		en->avetoes = en->avetoes ? 2 * en->avetoes : 8;
		en->vetoes = xrealloc(en->vetoes,
				      en->avetoes * sizeof(*en->vetoes));
	}
	en->vetoes[en->nvetoes].rule = rule;
	en->vetoes[en->nvetoes].line = loc.line;
	en->vetoes[en->nvetoes++].col = loc.col;
}

static bool vetoed(const struct engine *en, const struct finding *f)
{
	int i;

	for (i = 0; i < en->nvetoes; i++)
		if (!strcmp(en->vetoes[i].rule, f->rule) &&
		    en->vetoes[i].line == f->line &&
		    en->vetoes[i].col == f->col)
			return true;
	return false;
}

/* The findings of the function explored since first that a path vetoed
 * (engine_veto) go; the vetoes are spent. */
void report_apply_vetoes(struct engine *en, size_t first)
{
	struct finding_list *fl = en->unit->out;
	size_t i, k = first;

	if (en->nvetoes && fl) {
		for (i = first; i < fl->n; i++) {
			if (!strcmp(fl->v[i].file, en->fn->file) &&
			    vetoed(en, &fl->v[i])) {
				finding_free(&fl->v[i]);
				continue;
			}
			fl->v[k++] = fl->v[i];
		}
		fl->n = k;
	}
	free(en->vetoes);
	en->vetoes = NULL;
	en->nvetoes = en->avetoes = 0;
}

void engine_report(struct engine *en, const char *rule, struct ir_loc loc,
		   char *msg, struct trace_note *notes, int nnotes)
{
	engine_report_in(en, en->fn->name, en->fn->file, rule, loc, msg, notes,
			 nnotes);
}

void engine_report_in(struct engine *en, const char *fn, const char *file,
		      const char *rule, struct ir_loc loc, char *msg,
		      struct trace_note *notes, int nnotes)
{
	struct finding f;
	const char *fix_old = en->fix_old, *fix_new = en->fix_new;
	int i;

	en->fix_old = en->fix_new = NULL;
	/* fn of another file (a header's inline) would be dropped anyway,
	 * unless it is a file of the same scan */
	if (!engine_reporting(en) || !engine_file_reportable(en, file)) {
		free(msg);
		for (i = 0; i < nnotes; i++)
			free(notes[i].msg);
		return;
	}
	memset(&f, 0, sizeof(f));
	f.file = xstrdup(file);
	f.line = loc.line;
	f.col = loc.col;
	f.function = xstrdup(fn);
	f.rule = xstrdup(rule);
	f.message = msg;
	f.confidence = report_confidence(en, rule, fn);
	if (fix_old && fix_new) {
		f.fix_old = xstrdup(fix_old);
		f.fix_new = xstrdup(fix_new);
	}
	f.notes = nnotes ? xcalloc(nnotes, sizeof(*f.notes)) : NULL;
	f.nnotes = nnotes;
	for (i = 0; i < nnotes; i++) {
		f.notes[i].file = xstrdup(notes[i].file ? notes[i].file :
					  en->fn->file);
		f.notes[i].line = notes[i].loc.line;
		f.notes[i].col = notes[i].loc.col;
		f.notes[i].msg = notes[i].msg;
	}
	findings_add(en->unit->out, &f);
}

/* ---- the source as messages name it ---- */

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
		/* an array that decays to its address is spelled bare: the
		 * decay sits where the name does, a & before it */
		if (e->a && e->loc.line == e->a->loc.line &&
		    e->loc.col == e->a->loc.col)
			snprintf(buf, len, "%s", a);
		else
			snprintf(buf, len, "&%s", a);
		return;
	case EX_ARITH:
		expr_str(en, e->a, buf, len);
		return;
	case EX_CONST:
		snprintf(buf, len, "%lld", (long long)e->ival);
		return;
	case EX_FUNC:
		snprintf(buf, len, "%s", e->field);
		return;
	default:
		snprintf(buf, len, "the pointer");
		return;
	}
}

/* A condition as the source spells it, or false when a part of it has
 * no name in the source (a temporary, an expression not modelled). */
static bool cond_str(struct engine *en, const struct ir_expr *e, char *buf,
		     size_t len)
{
	static const char *const ops[] = { "==", "!=", "<", ">", "<=", ">=" };
	static const char *const arops[] = { "+", "-", "*", "/", "%", "&",
					     "|", "^", "<<", ">>" };
	char a[256], b[256];

	if (!e)
		return false;
	switch (e->kind) {
	case EX_VAR:
		if (en->fn->vars[e->var].name[0] == '$')
			return false;
		/* fall through */
	case EX_MEMBER:
	case EX_INDEX:
	case EX_DEREF:
	case EX_CONST:
		expr_str(en, e, buf, len);
		return true;
	case EX_ADDR:
		if (!e->a || (e->a->kind == EX_VAR &&
			      en->fn->vars[e->a->var].name[0] == '$'))
			return false;
		expr_str(en, e, buf, len);
		return true;
	case EX_NOT:
		if (!cond_str(en, e->a, a, sizeof(a)))
			return false;
		snprintf(buf, len, "!%s", a);
		return true;
	case EX_CMP:
		if (e->op < 0 || e->op > CMP_GE ||
		    !cond_str(en, e->a, a, sizeof(a)) ||
		    !cond_str(en, e->b, b, sizeof(b)))
			return false;
		/* p == 0 of a pointer is p == NULL in the source */
		if (e->a && e->a->is_ptr && e->b && e->b->kind == EX_CONST &&
		    !e->b->ival)
			snprintf(b, sizeof(b), "NULL");
		snprintf(buf, len, "%.200s %s %.200s", a, ops[e->op], b);
		return true;
	case EX_ARITH:
		if (e->op < 0 || e->op > AR_BITNOT || e->op == AR_OTHER ||
		    !cond_str(en, e->a, a, sizeof(a)))
			return false;
		if (e->op == AR_NEG || e->op == AR_BITNOT) {
			snprintf(buf, len, "%s%.200s",
				 e->op == AR_NEG ? "-" : "~", a);
			return true;
		}
		if (!cond_str(en, e->b, b, sizeof(b)))
			return false;
		snprintf(buf, len, "(%.200s %s %.200s)", a, arops[e->op], b);
		return true;
	default:
		return false;
	}
}

char *engine_cond_str(struct engine *en, const struct ir_expr *e)
{
	char buf[512];

	return cond_str(en, e, buf, sizeof(buf)) ? xstrdup(buf) : NULL;
}

char *engine_expr_str(struct engine *en, const struct ir_expr *e)
{
	char buf[512];

	expr_str(en, e, buf, sizeof(buf));
	return xstrdup(buf);
}

/* priv->buf, from the access path of a callee's subject */
static void path_text(struct engine *en, int path, char *buf, size_t len)
{
	const struct path *p = &en->paths[path];
	char base[256];

	switch (p->kind) {
	case 'v':
		snprintf(buf, len, "%s", en->fn->vars[p->var].name);
		/* a temporary ($t10: a call's result passed on) */
		if (buf[0] == '$')
			snprintf(buf, len, "the result");
		return;
	case 'g':
		snprintf(buf, len, "%s", p->field);
		return;
	case 'o':
		snprintf(buf, len, "the pointer");
		return;
	}
	path_text(en, p->parent, base, sizeof(base));
	if (p->kind == '[')
		snprintf(buf, len, p->idx_expr ? "%s[...]" : "%s[%lld]", base,
			 (long long)p->idx);
	else
		snprintf(buf, len, "%s%s%s", base, p->kind == '>' ? "->" : ".",
			 p->field);
}

char *engine_deref_str(struct engine *en, const struct deref_info *d)
{
	char buf[512];

	if (d->e)
		return engine_expr_str(en, d->e);
	if (d->path >= 0) {
		path_text(en, d->path, buf, sizeof(buf));
		return xstrdup(buf);
	}
	return xstrdup("the pointer");
}

bool engine_deref_is_result(struct engine *en, const struct deref_info *d)
{
	int var = d->e ? (d->e->kind == EX_VAR ? d->e->var : -1) :
		  d->path >= 0 && en->paths[d->path].kind == 'v' ?
		  en->paths[d->path].var : -1;

	return var >= 0 && en->fn->vars[var].name[0] == '$';
}

const char *engine_deref_record(struct engine *en, const struct deref_info *d)
{
	if (d->e && d->e->kind == EX_VAR)
		return en->fn->vars[d->e->var].ptype;
	if (!d->e && d->path >= 0 && en->paths[d->path].kind == 'v')
		return en->fn->vars[en->paths[d->path].var].ptype;
	return NULL;
}

bool unit_reportable(struct unit *u, const char *file)
{
	const struct ext_source *x = u->ext;

	return x && x->reportable && x->reportable(x->ctx, file);
}

bool engine_file_reportable(struct engine *en, const char *file)
{
	bool r;

	if (!strcmp(file, en->fn->file))
		return true;
	r = unit_reportable(en->unit, file);
	if (reuse_on(en->unit))
		reuse_note(en->unit, 'R', file, 0, r ? 2 : 1);
	return r;
}
