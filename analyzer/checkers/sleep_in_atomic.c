// SPDX-License-Identifier: GPL-2.0
/*
 * sleep-in-atomic: a call that may sleep reached in atomic context.
 *
 * Atomic context is a depth on the path, owned by this checker (global
 * slots): the lock and unlock lines of rules/lock.rules with atomic=yes
 * enter and leave it (spinlocks, rwlocks, RCU, preempt_disable(),
 * local_irq_*(), local_bh_*()), and a function registered as a callback
 * that runs atomically (rules/callback.rules: the handler of
 * request_irq(), a timer, a tasklet, an URB completion) starts at depth 1
 * in the reporting pass.
 *
 * What may sleep: a `sleep` line of the tables (msleep, mutex_lock,
 * copy_from_user...), an allocator with gfp=sleeps (vmalloc), and an
 * allocator whose gfp argument is a constant with the headers'
 * __GFP_DIRECT_RECLAIM bit (GFP_KERNEL, not GFP_ATOMIC).  A mask that is
 * the function's own parameter makes the function's summary conditional
 * on it: the caller's mask decides.
 *
 * Across functions, each function's summary says "may sleep" (fact
 * may-sleep, subject "*" or "$N" for the gfp parameter N, value the
 * function's lock depth at the sleep, str the chain down to the sleeping
 * call), and "returns with its lock depth changed by N" (fact
 * lock-delta).  A caller at depth > 0 reports the chain at its sleeping
 * call: in the helper that hard-codes GFP_KERNEL or calls msleep(), or at
 * the caller's own call when it is the caller's mask that sleeps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sleep_in_atomic.h"
#include "../util/strvec.h"

static int depth_slot;		/* key 0: a depth, b loc of the opener */
static int ctx_slot;		/* key 0: a what (interned), b flags */
static int k_sleep;		/* may-sleep */
static int k_delta;		/* lock-delta */
int sleep_k_callback;		/* field fact "callback:fn" */

#define F_CALLBACK	1	/* opened by the function's registration */
#define F_BH		2	/* an interrupt-ish region (vfree defers) */
#define F_IRQSAVE	4	/* the last event was a local_irq_save() */
#define F_COUNTS	8	/* opened by a lock that raises the preempt
				 * count (sleep_context.c) */

/* spin_lock_irqsave(l, f) is f = _raw_spin_lock_irqsave(spinlock_check(l)):
 * the lock argument is spinlock_check()'s result; name it by l. */
static struct {
	struct ir_loc loc;
	char *name;
} passthru;

/* The context when the call began: a callee's may-sleep facts are about
 * what happens inside it, before its lock-delta (replayed at the same
 * call, in any order) says what it returns with. */
static struct {
	const struct ir_call *call;
	struct atomic_ctx ctx;
	int64_t flags;
} at_call;

static void get_ctx(const struct state *st, struct atomic_ctx *c,
		    int64_t *flags)
{
	const struct slot_val *d = slot_get(st, depth_slot, 0);
	const struct slot_val *w = slot_get(st, ctx_slot, 0);

	memset(c, 0, sizeof(*c));
	*flags = 0;
	if (d) {
		c->depth = (int)d->a;
		c->loc = loc_unpack(d->b);
	}
	if (w) {
		c->what = (const char *)(intptr_t)w->a;
		*flags = w->b;
	}
	c->callback = *flags & F_CALLBACK;
	c->bh = *flags & (F_BH | F_CALLBACK);
	c->counts = *flags & F_COUNTS;
}

void sleep_get_ctx(const struct state *st, struct atomic_ctx *c)
{
	int64_t flags;

	get_ctx(st, c, &flags);
}

static void set_ctx(struct state *st, const struct atomic_ctx *c,
		    int64_t flags)
{
	struct slot_val v;

	if (!c->depth) {
		slot_clear(st, depth_slot, 0);
	} else {
		v.a = c->depth;
		v.b = c->depth > 0 ? loc_pack(c->loc) : 0;
		slot_set(st, depth_slot, 0, &v);
	}
	if (c->depth <= 0)
		flags &= F_IRQSAVE;
	if (!flags && (c->depth <= 0 || !c->what)) {
		slot_clear(st, ctx_slot, 0);
		return;
	}
	v.a = c->depth > 0 ? (int64_t)(intptr_t)c->what : 0;
	v.b = flags;
	slot_set(st, ctx_slot, 0, &v);
}

/* ---- entering and leaving atomic context ---- */

