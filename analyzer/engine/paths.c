// SPDX-License-Identifier: GPL-2.0
/*
 * Access paths, symbolic objects and evaluation.
 *
 * An access path is a root (a variable or a global) followed by field,
 * index and dereference steps: p, priv->buf, dev->rx[3].va, *out.  The
 * state binds paths to values.  A path with no binding whose value comes
 * from outside the function (a parameter's field, a global, what an
 * opaque call returned) names a symbolic object: the same place gives the
 * same object, so kfree(priv->buf) and a later priv->buf[0] meet, and a
 * summary can say "frees $0->buf".  An index that is not a constant names
 * a different element once a variable it reads changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/arena.h"
#include "../util/strvec.h"

/* ---- values ---- */

struct value mkv(int kind)
{
	struct value v;

	memset(&v, 0, sizeof(v));
	v.kind = kind;
	return v;
}

struct value vconst(int64_t c)
{
	struct value v = mkv(V_CONST);

	v.c = c;
	return v;
}

static struct value vobj(int32_t id)
{
	struct value v = mkv(V_OBJ);

	v.obj = id;
	return v;
}

static struct value vpred(int32_t obj, bool is_null)
{
	struct value v = mkv(V_PRED);

	v.obj = obj;
	v.pred_null = is_null;
	return v;
}

/* ---- access paths ---- */

/* Canonical text of an index expression: a[i] and a[i] meet, a[i + 1]
 * is another slot.  An index we cannot name is unique to its node. */
static void index_key(struct engine *en, const struct ir_expr *e, char *buf,
		      size_t len)
{
	char a[96], b[96];

	switch (e->kind) {
	case EX_CONST:
		snprintf(buf, len, "%lld", (long long)e->ival);
		return;
	case EX_VAR:
		snprintf(buf, len, "v%d", e->var);
		return;
	case EX_ARITH:
	case EX_CMP:
		index_key(en, e->a, a, sizeof(a));
		if (e->b)
			index_key(en, e->b, b, sizeof(b));
		else
			b[0] = '\0';
		snprintf(buf, len, "(%s%c%d%s)", a, e->kind == EX_CMP ? 'c' : 'a',
			 e->op, b);
		return;
	case EX_MEMBER:
		index_key(en, e->a, a, sizeof(a));
		snprintf(buf, len, "%s%s%s", a, e->arrow ? "->" : ".", e->field);
		return;
	default:
		snprintf(buf, len, "?%p", (const void *)e);
		return;
	}
}

static int intern(struct engine *en, const struct path *p, const char *ikey)
{
	char key[320];
	void *hit;
	struct path *np;

	snprintf(key, sizeof(key), "%d|%c%d|%d|%s|%lld|%s", p->parent, p->kind,
		 p->deref, p->var, p->field ? p->field : "",
		 (long long)p->idx, ikey ? ikey : "");
	hit = hmap_get(&en->pathmap, key);
	if (hit) {
		np = &en->paths[(intptr_t)hit - 1];
		if (!np->rec && p->rec)
			np->rec = p->rec;
		return (int)(intptr_t)hit - 1;
	}
	if (en->npaths == en->apaths) {
		en->apaths = en->apaths ? en->apaths * 2 : 64;
		en->paths = xrealloc(en->paths, en->apaths * sizeof(*en->paths));
	}
	en->paths[en->npaths] = *p;
	hmap_put(&en->pathmap, key, (void *)(intptr_t)(en->npaths + 1));
	return en->npaths++;
}

int path_root_var(struct engine *en, int var)
{
	struct path p;

	memset(&p, 0, sizeof(p));
	p.parent = -1;
	if (en->fn->vars[var].kind == VAR_GLOBAL) {
		p.kind = 'g';
		p.var = -1;
		p.field = en->fn->vars[var].name;
	} else {
		p.kind = 'v';
		p.var = var;
	}
	return intern(en, &p, NULL);
}

int path_child(struct engine *en, int parent, char kind, bool deref,
	       const char *field, const char *rec, int64_t idx,
	       const struct ir_expr *idx_expr)
{
	struct path p;
	char ikey[256];

	memset(&p, 0, sizeof(p));
	p.parent = parent;
	p.kind = kind;
	p.deref = deref;
	p.var = -1;
	p.field = field;
	p.rec = rec;
	p.idx = idx;
	p.idx_expr = idx_expr;
	if (idx_expr)
		index_key(en, idx_expr, ikey, sizeof(ikey));
	return intern(en, &p, idx_expr ? ikey : NULL);
}

static int typed(struct engine *en, int path, const struct ir_expr *e)
{
	if (path >= 0 && en->paths[path].type == PT_UNKNOWN)
		en->paths[path].type = e->is_ptr || e->is_long ? PT_ADDR :
				       PT_OTHER;
	return path;
}

static int expr_path_untyped(struct engine *en, const struct ir_expr *e);

/* The access path an lvalue expression names, or -1. */
int expr_path(struct engine *en, const struct ir_expr *e)
{
	return e ? typed(en, expr_path_untyped(en, e), e) : -1;
}

static int expr_path_untyped(struct engine *en, const struct ir_expr *e)
{
	int base;

	if (!e)
		return -1;
	switch (e->kind) {
	case EX_VAR:
		return path_root_var(en, e->var);
	case EX_MEMBER:
		/* (&x)->f is x.f */
		if (e->arrow && e->a && e->a->kind == EX_ADDR) {
			base = expr_path(en, e->a->a);
			return base < 0 ? -1 :
			       path_child(en, base, '.', false, e->field, e->rec,
					  0, NULL);
		}
		base = expr_path(en, e->a);
		if (base < 0)
			return -1;
		return path_child(en, base, e->arrow ? '>' : '.', e->arrow,
				  e->field, e->rec, 0, NULL);
	case EX_INDEX:
		base = expr_path(en, e->a);
		if (base < 0)
			return -1;
		if (e->b && e->b->kind == EX_CONST)
			return path_child(en, base, '[', e->base_is_ptr, NULL,
					  NULL, e->b->ival, NULL);
		return path_child(en, base, '[', e->base_is_ptr, NULL, NULL, 0,
				  e->b);
	case EX_DEREF:
		if (e->a && e->a->kind == EX_ADDR)	/* *&x is x */
			return expr_path(en, e->a->a);
		base = expr_path(en, e->a);
		if (base < 0)
			return -1;
		return path_child(en, base, '[', true, NULL, NULL, 0, NULL);
	default:
		return -1;
	}
}

