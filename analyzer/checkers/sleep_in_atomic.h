/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_SLEEP_IN_ATOMIC_H
#define KML_SLEEP_IN_ATOMIC_H

/*
 * sleep-in-atomic, shared between its files: sleep_in_atomic.c (the
 * atomic depth on the path, the events, the summary facts),
 * sleep_chain.c (the call chain from a function down to its sleeping
 * call, as a fact's text and as the finding's notes), sleep_callee.c (a
 * callee's chain seen from one call), sleep_cond.c (what the path tested
 * of the parameters) and sleep_context.c (tests of the context a
 * function runs in).
 */

#include "checkers.h"

/*
 * One level of a chain: function fn, at loc in file, calls callee.  The
 * tag says what the level does:
 *   'S'  callee is a sleeping call of the tables (msleep, mutex_lock,
 *        vmalloc): it sleeps, whatever the context;
 *   'V'  the same, but only in process context (vfree): not a sleep in an
 *        interrupt callback or under a _bh lock;
 *   'G'  a constant gfp mask with __GFP_DIRECT_RECLAIM is passed here
 *        (mask), to an allocator or to a helper that allocates with it;
 *   'P'  the gfp mask passed here is the caller's own parameter: the
 *        caller's mask decides;
 *   'C'  callee is a helper of this file that may sleep;
 *   'K'  not a call: a branch of fn at loc went past an unlock of a lock
 *        fn did not take (callee is the note's text), so a caller's lock
 *        is still held at the sleep.
 * The decision is the deepest S, V or G level: that is the sleeping call
 * a maintainer has to change.
 */
struct sleep_frame {
	char tag;
	uint64_t mask;
	struct ir_loc loc;
	const char *fn;
	const char *callee;
	const char *file;
};

#define SLEEP_MAX_FRAMES 16
/* may-sleep facts a summary keeps for one subject (engine_fact_kind_cap):
 * r8152's rtl8152_set_speed() has 78 ways to sleep, lpfc_rcv_prli()
 * 2,718, each one more condition on the way; the first 24 are enough to
 * tell a caller that it may sleep and under which conditions */
#define SLEEP_MAX_CHAINS 24

/* What made the path atomic, for the message and the first note. */
struct atomic_ctx {
	int depth;
	struct ir_loc loc;	/* the opening lock (or the call that took it) */
	const char *what;	/* "spin lock 'priv->lock'", or NULL */
	bool callback;		/* the function runs as a registered callback */
	bool bh;		/* an interrupt-ish region: vfree defers there */
	bool counts;		/* opened by a lock that raises the preempt
				 * count (a spinlock, preempt_disable()),
				 * not by local_irq_save() or RCU */
};

/* Chain text: "tag:mask:line:col:fn:callee:file|..." (file last). */
char *sleep_chain_str(const struct sleep_frame *f, int n);
bool sleep_fact_subsumes(const struct fact *a, const struct fact *b);
uint64_t sleep_fact_sig(const struct fact *f);
char *sleep_fact_merge(const struct fact *a, const struct fact *b,
		       int64_t *value);
int sleep_chain_parse(const char *s, struct sleep_frame *f, int max);
/* Report the chain f[0..n) reached at depth > 0 of the function being
 * explored (f[0].fn): at its decision level, or the deepest level of this
 * file above it. */
void sleep_report(struct engine *en, const struct atomic_ctx *ctx,
		  const struct sleep_frame *f, int n);
/* How a function came to run as a callback. */
struct sleep_cb {
	/* the registrar's `callback` line, or the `field` line of the field
	 * the function is stored in (api->roles has ROLE_FIELD) */
	const struct api_entry *api;
	struct ir_loc loc;	/* the registration, store or initialiser */
	const char *var;	/* a static initialiser's variable, or NULL */
	const char *file;	/* loc's file, when another file of the scan
				 * registers it; else NULL */
};

/* The atomic context a function runs in as a callback, from what this
 * file does with it: a registration (field facts "callback:fn" of
 * rules/callback.rules' `callback` lines), a store into a `field` line's
 * field (`t->function = fn`, the same facts), or a static initialiser
 * that stores it in such a field.  false: none (or only process
 * context). */
