// SPDX-License-Identifier: GPL-2.0
/*
 * Facts about struct fields and globals, over the whole translation unit.
 *
 * A field is keyed by the record type it is read through and the field
 * path from there ("struct foo_priv::rx_ring", "struct foo::dma.buf"),
 * a global by its name ("@ring").  Every access to the field, from any
 * function and through any alias (priv, container_of(), drvdata), meets
 * at the same key.  The summary pass records what each store puts there
 * and how each function releases it; the reporting pass reads them, so
 * remove() knows that probe() put order-2 pages in priv->ring.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

struct field_entry {
	struct field_rec *v;
	int n;
	int alloc;
};

struct field_db {
	struct hmap keys;	/* key -> struct field_entry */
	struct strvec order;	/* keys in first-seen order, for dumps */
	struct hmap imported;	/* keys other files' records were read for */
};

struct field_db *field_db_new(void)
{
	struct field_db *db = xcalloc(1, sizeof(*db));

	hmap_init(&db->keys);
	strvec_init(&db->order);
	hmap_init(&db->imported);
	return db;
}

static void free_entry(void *p)
{
	struct field_entry *e = p;
	int i;

	for (i = 0; i < e->n; i++) {
		free((char *)e->v[i].fn);
		free((char *)e->v[i].str);
		free((char *)e->v[i].file);
	}
	free(e->v);
	free(e);
}

void field_db_free(struct field_db *db)
{
	if (!db)
		return;
	hmap_free(&db->keys, free_entry);
	strvec_clear(&db->order);
	hmap_free(&db->imported, NULL);
	free(db);
}

static bool same_rec(const struct field_rec *r, const char *fn, int kind,
		     int64_t value, const char *str, struct ir_loc loc,
		     const char *file)
{
	/* the integers first: most records differ there */
	return r->kind == kind && r->value == value &&
	       r->loc.line == loc.line && r->loc.col == loc.col &&
	       !strcmp(r->fn, fn) &&
	       !strcmp(r->file ? r->file : "", file ? file : "") &&
	       !strcmp(r->str ? r->str : "", str ? str : "");
}

static struct field_rec *add_rec(struct field_db *db, const char *key,
				 const char *fn, int kind, int64_t value,
				 const char *str, struct ir_loc loc,
				 const char *file)
{
	struct field_entry *e;
	struct field_rec *r;
	int i;

	e = hmap_get(&db->keys, key);
	if (!e) {
		e = xcalloc(1, sizeof(*e));
		hmap_put(&db->keys, key, e);
		strvec_push(&db->order, key);
	}
	for (i = 0; i < e->n; i++)
		if (same_rec(&e->v[i], fn, kind, value, str, loc, file))
			return NULL;
	if (e->n == e->alloc) {
		e->alloc = e->alloc ? e->alloc * 2 : 4;
		e->v = xrealloc(e->v, e->alloc * sizeof(*e->v));
	}
	r = &e->v[e->n++];
	r->fn = xstrdup(fn);
	r->kind = kind;
	r->value = value;
	r->str = str ? xstrdup(str) : NULL;
	r->loc = loc;
	r->file = file ? xstrdup(file) : NULL;
	return r;
}

/* A capped kind (engine_fact_kind_cap()) has a record of fn about key
 * already, or records of cap functions. */
static bool kind_full(struct field_db *db, const char *key, int kind,
		      const char *fn, int cap)
{
	const struct field_entry *e = hmap_get(&db->keys, key);
	int i, n = 0;

	for (i = 0; e && i < e->n; i++) {
		if (e->v[i].kind != kind || e->v[i].file)
			continue;
		if (!strcmp(e->v[i].fn, fn) || ++n >= cap)
			return true;
	}
	return false;
}

void engine_field_fact(struct engine *en, const char *key, int kind,
		       int64_t value, const char *str, struct ir_loc loc)
{
	int cap = fact_kind_cap(kind);

	if (en->pass != PASS_SUMMARY || !en->fn->in_main_file || !key)
		return;
	if (cap && kind_full(en->unit->fields, key, kind, en->fn->name, cap))
		return;
	add_rec(en->unit->fields, key, en->fn->name, kind, value, str, loc,
		NULL);
}

void field_db_add_ext(struct field_db *db, const char *key,
		      const struct field_rec *r)
{
	add_rec(db, key, r->fn, r->kind, r->value, r->str, r->loc, r->file);
}

bool field_db_first_import(struct field_db *db, const char *key)
{
	if (hmap_get(&db->imported, key))
		return false;
	hmap_put(&db->imported, key, (void *)1);
	return true;
}

void field_db_each(const struct field_db *db,
		   void (*cb)(const char *key, const struct field_rec *v,
			      int n, void *arg), void *arg)
{
	size_t k;

	for (k = 0; k < db->order.n; k++) {
		const struct field_entry *e = hmap_get(&db->keys,
						       db->order.v[k]);

		cb(db->order.v[k], e->v, e->n, arg);
	}
}