/* One step of a path, as text: "->f", ".f", "[3]", "->[3]", "[v2]". */
static void step_str(struct engine *en, const struct path *p, char *buf,
		     size_t len)
{
	char ikey[128];

	switch (p->kind) {
	case '>':
		snprintf(buf, len, "->%s", p->field);
		return;
	case '.':
		snprintf(buf, len, ".%s", p->field);
		return;
	case '[':
		if (p->idx_expr)
			index_key(en, p->idx_expr, ikey, sizeof(ikey));
		else
			snprintf(ikey, sizeof(ikey), "%lld", (long long)p->idx);
		snprintf(buf, len, "%s[%s]", p->deref ? "->" : "", ikey);
		return;
	default:
		buf[0] = '\0';
		return;
	}
}

char *path_str(struct engine *en, int path)
{
	const struct path *p = &en->paths[path];
	char step[160];
	char *base, *r;

	if (p->kind == 'v')
		return xstrdup(en->fn->vars[p->var].name);
	if (p->kind == 'g')
		return xstrfmt("@%s", p->field);
	if (p->kind == 'o')
		return xstrfmt("#%d", p->var);
	base = path_str(en, p->parent);
	step_str(en, p, step, sizeof(step));
	r = xstrfmt("%s%s", base, step);
	free(base);
	return r;
}

/* tail = what + tail, with a '.' between two field names */
static void prepend(char *tail, size_t len, const char *what)
{
	char tmp[256];
	bool dot = tail[0] && tail[0] != '[' && what[0] != '[';

	if (what[0] == '[' && tail[0] && tail[0] != '[')
		dot = true;
	snprintf(tmp, sizeof(tmp), "%s%s%s", what, dot ? "." : "", tail);
	snprintf(tail, len, "%s", tmp);
}

/*
 * The field key of a path: the record type of the innermost pointer it
 * reads through, and the field path from there ("struct foo::rx.buf",
 * "struct foo::bufs[]"), or "@g" / "@g.f" for a global.  NULL for a plain
 * local, or an element reached through a pointer index.
 */
const char *path_field_key(struct engine *en, int path, char *buf, size_t len)
{
	char tail[256] = "";
	int p = path;

	if (path >= 0 && en->paths[path].fkey) {
		snprintf(buf, len, "%s", en->paths[path].fkey);
		return buf;
	}
	while (p >= 0) {
		const struct path *n = &en->paths[p];

		switch (n->kind) {
		case 'g':
			snprintf(buf, len, "@%s%s%s", n->field,
				 tail[0] && tail[0] != '[' ? "." : "", tail);
			return buf;
		case 'v':
			return NULL;
		case '[':
			if (n->deref)
				return NULL;
			prepend(tail, sizeof(tail), "[]");
			break;
		default:
			prepend(tail, sizeof(tail), n->field);
			if (n->kind == '>' || en->paths[n->parent].kind == 'v') {
				if (!n->rec)
					return NULL;
				snprintf(buf, len, "%s::%s", n->rec, tail);
				return buf;
			}
			break;
		}
		p = n->parent;
	}
	return NULL;
}

/* ---- symbolic objects ---- */

#define MAX_SYM_DEPTH 4

static int32_t sym_id(int index)
{
	return -(index + 1);
}

const struct sym *sym_of(struct engine *en, int32_t id)
{
	int i = -id - 1;

	return id < 0 && i < en->nsyms ? &en->syms[i] : NULL;
}

static int32_t sym_intern(struct engine *en, const char *key,
			  const struct sym *proto)
{
	void *hit = hmap_get(&en->symmap, key);
	struct sym *s;

	if (hit)
		return sym_id((int)(intptr_t)hit - 1);
	if (en->nsyms == en->asyms) {
		en->asyms = en->asyms ? en->asyms * 2 : 32;
		en->syms = xrealloc(en->syms, en->asyms * sizeof(*en->syms));
	}
	s = &en->syms[en->nsyms];
	*s = *proto;
	s->family = -1;
	s->order = -1;
	s->store = NULL;
	hmap_put(&en->symmap, key, (void *)(intptr_t)(en->nsyms + 1));
	en->nsyms++;
	if (s->field_key)
		sym_field_facts(en, s);
	return sym_id(en->nsyms - 1);
}

int32_t sym_param(struct engine *en, int param)
{
	char key[32];
	struct sym s;

	memset(&s, 0, sizeof(s));
	s.place = -1;
	s.kind = SYM_PARAM;
	s.param = param;
	s.subject = xstrfmt("$%d", param);
	snprintf(key, sizeof(key), "P%d", param);
	if (hmap_get(&en->symmap, key))
		free(s.subject);
	return sym_intern(en, key, &s);
}

int32_t sym_opaque(struct engine *en, int site)
{
	char key[32];
	struct sym s;

	memset(&s, 0, sizeof(s));
	s.place = -1;
	s.kind = SYM_OPAQUE;
	s.site = site;
	snprintf(key, sizeof(key), "O%d", site);
	return sym_intern(en, key, &s);
}

/*
 * Where a place is, symbolically: the object it is read through (or a
 * global) and the steps from there ("->rx[v3].page").  An element of an
 * array reached through an address taken earlier (buf = &priv->bufs[i];
 * buf->page) is written from the array's own object, so both spellings
 * meet.  Returns false when the place is not symbolic (a local).
 */
struct place {
	bool global;
	const char *gname;
	int32_t base;
	char acc[512];
	int *deps;
	int ndeps;
	const char **fdeps;
	int nfdeps;
};

/* What an index reads: the variables (i) and fields (list->tail) whose
 * change makes a[...] another element. */