static bool kind_is(const char *kind, const char *prefix)
{
	return kind && !strncmp(kind, prefix, strlen(prefix));
}

/* "with spin lock 'priv->lock' held", from the lock line's kind */
static const char *lock_what(struct engine *en, const struct lock_info *l)
{
	const char *kind = l->api->lock_kind;
	char *name = NULL, *s;
	const char *r;

	if (l->lock) {
		name = engine_expr_str(en, l->lock);
		if (!strcmp(name, "the result") && passthru.name &&
		    passthru.loc.line == l->loc.line &&
		    passthru.loc.col == l->loc.col) {
			free(name);
			name = xstrdup(passthru.name);
		}
		if (name[0] == '&')
			memmove(name, name + 1, strlen(name));
	}
	if (name)
		s = xstrfmt("with %s '%s' held",
			    kind_is(kind, "spin") ? "spin lock" :
			    kind_is(kind, "read") || kind_is(kind, "write") ?
			    "rwlock" : "lock", name);
	else if (kind_is(kind, "rcu"))
		s = xstrfmt("inside an RCU read-side section (%s())",
			    l->api->name);
	else if (kind_is(kind, "preempt"))
		s = xstrdup("with preemption disabled");
	else if (kind_is(kind, "irq"))
		s = xstrdup("with interrupts disabled");
	else if (kind_is(kind, "bh"))
		s = xstrdup("with bottom halves disabled");
	else
		s = xstrfmt("in the atomic region of %s()", l->api->name);
	r = engine_intern(en, s);
	free(s);
	free(name);
	return r;
}

static void on_lock(struct engine *en, struct state *st,
		    const struct lock_info *l)
{
	struct atomic_ctx c;
	int64_t flags;

	if (!l->api->lock_atomic)
		return;
	get_ctx(st, &c, &flags);
	if (!l->acquire) {
		c.depth--;
		flags &= ~F_IRQSAVE;
		set_ctx(st, &c, flags);
		sleep_kept_unlock(st, c.depth);
		return;
	}
	/* spin_trylock_irqsave(): local_irq_save() then the trylock, both
	 * closed by one spin_unlock_irqrestore(): one level, not two */
	if ((flags & F_IRQSAVE) && l->api->lock_trylock) {
		c.what = lock_what(en, l);
		set_ctx(st, &c, flags & ~F_IRQSAVE);
		return;
	}
	if (++c.depth == 1) {
		c.loc = l->loc;
		c.what = lock_what(en, l);
		flags &= ~(F_BH | F_COUNTS);
		if (kind_is(l->api->lock_kind, "bh") ||
		    strstr(l->api->lock_kind ? l->api->lock_kind : "", "_bh"))
			flags |= F_BH;
		/* spin_lock*() and preempt_disable() raise the preempt
		 * count; local_irq_save() and (preemptible) RCU do not */
		if (kind_is(l->api->lock_kind, "spin") ||
		    kind_is(l->api->lock_kind, "read") ||
		    kind_is(l->api->lock_kind, "write") ||
		    kind_is(l->api->lock_kind, "preempt") ||
		    kind_is(l->api->lock_kind, "rcu_sched"))
			flags |= F_COUNTS;
	}
	flags &= ~F_IRQSAVE;
	if (kind_is(l->api->lock_kind, "irqsave"))
		flags |= F_IRQSAVE;
	set_ctx(st, &c, flags);
}

/* `count & K` is 0 on this edge, and the path's context sets a bit of K:
 * the edge cannot be taken (in_interrupt() in a timer callback). */
static bool sleep_refutes(struct engine *en, const struct state *st,
			  const struct ir_expr *cond, bool taken)
{
	struct atomic_ctx c;
	bool nonzero = taken;
	uint64_t k;

	(void)en;
	cond = cond_truth(cond, &nonzero);
	if (nonzero || !sleep_count_test(st, cond, &k))
		return false;
	sleep_get_ctx(st, &c);
	return sleep_count_set(&c, k);
}

/* A branch: what the path tested of the parameters, and where it went
 * past an unlock of its caller's lock (sleep_kept.c). */
static void on_branch(struct engine *en, struct state *st,
		      const struct branch_info *b)
{
	struct atomic_ctx c;

	sleep_cond_branch(en, st, b);
	sleep_get_ctx(st, &c);
	sleep_kept_branch(en, st, b, c.depth);
}

