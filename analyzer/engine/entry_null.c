// SPDX-License-Identifier: GPL-2.0
/*
 * What a callee does only when a place of its caller was NULL on entry.
 *
 *   struct wtbl_req_hdr *
 *   mt76_connac_mcu_alloc_wtbl_req(..., struct sk_buff **skb)
 *   {
 *           struct sk_buff *nskb = *skb;
 *
 *           if (!nskb) {
 *                   nskb = mt76_mcu_msg_alloc(...);
 *                   if (!nskb)
 *                           return ERR_PTR(-ENOMEM);
 *                   *skb = nskb;
 *           }
 *           return skb_put_data(nskb, &hdr, sizeof(hdr));
 *   }
 *
 * A caller that passes &skb holding its own message neither gets *skb
 * rewritten nor an error pointer back.  Without that, the write made the
 * caller's skb unknown (its message "leaked") and the IS_ERR() return
 * after the call leaked it again (six mt76 functions).  Two facts say so:
 *
 *   writes $4->[0] ... str "null": the write happens only on paths where
 *   the entry value of the place was tested NULL;
 *   ret-err-if $4->[0]: every ERR_PTR() return is on such a path.
 *
 * The caller skips the write, and rules the error out, where its value
 * at the place is known not to be NULL.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

/* The caller's place whose entry value o is, when the path found it
 * NULL (an error pointer is not that), else NULL. */
static const char *null_entry(struct engine *en, const struct objst *o)
{
	if (o->id >= 0 || !(o->flags & OF_CHECKED) ||
	    (o->flags & OF_ERRPTR) || o->null != NL_NULL)
		return NULL;
	return engine_subject(en, o->id);
}

/* The entry value of the caller's place subject was tested NULL on this
 * path: the symbolic object that names it says so. */
bool entry_tested_null(struct engine *en, const struct state *st,
		       const char *subject)
{
	int i;

	for (i = 0; i < st->no; i++) {
		const char *s = null_entry(en, &st->o[i]);

		if (s && !strcmp(s, subject))
			return true;
	}
	return false;
}

static bool err_value(const struct value *v)
{
	return v->kind == V_ERRPTR || v->kind == V_NEG ||
	       (v->kind == V_CONST && v->c < 0 && v->c >= -4095);
}

/* Summary pass, at a return: an error pointer returned here records the
 * caller's places it found NULL on entry. */
void entry_null_return(struct engine *en, const struct state *st,
		       const struct return_info *r)
{
	struct fact_list g = { 0 };
	int i;

	if (!en->fn->returns_ptr || !r->has_value || !err_value(&r->v))
		return;
	for (i = 0; i < st->no; i++) {
		const char *s = null_entry(en, &st->o[i]);

		if (s && s[0] == '$' && s[1] != 'r')
			fact_list_add(&g, core.ret_err_if, RC_ANY, s, 0, NULL,
				      NULL, en->fn->file, r->loc);
	}
	facts_err_guards(en, &g);
	fact_list_clear(&g);
}

/* A guarded fact of the callee (str "null" on subject): does the
 * caller's value at the place rule the callee's path out? */
bool entry_null_ruled_out(struct engine *en, struct state *st,
			  const struct ir_call *call, const char *subject)
{
	struct value v = mkv(V_UNK);

	resolve_subject(en, st, call, subject, NULL, &v);
	return value_nonnull(en, st, &v);
}

/* The callee returns an error pointer only where a place the caller
 * holds not NULL was NULL: this call does not fail with one. */
bool entry_null_no_err(struct engine *en, struct state *st,
		       const struct ir_call *call, const struct summary *sum)
{
	int i;

	for (i = 0; i < sum->facts.n; i++) {
		const struct fact *f = &sum->facts.v[i];

		if (f->kind == core.ret_err_if &&
		    entry_null_ruled_out(en, st, call, f->subject))
			return true;
	}
	return false;
}

/*
 * f(&x) where the callee writes *$n only when it was NULL on entry, and
 * x is not NULL here: x keeps its value (the engine otherwise forgets
 * what x held at any call given &x).
 */
bool entry_null_keeps(struct engine *en, struct state *st,
		      const struct ir_call *call, const struct summary *sum,
		      int n)
{
	char subject[16];
	bool guarded = false;
	int i;

	snprintf(subject, sizeof(subject), "$%d->[0]", n);
	for (i = 0; i < sum->facts.n; i++) {
		const struct fact *f = &sum->facts.v[i];

		if (strcmp(f->subject, subject))
			continue;
		if (f->kind == core.writes && f->str &&
		    !strcmp(f->str, GUARD_ENTRY_NULL))
			guarded = true;
		else if (f->kind == core.writes || f->kind == core.sets ||
			 f->kind == core.points || f->kind == core.sets_bits)
			return false;
	}
	return guarded && entry_null_ruled_out(en, st, call, subject);
}