static void add_deps(struct engine *en, const struct ir_expr *e,
		     struct place *pl)
{
	if (!e)
		return;
	if (e->kind == EX_VAR) {
		pl->deps = xrealloc(pl->deps, (pl->ndeps + 1) * sizeof(int));
		pl->deps[pl->ndeps++] = e->var;
		return;
	}
	if (e->kind == EX_MEMBER) {
		pl->fdeps = xrealloc(pl->fdeps,
				     (pl->nfdeps + 1) * sizeof(*pl->fdeps));
		pl->fdeps[pl->nfdeps++] = engine_intern(en, e->field);
	}
	add_deps(en, e->a, pl);
	add_deps(en, e->b, pl);
}

static void inherit_deps(struct place *pl, const struct sym *bs)
{
	if (bs->ndeps) {
		pl->deps = xrealloc(pl->deps,
				    (pl->ndeps + bs->ndeps) * sizeof(*pl->deps));
		memcpy(pl->deps + pl->ndeps, bs->deps,
		       bs->ndeps * sizeof(*pl->deps));
		pl->ndeps += bs->ndeps;
	}
	if (bs->nfdeps) {
		pl->fdeps = xrealloc(pl->fdeps, (pl->nfdeps + bs->nfdeps) *
				     sizeof(*pl->fdeps));
		memcpy(pl->fdeps + pl->nfdeps, bs->fdeps,
		       bs->nfdeps * sizeof(*pl->fdeps));
		pl->nfdeps += bs->nfdeps;
	}
}

static bool acc_prepend(char *acc, size_t len, const char *step)
{
	size_t a = strlen(acc), b = strlen(step);

	if (a + b + 1 >= len)
		return false;
	memmove(acc + b, acc, a + 1);
	memcpy(acc, step, b);
	return true;
}

static bool place_of(struct engine *en, struct state *st, int path,
		     struct place *pl)
{
	const struct sym *bs;
	char step[160];
	struct value base;
	int p = path;

	memset(pl, 0, sizeof(*pl));
	/* up to the step that reads through a pointer, or the root */
	for (;;) {
		const struct path *n = &en->paths[p];

		if (n->kind == 'v' || n->kind == 'o')
			goto fail;
		if (n->kind == 'g') {
			pl->global = true;
			pl->gname = n->field;
			return true;
		}
		step_str(en, n, step, sizeof(step));
		if (!acc_prepend(pl->acc, sizeof(pl->acc), step))
			goto fail;
		if (n->idx_expr)
			add_deps(en, n->idx_expr, pl);
		if (n->deref)
			break;
		p = n->parent;
	}
	base = load_path(en, st, en->paths[p].parent);
	if (base.kind != V_OBJ || base.obj >= 0)
		goto fail;
	bs = sym_of(en, base.obj);
	pl->base = base.obj;
	if (bs)
		inherit_deps(pl, bs);
	return true;
fail:
	free(pl->deps);
	free(pl->fdeps);
	pl->deps = NULL;
	pl->fdeps = NULL;
	return false;
}

/*
 * The symbolic object an unbound path names, or 0 when it names none:
 * a global's value, or a field read through a symbolic pointer (a
 * parameter, a global, a field, an opaque call's result).  Fields of a
 * local allocation are not symbolic: the function wrote them.
 */
static int32_t path_sym(struct engine *en, struct state *st, int path)
{
	char key[640], fkbuf[512];
	const char *fk = path_field_key(en, path, fkbuf, sizeof(fkbuf));
	const struct sym *bs = NULL;
	struct place pl;
	struct sym s;
	void *hit;

	if (!place_of(en, st, path, &pl))
		return 0;
	memset(&s, 0, sizeof(s));
	if (pl.global) {
		s.kind = SYM_GLOBAL;
		snprintf(key, sizeof(key), "G%s%s", pl.gname, pl.acc);
	} else {
		bs = sym_of(en, pl.base);
		/*
		 * A list walk reads p->next through p->next...: stop after a
		 * few steps and at the first repeat, so loops converge.
		 */
		if (bs && (bs->depth >= MAX_SYM_DEPTH ||
			   (bs->accessor && !strcmp(bs->accessor, pl.acc))))
			goto fail;
		s.kind = SYM_FIELD;
		s.base = pl.base;
		s.depth = bs ? bs->depth + 1 : 1;
		snprintf(key, sizeof(key), "F%d%s", pl.base, pl.acc);
	}
	hit = hmap_get(&en->symmap, key);
	if (hit) {
		struct sym *old = &en->syms[(intptr_t)hit - 1];

		free(pl.deps);
		free(pl.fdeps);
		/* a callee's fact names the field better than our path */
		if (fk && (!old->field_key ||
			   (en->paths[path].fkey && strcmp(old->field_key, fk)))) {
			free(old->field_key);
			old->field_key = xstrdup(fk);
			sym_field_facts(en, old);
		}
		return sym_id((int)(intptr_t)hit - 1);
	}
	if (s.kind == SYM_GLOBAL) {
		s.name = xstrfmt("%s%s", pl.gname, pl.acc);
		if (!pl.ndeps)
			s.subject = xstrfmt("@%s", s.name);
	} else {
		s.accessor = xstrdup(pl.acc);
		if (bs && bs->subject && !pl.ndeps)
			s.subject = xstrfmt("%s%s", bs->subject, pl.acc);
	}
	s.field_key = fk ? xstrdup(fk) : NULL;
	s.deps = pl.deps;
	s.ndeps = pl.ndeps;
	s.fdeps = pl.fdeps;
	s.nfdeps = pl.nfdeps;
	s.place = path;
	return sym_intern(en, key, &s);
fail:
	free(pl.deps);
	free(pl.fdeps);
	return 0;
}

/* What an index on the way to path reads (deps of a place). */
static void path_deps(struct engine *en, int path, struct place *pl)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent)
		if (en->paths[p].idx_expr)
			add_deps(en, en->paths[p].idx_expr, pl);
}

