// SPDX-License-Identifier: GPL-2.0
/*
 * The values an integer field may hold, from every store of the unit
 * (and of the scan's other files, through the database).
 *
 * A mode field that a driver only ever sets to one of a few constants
 * (nic->rxd_mode = RXD_MODE_1 or RXD_MODE_3B, ring->rxd_mode =
 * nic->rxd_mode) holds one of them wherever it is read, so the path of
 *
 *	if (ring->rxd_mode == RXD_MODE_1) { ... }
 *	else if (ring->rxd_mode == RXD_MODE_3B) { ... }
 *
 * that takes neither arm does not exist.  The summary pass records, at
 * each store into a field key, the constant it stores, the field key it
 * copies, or that the value is not known (a callee wrote it, a bit
 * operation, anything else); a field whose address is taken (&p->mode
 * handed to a function) may hold anything.  The reporting pass closes
 * an edge of a test of the field against a constant when no value of
 * the set is left on it.
 *
 * Zeroed memory reads 0, so 0 is always in the set.  The set is trusted
 * only when it comes from at least two different constants: a field
 * filled by a static initialiser (which the summary pass does not see)
 * or written by the device usually has one store in the code, or none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

#define COPY_DEPTH 4

/* str of a field-value record: a copy of that key ("=struct foo::mode"),
 * the value not known ("?"), or NULL: the constant in value */
static const char unknown_str[] = "?";

/* The key of a member no access path names, from its record type:
 * (...)->a.b is "struct foo::a.b"; NULL when not a member. */
const char *field_member_key(const struct ir_expr *e, char *buf, size_t len)
{
	char tail[256] = "";

	for (; e && e->kind == EX_MEMBER; e = e->a) {
		char t[256];

		snprintf(t, sizeof(t), "%s%s%s", e->field, tail[0] ? "." : "",
			 tail);
		snprintf(tail, sizeof(tail), "%s", t);
		if (e->arrow || !e->a || e->a->kind != EX_MEMBER) {
			if (!e->rec || !e->field)
				return NULL;
			snprintf(buf, len, "%s::%s", e->rec, tail);
			return buf;
		}
	}
	return NULL;
}

/* The field key of the place e names, or NULL. */
static const char *place_key(struct engine *en, const struct ir_expr *e,
			     char *buf, size_t len)
{
	int path = expr_path(en, e);

	if (path >= 0)
		return path_field_key(en, path, buf, len);
	return field_member_key(e, buf, len);
}

static void note_value(struct engine *en, const char *key, int64_t value,
		       const char *str, struct ir_loc loc)
{
	engine_field_fact(en, key, core.field_value, value, str, loc);
}

/* The summary pass: what a store puts into its field. */
void field_value_store(struct engine *en, const struct store_info *s)
{
	char buf[512];
	const char *src;

	if (en->pass != PASS_SUMMARY || !s->field_key || s->sink)
		return;
	if (s->lhs && (s->lhs->is_ptr || s->lhs->is_record))
		return;		/* integers only */
	/*
	 * A callee's store (its writes and sets facts replayed) whose
	 * stores are recorded where it made them (a main-file function, of
	 * this unit or of another file of the module): its values are in
	 * the records already.  A "not known" here would hide them (a mode
	 * field set by helpers), and a scan would see it change at every
	 * deeper call.
	 */
	if (en->replay_recorded)
		return;
	if (s->forget || s->bits || !s->lhs) {
		note_value(en, s->field_key, 0, unknown_str, s->loc);
		return;
	}
	if (s->v.kind == V_CONST) {
		note_value(en, s->field_key, s->v.c, NULL, s->loc);
		return;
	}
	src = en->store_rhs && en->store_rhs->kind == EX_MEMBER ?
	      place_key(en, en->store_rhs, buf + 1, sizeof(buf) - 1) : NULL;
	if (src && strcmp(src, s->field_key)) {
		buf[0] = '=';
		note_value(en, s->field_key, 0, buf, s->loc);
		return;
	}
	note_value(en, s->field_key, 0, unknown_str, s->loc);
}

static void scan_addr(struct engine *en, const struct ir_expr *e,
		      struct ir_loc loc)
{
	char buf[512];
	const char *key;

