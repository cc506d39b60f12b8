// SPDX-License-Identifier: GPL-2.0
/*
 * Symbolic objects: what a place held on entry (a parameter, a global, a
 * field read through one), what an opaque call returned, the address of
 * an element.  The same place always names the same object, so
 * kfree(priv->buf) and a later priv->buf[0] meet, and a summary can say
 * "frees $0->buf".  An object is materialized in the state only once a
 * fact about it is known.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

#define MAX_SYM_DEPTH 4

int32_t sym_id(int index)
{
	return -(index + 1);
}

const struct sym *sym_of(struct engine *en, int32_t id)
{
	int i = -id - 1;

	return id < 0 && i < en->nsyms ? &en->syms[i] : NULL;
}

int32_t sym_intern(struct engine *en, const char *key,
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
	s->first_child = s->next_child = -1;
	if (s->kind == SYM_FIELD && s->base < 0 && -s->base - 1 < en->nsyms) {
		struct sym *b = &en->syms[-s->base - 1];

		s->next_child = b->first_child;
		b->first_child = en->nsyms;
	} else if (s->kind == SYM_FIELD) {
		en->nlocal_field_syms++;
	}
	if (s->nfdeps)
		en->nfdep_syms++;
	hmap_put(&en->symmap, key, (void *)(intptr_t)(en->nsyms + 1));
	en->nsyms++;
	if (s->field_key)
		sym_field_facts(en, s);
	return sym_id(en->nsyms - 1);
}

/*
 * A symbolic object a caller can reach after the return: a parameter's or a
 * global's value, or what is read through one.  What an unknown call
 * returned is not: the function may hand it back (a pool's
 * lpfc_sli_release_iocbq()) before it returns.
 */
bool sym_rooted(struct engine *en, int32_t id)
{
	int depth;

	for (depth = 0; depth < 16; depth++) {
		const struct sym *s = sym_of(en, id);

		if (!s)
			return false;
		if (s->kind == SYM_PARAM || s->kind == SYM_GLOBAL)
			return true;
		if (s->kind != SYM_FIELD && s->kind != SYM_ADDR)
			return false;
		id = s->base;
	}
	return false;
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

/* The object of kind a call site names, one a site ("O3", "M3"). */
int32_t sym_site(struct engine *en, enum sym_kind kind, char tag, int site)
{
	char key[32];
	struct sym s;

	memset(&s, 0, sizeof(s));
	s.place = -1;
	s.kind = kind;
	s.site = site;
	snprintf(key, sizeof(key), "%c%d", tag, site);
	return sym_intern(en, key, &s);
}

int32_t sym_opaque(struct engine *en, int site)
{
	return sym_site(en, SYM_OPAQUE, 'O', site);
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

	pl->global = false;
	pl->gname = NULL;
	pl->base = 0;
	pl->acc[0] = '\0';
	pl->deps = NULL;
	pl->ndeps = 0;
	pl->fdeps = NULL;
	pl->nfdeps = 0;
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
/* "G<global><acc>" or "F<base><acc>", as snprintf() into key[640]
 * would write it */
static void place_key(char *key, size_t len, char kind, const char *name,
		    int32_t base, const char *acc)
{
	char num[16];
	size_t n = 0, m;
	const char *parts[2];
	int i;

	key[n++] = kind;
	if (!name) {
		uint32_t u = base < 0 ? -(uint32_t)base : (uint32_t)base;
		char *q = num + sizeof(num) - 1;

		*q = '\0';
		do {
			*--q = (char)('0' + u % 10);
			u /= 10;
		} while (u);
		if (base < 0)
			*--q = '-';
		name = q;
	}
	parts[0] = name;
	parts[1] = acc;
	for (i = 0; i < 2; i++) {
		m = strlen(parts[i]);
		if (m > len - 1 - n)
			m = len - 1 - n;
		memcpy(key + n, parts[i], m);
		n += m;
	}
	key[n] = '\0';
}

/* Does the accessor (or the subject) step through a list link at its end
 * (or anywhere): a .next or .prev member, or ->next, ->prev? */
static bool link_at(const char *s, const char *end)
{
	size_t n = (size_t)(end - s);

	return (n >= 5 && (!strncmp(end - 5, ".next", 5) ||
			   !strncmp(end - 5, ".prev", 5) ||
			   !strncmp(end - 5, ">next", 5) ||
			   !strncmp(end - 5, ">prev", 5)));
}

static bool list_link(const char *acc)
{
	return link_at(acc, acc + strlen(acc));
}

static bool has_list_link(const char *subject)
{
	const char *p;

	for (p = subject; *p; p++)
		if ((p[1] == '-' || p[1] == '.' || p[1] == '\0' ||
		     p[1] == '[') && link_at(subject, p + 1))
			return true;
	return false;
}

/* The symbol table's key of a place: a global's or a field's. */
static void place_sym_key(const struct place *pl, char *key, size_t len)
{
	if (pl->global)
		place_key(key, len, 'G', pl->gname, 0, pl->acc);
	else
		place_key(key, len, 'F', NULL, pl->base, pl->acc);
}

static int32_t path_sym(struct engine *en, struct state *st, int path)
{
	char key[640], fkbuf[512];
	const char *fk;
	const struct sym *bs = NULL;
	struct place pl;
	struct sym s;
	void *hit;

	if (!place_of(en, st, path, &pl))
		return 0;
	memset(&s, 0, sizeof(s));
	place_sym_key(&pl, key, sizeof(key));
	if (pl.global) {
		s.kind = SYM_GLOBAL;
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
	}
	hit = hmap_get(&en->symmap, key);
	if (hit) {
		struct sym *old = &en->syms[(intptr_t)hit - 1];

		free(pl.deps);
		free(pl.fdeps);
		/* a callee's fact names the field better than our path */
		if (old->field_key && !en->paths[path].fkey)
			return sym_id((int)(intptr_t)hit - 1);
		fk = path_field_key(en, path, fkbuf, sizeof(fkbuf));
		old = &en->syms[(intptr_t)hit - 1];
		if (fk && (!old->field_key ||
			   (en->paths[path].fkey && strcmp(old->field_key, fk)))) {
			free(old->field_key);
			old->field_key = xstrdup(fk);
			sym_field_facts(en, old);
		}
		return sym_id((int)(intptr_t)hit - 1);
	}
	if (st && st->no >= MAX_STATE_OBJECTS)
		goto fail;
	fk = path_field_key(en, path, fkbuf, sizeof(fkbuf));
	if (s.kind == SYM_GLOBAL) {
		s.name = xstrfmt("%s%s", pl.gname, pl.acc);
		if (!pl.ndeps)
			s.subject = xstrfmt("@%s", s.name);
	} else {
		s.accessor = xstrdup(pl.acc);
		if (bs && bs->subject && !pl.ndeps &&
		    !(list_link(pl.acc) && has_list_link(bs->subject)))
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

/* The symbol a read of path has already made (what the place held as the
 * path first read it), or 0: none yet, and none is made here. */
int32_t path_sym_made(struct engine *en, struct state *st, int path)
{
	char key[640];
	struct place pl;
	void *hit;

	if (path < 0 || !place_of(en, st, path, &pl))
		return 0;
	place_sym_key(&pl, key, sizeof(key));
	free(pl.deps);
	free(pl.fdeps);
	hit = hmap_get(&en->symmap, key);
	return hit ? sym_id((int)(intptr_t)hit - 1) : 0;
}

/* What an index on the way to path reads (deps of a place). */
static void path_deps(struct engine *en, int path, struct place *pl)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent)
		if (en->paths[p].idx_expr)
			add_deps(en, en->paths[p].idx_expr, pl);
}

/* The object whose memory holds the place (b for b[i], b->x[i]), or
 * LINK_NONE (0 is an object: the function's first allocation). */
static int32_t addr_base(struct engine *en, struct state *st, int path)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent) {
		struct value v;

		if (!en->paths[p].deref)
			continue;
		v = load_path(en, st, en->paths[p].parent);
		return v.kind == V_OBJ ? v.obj : LINK_NONE;
	}
	return LINK_NONE;
}