/* The object whose memory holds the place (b for b[i], b->x[i]), or 0. */
static int32_t addr_base(struct engine *en, struct state *st, int path)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent) {
		struct value v;

		if (!en->paths[p].deref)
			continue;
		v = load_path(en, st, en->paths[p].parent);
		return v.kind == V_OBJ ? v.obj : 0;
	}
	return 0;
}

/*
 * &a->x[i]: the address of an element, as an object of its own.  A field
 * read through it is the element's field (canon_path re-roots it at the
 * element's place), and it is forgotten when i changes.
 */
static int32_t addr_sym(struct engine *en, struct state *st, int path)
{
	char key[32];
	struct place pl;
	struct sym s;
	void *hit;

	if (path < 0)
		return 0;
	path = canon_path(en, st, path);
	snprintf(key, sizeof(key), "A%d", path);
	hit = hmap_get(&en->symmap, key);
	if (hit)
		return sym_id((int)(intptr_t)hit - 1);
	memset(&pl, 0, sizeof(pl));
	path_deps(en, path, &pl);
	memset(&s, 0, sizeof(s));
	s.kind = SYM_ADDR;
	s.place = path;
	s.base = addr_base(en, st, path);
	s.deps = pl.deps;
	s.ndeps = pl.ndeps;
	s.fdeps = pl.fdeps;
	s.nfdeps = pl.nfdeps;
	return sym_intern(en, key, &s);
}

static void free_sym(struct sym *s)
{
	free(s->accessor);
	free(s->name);
	free(s->subject);
	free(s->field_key);
	free(s->deps);
	free(s->fdeps);
}

void engine_paths_free(struct engine *en)
{
	int i;

	for (i = 0; i < en->nsyms; i++)
		free_sym(&en->syms[i]);
	free(en->syms);
	hmap_free(&en->symmap, NULL);
	hmap_free(&en->pathmap, NULL);
	free(en->paths);
}


/* The root path standing for an object that no lvalue names. */
static int path_object(struct engine *en, int32_t id)
{
	struct path p;

	memset(&p, 0, sizeof(p));
	p.parent = -1;
	p.kind = 'o';
	p.var = id;
	p.type = PT_ADDR;
	return intern(en, &p, NULL);
}

/*
 * The canonical path of a place: the innermost step through a pointer
 * re-rooted at the object the pointer holds.  ar->bus.type and
 * x->ar->bus.type name one place when ar and x->ar hold one object, and a
 * test of one is a test of the other.  Paths with no step through a
 * pointer (locals, globals) are their own canonical form.
 */
/* a step through an element's address that names a part of it */
static bool addr_step(const struct path *n)
{
	return n->kind == '>' ||
	       (n->kind == '[' && !n->idx_expr && n->idx == 0);
}


int canon_path(struct engine *en, struct state *st, int path)
{
	int steps[32], n = 0, p = path, i;
	const struct sym *as;
	bool arrow = false;
	struct value base;

	while (p >= 0) {
		const struct path *node = &en->paths[p];

		if (node->kind == 'v' || node->kind == 'g' || node->kind == 'o' ||
		    n == 32)
			return path;
		steps[n++] = p;
		if (node->deref)
			break;
		p = node->parent;
	}
	if (p < 0 || en->paths[en->paths[p].parent].kind == 'o')
		return path;
	base = load_path(en, st, en->paths[p].parent);
	if (base.kind != V_OBJ)
		return path;
	as = sym_of(en, base.obj);
	if (as && as->kind == SYM_ADDR && addr_step(&en->paths[steps[n - 1]])) {
		/* (&a->x[i])->f is a->x[i].f, *(&a->x[i]) is a->x[i] */
		p = as->place;
		arrow = en->paths[steps[n - 1]].kind == '>';
		if (!arrow) {
			n--;
			if (!n)
				return p;
		}
	} else {
		p = path_object(en, base.obj);
	}
	for (i = n - 1; i >= 0; i--) {
		struct path c = en->paths[steps[i]];
		char ikey[256];

		c.parent = p;
		if (arrow && i == n - 1) {
			c.kind = '.';
			c.deref = false;
		}
		if (c.idx_expr)
			index_key(en, c.idx_expr, ikey, sizeof(ikey));
		p = intern(en, &c, c.idx_expr ? ikey : NULL);
		if (en->paths[p].type == PT_UNKNOWN)
			en->paths[p].type = en->paths[steps[i]].type;
		if (!en->paths[p].fkey)
			en->paths[p].fkey = en->paths[steps[i]].fkey;
	}
	return p;
}

struct value load_path(struct engine *en, struct state *st, int path)
{
	const struct value *v;
	int32_t id;

	if (path < 0)
		return mkv(V_UNK);
	path = canon_path(en, st, path);
	v = state_get(st, path);
	if (v)
		return v->kind == V_TOP ? mkv(V_UNK) : *v;
	if (en->paths[path].kind == 'o')
		return vobj(en->paths[path].var);
	if (en->paths[path].type == PT_OTHER)
		return mkv(V_UNK);
	id = path_sym(en, st, path);
	return id ? vobj(id) : mkv(V_UNK);
}

/* ---- objects ---- */

const struct objst *engine_obj(struct engine *en, const struct state *st,
			       int32_t id, struct objst *tmp)
{
	const struct sym *s;
	struct objst *o = state_obj((struct state *)st, id);

	if (o)
		return o;
	s = sym_of(en, id);
	if (!s)
		return NULL;
	memset(tmp, 0, sizeof(*tmp));
	tmp->id = id;
	tmp->family = (int16_t)s->family;
	tmp->order = (int16_t)s->order;
	tmp->null = NL_MAYBE;
	tmp->link = LINK_NONE;
	return tmp;
}

struct objst *obj_materialize(struct engine *en, struct state *st, int32_t id)
{
	struct objst tmp, *o = state_obj(st, id);
	const struct objst *v;

	if (o)
		return o;
	v = engine_obj(en, st, id, &tmp);
	return v ? state_add_obj(st, v) : NULL;
}

/* An object named by a site is made again: forget the old one and the
 * fields read through it. */
const char *engine_subject(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);

	return s ? s->subject : NULL;
}