	if (!e)
		return;
	if (e->kind == EX_ADDR && e->a && e->a->kind == EX_MEMBER) {
		key = field_member_key(e->a, buf, sizeof(buf));
		if (key)
			note_value(en, key, 0, unknown_str, loc);
	}
	scan_addr(en, e->a, loc);
	scan_addr(en, e->b, loc);
}

/*
 * The summary pass, once a function: a field whose address is taken
 * (&p->mode, &p->cfg) may be written through it, by anyone.
 */
void field_value_scan(struct engine *en)
{
	const struct ir_func *fn = en->fn;
	int b, i, k;

	if (en->pass != PASS_SUMMARY || !fn->in_main_file)
		return;
	for (b = 0; b < fn->nblocks; b++) {
		const struct ir_block *bl = &fn->blocks[b];

		for (i = 0; i < bl->ninsns; i++) {
			const struct ir_insn *in = &bl->insns[i];

			scan_addr(en, in->rhs, in->loc);
			if (in->call)
				for (k = 0; k < in->call->nargs; k++)
					scan_addr(en, in->call->args[k],
						  in->loc);
		}
		scan_addr(en, bl->cond, bl->term_loc);
		scan_addr(en, bl->ret, bl->term_loc);
	}
}

/* Is key, or a member it is part of ("struct foo::cfg" for
 * "struct foo::cfg.mode"), marked unknown by a record? */
static bool value_set(struct engine *en, const char *key, uint64_t *mask,
		      uint64_t *stored, int depth);

static bool prefix_unknown(struct engine *en, const char *key)
{
	char buf[512];
	const struct field_rec *v;
	char *dot;
	int n, i;

	snprintf(buf, sizeof(buf), "%s", key);
	while ((dot = strrchr(buf, '.')) && strstr(buf, "::") < dot) {
		*dot = '\0';
		n = engine_field_facts(en, buf, FACT_BIT(core.field_value), &v);
		for (i = 0; i < n; i++)
			if (v[i].kind == core.field_value)
				return true;
	}
	return false;
}

static bool value_set(struct engine *en, const char *key, uint64_t *mask,
		      uint64_t *stored, int depth)
{
	const struct field_rec *v;
	int n, i;

	if (depth > COPY_DEPTH || prefix_unknown(en, key))
		return false;
	n = engine_field_facts(en, key, FACT_BIT(core.field_value), &v);
	for (i = 0; i < n; i++) {
		if (v[i].kind != core.field_value)
			continue;
		if (!v[i].str) {
			if (v[i].value < 0 || v[i].value >= 64)
				return false;
			*stored |= 1ULL << v[i].value;
			*mask |= 1ULL << v[i].value;
		} else if (v[i].str[0] == '=') {
			if (!value_set(en, v[i].str + 1, mask, stored,
				       depth + 1))
				return false;
		} else {
			return false;
		}
	}
	return true;
}

/* The values the field of key may hold, as a mask of 0..63. */
static bool field_values(struct engine *en, const char *key, uint64_t *mask)
{
	bool queried = en->queried;
	uint64_t stored = 0;
	bool ok;

	*mask = 1;	/* zeroed memory */
	ok = value_set(en, key, mask, &stored, 0);
	en->queried = queried;	/* the engine's own question */
	/* two different constants stored, at least */
	return ok && stored & (stored - 1);
}

/*
 * The reporting pass: does the edge of cond (taken: the test held)
 * leave the field it tests no value?  x == K, x != K and if (x) of an
 * integer field; the values the path already excluded count.
 */
bool field_edge_impossible(struct engine *en, struct state *st,
			   const struct ir_expr *cond, bool taken)
{
	bool truthy = taken, eq;
	uint64_t mask, excluded = 0;
	struct value cur;
	char buf[512];
	const char *key;
	int64_t k = 0;
	int path;

	if (en->pass != PASS_REPORT || !cond)
		return false;
	/* the edge as "x == k" (eq) or "x != k" */
	cond = cond_truth(cond, &truthy);
	if (cond->kind == EX_CMP && (cond->op == CMP_EQ || cond->op == CMP_NE) &&
	    cond->b && cond->b->kind == EX_CONST) {
		k = cond->b->ival;
		eq = cond->op == CMP_EQ ? truthy : !truthy;
		cond = cond->a;
	} else {
		eq = !truthy;	/* if (x) not taken: x == 0 */
	}
	if (!cond || cond->kind != EX_MEMBER || cond->is_ptr)
		return false;
	path = expr_path(en, cond);
	if (path < 0)
		return false;
	key = path_field_key(en, path, buf, sizeof(buf));
	if (!key || key[0] == '@' || !field_values(en, key, &mask))
		return false;
	if (eq)
		return k < 0 || k >= 64 || !(mask & (1ULL << k));
	/* x != k: the values left, less those the path already excluded */
	if (k >= 0 && k < 64)
		excluded |= 1ULL << k;
	cur = load_path(en, st, canon_path(en, st, path));
	if (cur.kind == V_NE && cur.c >= 0 && cur.c < 64)
		excluded |= 1ULL << cur.c;
	else if (cur.kind == V_NONNULL)
		excluded |= 1;
	else if (cur.kind == V_NESET)
		excluded |= (uint64_t)cur.c;
	return !(mask & ~excluded);
}