/* The function is registered as an atomic callback: depth 1 from entry. */
static void on_entry(struct engine *en, struct state *st)
{
	struct sleep_cb cb;
	struct atomic_ctx c;

	if (!engine_reporting(en) ||
	    !sleep_callback_of(en, engine_fn_name(en), &cb))
		return;
	memset(&c, 0, sizeof(c));
	c.depth = 1;
	c.loc = cb.loc;
	set_ctx(st, &c, F_CALLBACK);
}

/* ---- what sleeps ---- */

/*
 * The chain f[0..n) sleeps at this point of the path, under subject ("*",
 * or "$N": if the caller's gfp argument N may sleep), lock_depth levels
 * below the callee's (<= 0: the callee released some of ours first; > 0:
 * the callee's own lock, for a conditional chain).  Report it when the
 * path is atomic there; otherwise it is a fact of this function.  f has
 * room for SLEEP_MAX_FRAMES + MAX_COND_PARAMS + 2 frames.
 */
static void sleeps(struct engine *en, struct state *st, const char *subject,
		   struct sleep_frame *f, int n, int lock_depth,
		   const struct atomic_ctx *before)
{
	struct atomic_ctx c;
	int64_t flags;
	int eff;
	char *s;

	if (sleep_conds_contradict(f, n))
		return;
	get_ctx(st, &c, &flags);
	if (before)
		c = *before;
	eff = c.depth + lock_depth;
	if (subject[0] == '*' && eff > 0) {
		sleep_report(en, c.depth > 0 ? &c : NULL, f, n);
		return;
	}
	if (engine_reporting(en))
		return;
	/* a conditional chain under our own lock: say which lock */
	if (subject[0] == '$' && c.depth > 0 && lock_depth <= 0) {
		f[n].tag = 'L';
		f[n].mask = 0;
		f[n].loc = c.loc;
		f[n].fn = engine_fn_name(en);
		f[n].callee = c.what ? c.what : "with a lock held";
		f[n].file = engine_fn_file(en);
		n++;
	}
	/* a lock the caller holds, which a branch of ours kept */
	n += sleep_kept_frame(en, st, eff, &f[n]);
	n += sleep_path_conds(en, st, f + n, MAX_COND_PARAMS);
	if (sleep_conds_contradict(f, n))
		return;
	s = sleep_chain_str(f, n);
	engine_add_fact(en, k_sleep, subject, sleep_pack_value(eff, f, n), s,
			f[0].loc);
	free(s);
}

static void frame0(struct engine *en, struct sleep_frame *f, char tag,
		   uint64_t mask, const struct call_info *c)
{
	f->tag = tag;
	f->mask = mask;
	f->loc = c->loc;
	f->fn = engine_fn_name(en);
	f->callee = c->call->callee;
	f->file = engine_fn_file(en);
}

static void record_callback(struct engine *en, const struct call_info *c)
{
	const struct api_entry *api = c->api;
	char *key;

	if (engine_reporting(en) || api->cb_arg < 0 ||
	    api->cb_arg >= c->nargs || !c->fnargs || !c->fnargs[api->cb_arg] ||
	    !api->cb_context || !strcmp(api->cb_context, "process"))
		return;
	key = xstrfmt("callback:%s", c->fnargs[api->cb_arg]);
	engine_field_fact(en, key, sleep_k_callback, 0, api->name, c->loc);
	free(key);
}

/* t->function = foo_cb, into a field of a `field` line: a registration
 * like a callback line's (summary pass: a field fact). */
static void on_store(struct engine *en, struct state *st,
		     const struct store_info *s)
{
	const struct api_entry *api;
	char *key;

	(void)st;
	if (engine_reporting(en) || !s->fn || !s->lhs ||
	    s->lhs->kind != EX_MEMBER)
		return;
	api = sleep_atomic_field(s->lhs->rec, s->lhs->field);
	if (!api)
		return;
	key = xstrfmt("callback:%s", s->fn);
	engine_field_fact(en, key, sleep_k_callback, 0, api->name, s->loc);
	free(key);
}

/* sleep NAME context=nonatomic: NAME sleeps only for objects that are
 * never used in atomic context (ALSA's snd_pcm_action_group() takes a
 * stream's mutex only for a nonatomic PCM) */
bool sleep_nonatomic_sleeper(const struct api_entry *api)
{
	return api && (api->roles & ROLE_SLEEP) && api->cb_context &&
	       !strcmp(api->cb_context, "nonatomic");
}

