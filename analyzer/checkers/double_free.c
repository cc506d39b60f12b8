// SPDX-License-Identifier: GPL-2.0
/*
 * double-free: an allocation released twice on one path, by the
 * deallocators of the rules table or by a local function whose summary
 * says it frees that place (a helper frees p->buf, the caller frees it
 * again).  The object may be an allocation of this function, a parameter,
 * or a field read through one: the same place is the same object.
 *
 * Across functions: a function that stores an allocation into a struct
 * field, frees it and still returns success leaves a dangling pointer in
 * the field (probe goes on in a degraded mode after freeing priv->buf);
 * another function of the file that frees the field (remove) frees it a
 * second time.  Unless that function frees it only under a state the
 * first one ruled out: qed_set_int_mode() frees the MSI-X table and falls
 * back to MSI (int_mode = MSI), qed_disable_msix() frees the table only
 * when int_mode == MSIX.  The constants the first function leaves in the
 * caller's memory at that return are recorded with the dangling field,
 * and a path that knows one of those fields holds something else is not
 * the path after it.  Likewise a flag the function sets only on its good
 * path (il_leds_init() sets led_registered after registering, frees the
 * name and returns without it when registering fails; il_leds_exit()
 * returns early unless led_registered): a path that knows the flag is set
 * is not the one after the dangling return, which left it alone.
 */
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../util/strvec.h"

static int freed_slot;
static int bits_slot;		/* path: this path set bits of this place of
				 * the caller's memory (flags |= READY); b:
				 * its field key (interned) */
static int k_dangling;		/* field fact: left freed at a success return */
static int k_dangling_unsub;	/* ... on a path where a submission failed
				 * (usb_submit_urb() returned an error) */
static int k_dangle_set;	/* ... and another field set then: str its
				 * key, value the constant */
static int k_sets_bits;		/* keyed by a field: the function leaves bits
				 * of it set at a return (flags |= READY);
				 * value the class, str the bits ("0x8") */
static int k_dangle_bits;	/* with a dangling-field record: str the key
				 * of a field whose bits (value) that return
				 * leaves set */
static int k_sets_flag;		/* keyed by a field: the function sets it to
				 * a non-zero constant at a return; value the
				 * return's class (-1: void), a success? is
				 * asked when the record is read */

#define MAX_SETS 16

/* a value: where it was freed (a) and by what (b: the callee's name) */
static void note_free(struct state *st, int32_t id, const struct free_info *f)
{
	struct slot_val v;

	v.a = loc_pack(f->loc);
	v.b = (int64_t)(intptr_t)f->callee;
	slot_set(st, freed_slot, id, &v);
}

static void report(struct engine *en, int32_t id, const struct free_info *f,
		   struct trace_note *first, const char *how)
{
	struct trace_note notes[4];
	struct obj_origin org;
	int n;

	engine_origin(en, id, &org);
	n = engine_alloc_note(en, id, notes);
	notes[n++] = *first;
	if (f->via) {
		notes[n].file = f->via_file;
		notes[n].loc = f->via_loc;
		notes[n++].msg = xstrfmt("%s() frees it here", f->via);
	}
	notes[n].file = NULL;
	notes[n].loc = f->loc;
	notes[n++].msg = xstrfmt("freed again here: set the pointer to NULL after the first free, or free it on one path only");
	engine_report(en, "double-free", f->loc,
		      org.callee && !org.fn ?
		      xstrfmt("memory from %s() is freed twice on this path (again by %s())",
			      org.callee, how) :
		      xstrfmt("memory is freed twice on this path (again by %s())",
			      how),
		      notes, n);
}

/* This path knows that a field fn set when it left the field dangling
 * holds none of the values fn left there: it does not run after those
 * returns. */
static bool ruled_out(struct engine *en, struct state *st,
		      const struct field_rec *v, int n, const char *fn)
{
	int i, j;

	for (i = 0; i < n; i++) {
		bool all = true;

		if (v[i].kind != k_dangle_set || strcmp(v[i].fn, fn) ||
		    !v[i].str)
			continue;
		for (j = 0; j < n && all; j++)
			if (v[j].kind == k_dangle_set && !strcmp(v[j].fn, fn) &&
			    v[j].str && !strcmp(v[j].str, v[i].str))
				all = engine_field_excludes(en, st, v[j].str,
							    v[j].value);
		if (all)
			return true;
	}
	return false;
}

