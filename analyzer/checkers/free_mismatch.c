// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch: memory released by a deallocator that does not own its
 * family: kfree on devm memory (freed again at unbind), devm_kfree on
 * kmalloc memory, kfree on vmalloc or page memory, vfree on slab memory,
 * free_pages on slab memory...  Which families a deallocator accepts is
 * the family= list of its free line in rules/free.rules, and the fix is
 * the family's release= line there.  The allocation may be in another
 * function, through a struct field every store of which agrees; a
 * function that releases the field with the family's deallocator on
 * another path is choosing between two, and is not reported.
 */
#include <stdlib.h>
#include <string.h>

#include "checkers.h"
#include "../util/strvec.h"

static int freed_slot;
static int k_counted_put;	/* fact: dropped the count of $N with a put
				 * (str: the put) on some path */
static int refinit_slot;	/* object: a `refinit` call initialized the
				 * reference count of a part of it (a =
				 * where, b = the rules entry) */
static int empty_slot;		/* object: ...and the count holds nothing
				 * yet (none of the entry's until= calls) */
static int naming_slot;		/* global: the last until= call's result
				 * is in variable a, for object b: where
				 * the path finds it failed (non-zero), the
				 * count still holds nothing */
static int k_release;		/* the engine's field fact: a function
				 * releases the field's memory with str */

static char *fix_for(int family)
{
	const char *rel = api_family_release(family);

	if (api_family_managed(family))
		return rel ? xstrfmt("nothing (%s memory is freed at unbind) or %s()",
				     api_family_name(family), rel) :
			     xstrfmt("nothing (%s memory is freed at unbind)",
				     api_family_name(family));
	if (!rel)
		return xstrdup("the matching deallocator");
	return xstrfmt("%s()", rel);
}

/*
 * Does this function also release memory of the field key with a
 * deallocator of family, on another path?  Then it chooses between two
 * deallocators by a test kmemlint does not relate to what the field holds
 * (esas2r_initmem_free(): dma_free_coherent() where phys_addr is set,
 * kfree() where it is not, and every store is dma_alloc_coherent()): the
 * wrong one is dead code or serves a store kmemlint does not see, not a
 * release of this memory it can show.
 */
static bool releases_fitting(struct engine *en, const char *key, int family)
{
	const char *fn = engine_fn_name(en);
	const struct field_rec *v;
	const struct api_entry *a;
	int n = engine_field_facts(en, key, FACT_BIT(k_release), &v), i;

	for (i = 0; i < n; i++) {
		if (v[i].kind != k_release || v[i].file || !v[i].str ||
		    strcmp(v[i].fn, fn) || !(a = api_lookup(v[i].str)))
			continue;
		if (api_frees_family(a, family))
			return true;
	}
	return false;
}

/* put, the put of the refinit line that counted block id: the count
 * is dropped, and so is the block's counted state */
static void uncount(struct state *st, int32_t id, const char *put)
{
	const struct slot_val *r = slot_get(st, refinit_slot, id);

	if (r && !strcmp(put, ((const struct api_entry *)
			       (intptr_t)r->b)->refinit_put)) {
		slot_clear(st, refinit_slot, id);
		slot_clear(st, empty_slot, id);
	}
}

/* device_register(&m->dev): m is counted from here on; put_device()
 * of it: the path dropped the count, and a kfree() after that is the
 * release callback's business (cppc_acpi: kobject_put(), then kfree() of
 * a block whose ktype has no release), not a deallocator skipping it */
