// SPDX-License-Identifier: GPL-2.0
/*
 * The guards of the engine's own facts: the condition of the caller's
 * memory or arguments under which a path of the function dereferences
 * (deref-if): a place it tested and did not write, a flag word's known
 * bits, a by-value parameter's value.  And what the function wrote so
 * far, which is never a guard.
 */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* Is place subject one this function wrote on some path so far? */
bool wrote_subject(struct engine *en, const char *subject)
{
	int i;

	for (i = 0; i < en->acc.may.n; i++)
		if (en->acc.may.v[i].kind == core.writes &&
		    !strcmp(en->acc.may.v[i].subject, subject))
			return true;
	return false;
}

/*
 * The one place of the caller's memory this path tested and did not
 * write (if (io_data->use_sg) in ffs_alloc_buffer()), with whether it
 * was found zero or not: the mode field that chose the allocator.  NULL
 * when there is none or more than one.
 */
char *path_guard(struct engine *en, struct state *st, bool *nonzero)
{
	char *found = NULL;
	int i;

	for (i = 0; i < st->nb; i++) {
		const struct value *v = &st->b[i].v;
		bool nz;
		char *s;

		if (v->kind == V_CONST)
			nz = v->c != 0;
		else if (v->kind == V_NONNULL || v->kind == V_POS ||
			 (v->kind == V_NE && v->c == 0) ||
			 (v->kind == V_NESET && (v->c & 1)))
			nz = true;
		else
			continue;
		s = store_subject(en, st, st->b[i].path);
		if (!s)
			continue;
		if (wrote_subject(en, s)) {
			free(s);
			continue;
		}
		if (found) {
			free(s);
			free(found);
			return NULL;
		}
		found = s;
		*nonzero = nz;
	}
	return found;
}

/* The bits of place subject this function may have changed so far: all
 * for a plain write, the bits of x |= K / x &= ~K (a writes fact's
 * value) for the others, 0 when it wrote none. */
uint32_t written_bits(struct engine *en, const char *subject)
{
	uint32_t m = 0;
	int i;

	for (i = 0; i < en->acc.may.n; i++) {
		const struct fact *f = &en->acc.may.v[i];

		if (f->kind != core.writes || strcmp(f->subject, subject))
			continue;
		if (!f->value)
			return 0xffffffffu;
		m |= (uint32_t)f->value | (uint32_t)((uint64_t)f->value >> 32);
	}
	return m;
}

/*
 * A flag word of the caller's memory this path knows bits of (a constant
 * counts), with the bits the function has not changed, or NULL.  Bits it
 * changed with x |= K or x &= ~K (or a callee did: t4_sge_alloc_rxq() may
 * clear one bit of adap->flags) are not a guard; the others still are.
 * Each word is a condition of the path; when it knows several, the
 * shallowest (the shortest name, then
 * the first by name): a loop's later rounds also know the fields of the
 * element an earlier round tested (cxgb4 alloc_uld_rxqs() tests
 * q->fl.size after reading adap->msix_info under adap->flags), and every
 * path that reads the memory must give the same word for the guard to
 * survive (add_guard()).
 */
char *bits_guard(struct engine *en, struct state *st, uint32_t *set,
		 uint32_t *clr)
{
	char *found = NULL;
	int i;

	for (i = 0; i < st->nb; i++) {
		uint32_t s1, c1, w;
		char *s;

		if (!value_bits(st->b[i].v, &s1, &c1))
			continue;
		s = store_subject(en, st, st->b[i].path);
		if (!s)
			continue;
		w = written_bits(en, s);
		s1 &= ~w;
		c1 &= ~w;
		if ((!s1 && !c1) ||
		    (found && (strlen(s) > strlen(found) ||
			       (strlen(s) == strlen(found) &&
				strcmp(s, found) >= 0)))) {
			free(s);
			continue;
		}
		free(found);
		found = s;
		*set = s1;
		*clr = c1;
	}
	return found;
}

/*
 * A parameter the caller passes by value, which this path knows
 * something of (mlx4_free_resource_tracker(dev, type) reaches the
 * slaves' resources only under type != RES_TR_FREE_STRUCTS_ONLY): "$N:eq"
 * with the value, or "$N:ne" with the mask of the values 0..63 it is
 * not.  The parameter must never be assigned (nor its address taken):
 * then what the path knows of it is what the caller passed.  The first
 * such parameter: any one is a condition the dereference needs.
 */
char *param_guard(struct engine *en, struct state *st, int64_t *value)
{
	int i;

	for (i = 0; i < en->fn->nvars; i++) {
		const struct ir_var *var = &en->fn->vars[i];
		const struct value *v;

		if (!param_unchanged(en, i))
			continue;
		v = state_get(st, path_root_var(en, i));
		if (!v)
			continue;
		if (v->kind == V_CONST) {
			*value = v->c;
			return xstrfmt("$%d:eq", var->param);
		}
		if (v->kind == V_NE && v->c >= 0 && v->c < 64) {
			*value = (int64_t)(1ULL << v->c);
			return xstrfmt("$%d:ne", var->param);
		}
		if (v->kind == V_NESET && v->c) {
			*value = v->c;
			return xstrfmt("$%d:ne", var->param);
		}
	}
	return NULL;
}