/*
 * A bit of a flag word this path knows is set, that fn sets at some
 * success return but leaves unknown or clear at the returns where it left
 * the field dangling: ath9k_hif_usb_firmware_cb() sets HIF_USB_READY only
 * where it kept htc_handle, and ath9k_hif_usb_disconnect() frees
 * htc_handle only under if (flags & HIF_USB_READY).
 */
static bool bit_only_on_good_path(struct engine *en, struct state *st,
				  const struct field_rec *v, int n,
				  const char *fn)
{
	const char *keys[MAX_SETS];
	uint32_t bits[MAX_SETS];
	int nk = engine_field_bits(en, st, true, keys, bits, MAX_SETS), i, j;

	for (i = 0; i < nk; i++) {
		const struct field_rec *f;
		int nf = engine_field_facts(en, keys[i],
					    FACT_BIT(k_sets_bits), &f);
		uint32_t good = 0;

		for (j = 0; j < nf; j++)
			if (f[j].kind == k_sets_bits && !strcmp(f[j].fn, fn) &&
			    f[j].str && engine_rec_success(en, fn, f[j].value))
				good |= (uint32_t)strtoul(f[j].str, NULL, 16);
		good &= bits[i];
		/* the bits a dangling return also leaves set prove nothing */
		for (j = 0; j < n && good; j++)
			if (v[j].kind == k_dangle_bits && v[j].str &&
			    !strcmp(v[j].fn, fn) &&
			    engine_same_field(v[j].str, keys[i]))
				good &= ~(uint32_t)v[j].value;
		if (good)
			return true;
	}
	return false;
}

/* A flag this path knows is set, that fn sets at some return, but not at
 * the returns where it left the field dangling (no dangling-field-set
 * record of that key). */
static bool flag_only_on_good_path(struct engine *en, struct state *st,
				   const struct field_rec *v, int n,
				   const char *fn)
{
	const char *keys[MAX_SETS];
	int nk = engine_field_nonzero(en, st, keys, MAX_SETS), i, j;

	if (bit_only_on_good_path(en, st, v, n, fn))
		return true;

	for (i = 0; i < nk; i++) {
		const struct field_rec *f;
		int nf = engine_field_facts(en, keys[i],
					    FACT_BIT(k_sets_flag), &f);
		bool set = false, at_dangle = false;

		for (j = 0; j < nf && !set; j++)
			set = f[j].kind == k_sets_flag && !strcmp(f[j].fn, fn) &&
			      engine_rec_success(en, fn, f[j].value);
		for (j = 0; j < n && set && !at_dangle; j++)
			at_dangle = v[j].kind == k_dangle_set && v[j].str &&
				    !strcmp(v[j].fn, fn) &&
				    engine_same_field(v[j].str, keys[i]);
		if (set && !at_dangle)
			return true;
	}
	return false;
}

/* The field of o was left freed by a function that returned success. */
static const struct field_rec *dangling_elsewhere(struct engine *en,
						  struct state *st, int32_t id)
{
	const struct field_rec *v;
	struct obj_origin org;
	int n, i;

	if (!engine_origin(en, id, &org) || !org.field_key)
		return NULL;
	n = engine_field_facts(en, org.field_key,
			       FACT_BIT(k_dangling) | FACT_BIT(k_dangling_unsub) |
			       FACT_BIT(k_dangle_set) | FACT_BIT(k_dangle_bits),
			       &v);
	for (i = 0; i < n; i++)
		if ((v[i].kind == k_dangling ||
		     (v[i].kind == k_dangling_unsub &&
		      !engine_fn_is_completion(en))) &&
		    strcmp(v[i].fn, engine_fn_name(en)) &&
		    engine_rec_success(en, v[i].fn, v[i].value) &&
		    !ruled_out(en, st, v, n, v[i].fn) &&
		    !flag_only_on_good_path(en, st, v, n, v[i].fn))
			return &v[i];
	return NULL;
}