bool engine_origin(struct engine *en, int32_t id, struct obj_origin *out)
{
	const struct sym *s;

	memset(out, 0, sizeof(*out));
	if (id >= 0) {
		if (id >= en->nsites || !en->sites[id].callee)
			return false;
		out->callee = en->sites[id].callee;
		out->via = en->sites[id].via;
		out->loc = en->sites[id].loc;
		return true;
	}
	s = sym_of(en, id);
	if (!s)
		return false;
	out->subject = s->subject;
	out->field_key = s->field_key;
	out->many = s->kind == SYM_MANY;
	if (s->store) {
		out->callee = s->store->str;
		out->loc = s->store->loc;
		out->fn = s->store->fn;
		if (out->fn && !strcmp(out->fn, en->fn->name))
			out->fn = NULL;
	}
	return true;
}

/* ---- forgetting ---- */

static bool expr_mentions(const struct ir_expr *e, int var)
{
	if (!e)
		return false;
	if (e->kind == EX_VAR)
		return e->var == var;
	return expr_mentions(e->a, var) || expr_mentions(e->b, var);
}

struct drop_arg {
	struct engine *en;
	int root;
	int32_t *lost;
	int nlost;
	int alost;
	const struct state *st;
};

static void note_lost(struct drop_arg *d, int path)
{
	const struct value *v = state_get(d->st, path);

	if (!v || v->kind != V_OBJ || v->obj < 0)
		return;
	if (d->nlost == d->alost) {
		d->alost = d->alost ? d->alost * 2 : 4;
		d->lost = xrealloc(d->lost, d->alost * sizeof(*d->lost));
	}
	d->lost[d->nlost++] = v->obj;
}

static bool is_strict_subpath(void *arg, int path)
{
	struct drop_arg *d = arg;
	int p = d->en->paths[path].parent;

	for (; p >= 0; p = d->en->paths[p].parent) {
		if (p == d->root) {
			note_lost(d, path);
			return true;
		}
	}
	return false;
}

static bool is_subpath(void *arg, int path)
{
	struct drop_arg *d = arg;
	int p;

	for (p = path; p >= 0; p = d->en->paths[p].parent)
		if (p == d->root)
			return true;
	return false;
}

/* a[i] names another element once i changes */
static bool indexed_by(void *arg, int path)
{
	struct drop_arg *d = arg;
	int p;

	for (p = path; p >= 0; p = d->en->paths[p].parent) {
		if (d->en->paths[p].idx_expr &&
		    expr_mentions(d->en->paths[p].idx_expr, d->root)) {
			note_lost(d, path);
			return true;
		}
	}
	return false;
}

static bool referenced(const struct state *st, int32_t id)
{
	int i;

	for (i = 0; i < st->nb; i++)
		if (st->b[i].v.kind == V_OBJ && st->b[i].v.obj == id)
			return true;
	return false;
}

/* forgotten: the engine can no longer name them (an index changed), but
 * the memory may still hold them: not unreachable */
static void fire_lost_list(struct engine *en, struct state *st,
			   struct drop_arg *d, struct ir_loc loc, bool forgotten)
{
	int i, j;

	for (i = 0; i < d->nlost; i++) {
		int32_t id = d->lost[i];

		for (j = 0; j < i; j++)
			if (d->lost[j] == id)
				break;
		if (j < i || referenced(st, id) || !state_obj(st, id))
			continue;
		fire_lost(en, st, id, loc, false, forgotten);
	}
	free(d->lost);
	d->lost = NULL;
	d->nlost = d->alost = 0;
}

/* the bindings of the memory of object id (rooted at its 'o' path) */
static bool in_object(void *arg, int path)
{
	struct drop_arg *d = arg;
	int p = path;

	while (d->en->paths[p].parent >= 0)
		p = d->en->paths[p].parent;
	if (d->en->paths[p].kind != 'o' || d->en->paths[p].var != d->root)
		return false;
	note_lost(d, path);
	return true;
}

/* Object id is gone (freed memory forgotten, made again, unreachable):
 * forget what its memory held, and what only it held is lost. */
void forget_object_memory(struct engine *en, struct state *st, int32_t id,
			  struct ir_loc loc)
{
	struct drop_arg d = { en, id, NULL, 0, 0, st };

	state_drop_if(st, in_object, &d);
	fire_lost_list(en, st, &d, loc, false);
}

/* Several objects of one site: what a list built in a loop holds. */
static int32_t sym_many(struct engine *en, int site)
{
	char key[32];
	struct sym s;

	memset(&s, 0, sizeof(s));
	s.place = -1;
	s.kind = SYM_MANY;
	s.site = site;
	snprintf(key, sizeof(key), "M%d", site);
	return sym_intern(en, key, &s);
}

/*
 * The site that made object id runs again.  The new object takes the
 * name; if the old one is still referenced (rcvr->next = list; list =
 * rcvr; in a loop), its references go to the site's many-object first,
 * which stands for all of them: freeing one of many twice is not a double
 * free, and a use after freeing one is not a use after free.
 */
void obj_renew(struct engine *en, struct state *st, int32_t id, int site)
{
	struct objst *old = state_obj(st, id);
	struct value m = mkv(V_OBJ);
	int i;

	for (i = 0; i < st->nb; i++)
		if (st->b[i].v.kind == V_OBJ && st->b[i].v.obj == id)
			break;
	if (i < st->nb) {
		struct objst *mo;

		m.obj = sym_many(en, site);
		mo = obj_materialize(en, st, m.obj);
		if (old && mo) {
			mo->family = old->family;
			mo->order = old->order;
			mo->null = NL_NONNULL;
		}
		for (i = 0; i < st->nb; i++)
			if (st->b[i].v.kind == V_OBJ && st->b[i].v.obj == id)
				st->b[i].v = m;
	}
	obj_reset(en, st, id);
}

void obj_reset(struct engine *en, struct state *st, int32_t id)
{
	struct drop_arg d = { en, id, NULL, 0, 0, st };
	int i;

	state_drop_if(st, in_object, &d);
	free(d.lost);
	state_del_obj(st, id);
	for (i = 0; i < en->nsyms; i++)
		if (en->syms[i].kind == SYM_FIELD && en->syms[i].base == id)
			obj_reset(en, st, sym_id(i));
}

