// SPDX-License-Identifier: GPL-2.0
/*
 * The guards of a callee's dereference, at a call (replay.c): whether
 * this caller reaches the callee's dereference of a subject with what it
 * knows of the flag words, parameters and place relations the callee
 * tested (deref-if facts), and, in the summary pass, those guards
 * restated in the caller's own names.
 */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* A "$N:eq" or "$N:ne" guard (core.c param_guard()): can the argument
 * the call passes meet it?  Only a constant argument can fail it. */
static bool param_guard_holds(struct engine *en, struct state *st,
			      const struct replay *r, const struct fact *f)
{
	const char *op = strchr(f->str, ':');
	char *subj = xstrdup(f->str);
	struct value v = mkv(V_UNK);

	subj[op - f->str] = '\0';
	resolve_subject(en, st, r->call, subj, NULL, &v);
	free(subj);
	if (v.kind != V_CONST)
		return true;
	if (!strcmp(op, ":eq"))
		return v.c == f->value;
	return !(v.c >= 0 && v.c < 64 &&
		 ((uint64_t)f->value & (1ULL << v.c)));
}

/*
 * A "A==B" guard (peers.c peers_guard()), the two places in the caller's
 * names: 1 when this path meets it, 0 when it cannot, -1 unknown; the
 * two places' caller paths in pa, pb.
 */
static int peer_guard_holds(struct engine *en, struct state *st,
			    const struct replay *r, const struct fact *f,
			    int *pa, int *pb)
{
	const char *eq = strstr(f->str, "==");
	char *a = xstrdup(f->str);
	struct value va = mkv(V_UNK), vb = mkv(V_UNK);
	int rel;

	a[eq - f->str] = '\0';
	*pa = resolve_subject(en, st, r->call, a, NULL, &va);
	*pb = resolve_subject(en, st, r->call, eq + 2, NULL, &vb);
	free(a);
	if (va.kind == V_CONST && vb.kind == V_CONST)
		return (va.c == vb.c) == (f->value != 0);
	rel = peers_relation(en, st, *pa, *pb);
	return rel < 0 ? -1 : rel == (f->value != 0);
}

/*
 * The guards of the callee's paths that reach its dereference of
 * subject, in the caller's names, for the caller's own deref-if facts
 * (core.c): setup_sge_queues_uld() reads adap->msix_info only under
 * CXGB4_USING_MSIX, and its caller cxgb4_uld_alloc_resources() does not
 * test the bit, so its summary must say the dereference needs it too.
 * A flag word of the caller's memory that this path does not know and
 * did not write keeps its bits; a parameter guard whose argument is one
 * of our parameters, never assigned, keeps its condition.  Returns 0
 * when some reaching path has no guard, or one we cannot name.
 */
int caller_guards(struct engine *en, struct state *st,
		  const struct replay *r, const char *subject,
		  struct guard_hint *out)
{
	int i, n = 0;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		struct value v = mkv(V_UNK);
		uint32_t s, c, gs, gc, w;
		char *name = NULL;
		int path;

		if (f->kind != core.deref_if || strcmp(f->subject, subject))
			continue;
		if (!f->str || !strcmp(f->str, "*") || n == MAX_GUARD_HINTS)
			goto none;
		if (strstr(f->str, "==")) {
			int pa, pb, h = peer_guard_holds(en, st, r, f, &pa, &pb);
			char *na, *nb;

			if (!h)
				continue;	/* not this call's path */
			if (h > 0 || pa < 0 || pb < 0)
				goto none;	/* met: ours to say */
			na = store_subject(en, st, pa);
			nb = na ? store_subject(en, st, pb) : NULL;
			if (!na || !nb || wrote_subject(en, na) ||
			    wrote_subject(en, nb)) {
				free(na);
				free(nb);
				goto none;
			}
			name = xstrfmt("%s==%s", na, nb);
			free(na);
			free(nb);
		} else if (f->str[0] == '$' && strchr(f->str, ':')) {
			const char *op = strchr(f->str, ':');
			int k = atoi(f->str + 1), var;
			const struct ir_expr *a;

			if (!param_guard_holds(en, st, r, f))
				continue;	/* not this call's path */
			a = k >= 0 && k < r->call->nargs ? r->call->args[k] : NULL;
			var = a && a->kind == EX_VAR ? a->var : -1;
			if (!param_unchanged(en, var))
				goto none;
			name = xstrfmt("$%d%s", en->fn->vars[var].param, op);
		} else {
			path = resolve_subject(en, st, r->call, f->str, NULL, &v);
			if (value_bits(v, &s, &c)) {
				gs = (uint32_t)f->value;
				gc = (uint32_t)((uint64_t)f->value >> 32);
				if ((gs & c) || (gc & s))
					continue;	/* not this call's path */
				goto none;	/* met, or partly: ours to say */
			}
			name = path >= 0 ? store_subject(en, st, path) : NULL;
			/* the bits we changed are no longer the caller's */
			w = name ? written_bits(en, name) : 0xffffffffu;
			gs = (uint32_t)f->value & ~w;
			gc = (uint32_t)((uint64_t)f->value >> 32) & ~w;
			if (!name || (!gs && !gc)) {
				free(name);
				goto none;
			}
			out[n].str = name;
			out[n++].value = (int64_t)((uint64_t)gs |
						   ((uint64_t)gc << 32));
			continue;
		}
		out[n].str = name;
		out[n++].value = f->value;
	}
	return n;
none:
	while (n--)
		free(out[n].str);
	return 0;
}

/*
 * Does the callee reach its dereference of subject with what this caller
 * knows of its flag words?  Each deref-if fact names the bits one path
 * had (known set, known clear) where it dereferenced; a caller whose
 * bits contradict every one of them does not reach any.  Summaries
 * without deref-if facts (another version's database) always reach.
 */
bool deref_reached(struct engine *en, struct state *st,
		   const struct replay *r, const char *subject)
{
	bool any = false;
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *f = &r->sum->facts.v[i];
		uint32_t s, c, gs, gc;
		struct value v = mkv(V_UNK);

		if (f->kind != core.deref_if || strcmp(f->subject, subject))
			continue;
		any = true;
		if (!f->str || !strcmp(f->str, "*"))
			return true;
		if (strstr(f->str, "==")) {
			int pa, pb;

			if (peer_guard_holds(en, st, r, f, &pa, &pb))
				return true;
			continue;
		}
		if (f->str[0] == '$' && strchr(f->str, ':')) {
			if (param_guard_holds(en, st, r, f))
				return true;
			continue;
		}
		resolve_subject(en, st, r->call, f->str, NULL, &v);
		if (!value_bits(v, &s, &c))
			return true;
		gs = (uint32_t)f->value;
		gc = (uint32_t)((uint64_t)f->value >> 32);
		if (!(gs & c) && !(gc & s))
			return true;
	}
	return !any;
}
