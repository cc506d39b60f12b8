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
	uint64_t rhash;		/* unit_field_hash() of rhash_kinds, or 0:
				 * not known */
	uint64_t rhash_kinds;
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
	e->rhash = 0;
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

void unit_field_fact(struct unit *u, const char *fn, const char *key,
		     int kind, int64_t value, const char *str,
		     struct ir_loc loc)
{
	int cap = fact_kind_cap(kind);

	reuse_note_add(u, key, kind, value, str, loc);
	if (cap && kind_full(u->fields, key, kind, fn, cap))
		return;
	if (add_rec(u->fields, key, fn, kind, value, str, loc, NULL))
		reuse_invalidate(u, 'F', key);
}

/* What a reader of the records of kinds about key reads (reuse.c):
 * those records, and whether there is any record (the finding it leads
 * to is then of medium confidence).  Kinds 0: the unit's own records,
 * of every kind (field_never_null()). */
uint64_t unit_field_hash(struct unit *u, const char *key, uint64_t kinds)
{
	struct field_entry *e = hmap_get(&u->fields->keys, key);
	struct field_rec *pick;
	int i, n = 0;

	if (!e || !e->n)
		return 2;	/* no record: not a hash (those are odd) */
	if (e->rhash && e->rhash_kinds == kinds)
		return e->rhash;
	pick = xcalloc((size_t)e->n, sizeof(*pick));
	for (i = 0; i < e->n; i++)
		if (kinds ? (kinds & FACT_BIT(e->v[i].kind)) != 0 :
			    !e->v[i].file)
			pick[n++] = e->v[i];
	e->rhash = reuse_hash_fields(pick, n) | 1;
	e->rhash_kinds = kinds;
	free(pick);
	return e->rhash;
}

void engine_field_fact(struct engine *en, const char *key, int kind,
		       int64_t value, const char *str, struct ir_loc loc)
{
	if (en->pass != PASS_SUMMARY || !en->fn->in_main_file || !key)
		return;
	unit_field_fact(en->unit, en->fn->name, key, kind, value, str, loc);
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

int unit_field_facts(struct unit *u, const char *key, uint64_t kinds,
		     const struct field_rec **out)
{
	struct field_entry *e;

	if (key && u->ext)
		field_db_import(u, key, kinds);
	e = key ? hmap_get(&u->fields->keys, key) : NULL;
	*out = e ? e->v : NULL;
	return e ? e->n : 0;
}

int engine_field_facts(struct engine *en, const char *key, uint64_t kinds,
		       const struct field_rec **out)
{
	int n = unit_field_facts(en->unit, key, kinds, out);

	if (key && reuse_on(en->unit))
		reuse_note(en->unit, 'F', key, (int64_t)kinds,
			   unit_field_hash(en->unit, key, kinds));
	if (n)
		engine_queried(en);
	return n;
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