static void forget_var_deps(struct engine *en, struct state *st, int var,
			    struct drop_arg *d)
{
	int i, k;

	d->root = var;
	state_drop_if(st, indexed_by, d);
	for (i = 0; i < en->nsyms; i++)
		for (k = 0; k < en->syms[i].ndeps; k++)
			if (en->syms[i].deps[k] == var) {
				state_del_obj(st, sym_id(i));
				break;
			}
}

static bool mentions_field(const struct ir_expr *e, const char *field)
{
	if (!e)
		return false;
	if (e->kind == EX_MEMBER && !strcmp(e->field, field))
		return true;
	return mentions_field(e->a, field) || mentions_field(e->b, field);
}

struct field_drop {
	struct drop_arg *d;
	const char *field;
};

static bool indexed_by_field(void *arg, int path)
{
	struct field_drop *fd = arg;
	int p;

	for (p = path; p >= 0; p = fd->d->en->paths[p].parent) {
		if (fd->d->en->paths[p].idx_expr &&
		    mentions_field(fd->d->en->paths[p].idx_expr, fd->field)) {
			note_lost(fd->d, path);
			return true;
		}
	}
	return false;
}

/* list->buffer[list->tail] is another element once some ->tail changes */
static void forget_field_deps(struct engine *en, struct state *st,
			      const char *field, struct drop_arg *d)
{
	struct field_drop fd = { d, field };
	int i, k;

	state_drop_if(st, indexed_by_field, &fd);
	for (i = 0; i < en->nsyms; i++)
		for (k = 0; k < en->syms[i].nfdeps; k++)
			if (!strcmp(en->syms[i].fdeps[k], field)) {
				state_del_obj(st, sym_id(i));
				break;
			}
}

struct dead_arg {
	struct drop_arg *d;
	const uint64_t *live;
	int block;
};

static bool rooted_dead(void *arg, int path)
{
	struct dead_arg *da = arg;
	struct engine *en = da->d->en;
	int p = path;

	while (en->paths[p].parent >= 0)
		p = en->paths[p].parent;
	if (en->paths[p].kind != 'v' ||
	    liveness_live(en->fn, da->live, da->block, en->paths[p].var))
		return false;
	note_lost(da->d, path);
	return true;
}

/* At the start of block: forget the locals no later code reads. */
void forget_dead_vars(struct engine *en, struct state *st,
		      const uint64_t *live, int block, struct ir_loc loc)
{
	struct drop_arg d = { en, 0, NULL, 0, 0, st };
	struct dead_arg da = { &d, live, block };

	state_drop_if(st, rooted_dead, &da);
	fire_lost_list(en, st, &d, loc, false);
}

void forget_var(struct engine *en, struct state *st, int var)
{
	struct drop_arg d = { en, var, NULL, 0, 0, st };

	forget_var_deps(en, st, var, &d);
	free(d.lost);
}

/* ---- stores ---- */

/* Fill the store event of an assignment to path; false: a local. */
bool store_target(struct engine *en, struct state *st, int path,
		  struct store_info *si, char *fk, size_t fklen)
{
	int p;

	si->outlives = false;
	si->container = LINK_NONE;
	si->path = path;
	si->field_key = path_field_key(en, path, fk, fklen);
	for (p = path; p >= 0; p = en->paths[p].parent) {
		const struct path *n = &en->paths[p];
		struct value base;

		if (n->kind == 'g') {
			si->outlives = true;
			return true;
		}
		if (!n->deref)
			continue;
		base = load_path(en, st, n->parent);
		if (base.kind == V_OBJ && base.obj >= 0) {
			si->container = base.obj;
			return true;
		}
		/* a parameter's, a global's, an unknown pointer's memory */
		si->outlives = true;
		if (base.kind == V_OBJ)
			si->container = base.obj;
		return true;
	}
	return false;
}

/* Memory a caller or another function also sees: a field read through a
 * pointer, or a global. */
static bool memory_path(struct engine *en, int path)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent)
		if (en->paths[p].deref || en->paths[p].kind == 'g')
			return en->paths[path].type != PT_OTHER;
	return false;
}

/*
 * What an unknown value written to memory is: not the value the place
 * held on entry (that one may have been freed), but a new symbolic
 * object, named by the write and the place, made afresh each time the
 * write runs.  It keeps the place's field key, so the field facts of the
 * unit still say what it holds.
 */
static int32_t sym_written(struct engine *en, int path, struct ir_loc loc,
			   int32_t avoid)
{
	char key[64], fkbuf[512];
	const char *fk = path_field_key(en, path, fkbuf, sizeof(fkbuf));
	void *hit;
	struct sym s;

	snprintf(key, sizeof(key), "W%u:%u|%d", loc.line, loc.col, path);
	hit = hmap_get(&en->symmap, key);
	if (hit && sym_id((int)(intptr_t)hit - 1) == avoid) {
		/* the write replaces the very object it was made from last
		 * time round a loop: the other of two names */
		snprintf(key, sizeof(key), "W%u:%u|%d'", loc.line, loc.col,
			 path);
		hit = hmap_get(&en->symmap, key);
	}
	if (hit)
		return sym_id((int)(intptr_t)hit - 1);
	memset(&s, 0, sizeof(s));
	s.place = -1;
	s.kind = SYM_OPAQUE;
	s.site = -1;
	s.field_key = fk ? xstrdup(fk) : NULL;
	return sym_intern(en, key, &s);
}

void assign(struct engine *en, struct state *st, int path,
	    const struct value *val, const struct ir_expr *lhs,
	    struct ir_loc loc)
{
	struct drop_arg d = { en, 0, NULL, 0, 0, st };
	struct drop_arg idx = { en, 0, NULL, 0, 0, st };
	struct value w, *v = (struct value *)val;
	struct store_info si;
	char fk[512];