/*
 * &a->x[i]: the address of an element, as an object of its own.  A field
 * read through it is the element's field (canon_path re-roots it at the
 * element's place), and it is forgotten when i changes.
 */
/*
 * Does a canonical path name one place whatever the variables hold
 * later?  Its first read through a pointer must start at an object
 * ('o'), not at a variable whose value was unknown: new = &(*new)->left
 * would otherwise name a place in terms of new itself.
 */
static bool stable_place(const struct engine *en, int path)
{
	int p = path;

	while (p >= 0) {
		const struct path *n = &en->paths[p];

		if (n->kind == 'v' || n->kind == 'g' || n->kind == 'o')
			return true;
		if (n->deref)
			return n->parent >= 0 && en->paths[n->parent].kind == 'o';
		p = n->parent;
	}
	return false;
}

/*
 * An address computed from the last one in a loop (blk = (struct dblock
 * *)&blk->data[len] in hermes_blocks_length()) names a longer place at
 * every round, which would keep the loop's states new until the budget
 * is spent, each round slower: past this many steps from its root the
 * address is not named (an unknown pointer).
 */
#define MAX_ADDR_STEPS	8

static int path_steps(struct engine *en, int path)
{
	int n = 0;

	for (; path >= 0 && n <= MAX_ADDR_STEPS; path = en->paths[path].parent)
		n++;
	return n;
}

int32_t addr_sym(struct engine *en, struct state *st, int path)
{
	char key[32];
	struct place pl;
	struct sym s;
	void *hit;

	if (path < 0)
		return 0;
	path = canon_path(en, st, path);
	if (!stable_place(en, path) || path_steps(en, path) > MAX_ADDR_STEPS)
		return 0;
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
	hmap_free(&en->idx_fields, NULL);
	free(en->ptab);
	subjects_free(en);
	free(en->paths);
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
	if (zeroed_field(en, path) || zeroed_ptr_field(en, st, path))
		return vconst(0);
	if (en->paths[path].type == PT_OTHER)
		return mkv(V_UNK);
	id = inner_area(en, st, path);
	if (id)
		return vobj(id);
	id = path_sym(en, st, path);
	return id ? vobj(id) : mkv(V_UNK);
}