static void on_free(struct engine *en, struct state *st,
		    const struct objst *o, const struct free_info *f)
{
	const struct slot_val *prev = slot_get(st, freed_slot, o->id);
	const char *how = f->callee ? f->callee : "the callee";
	const struct field_rec *d;
	struct trace_note first;
	struct obj_origin org;

	if (engine_origin(en, o->id, &org) && org.many)
		return;		/* one of several: not the same one twice */
	if (prev) {
		const char *by = (const char *)(intptr_t)prev->b;

		/* past a WARN(): a path its author says is not taken
		 * (WARN_ON_ONCE(put_and_test(p)) frees p only where it
		 * fires) */
		if (engine_path_warned(st))
			return;
		/* a call that reads the block before it frees it (an skb
		 * handed to netif_receive_skb()): the use after free is the
		 * finding (use-after-free), one at that line */
		if (f->api && f->api->free_arg >= 0 && f->api->free_arg < 32 &&
		    (f->api->deref_mask & (1u << f->api->free_arg)))
			return;

		first.file = NULL;
		first.loc = loc_unpack(prev->a);
		first.msg = xstrfmt("freed here by %s()", by ? by : "a call");
		report(en, o->id, f, &first, how);
		return;
	}
	note_free(st, o->id, f);
	/* a helper that frees the dangling field itself (qla4xxx_mem_free()
	 * of ha->reset_tmplt.buff) is reported in its own pass: its callers
	 * (free_adapter, probe, remove) would say the same bug again */
	if (!engine_reporting(en) || engine_path_warned(st) ||
	    f->via_field || f->via_global ||
	    !(d = dangling_elsewhere(en, st, o->id)) ||
	    !engine_origin(en, o->id, &org))
		return;
	first.file = d->file;
	first.loc = d->loc;
	first.msg = xstrfmt("freed here by %s() in %s(), which still returns success with it in %s",
			    d->str ? d->str : "a call", d->fn, org.field_key);
	report(en, o->id, f, &first, how);
}

/* x->flags |= READY, set_bit(READY, &x->flags): a store of bits into the
 * caller's memory. */
static void on_store(struct engine *en, struct state *st,
		     const struct store_info *si)
{
	struct slot_val v;

	if (engine_reporting(en) || si->path < 0 || !si->outlives ||
	    !si->field_key || !((uint64_t)si->bits & 0xffffffffu))
		return;
	v.a = (int64_t)((uint64_t)si->bits & 0xffffffffu);
	v.b = (int64_t)(intptr_t)engine_intern(en, si->field_key);
	slot_set(st, bits_slot, si->path, &v);
}

/* The fields of the caller's memory this path set bits of (and did not
 * write since), with those bits: at most max. */
static int set_bits_here(const struct state *st, const char **keys,
			 uint32_t *bits, int max)
{
	const struct slot_val *v;
	int32_t path;
	int pos = 0, n = 0;

	while (n < max && slot_iter(st, bits_slot, &pos, &path, &v)) {
		keys[n] = (const char *)(intptr_t)v->b;
		bits[n++] = (uint32_t)v->a;
	}
	return n;
}

/* Allocations stored in a field and freed on this path, at a return that
 * may be success: the field dangles for whoever runs next. */
static bool left_freed(struct engine *en, struct state *st, int32_t id)
{
	struct objst tmp;
	const struct objst *o = engine_obj(en, st, id, &tmp);

	return o && (o->flags & OF_LEFT_FREED);
}