static void on_call(struct engine *en, struct state *st,
		    const struct call_info *c)
{
	const struct api_entry *api = c->api;
	struct sleep_frame f[3 + MAX_COND_PARAMS];
	struct atomic_ctx ctx;
	int64_t flags;
	uint64_t mask, reclaim = engine_gfp_direct_reclaim(en);
	int param, k;
	char sub[16];

	sleep_context_call(st, c);
	sleep_cond_call(en, st, c);
	if (!api || !(api->roles & (ROLE_LOCK | ROLE_UNLOCK | ROLE_PASSTHRU))) {
		get_ctx(st, &ctx, &flags);
		if (flags & F_IRQSAVE)
			set_ctx(st, &ctx, flags & ~F_IRQSAVE);
	}
	at_call.call = c->call;
	get_ctx(st, &at_call.ctx, &at_call.flags);
	if (!api)
		return;
	if ((api->roles & ROLE_PASSTHRU) && c->call->nargs > 0) {
		free(passthru.name);
		passthru.name = engine_expr_str(en, c->call->args[0]);
		passthru.loc = c->loc;
	}
	if (api->roles & ROLE_CALLBACK)
		record_callback(en, c);
	/* might_sleep() in a header's inline is might_sleep_if() on a
	 * condition this checker cannot evaluate (skb_share_check(skb,
	 * GFP_ATOMIC)): an annotation counts in the file's own code only */
	if ((api->roles & ROLE_SLEEP) && api->cb_context &&
	    !strcmp(api->cb_context, "annotation") && !engine_in_main_file(en))
		return;
	if (sleep_nonatomic_sleeper(api))
		return;
	/* sleep NAME gfp=N (usb_submit_urb): may sleep as its mask says */
	if ((api->roles & ROLE_SLEEP) && api->gfp_arg == API_NONE) {
		frame0(en, f, api->cb_context &&
		       !strcmp(api->cb_context, "process") ? 'V' : 'S', 0, c);
		sleeps(en, st, "*", f, 1, 0, NULL);
		return;
	}
	if (!(api->roles & (ROLE_ALLOC | ROLE_SLEEP)))
		return;
	if (api->gfp_arg == API_NONE) {
		if (api->implicit_gfp_sleeps) {
			frame0(en, f, 'S', 0, c);
			sleeps(en, st, "*", f, 1, 0, NULL);
		}
		return;
	}
	if (!reclaim || api->gfp_arg >= c->nargs)
		return;
	k = sleep_gfp_of(en, c->call->args[api->gfp_arg], &c->args[api->gfp_arg],
		   &mask, &param);
	if (k == 1 || (k == 2 && (mask & reclaim))) {
		if (!(mask & reclaim))
			return;
		frame0(en, f, 'G', mask, c);
		sleeps(en, st, "*", f, 1, 0, NULL);
	} else if (k == 2) {
		frame0(en, f, 'P', 0, c);
		snprintf(sub, sizeof(sub), "$%d", param);
		sleeps(en, st, sub, f, 1, 0, NULL);
	}
}