	path = canon_path(en, st, path);
	d.root = path;
	if (v->kind == V_UNK && memory_path(en, path)) {
		const struct value *old = state_get(st, path);

		w = vobj(sym_written(en, path, loc, old && old->kind == V_OBJ ?
						    old->obj : 0));
		obj_reset(en, st, w.obj);
		v = &w;
	}

	note_lost(&d, path);
	/* p = ...: what we knew of p->x no longer holds */
	state_drop_if(st, is_strict_subpath, &d);
	state_drop_path_slots(st, is_subpath, &d);
	if (en->paths[path].kind == 'v')
		forget_var_deps(en, st, en->paths[path].var, &idx);
	else if (en->paths[path].kind == '>' || en->paths[path].kind == '.')
		forget_field_deps(en, st, en->paths[path].field, &idx);
	state_set(st, path, v);
	memset(&si, 0, sizeof(si));
	if (store_target(en, st, path, &si, fk, sizeof(fk))) {
		si.v = *v;
		si.lhs = lhs;
		si.loc = loc;
		si.forget = en->assign_forgets;
		fire_store(en, st, &si);
	}
	fire_lost_list(en, st, &d, loc, false);
	fire_lost_list(en, st, &idx, loc, true);
}

const char *engine_field_of(struct engine *en, struct state *st, int32_t id)
{
	struct store_info si;
	char fk[512];
	int i;

	for (i = 0; i < st->nb; i++) {
		if (st->b[i].v.kind != V_OBJ || st->b[i].v.obj != id)
			continue;
		memset(&si, 0, sizeof(si));
		if (store_target(en, st, st->b[i].path, &si, fk, sizeof(fk)) &&
		    si.field_key &&
		    (si.outlives || obj_outlives(en, st, si.container)))
			return engine_intern(en, si.field_key);
	}
	return NULL;
}

/* ---- evaluation ---- */

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
	case V_ERRPTR:
		return vconst(0);
	case V_NE:
		return a.c == 0 ? vconst(0) : mkv(V_UNK);
	case V_NESET:
		return (a.c & 1) ? vconst(0) : mkv(V_UNK);
	case V_REL:
		a.pred_null = !a.pred_null;
		return a;
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

/* !a == !b, !!a != !!b...: a relation between two null-nesses */
static struct value rel_values(int op, struct value a, struct value b)
{
	struct value r = mkv(V_REL);
	bool differ = op == CMP_NE;

	if (a.obj == b.obj)
		return mkv(V_UNK);
	if (a.pred_null != b.pred_null)
		differ = !differ;
	r.obj = a.obj;
	r.c = b.obj;
	r.pred_null = differ;
	return r;
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
	if (a.kind == V_PRED && b.kind == V_PRED)
		return rel_values(op, a, b);
	if (a.kind == V_CONST) {
		struct value t = a;

		a = b;
		b = t;
	}
	if (b.kind != V_CONST)
		return mkv(V_UNK);
	if (a.kind == V_NE && a.c == b.c)
		return vconst(!eq);
	if (a.kind == V_NESET && b.c >= 0 && b.c < 64 &&
	    ((uint64_t)a.c & (1ULL << b.c)))
		return vconst(!eq);
	if (b.c != 0)
		return mkv(V_UNK);
	/* a ==/!= 0 */
	switch (a.kind) {
	case V_OBJ:
		return vpred(a.obj, eq);
	case V_PRED:
		return vpred(a.obj, eq ? !a.pred_null : a.pred_null);
	case V_NONNULL:
	case V_ERRPTR:
		return vconst(!eq);
	case V_REL:
		return eq ? not_value(a) : a;
	default:
		return mkv(V_UNK);
	}
}

/*
 * p + i: the address of element i of p's object (p[i]), as addr_sym
 * names &p[i].  Once p is itself such an address, a walk (p++ in a
 * loop) stops being tracked: the value is unknown.
 */
static struct value element_of(struct engine *en, struct state *st,
			       int32_t obj, const struct ir_expr *idx)
{
	const struct sym *s = sym_of(en, obj);
	int path;
	int32_t id;

	if (s && s->kind == SYM_ADDR)
		return mkv(V_UNK);
	path = path_object(en, obj);
	if (idx && idx->kind == EX_CONST)
		path = path_child(en, path, '[', true, NULL, NULL, idx->ival,
				  NULL);
	else
		path = path_child(en, path, '[', true, NULL, NULL, 0, idx);
	id = addr_sym(en, st, path);
	return id ? vobj(id) : mkv(V_UNK);
}

struct value eval(struct engine *en, struct state *st,
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
	case EX_FUNC:
		return mkv(V_NONNULL);
	case EX_VAR:
	case EX_MEMBER:
	case EX_INDEX:
	case EX_DEREF:
		return load_path(en, st, expr_path(en, e));
	case EX_ADDR:
		/* &p->field and &p[i] point into p's object */
		if (e->a && e->a->kind == EX_MEMBER && e->a->arrow) {
			a = eval(en, st, e->a->a);
			if (a.kind == V_OBJ)
				return a;
		}
		if (e->a && e->a->kind == EX_INDEX) {
			const struct ir_expr *ix = e->a->b;
			int32_t id;

			/* &p[0] is p; &p[i] is the element's address */
			if (e->a->base_is_ptr && ix && ix->kind == EX_CONST &&
			    ix->ival == 0) {
				a = eval(en, st, e->a->a);
				if (a.kind == V_OBJ)
					return a;
			}
			/* &q[1] of an element's address: a walk (q =
			 * queue_next(q)), not followed past one step */
			a = eval(en, st, e->a->a);
			if (a.kind == V_OBJ && sym_of(en, a.obj) &&
			    sym_of(en, a.obj)->kind == SYM_ADDR)
				return mkv(V_UNK);
			id = addr_sym(en, st, expr_path(en, e->a));
			if (id)
				return vobj(id);
			if (e->a->base_is_ptr) {
				a = eval(en, st, e->a->a);
				if (a.kind == V_OBJ)
					return a;
			}
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
		/*
		 * Pointer arithmetic (container_of, buf + len) stays inside
		 * the pointer's object.  A size_t operand may be an object
		 * too (unsigned long holds page addresses): the pointer is the
		 * operand of pointer type, else an allocation over a symbol.
		 */
		if (e->op != AR_ADD && e->op != AR_SUB)
			return mkv(V_UNK);
		/* p + i, p++: another element of p's object */
		if (e->op == AR_ADD && a.kind == V_OBJ && e->a->is_ptr &&
		    !(b.kind == V_CONST && b.c == 0))
			return element_of(en, st, a.obj, e->b);
		if (a.kind == V_OBJ && (e->a->is_ptr || b.kind != V_OBJ ||
					(a.obj >= 0 && b.obj < 0)) &&
		    b.kind != V_PRED && !(e->b && e->b->is_ptr))
			return a;
		if (e->op == AR_ADD && b.kind == V_OBJ &&
		    (e->b->is_ptr || a.kind == V_CONST ||
		     (a.kind == V_OBJ && b.obj >= 0 && a.obj < 0)))
			return b;
		return mkv(V_UNK);
	default:
		return mkv(V_UNK);
	}
}

