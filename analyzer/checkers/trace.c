// SPDX-License-Identifier: GPL-2.0
/*
 * Not a rule: --trace-events prints every event the engine gives the
 * checkers, in the reporting pass, one line each.  It shows what a
 * checker sees (and is how the event interface is tested), using only
 * what engine.h offers a checker.
 */
#include <stdio.h>
#include <stdlib.h>

#include "checkers.h"
#include "../util/strvec.h"

static FILE *out;

void trace_events_to(FILE *f)
{
	out = f;
}

static bool on(struct engine *en)
{
	return out && engine_reporting(en);
}

/* "#12 (kzalloc)", "#-3 ($0->buf)" */
static void obj_str(struct engine *en, int32_t id, char *buf, size_t len)
{
	struct obj_origin org;

	if (!engine_origin(en, id, &org)) {
		snprintf(buf, len, "#%d", id);
		return;
	}
	if (org.callee)
		snprintf(buf, len, "#%d(%s)", id, org.callee);
	else if (org.subject)
		snprintf(buf, len, "#%d(%s)", id, org.subject);
	else if (org.field_key)
		snprintf(buf, len, "#%d(%s)", id, org.field_key);
	else
		snprintf(buf, len, "#%d", id);
}

static void value_str(struct engine *en, const struct value *v, char *buf,
		      size_t len)
{
	switch (v->kind) {
	case V_CONST:
		snprintf(buf, len, "%lld", (long long)v->c);
		return;
	case V_OBJ:
		obj_str(en, v->obj, buf, len);
		return;
	case V_NONNULL:
		snprintf(buf, len, "nonnull");
		return;
	case V_NEG:
		snprintf(buf, len, "negative");
		return;
	case V_POS:
		snprintf(buf, len, "positive");
		return;
	case V_ERRPTR:
		snprintf(buf, len, "errptr");
		return;
	case V_PRED:
		snprintf(buf, len, "%s#%d", v->pred_null ? "!" : "!!", v->obj);
		return;
	default:
		snprintf(buf, len, "?");
		return;
	}
}

static void line(struct engine *en, struct ir_loc loc, const char *what)
{
	fprintf(out, "event %s:%u:%u %s\n", engine_fn_name(en), loc.line,
		loc.col, what);
}

static void on_entry(struct engine *en, struct state *st)
{
	(void)st;
	if (on(en))
		fprintf(out, "event %s entry\n", engine_fn_name(en));
}

static void on_deref(struct engine *en, struct state *st,
		     const struct deref_info *d)
{
	char o[160], *w, *msg;

	(void)st;
	if (!on(en))
		return;
	obj_str(en, d->v.obj, o, sizeof(o));
	w = engine_deref_str(en, d);
	msg = xstrfmt("deref %s %s%s%s", w, o, d->via ? " via " : "",
		      d->via ? d->via : "");
	line(en, d->loc, msg);
	free(msg);
	free(w);
}

static void on_call(struct engine *en, struct state *st,
		    const struct call_info *c)
{
	char *msg;
	int i;

	(void)st;
	if (!on(en) || !c->call->callee)
		return;
	msg = xstrfmt("call %s", c->call->callee);
	for (i = 0; i < c->nargs; i++) {
		char *m2;

		if (!c->fnargs[i])
			continue;
		m2 = xstrfmt("%s callback%d=%s", msg, i, c->fnargs[i]);
		free(msg);
		msg = m2;
	}
	line(en, c->loc, msg);
	free(msg);
}

static void on_free(struct engine *en, struct state *st,
		    const struct objst *o, const struct free_info *f)
{
	char b[160], *msg;

	(void)st;
	if (!on(en))
		return;
	obj_str(en, o->id, b, sizeof(b));
	msg = xstrfmt("free %s by %s%s%s order=%lld", b,
		      f->api ? f->api->name : "?", f->via ? " via " : "",
		      f->via ? f->via : "", (long long)f->order);
	line(en, f->loc, msg);
	free(msg);
}

static void on_store(struct engine *en, struct state *st,
		     const struct store_info *s)
{
	char v[160], *msg;

	(void)st;
	if (!on(en))
		return;
	value_str(en, &s->v, v, sizeof(v));
	msg = xstrfmt("store %s into %s%s%s%s", v,
		      s->sink ? s->sink : s->field_key ? s->field_key : "memory",
		      s->outlives ? " outlives" : "",
		      s->container != LINK_NONE ? " container" : "",
		      s->forget ? " forget" : "");
	line(en, s->loc, msg);
	free(msg);
}

static void on_lost(struct engine *en, struct state *st,
		    const struct objst *o, const struct lost_info *l)
{
	char b[160], *msg;

	(void)st;
	if (!on(en))
		return;
	obj_str(en, o->id, b, sizeof(b));
	msg = xstrfmt("lost %s%s", b, l->at_return ? " at return" : "");
	line(en, l->loc, msg);
	free(msg);
}

static void on_escape(struct engine *en, struct state *st,
		      const struct escape_info *x)
{
	char v[160], *msg;

	(void)st;
	if (!on(en))
		return;
	value_str(en, &x->v, v, sizeof(v));
	msg = xstrfmt("escape %s", v);
	line(en, x->loc, msg);
	free(msg);
}

static void on_lock(struct engine *en, struct state *st,
		    const struct lock_info *l)
{
	char *what, *msg;

	(void)st;
	if (!on(en))
		return;
	what = l->lock ? engine_expr_str(en, l->lock) : xstrdup("-");
	msg = xstrfmt("%s %s %s kind=%s%s", l->acquire ? "lock" : "unlock",
		      l->api->name, what, l->api->lock_kind ? l->api->lock_kind : "?",
		      l->api->lock_atomic ? " atomic" : "");
	line(en, l->loc, msg);
	free(msg);
	free(what);
}

static void on_branch(struct engine *en, struct state *st,
		      const struct branch_info *b)
{
	char v[160], *msg;

	(void)st;
	if (!on(en))
		return;
	value_str(en, &b->v, v, sizeof(v));
	msg = xstrfmt("branch %s %s", v, b->taken ? "true" : "false");
	line(en, b->loc, msg);
	free(msg);
}

static void on_return(struct engine *en, struct state *st,
		      const struct return_info *r)
{
	static const char *const conds[] = { "any", "zero", "nonzero",
					     "unknown" };
	char v[160], *msg;

	(void)st;
	if (!on(en))
		return;
	value_str(en, &r->v, v, sizeof(v));
	msg = xstrfmt("return %s %s%s", r->has_value ? v : "void",
		      conds[r->cond], r->success ? " success" : "");
	line(en, r->loc, msg);
	free(msg);
}

const struct checker checker_trace = {
	.rule = NULL,
	.on_entry = on_entry,
	.on_deref = on_deref,
	.on_call = on_call,
	.on_free = on_free,
	.on_store = on_store,
	.on_lost = on_lost,
	.on_escape = on_escape,
	.on_lock = on_lock,
	.on_branch = on_branch,
	.on_return = on_return,
};