static void on_call(struct engine *en, struct state *st,
		    const struct call_info *c)
{
	const struct api_entry *api = c->api;
	struct slot_val v;
	int32_t id;

	if (api && (api->roles & ROLE_PUT) && api->put_arg < c->nargs &&
	    c->args[api->put_arg].kind == V_OBJ) {
		id = engine_obj_within(en, c->args[api->put_arg].obj);
		uncount(st, id, api->name);
		/* a helper that drops its argument's count (cpufreq
		 * cpufreq_policy_put_kobj(): kobject_put(&policy->kobj));
		 * engine_add_fact() ignores a NULL subject */
		engine_add_fact(en, k_counted_put,
				id < 0 ? engine_subject(en, id) : NULL, 0,
				api->name, c->loc);
		return;
	}
	/* dev_set_name(&port->dev, ...) or device_add() after
	 * device_initialize(): the count now holds the name, which only the
	 * put frees (a failed dev_set_name() set none: on_branch()) */
	if (c->call->callee && c->nargs > 0 && c->args[0].kind == V_OBJ) {
		const struct slot_val *r;
		const struct api_entry *init;

		id = engine_obj_within(en, c->args[0].obj);
		r = slot_get(st, refinit_slot, id);
		init = r ? (const struct api_entry *)(intptr_t)r->b : NULL;
		if (init && init->refinit_named &&
		    api_name_in_list(init->refinit_named, c->call->callee)) {
			/* the first name: where this call fails, none (the
			 * result is often a temporary the engine drops
			 * once tested, so the test is read as it is made) */
			if (slot_get(st, empty_slot, id) && c->call->dest &&
			    c->call->dest->kind == EX_VAR) {
				v.a = c->call->dest->var;
				v.b = id;
				slot_set(st, naming_slot, 0, &v);
			}
			slot_clear(st, empty_slot, id);
		} else if (init && init->refinit_until &&
			   api_name_in_list(init->refinit_until,
					    c->call->callee)) {
			slot_clear(st, empty_slot, id);
			slot_clear(st, naming_slot, 0);
		}
	}
	if (!api || !(api->roles & ROLE_REFINIT) ||
	    api->refinit_arg >= c->nargs ||
	    c->args[api->refinit_arg].kind != V_OBJ)
		return;
	id = engine_obj_within(en, c->args[api->refinit_arg].obj);
	v.a = loc_pack(c->loc);
	v.b = (int64_t)(intptr_t)api;
	slot_set(st, refinit_slot, id, &v);
	v.a = 1;
	v.b = 0;
	if (api->refinit_until || api->refinit_named)
		slot_set(st, empty_slot, id, &v);
	else
		slot_clear(st, empty_slot, id);
}

/*
 * if (dev_set_name(&u->dev, ...)) goto err: on the edge where it failed
 * no name was set, and the count holds nothing yet (iio_device_alloc()
 * kfree()s there).  A test of the variable that holds its result, the
 * first one the path makes.
 */
static void on_branch(struct engine *en, struct state *st,
		      const struct branch_info *b)
{
	const struct slot_val *nm = slot_get(st, naming_slot, 0);
	const struct ir_expr *cond;
	struct slot_val v = { 1, 0 };
	bool nonzero = b->taken;

	(void)en;
	if (!nm || !b->cond)
		return;
	cond = cond_truth(b->cond, &nonzero);
	if (!cond || cond->kind != EX_VAR || cond->var != nm->a)
		return;
	if (nonzero && slot_get(st, refinit_slot, (int32_t)nm->b))
		slot_set(st, empty_slot, (int32_t)nm->b, &v);
	slot_clear(st, naming_slot, 0);
}

/*
 * A callee dropped the count of the block it was given with str, a put
 * (its summary's counted-put fact): as for the put itself, a kfree()
 * after it is the release callback's business (cpufreq
 * cpufreq_policy_alloc(): kobject_init_and_add(), then on a later failure
 * cpufreq_policy_put_kobj(policy) and kfree(policy)).
 */
static void on_fact(struct engine *en, struct state *st,
		    const struct call_info *c, const struct fact *f,
		    const struct value *subj)
{
	(void)c;
	if (f->kind != k_counted_put || subj->kind != V_OBJ || !f->str)
		return;
	uncount(st, engine_obj_within(en, subj->obj), f->str);
}

/*
 * Released by a deallocator after a `refinit` call counted it: the
 * count's put must release it (device_register(): "never directly free
 * @dev after calling this function, even if it returned an error").
 * The put's release callback frees the block; kfree() skips it and
 * leaks what the count holds (the kobject's name).
 */