bool sleep_callback_of(struct engine *en, const char *fn,
		       struct sleep_cb *cb);
/* The `field` line of struct type rec ("struct hrtimer") field f, when it
 * runs its function in atomic context; else NULL. */
const struct api_entry *sleep_atomic_field(const char *rec, const char *f);
extern int sleep_k_callback;

/* sleep_cond.c: conditions on parameters, as 'Q' frames of a chain.
 * The op of a condition on a parameter and a constant K: '=' is K, '!'
 * is not K, 's' has some bit of K set, 'c' has all of them clear, 'g'
 * is > K, 'l' < K, 'G' >= K, 'L' <= K. */
#define MAX_COND_PARAMS 16
int sleep_cmp_op(int cmp, bool swapped);
/* The gfp mask e (value v) of the function being explored: 1 a constant
 * (*mask), 2 its parameter *param (with the constant bits *mask or-ed in),
 * 0 unknown. */
int sleep_gfp_of(struct engine *en, const struct ir_expr *e,
		 const struct value *v, uint64_t *mask, int *param);
/* The parameter of ours a callee's condition (*op, *k) on its argument a
 * is about, the condition moved onto it; -1: dropped, the sleep kept. */
int sleep_cond_param(struct engine *en, const struct ir_expr *a, int *op,
		     int64_t *k);
/* Argument arg as a callee's condition sees it (an address is not NULL). */
struct value sleep_cond_arg(const struct call_info *c, int arg);
int sleep_cond_negate(int op);
/* the pseudo-parameter of a condition on the preempt count */
#define SLEEP_COND_COUNT MAX_COND_PARAMS
void sleep_cond_add(struct state *st, int p, int op, int64_t k);

/* sleep_context.c: in_interrupt() and the other tests of the count */
void sleep_context_init(void);
void sleep_context_call(struct state *st, const struct call_info *c);
bool sleep_count_test(const struct state *st, const struct ir_expr *e,
		      uint64_t *k);
bool sleep_count_set(const struct atomic_ctx *c, uint64_t k);
/* sleep_kept.c: where a helper kept its caller's lock */
void sleep_kept_init(void);
void sleep_kept_branch(struct engine *en, struct state *st,
		       const struct branch_info *b, int depth);
void sleep_kept_unlock(struct state *st, int depth);
int sleep_kept_frame(struct engine *en, const struct state *st, int eff,
		     struct sleep_frame *f);
/* sleep_in_atomic.c: the path's context */
void sleep_get_ctx(const struct state *st, struct atomic_ctx *c);
void sleep_cond_init(void);
void sleep_cond_branch(struct engine *en, struct state *st,
		       const struct branch_info *b);
void sleep_cond_call(struct engine *en, struct state *st,
		     const struct call_info *c);
void sleep_add_cond(struct engine *en, struct sleep_frame *f, int param,
		    int op, int64_t k);
bool sleep_cond_holds(const struct value *v, int op, int64_t k);
int sleep_path_conds(struct engine *en, struct state *st,
		     struct sleep_frame *f, int room);
struct value sleep_param_known(const struct state *st, int p);
/* the lock depth and a hash of the conditions, as a fact's value */
int64_t sleep_pack_value(int depth, const struct sleep_frame *f, int n);
int sleep_unpack_depth(int64_t value);
/* Two conditions of the chain f[0..n) that no value meets at once. */
bool sleep_conds_contradict(const struct sleep_frame *f, int n);

/* sleep_in_atomic.c: a `sleep NAME context=nonatomic` line: NAME sleeps
 * only for objects never used in atomic context */
bool sleep_nonatomic_sleeper(const struct api_entry *api);
/* sleep_callee.c: callee's chain g[0..m) seen from call c: the frames
 * f[1..] (f[0] is the caller's), their count, or -1 when the callee does
 * not sleep from here */
int sleep_callee_chain(struct engine *en, struct state *st,
		       const struct call_info *c, const struct sleep_frame *g,
		       int m, const struct atomic_ctx *here,
		       struct sleep_frame *f);

#endif