static void on_return(struct engine *en, struct state *st,
		      const struct return_info *r)
{
	const struct slot_val *v;
	const char *keys[MAX_SETS];
	int64_t vals[MAX_SETS];
	uint32_t bits[MAX_SETS];
	int32_t id;
	int pos = 0, nsets, nbits, i;

	/* a void function, or one whose return may be its success: which
	 * returns are successes is known once the file is explored */
	if (engine_reporting(en) || (r->has_value && r->cond != RC_ZERO &&
				     r->cond != RC_NONZERO))
		return;
	/* an error pointer is no success, though not NULL (sbp_make_tpg()
	 * frees tport->mgt_agt and returns ERR_PTR(ret) when
	 * core_tpg_register() fails: no tpg is made, nothing drops it) */
	if (r->v.kind == V_ERRPTR)
		return;
	/* the flags this return sets, for flag_only_on_good_path() */
	nsets = engine_field_consts(en, st, keys, vals, MAX_SETS);
	for (i = 0; i < nsets; i++)
		if (vals[i])
			engine_field_fact(en, keys[i], k_sets_flag,
					  engine_ret_rec(en, r),
					  NULL, r->loc);
	/* and the bits it set, for bit_only_on_good_path() */
	nbits = set_bits_here(st, keys, bits, MAX_SETS);
	for (i = 0; i < nbits; i++) {
		char mask[16];

		snprintf(mask, sizeof(mask), "0x%x", bits[i]);
		engine_field_fact(en, keys[i], k_sets_bits,
				  engine_ret_rec(en, r),
				  mask, r->loc);
	}
	while (slot_iter(st, freed_slot, &pos, &id, &v)) {
		struct obj_origin org;
		const char *key = NULL;

		/* an allocation made here (not a pointer first seen freed,
		 * nor one a callee left freed in our memory on its failure,
		 * whose caller need not be failing: OF_LEFT_FREED) */
		if (id >= 0 && engine_origin(en, id, &org) && org.callee &&
		    !left_freed(en, st, id))
			key = engine_field_of(en, st, id);

		if (!key)
			continue;
		/* a field left freed where the submission that would run
		 * the completion failed (here, or in a callee that says
		 * so: mwifiex_usb_construct_send_urb()): not what any
		 * completion sees (ar5523_rx_refill_work() frees data->skb
		 * when usb_submit_urb() fails; ar5523_data_rx_cb() runs
		 * only for a submission that succeeded, after a new skb;
		 * an rx completion sees its own urb's context, not the
		 * unsubmitted tx one) */
		engine_field_fact(en, key, engine_handover_failed(st) ?
				  k_dangling_unsub : k_dangling,
				  engine_ret_rec(en, r),
				  (const char *)(intptr_t)v->b,
				  loc_unpack(v->a));
		nsets = engine_field_consts(en, st, keys, vals, MAX_SETS);
		for (i = 0; i < nsets; i++)
			if (strcmp(keys[i], key))
				engine_field_fact(en, key, k_dangle_set, vals[i],
						  keys[i], r->loc);
		nbits = engine_field_bits(en, st, false, keys, bits, MAX_SETS);
		nbits += set_bits_here(st, keys + nbits, bits + nbits,
				       MAX_SETS - nbits);
		for (i = 0; i < nbits; i++)
			if (strcmp(keys[i], key))
				engine_field_fact(en, key, k_dangle_bits,
						  bits[i], keys[i], r->loc);
	}
}

static void init(void)
{
	static const struct slot_def def = { "double-free:freed", SLOT_OBJECT,
					     NULL };

	static const struct slot_def bits = { "double-free:bits-set", SLOT_PATH,
					      NULL };

	freed_slot = engine_slot_register(&def);
	bits_slot = engine_slot_register(&bits);
	k_dangling = engine_fact_kind("dangling-field", FACT_MAY,
				      &checker_double_free);
	k_dangling_unsub = engine_fact_kind("dangling-field-unsubmitted",
					    FACT_MAY, &checker_double_free);
	k_dangle_set = engine_fact_kind("dangling-field-set", FACT_MAY,
					&checker_double_free);
	k_sets_bits = engine_fact_kind("sets-flag-bits", FACT_MAY,
				       &checker_double_free);
	k_dangle_bits = engine_fact_kind("dangling-field-bits", FACT_MAY,
					 &checker_double_free);
	k_sets_flag = engine_fact_kind("sets-flag", FACT_MAY,
				       &checker_double_free);
}

const struct checker checker_double_free = {
	.rule = "double-free",
	.init = init,
	.on_free = on_free,
	.on_store = on_store,
	.on_return = on_return,
};