static bool counted_free(struct engine *en, struct state *st,
			 const struct objst *o, const struct free_info *f)
{
	const struct slot_val *r = slot_get(st, refinit_slot, o->id);
	const struct api_entry *init;
	struct trace_note notes[4];
	struct obj_origin org;
	int n;

	if (!r || !f->api || !(f->api->roles & ROLE_FREE))
		return false;
	init = (const struct api_entry *)(intptr_t)r->b;
	if (!strcmp(f->api->name, init->refinit_put))
		return true;
	/* device_initialize(), then a kfree() before the name is set or
	 * the device added: nothing is counted yet, and the release
	 * callback may not be ready for a half-built object
	 * (iio_device_alloc() when ida_alloc() fails) */
	if (slot_get(st, empty_slot, o->id))
		return false;
	n = engine_alloc_note(en, o->id, notes);
	notes[n].file = NULL;
	notes[n].loc = loc_unpack(r->a);
	notes[n++].msg = xstrfmt("%s() initializes the reference count of a part of it here: from then on %s() releases it",
				 init->name, init->refinit_put);
	if (f->via) {
		notes[n].file = f->via_file;
		notes[n].loc = f->via_loc;
		notes[n++].msg = xstrfmt("%s() releases it here with %s()",
					 f->via, f->api->name);
	}
	notes[n].file = NULL;
	notes[n].loc = f->loc;
	notes[n++].msg = xstrfmt("released here by %s(): use %s() on the part %s() was given, whose release callback frees the block",
				 f->callee, init->refinit_put, init->name);
	engine_report(en, "free-mismatch", f->loc,
		      engine_origin(en, o->id, &org) && org.callee ?
		      xstrfmt("memory from %s() is released with %s() after %s() initialized its reference count",
			      org.callee, f->api->name, init->name) :
		      xstrfmt("memory is released with %s() after %s() initialized its reference count",
			      f->api->name, init->name),
		      notes, n);
	return true;
}

static void on_free(struct engine *en, struct state *st,
		    const struct objst *o, const struct free_info *f)
{
	static const struct slot_val one = { 1, 0 };
	const struct api_entry *api = f->api;
	struct trace_note notes[3];
	struct obj_origin org;
	const char *fam;
	char *fix;
	int n;

	if (slot_get(st, freed_slot, o->id))
		return;		/* a second free is double-free's */
	slot_set(st, freed_slot, o->id, &one);
	if (counted_free(en, st, o, f))
		return;
	/* a helper that frees a global of its own: reported there */
	if (!api || !api->nfree_families || o->family < 0 || f->via_global ||
	    !engine_origin(en, o->id, &org) || !org.callee)
		return;
	if (api_frees_family(api, o->family))
		return;
	if (org.field_key && releases_fitting(en, org.field_key, o->family))
		return;
	fam = api_family_name(o->family);
	n = engine_alloc_note(en, o->id, notes);
	if (n) {
		char *m = notes[0].msg;

		notes[0].msg = xstrfmt("%s (%s memory)", m, fam);
		free(m);
	}
	if (f->via) {
		notes[n].file = f->via_file;
		notes[n].loc = f->via_loc;
		notes[n++].msg = xstrfmt("%s() releases it here with %s()",
					 f->via, api->name);
	}
	fix = fix_for(o->family);
	notes[n].file = NULL;
	notes[n].loc = f->loc;
	notes[n++].msg = xstrfmt("released here by %s(): use %s", f->callee,
				 fix);
	free(fix);
	/* the deallocator called here, of an unmanaged family: the fix is
	 * its family's (a managed one's is to drop the call) */
	if (!f->via && f->callee && !strcmp(f->callee, api->name) &&
	    api_family_release(o->family) && !api_family_managed(o->family))
		engine_report_fix(en, api->name, api_family_release(o->family));
	engine_report(en, "free-mismatch", f->loc,
		      xstrfmt("%s memory from %s() is released with %s()",
			      fam, org.callee, api->name),
		      notes, n);
}

static void init(void)
{
	static const struct slot_def def = { "free-mismatch:freed",
					     SLOT_OBJECT, NULL };

	static const struct slot_def counted = { "free-mismatch:counted",
						 SLOT_OBJECT, NULL };
	static const struct slot_def empty = { "free-mismatch:counted-empty",
					       SLOT_OBJECT, NULL };
	static const struct slot_def naming = { "free-mismatch:naming",
						SLOT_GLOBAL, NULL };

	freed_slot = engine_slot_register(&def);
	refinit_slot = engine_slot_register(&counted);
	empty_slot = engine_slot_register(&empty);
	naming_slot = engine_slot_register(&naming);
	/* registered by the engine (frees.c), found by its name */
	k_release = engine_fact_kind("field-release", FACT_MAY, NULL);
	k_counted_put = engine_fact_kind("counted-put", FACT_MAY,
					 &checker_free_mismatch);
}

const struct checker checker_free_mismatch = {
	.rule = "free-mismatch",
	.init = init,
	.on_call = on_call,
	.on_branch = on_branch,
	.on_fact = on_fact,
	.on_free = on_free,
};