/*
 * A pointer field that the main file always sets to a pointer known not
 * to be NULL.  The type is the file's own (struct cmd_rcvr of
 * ipmi_msghandler.c), so no other unit writes it, and each store the
 * file makes is seen: rcvr->user = user after if (!user) return.  A
 * reader that finds the object (on a list, through a parameter) then
 * reads a pointer that is not NULL:
 *
 *	rcvr = find_cmd_rcvr(...);
 *	if (rcvr) {
 *		user = rcvr->user;
 *		msg = alloc_msg(user);
 *	}
 *	if (!user) ...		(only where no rcvr was found)
 *
 * The summary pass records, at each store into such a field, whether the
 * value is known not NULL on the path (1) or not (0: NULL, a value not
 * tested, a callee's write).  A field whose address is taken
 * (field_value_scan()) may hold anything.
 */
static bool member_local(const struct ir_expr *e)
{
	for (; e && e->kind == EX_MEMBER; e = e->a)
		if (e->arrow || !e->a || e->a->kind != EX_MEMBER)
			return e->rec_local;
	return false;
}

/* The value v is known not to be NULL on this path. */
bool value_nonnull(struct engine *en, struct state *st,
		   const struct value *v)
{
	struct objst tmp;
	const struct objst *o;

	switch (v->kind) {
	case V_NONNULL:
		return true;
	case V_CONST:
		return v->c != 0;
	case V_OBJ:
		o = engine_obj(en, st, v->obj, &tmp);
		return o && o->null == NL_NONNULL && !(o->flags & OF_ERRPTR);
	default:
		return false;
	}
}

void field_nonnull_store(struct engine *en, struct state *st,
			 const struct store_info *s)
{
	if (en->pass != PASS_SUMMARY || !s->field_key || s->sink ||
	    !en->fn->in_main_file || s->field_key[0] == '@' ||
	    strchr(s->field_key, '['))
		return;
	/*
	 * Only a member store of the file's own type.  Any other store into
	 * such a field comes from a function of this file, which records its
	 * own member store, or through the field's address, which
	 * field_value_scan() records as a `?`.  Recording nothing for the
	 * others (a callee's write into a header's struct) keeps the records
	 * of header types, which no reader uses, out of the database.
	 */
	if (!s->lhs || s->lhs->kind != EX_MEMBER || !s->lhs->is_ptr ||
	    !member_local(s->lhs))
		return;
	engine_field_fact(en, s->field_key, core.field_nonnull,
			  !s->forget && !s->bits && value_nonnull(en, st, &s->v),
			  NULL, s->loc);
}

/* The reporting pass: does every store of the unit into the pointer
 * field of key put a pointer there that is not NULL? */
bool field_never_null(struct engine *en, const char *key)
{
	const struct field_rec *v;
	bool queried = en->queried;
	int n, i, stores = 0;

	if (en->pass != PASS_REPORT || !key || key[0] == '@' ||
	    strchr(key, '[') || prefix_unknown(en, key)) {
		en->queried = queried;
		return false;
	}
	/* the unit's own stores only: no other file's records are read */
	n = engine_field_facts(en, key, 0, &v);
	en->queried = queried;
	for (i = 0; i < n; i++) {
		if (v[i].file)
			continue;	/* another unit's type of that name */
		if (v[i].kind == core.field_value ||
		    (v[i].kind == core.field_nonnull && !v[i].value))
			return false;
		if (v[i].kind == core.field_nonnull)
			stores++;
	}
	return stores > 0;
}
