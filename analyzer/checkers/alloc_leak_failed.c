// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak across a failure: a function that fails with a block it
 * allocated still in its caller's struct.  ftgmac100_alloc_rings() stores
 * kcalloc()'d arrays in priv->rx_skbs and priv->tx_skbs, then a later
 * allocation fails and it returns -ENOMEM; its caller, the driver's
 * ndo_open, returns that error too, and nothing frees them: the next
 * open overwrites the fields (upstream "net: ftgmac100: fix ring
 * allocation unwind on open failure").
 *
 * A store into a parameter's field hands the block to the caller
 * (alloc_leak.c), which is right where the function succeeds.  At a
 * -errno return, the summary pass records each block of the function
 * still in such a field (`fail-holds`, on the failure side: the field,
 * and the payload: what allocated it, where, in which function and
 * field), and a caller replays it on the path where the call failed: the
 * block in that field is then the caller's to release.  A caller that
 * frees it (itself, or through a helper whose summary frees the field),
 * stores it elsewhere, or gives a function the engine does not see a
 * way to it, is done with it; one that fails too passes it up the same
 * way.  The finding is made where nothing is left to unwind it: in a
 * function the kernel calls through a pointer (an ops table, a
 * registration, module_init) and the file never calls, at its failing
 * return, when that function itself, or a function it calls, releases
 * the field elsewhere (ftgmac100_open() calls ftgmac100_free_rings() on
 * its later failures): the driver unwinds that field itself, and missed
 * this way out.  Where only a release callback or another entry point
 * frees it (a sound card's private_free frees ice->akm after a failed
 * chip_init()), the kernel may well get to it.  The finding is placed at
 * the return that left the block (the unwind to fix), with a note at
 * the caller's.  devm memory is not followed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../util/strvec.h"
#include "alloc_leak.h"

static int k_fail_holds;	/* fact: at a failure, $N->f holds a block of
				 * this function or of a failed callee
				 * (value: where it was left, loc_pack; str:
				 * the payload) */
static int k_release;		/* the engine's field-release records */
static int cache_slot;		/* object: stored where the path knew the
				 * place held NULL (if (!s->buf) s->buf =
				 * alloc(): kept for the next call, not
				 * made for this one), or in place of a
				 * block the path freed (a replacement) */
static int freed_slot;		/* object: freed on this path */
static int failed_slot;		/* object: left in our memory by a callee
				 * that failed (a = where, b = the payload,
				 * interned) */
static int failed_at_slot;	/* object: the call that left it (a = its
				 * loc in this function, loc_pack) */

#define MAX_OWN 64

/* The payload: "allocator|function|file|line|col|field text" (a summary
 * is text of tab-separated words). */
struct payload {
	char alloc[128], fn[128], file[512], place[256];
	unsigned line, col;
};

static bool parse(const char *s, struct payload *p)
{
	return s && sscanf(s, "%127[^|]|%127[^|]|%511[^|]|%u|%u|%255[^\t\n]",
			   p->alloc, p->fn, p->file, &p->line, &p->col,
			   p->place) == 6;
}

static void report(struct engine *en, const struct return_info *r,
		   const char *payload, struct ir_loc where)
{
	const char *cur = engine_fn_name(en), *cur_file = engine_fn_file(en);
	struct trace_note notes[3];
	struct payload p;
	bool same;
	int n = 0;

	if (!parse(payload, &p))
		return;
	same = !strcmp(p.fn, cur) && !strcmp(p.file, cur_file);
	notes[n].file = NULL;
	notes[n].loc = (struct ir_loc){ p.line, p.col };
	notes[n++].msg = xstrfmt("allocated here by %s() and stored in '%s'",
				 p.alloc, p.place);
	if (!same) {
		notes[n].file = strcmp(p.file, cur_file) ? cur_file : NULL;
		notes[n].loc = r->loc;
		notes[n++].msg = xstrfmt("%s() returns the failure here without freeing it, and the kernel calls %s() through a pointer: nothing unwinds it after that",
					 cur, cur);
	}
	engine_report_in(en, p.fn, p.file, "alloc-leak", where,
			 same ?
			 xstrfmt("memory from %s() is leaked when %s() fails here: it is still in '%s', and nothing frees it after a failed %s() (the kernel calls it through a pointer)",
				 p.alloc, p.fn, p.place, p.fn) :
			 xstrfmt("memory from %s() that %s() leaves in '%s' when it fails here is leaked: %s() returns the failure without freeing it",
				 p.alloc, p.fn, p.place, cur),
			 notes, n);
}

/*
 * Does this function, or one it calls, release field key elsewhere, after
 * the point that made the block (from: the call that failed, or the
 * allocation; has_from false when not known)?  ftgmac100_open() frees
 * the rings on the failures after ftgmac100_alloc_rings(): an unwind
 * this way out missed.  A release no path from that point reaches is
 * another entry's: DAPM's snd_soc_dai_link_event() frees
 * substream->runtime on SND_SOC_DAPM_POST_PMD, an event of its own that
 * DAPM sends whether the PRE_PMU that stored it failed or not.
 */
static bool unwinds_field(struct engine *en, const char *key,
			  const char *left_by, struct ir_loc from,
			  bool has_from)
{
	const char *fn = engine_fn_name(en);
	const struct field_rec *v;
	int n, i;

	if (!key)
		return false;
	n = engine_field_facts(en, key, FACT_BIT(k_release), &v);
	for (i = 0; i < n; i++) {
		if (v[i].kind != k_release || v[i].file || !v[i].fn)
			continue;
		if (!strcmp(v[i].fn, fn) &&
		    (!has_from || engine_loc_reaches(en, from, v[i].loc)))
			return true;
		/* the helper that left it frees it on its other failures
		 * (init_card() frees the first urb when the second fails):
		 * the driver unwinds it there */
		if (strcmp(v[i].fn, fn) && engine_fn_calls(en, fn, v[i].fn) &&
		    (!has_from || (left_by && !strcmp(v[i].fn, left_by)) ||
		     engine_loc_reaches_call(en, from, v[i].fn)))
			return true;
	}
	return false;
}

/* One block still held at a failing return: recorded for the callers
 * (summary pass), or reported where nothing is left to unwind it. */
static void still_held(struct engine *en, struct state *st,
		       const struct return_info *r, int32_t id,
		       const char *payload, struct ir_loc where,
		       const struct ir_loc *from)
{
	char *subj = engine_field_subject(en, st, id);
	struct payload p;

	if (!engine_reporting(en)) {
		if (subj)
			engine_add_fact(en, k_fail_holds, subj, loc_pack(where),
					payload, r->loc);
	} else if (engine_fn_reached_by_pointer(en) &&
		   unwinds_field(en, engine_field_of(en, st, id),
				 parse(payload, &p) ? p.fn : NULL,
				 from ? *from : r->loc, from != NULL)) {
		report(en, r, payload, where);
	}
	free(subj);
}

/* The blocks this function allocated that a store left in a field of
 * its caller's memory, still there. */
static void own_blocks(struct engine *en, struct state *st,
		       const struct return_info *r)
{
	int32_t ids[MAX_OWN];
	int n = engine_allocations(en, st, ids, MAX_OWN), i;

	for (i = 0; i < n; i++) {
		struct obj_origin org;
		struct objst tmp;
		const struct objst *o = engine_obj(en, st, ids[i], &tmp);
		char *subj, *text, *payload;

		if (!o || o->null == NL_NULL || (o->flags & OF_JOINED) ||
		    al_family_managed(o) || slot_get(st, cache_slot, ids[i]) ||
		    al_gone_why(st, ids[i]) != GONE_STORED ||
		    !engine_origin(en, ids[i], &org) || !org.callee ||
		    org.fn || org.many)
			continue;
		subj = engine_field_subject(en, st, ids[i]);
		if (!subj)
			continue;
		text = engine_subject_text(en, subj);
		payload = xstrfmt("%s|%s|%s|%u|%u|%s", org.callee,
				  engine_fn_name(en), engine_fn_file(en),
				  org.loc.line, org.loc.col, text);
		still_held(en, st, r, ids[i], engine_intern(en, payload),
			   r->loc, &org.loc);
		free(payload);
		free(text);
		free(subj);
	}
}

void al_failed_return(struct engine *en, struct state *st,
		      const struct return_info *r)
{
	const struct slot_val *v;
	int32_t id;
	int pos = 0;

	if (!r->has_value || r->success || r->maybe_success ||
	    !engine_returns_errno(en, st, r) || engine_path_warned(st) ||
	    engine_path_guessed(st))
		return;
	own_blocks(en, st, r);
	while (slot_iter(st, failed_slot, &pos, &id, &v)) {
		struct objst tmp;
		const struct objst *o = engine_obj(en, st, id, &tmp);

		const struct slot_val *at = slot_get(st, failed_at_slot, id);
		struct ir_loc call;

		if (!o || o->null == NL_NULL || (o->flags & OF_JOINED))
			continue;
		if (at)
			call = loc_unpack(at->a);
		still_held(en, st, r, id, (const char *)(intptr_t)v->b,
			   loc_unpack(v->a), at ? &call : NULL);
	}
}

bool al_failed_fact(struct engine *en, struct state *st,
		    const struct call_info *c, const struct fact *f,
		    const struct value *subj)
{
	struct slot_val v, at = { loc_pack(c->loc), 0 };

	if (f->kind != k_fail_holds)
		return false;
	if (subj->kind != V_OBJ || !f->str)
		return true;
	v.a = f->value;
	v.b = (int64_t)(intptr_t)engine_intern(en, f->str);
	slot_set(st, failed_slot, subj->obj, &v);
	slot_set(st, failed_at_slot, subj->obj, &at);
	return true;
}

/* A block of this function stored into a place the path knew to hold
 * NULL: uart_port_startup() allocates the transmit page only
 * `if (!state->xmit.buf)`, and keeps it there whether the port's startup
 * then fails or not; the shutdown frees it.  A cache filled once, not
 * something the failure must undo.  So is one that replaces a block the
 * path freed (smu_sys_set_pp_table(): kfree(table->hardcode_pptable);
 * table->hardcode_pptable = kzalloc(size); then the reset that follows
 * may fail): the field keeps its role, the new table is the state. */
void al_failed_store(struct engine *en, struct state *st,
		     const struct store_info *s)
{
	static const struct slot_val yes = { 1, 0 };
	struct objst tmp;
	const struct objst *o;

	if (s->v.kind != V_OBJ || s->v.obj < 0 || s->forget)
		return;
	if (s->old.kind == V_CONST ? s->old.c == 0 :
	    s->old.kind == V_OBJ &&
	    (slot_get(st, freed_slot, s->old.obj) ||
	     ((o = engine_obj(en, st, s->old.obj, &tmp)) &&
	      o->null == NL_NULL)))
		slot_set(st, cache_slot, s->v.obj, &yes);
}

void al_failed_free(struct state *st, int32_t id)
{
	static const struct slot_val yes = { 1, 0 };

	slot_clear(st, failed_slot, id);
	slot_set(st, freed_slot, id, &yes);
}

void al_failed_gone(struct state *st, int32_t id)
{
	slot_clear(st, failed_slot, id);
}

/* A function the engine does not see, given a way to such a block (the
 * struct that holds it), may release it. */
void al_failed_call(struct engine *en, struct state *st,
		    const struct call_info *c)
{
	const struct slot_val *v;
	int32_t ids[16], id;
	int pos = 0, n = 0, i, k;

	if (c->api || engine_call_summarized(en, c))
		return;
	while (n < 16 && slot_iter(st, failed_slot, &pos, &id, &v))
		for (i = 0; i < c->nargs; i++)
			if (c->args[i].kind == V_OBJ &&
			    engine_held_under(en, st, id, c->args[i].obj)) {
				ids[n++] = id;
				break;
			}
	for (k = 0; k < n; k++)
		slot_clear(st, failed_slot, ids[k]);
}

/*
 * The object that holds such a block, or one it is read from, freed or
 * given up by a call whose summary says so: done with what it holds.
 * caiaq's snd_probe() hands the card to snd_card_free() when
 * init_card() fails, and the card's private_free releases the urbs
 * init_card() left in the private area (cdev = card->private_data): the
 * caller unwinds through the card, a release the summary cannot follow.
 * holder is INT32_MIN when the engine has no object for the argument.
 * arg, when not NULL, is the argument the call was given: a block
 * below the place it names goes too (card->private_data->ep1_in_urb,
 * whatever the engine knows card's value as).
 */
void al_failed_release(struct engine *en, struct state *st, int32_t holder,
		       const struct ir_expr *arg)
{
	const struct slot_val *v;
	int32_t ids[16], id;
	int pos = 0, n = 0, k;

	while (n < 16 && slot_iter(st, failed_slot, &pos, &id, &v))
		if (id != holder &&
		    ((holder != INT32_MIN &&
		      engine_held_under(en, st, id, holder)) ||
		     engine_held_below(en, st, id, arg)))
			ids[n++] = id;
	for (k = 0; k < n; k++)
		slot_clear(st, failed_slot, ids[k]);
}

void al_failed_init(void)
{
	static const struct slot_def def = { "alloc-leak:failed-callee",
					     SLOT_OBJECT, NULL };
	static const struct slot_def cache = { "alloc-leak:cache-store",
					       SLOT_OBJECT, al_join_either };
	/* the engine's own record of frees is the summary pass's */
	static const struct slot_def freed = { "alloc-leak:freed-here",
					       SLOT_OBJECT, al_join_either };

	static const struct slot_def at = { "alloc-leak:failed-callee-at",
					    SLOT_OBJECT, NULL };

	failed_slot = engine_slot_register(&def);
	failed_at_slot = engine_slot_register(&at);
	cache_slot = engine_slot_register(&cache);
	freed_slot = engine_slot_register(&freed);
	k_fail_holds = engine_fact_kind("fail-holds", FACT_MAY_COND,
					&checker_alloc_leak);
	engine_fact_kind_after_writes(k_fail_holds);
	k_release = engine_fact_kind("field-release", FACT_MAY, NULL);
}