int engine_field_facts(struct engine *en, const char *key, uint64_t kinds,
		       const struct field_rec **out)
{
	struct field_entry *e;

	if (key && en->unit->ext)
		field_db_import(en->unit, key, kinds);
	e = key ? hmap_get(&en->unit->fields->keys, key) : NULL;

	*out = e ? e->v : NULL;
	if (e && e->n)
		engine_queried(en);
	return e ? e->n : 0;
}

/*
 * A symbolic object read from a field takes the family and page order of
 * what the stores put there, when every store of the unit agrees on a
 * tracked allocation.  A store of anything else (an unknown pointer, a
 * parameter) or two families: nothing is assumed.
 */
void sym_field_facts(struct engine *en, struct sym *s)
{
	const struct field_rec *v, *first = NULL;
	bool queried = en->queried;
	int n, i;

	if (en->pass != PASS_REPORT)
		return;
	/* the engine's own question: the object says where its facts are
	 * from (s->store), not the event that made it */
	s->nonnull = field_never_null(en, s->field_key);
	n = engine_field_facts(en, s->field_key, FACT_BIT(core.field_store),
			       &v);
	en->queried = queried;
	for (i = 0; i < n; i++) {
		if (v[i].kind != core.field_store)
			continue;
		if (v[i].value < 0 ||
		    (first && first->value != v[i].value))
			return;
		if (!first)
			first = &v[i];
	}
	if (!first)
		return;
	s->family = (int)(first->value & 0xffff);
	s->order = (int)(first->value >> 16) - 1;
	s->store = first;
}

/* p + K, K a constant other than 0: a place inside p's block (a header
 * skipped, bios_buffer + 8 in dcdbas), which the engine names by the
 * block itself.  A field that holds it does not hold the block: its
 * store records no family, so the field's stores do not agree on one. */
bool field_store_interior(const struct ir_expr *rhs)
{
	return rhs && rhs->kind == EX_ARITH &&
	       (rhs->op == AR_ADD || rhs->op == AR_SUB) && rhs->a &&
	       rhs->a->is_ptr && rhs->b && rhs->b->kind == EX_CONST &&
	       rhs->b->ival != 0;
}

void field_db_write(FILE *f, const struct field_db *db)
{
	size_t k;
	int i;

	for (k = 0; k < db->order.n; k++) {
		const struct field_entry *e = hmap_get(&db->keys,
						       db->order.v[k]);

		for (i = 0; i < e->n; i++)
			if (!e->v[i].file)
				fprintf(f, "field\t%s\t%s\t%s\t%lld\t%s\t%u:%u\n",
				db->order.v[k],
				engine_fact_kind_name(e->v[i].kind),
				e->v[i].fn, (long long)e->v[i].value,
				e->v[i].str ? e->v[i].str : "-",
				e->v[i].loc.line, e->v[i].loc.col);
	}
}

/*
 * An integer field of a block this function allocated with a zeroing
 * allocator (kzalloc, kcalloc, devm_kzalloc: rules/ names them), not
 * written on this path: it reads 0 (adapter->flags before the first
 * flags |= K).  Pointer fields are left unknown: a callee the engine
 * does not see may have filled them.  A wrapper's block is not zeroed
 * memory here: the wrapper may have set fields before returning.
 */
static int32_t zeroed_root(struct engine *en, int path)
{
	const struct site_info *si;
	int p = path;
	int32_t id;

	while (p >= 0 && en->paths[p].kind == '.' && !en->paths[p].deref)
		p = en->paths[p].parent;
	if (p < 0 || en->paths[p].kind != '>' || en->paths[p].parent < 0 ||
	    en->paths[en->paths[p].parent].kind != 'o')
		return -1;
	id = en->paths[en->paths[p].parent].var;
	if (id < 0 || id >= en->nsites)
		return -1;
	si = &en->sites[id];
	/* not through a wrapper: it may have set fields before returning */
	return !si->via && api_zeroes(si->callee) ? id : -1;
}

bool zeroed_field(struct engine *en, int path)
{
	return en->paths[path].type == PT_OTHER && zeroed_root(en, path) >= 0;
}

/*
 * A pointer field of such a block reads NULL too, as long as the block
 * was not handed to a function the engine does not see (which may have
 * filled it: device_initialize(), an init of another file): nn->dp.netdev
 * of a vzalloc() block that no path set (nfp_net_alloc()).
 */
bool zeroed_ptr_field(struct engine *en, struct state *st, int path)
{
	struct objst tmp;
	const struct objst *o;
	int32_t id;

	if (en->paths[path].type != PT_ADDR)
		return false;
	id = zeroed_root(en, path);
	if (id < 0)
		return false;
	o = engine_obj(en, st, id, &tmp);
	return o && !(o->flags & OF_EXPOSED);
}