/* A callee's summary says it may sleep, or changes the lock depth. */
static void on_fact(struct engine *en, struct state *st,
		    const struct call_info *c, const struct fact *fa,
		    const struct value *subj)
{
	struct sleep_frame g[SLEEP_MAX_FRAMES];
	struct sleep_frame f[SLEEP_MAX_FRAMES + MAX_COND_PARAMS + 3];
	struct atomic_ctx ctx;
	uint64_t mask, reclaim = engine_gfp_direct_reclaim(en);
	int64_t flags;
	const struct atomic_ctx *before;
	int n, m, arg, param, k, depth, eff;
	char sub[16];

	(void)subj;
	get_ctx(st, &ctx, &flags);
	if (fa->kind == k_delta) {
		int old = ctx.depth;

		/* a header's lock guard (guard(spinlock)) is released by a
		 * cleanup attribute the IR does not see: only this file's
		 * functions say they return with a lock held */
		if (!fa->file || strcmp(fa->file, engine_fn_file(en)))
			return;

		ctx.depth += (int)fa->value;
		if (old <= 0 && ctx.depth > 0) {
			char *s = xstrfmt("%s (taken in %s())",
					  fa->str ? fa->str : "with a lock held",
					  c->call->callee);

			ctx.loc = c->loc;
			ctx.what = engine_intern(en, s);
			free(s);
			flags &= ~F_BH;
		}
		set_ctx(st, &ctx, flags & ~F_IRQSAVE);
		return;
	}
	if (fa->kind != k_sleep || !fa->str)
		return;
	before = at_call.call == c->call ? &at_call.ctx : NULL;
	/* outside atomic context the summary pass only adds a fact, and a
	 * sleep the function already has under no condition at that depth
	 * says every chain this one could give (dvm's callers of
	 * iwl_dvm_send_cmd() replay dozens per call) */
	eff = (before ? before->depth : ctx.depth) +
	      sleep_unpack_depth(fa->value);
	if (fa->subject[0] == '*' && eff <= 0 &&
	    engine_may_fact_said(en, k_sleep, "*",
				 sleep_pack_value(eff, NULL, 0), ""))
		return;
	/* the reporting pass reports a sleep in atomic context only
	 * (sleeps()): outside one, the chain need not be read */
	if (engine_reporting(en) &&
	    (before ? before->depth : ctx.depth) +
	    sleep_unpack_depth(fa->value) <= 0)
		return;
	m = sleep_chain_parse(fa->str, g, SLEEP_MAX_FRAMES);
	if (m <= 0)
		return;
	/* our level, the callee's levels, its conditions seen from here */
	n = sleep_callee_chain(en, st, c, g, m, before ? before : &ctx, f);
	if (n < 0)
		return;
	depth = sleep_unpack_depth(fa->value);
	if (fa->subject[0] == '*') {
		frame0(en, &f[0], 'C', 0, c);
		sleeps(en, st, "*", f, n, depth, before);
		return;
	}
	arg = atoi(fa->subject + 1);
	if (fa->subject[0] != '$' || arg >= c->nargs || !reclaim)
		return;
	k = sleep_gfp_of(en, c->call->args[arg], &c->args[arg], &mask, &param);
	if (k == 1 || (k == 2 && (mask & reclaim))) {
		if (!(mask & reclaim))
			return;
		frame0(en, &f[0], 'G', mask, c);
		sleeps(en, st, "*", f, n, depth, before);
	} else if (k == 2) {
		frame0(en, &f[0], 'P', 0, c);
		snprintf(sub, sizeof(sub), "$%d", param);
		sleeps(en, st, sub, f, n, depth, before);
	}
}

/* Returning with the lock depth changed: a lock-delta fact. */
static void on_return(struct engine *en, struct state *st,
		      const struct return_info *r)
{
	struct atomic_ctx c;
	int64_t flags;

	if (engine_reporting(en))
		return;
	get_ctx(st, &c, &flags);
	if (c.depth && !(flags & F_CALLBACK))
		engine_add_fact(en, k_delta, "*", c.depth,
				c.depth > 0 ? c.what : NULL, r->loc);
	/* a path that dropped nothing in a function declared
	 * __releases(): the release happened where the engine does not
	 * look (bcache's journal_try_write() calls journal_write_unlocked()
	 * through closure_call()) */
	else if (!c.depth && engine_fn_lock_contract(en) < 0)
		engine_add_fact(en, k_delta, "*", engine_fn_lock_contract(en),
				NULL, r->loc);
}

static void init(void)
{
	static const struct slot_def depth = { "sleep-in-atomic:depth",
					       SLOT_GLOBAL, NULL };
	static const struct slot_def ctx = { "sleep-in-atomic:context",
					     SLOT_GLOBAL, NULL };

	depth_slot = engine_slot_register(&depth);
	ctx_slot = engine_slot_register(&ctx);
	sleep_kept_init();
	sleep_cond_init();
	sleep_context_init();
	k_sleep = engine_fact_kind("may-sleep", FACT_MAY,
				   &checker_sleep_in_atomic);
	engine_fact_kind_subsumes(k_sleep, sleep_fact_subsumes);
	engine_fact_kind_signature(k_sleep, sleep_fact_sig);
	engine_fact_kind_merge(k_sleep, sleep_fact_merge);
	engine_fact_kind_cap(k_sleep, SLEEP_MAX_CHAINS);
	k_delta = engine_fact_kind("lock-delta", FACT_MUST,
				   &checker_sleep_in_atomic);
	sleep_k_callback = engine_fact_kind("callback", FACT_MAY,
					    &checker_sleep_in_atomic);
}

const struct checker checker_sleep_in_atomic = {
	.rule = "sleep-in-atomic",
	.init = init,
	.on_entry = on_entry,
	.on_call = on_call,
	.on_store = on_store,
	.on_lock = on_lock,
	.on_branch = on_branch,
	.refutes = sleep_refutes,
	.on_fact = on_fact,
	.on_return = on_return,
};