/* ---- subjects of summaries, seen from a call ---- */

/* A name cut out of a subject, kept as long as the function's IR */
static const char *engine_str(struct engine *en, const char *s, size_t n)
{
	char buf[256];

	snprintf(buf, sizeof(buf), "%.*s", (int)n, s);
	return arena_strdup(en->fn->arena, buf);
}

/*
 * path followed by the steps of an accessor or subject tail ("->buf",
 * ".a[2]", "->[0]"); addr: path is the place itself (&x), so a first
 * "->f" is ".f".  Constant indices only; -1 on anything else.
 */
static int path_append(struct engine *en, int path, const char *s, bool addr)
{
	char *end;
	long n;

	while (path >= 0 && *s) {
		bool deref = !strncmp(s, "->", 2);
		size_t len;

		if (deref)
			s += 2;
		else if (*s == '.')
			s++;
		if (addr && deref)
			deref = false;	/* &x then ->f is x.f */
		addr = false;
		if (*s == '[') {
			n = strtol(s + 1, &end, 10);
			if (*end != ']')
				return -1;
			path = path_child(en, path, '[', deref, NULL, NULL, n,
					  NULL);
			s = end + 1;
			continue;
		}
		len = strcspn(s, "-.[");
		if (!len)
			return -1;
		path = path_child(en, path, deref ? '>' : '.', deref,
				  engine_str(en, s, len), NULL, 0, NULL);
		s += len;
	}
	return path;
}

/* The place a symbolic field object was read from, or -1. */
static int sym_place(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);

	if (!s || (s->kind != SYM_FIELD && s->kind != SYM_GLOBAL))
		return -1;
	return s->place;
}

/*
 * Object id leaves the structure that held it (list_del): the places
 * that pointed at it now hold something else.  The place it was read
 * from and the memory bindings holding it get new values; the locals
 * that hold it still do.
 */
void unlink_object(struct engine *en, struct state *st, int32_t id,
		   struct ir_loc loc)
{
	struct value unk = mkv(V_UNK);
	int place = sym_place(en, id), i;

	if (place >= 0)
		assign(en, st, place, &unk, NULL, loc);
	for (i = 0; i < st->nb; i++) {
		if (st->b[i].v.kind != V_OBJ || st->b[i].v.obj != id ||
		    !memory_path(en, st->b[i].path))
			continue;
		assign(en, st, st->b[i].path, &unk, NULL, loc);
		i = -1;		/* bindings moved: look again */
	}
}

/*
 * The path (and value) a callee's subject names at this call: "$0->buf"
 * with arg 0 = priv is priv->buf, with arg 0 = &priv->sub it is
 * priv->sub.buf.  Returns the path, or -1 when the subject names nothing
 * here (*out is V_UNK then).
 */
int resolve_subject(struct engine *en, struct state *st,
		    const struct ir_call *call, const char *subject,
		    const char *key, struct value *out)
{
	const char *s = subject;
	bool addr = false;
	int path = -1;
	char *end;
	long n;

	*out = mkv(V_UNK);
	if (!strncmp(s, "$ret", 4)) {
		path = expr_path(en, call->dest);
		s += 4;
	} else if (s[0] == '$') {
		const struct ir_expr *a;

		n = strtol(s + 1, &end, 10);
		if (end == s + 1 || n < 0 || n >= call->nargs)
			return -1;
		s = end;
		a = call->args[n];
		if (a && a->kind == EX_ADDR) {
			path = expr_path(en, a->a);
			addr = true;
		} else {
			path = expr_path(en, a);
		}
		if (path < 0) {
			struct value v = eval(en, st, a);

			if (v.kind != V_OBJ) {
				/* ERR_PTR(-ENOMEM): "$0" is the constant */
				if (!*s)
					*out = v;
				return -1;
			}
			path = path_object(en, v.obj);
		}
	} else if (s[0] == '@') {
		size_t len = strcspn(s + 1, "-.[");
		struct path p;

		memset(&p, 0, sizeof(p));
		p.parent = -1;
		p.kind = 'g';
		p.var = -1;
		p.field = engine_str(en, s + 1, len);
		path = intern(en, &p, NULL);
		s += 1 + len;
	}
	path = path_append(en, path, s, addr);
	if (path < 0)
		return -1;
	/* the callee knew the place's type: the caller's path may not */
	if (key && !en->paths[path].fkey) {
		char buf[512];

		if (!path_field_key(en, path, buf, sizeof(buf)) ||
		    strcmp(buf, key))
			en->paths[path].fkey = engine_intern(en, key);
	}
	*out = load_path(en, st, path);
	return path;
}

/* ---- text ---- */

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
	case EX_FUNC:
		snprintf(buf, len, "%s", e->field);
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

/* priv->buf, from the access path of a callee's subject */
static void path_text(struct engine *en, int path, char *buf, size_t len)
{
	const struct path *p = &en->paths[path];
	char base[256];

	switch (p->kind) {
	case 'v':
		snprintf(buf, len, "%s", en->fn->vars[p->var].name);
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
