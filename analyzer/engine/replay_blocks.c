// SPDX-License-Identifier: GPL-2.0
/*
 * A callee's frees and the blocks it leaves in its caller's memory,
 * replayed at a call (replay.c): a `free` fact (not the last reference's
 * release when the caller drops the result), a new block left in the
 * caller's place (`out-alloc`), one left there already freed
 * (`out-freed`), and the checkers' facts about such a block.
 */
#include <string.h>

#include "engine_impl.h"

/*
 * The callee left a new block in the caller's place (*out = kstrdup(),
 * out_facts.c out_block_fact()): after its writes, the place holds a block
 * of this call's site, as a wrapper's result does.  Not for a callee
 * that also returns a pointer, whose result is the site's object.
 */
void replay_out_alloc(struct engine *en, struct state *st,
		      const struct replay *r, const struct fact *f, int path)
{
	struct objst *o;
	int i;

	if (path < 0 || (r->call->dest && r->call->dest->is_ptr) ||
	    summary_fact(r->sum, core.ret_alloc, RC_ANY))
		return;
	new_object_at(en, st, r->call, path, NULL, r->loc,
		      (int)(f->value & 0xffff),
		      (f->value >> 32) & 1,
		      (int)((f->value >> 16) & 0xffff) - 1, f->str);
	o = state_obj(st, r->call->site);
	if (o)
		o->inferred = 1;	/* a helper's allocation */
	/* what the checkers said of the block there (gave it up) */
	for (i = 0; o && i < r->sum->facts.n; i++) {
		const struct fact *g = &r->sum->facts.v[i];
		const struct checker *owner = fact_kind_owner(g->kind);
		struct call_info ci = { r->call, r->api, r->args, r->nargs,
					r->fnargs, r->loc, r->held };
		struct value v = vobj(o->id);

		if (owner && owner->on_fact && !strcmp(g->subject, f->subject) &&
		    (g->cond == f->cond || g->cond == RC_ANY ||
		     f->cond == RC_ANY))
			replay_checker_fact(en, st, owner, &ci, g, &v);
	}
}

/* Is the callee's free f the release of its last reference? */
bool replay_last_ref_free(const struct replay *r, const struct fact *f)
{
	int i;

	for (i = 0; i < r->sum->facts.n; i++) {
		const struct fact *g = &r->sum->facts.v[i];

		if (g->kind == core.last_ref && g->cond == f->cond &&
		    !strcmp(g->subject, f->subject))
			return true;
	}
	return false;
}

/* The callee's free (a `free` or `out-freed` fact, str its deallocator,
 * value the order) of v, at the call. */
void replay_free(struct engine *en, struct state *st,
		 const struct replay *r, const struct fact *f, struct value v)
{
	struct free_info fi;

	memset(&fi, 0, sizeof(fi));
	fi.callee = r->call->callee;
	fi.api = f->str ? api_lookup(f->str) : NULL;
	fi.order = f->value;
	fi.via = r->call->callee;
	fi.via_loc = f->loc;
	fi.via_file = f->file;
	fi.loc = r->loc;
	fi.via_global = f->subject && f->subject[0] == '@';
	fi.via_field = f->subject && f->subject[0] == '$' &&
		       subject_below_root(f->subject);
	do_free(en, st, v, NULL, &fi);
}

/*
 * The callee allocated a block, stored it in the caller's place and
 * freed it without clearing the place (out_facts.c): after its writes, the
 * place holds a block of this call's site that is already freed, so
 * the caller's own free of the place frees it again.
 */
void replay_out_freed(struct engine *en, struct state *st,
		      const struct replay *r, const struct fact *f, int path)
{
	struct objst *o;

	/* every failure of the callee is a -errno: the caller's `< 0`
	 * test sees this path as the failure it is */
	if (path < 0 || (r->call->dest && r->call->dest->is_ptr) ||
	    summary_fact(r->sum, core.ret_alloc, RC_ANY) ||
	    summary_fact(r->sum, core.out_alloc, RC_ANY) ||
	    !(summary_fact(r->sum, core.ret_neg, RC_NONZERO) ||
	      summary_fact(r->sum, core.ret_neg, RC_ANY)))
		return;
	en->no_field_store = true;
	new_object_at(en, st, r->call, path, NULL, r->loc, -1, 0, -1,
		      f->str);
	en->no_field_store = false;
	o = state_obj(st, r->call->site);
	if (o)
		o->flags |= OF_LEFT_FREED;
	replay_free(en, st, r, f, vobj(r->call->site));
	mark_inferred(en, st, r->call->site);
}

/* A checker's fact about a place where the callee leaves a new block:
 * replayed with the block (replay_out_alloc()), not on what the place held. */
bool replay_about_out_block(const struct summary *s, const struct fact *f)
{
	int i;

	if (!fact_kind_owner(f->kind) || f->subject[0] != '$')
		return false;
	for (i = 0; i < s->facts.n; i++)
		if (s->facts.v[i].kind == core.out_alloc &&
		    !strcmp(s->facts.v[i].subject, f->subject))
			return true;
	return false;
}
