/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_ENGINE_H
#define KML_ENGINE_H

/*
 * The path-sensitive engine, as the checkers see it.
 *
 * The engine explores a function's CFG as a worklist of (block, state)
 * pairs and tells the checkers what happens on each path through events
 * (struct checker).  It owns the values of access paths and the identity
 * and null-ness of tracked objects.  Everything else a rule needs (freed,
 * owned, lock depth...) lives in the checker's own state slots, which the
 * engine copies, hashes and joins without knowing what they mean.
 *
 * Inter-procedural facts are records (struct fact) that checkers write at
 * each return of a function in the summary pass; the engine merges them
 * per return condition and replays them at the calls in the reporting
 * pass.  Facts about struct fields and globals are kept for the whole
 * translation unit, keyed by record type and field path.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../ir/ir.h"
#include "../ir/program.h"
#include "apitable.h"

struct engine;
struct state;
struct checker;

/* ---- values and objects (engine-owned) ---- */

enum nullness { NL_MAYBE, NL_NULL, NL_NONNULL };

enum vkind {
	V_UNK,
	V_CONST,	/* integer c (0 is also NULL) */
	V_OBJ,		/* pointer into tracked object obj */
	V_PRED,		/* boolean: "obj is NULL" (pred_null) or "is not NULL" */
	V_NONNULL,	/* untracked pointer known not NULL, integer known != 0 */
	V_ERRPTR,	/* an error pointer (ERR_PTR(-ENOMEM)): not NULL, a failure */
	V_NE,		/* integer known != c */
	V_NESET,	/* integer known to be none of the bits of c (0..63) */
	V_TOP,		/* written, value unknown: a join of two values (not
			 * the place's value on entry) */
	V_REL,		/* boolean: null-ness of obj and of object c agree
			 * (pred_null == 0) or differ (pred_null == 1) */
	V_BITS,		/* integer of which bits 0..31 are partly known:
			 * c holds the bits known set, (uint32_t)obj the
			 * bits known clear; bits 32..63 unknown.  Made by
			 * x | K and x & K with a literal K (flag words), so
			 * loops stay finite: each bit only goes from known
			 * to unknown on a join */
	V_NEG,		/* integer known < 0: a failed call's -errno */
	V_POS,		/* integer known > 0: a counter from 0 counted up
			 * (j = 0; ... j++), so a loop's if (j == 0) is not
			 * taken again once it has counted */
};

struct value {
	uint8_t kind;
	uint8_t pred_null;
	int32_t obj;
	int64_t c;
};

/* objst.flags */
#define OF_CHECKED	0x01	/* compared against NULL on this path */
#define OF_DEREFED	0x02	/* used as non-NULL on this path */
#define OF_ERRPTR	0x04	/* IS_ERR() was true: an error pointer, which
				 * owns nothing (null is NL_NULL) but is
				 * returned as an ERR_PTR(), not as NULL */
#define OF_EXPOSED	0x08	/* handed to a function the engine does
				 * not see: its pointer fields may have
				 * been filled there */
#define OF_JOINED	0x10	/* a join past the budget met it on one
				 * path only, or lost a place that held it
				 * on one of them: whether this path still
				 * owns it, and what references it, is not
				 * known */
#define OF_NOTERR	0x20	/* returned by a call that fails with an
				 * ERR_PTR() only where the caller's place
				 * was NULL, and it was not: IS_ERR() is
				 * false (entry_null.c) */
#define OF_LEFT_FREED	0x40	/* a block a callee allocated, left in
				 * our memory and freed on its failure
				 * (out-freed): freeing it again here is a
				 * double free, but it is not this
				 * function's own dangling field */
#define OF_UNNAMED	0x80	/* stored in an element the engine no
				 * longer names (a[i] once i moved on) while
				 * a place it names still held it: when that
				 * place lets go, the element may hold it
				 * still (cdce925_probe()'s names, freed by
				 * a loop over the array) */

#define LINK_NONE	INT32_MIN

/* objst.can_fail of a wrapper's block whose NULL also means "none" */
#define CAN_FAIL_ABSENT	2
/* ... whose NULL the caller may also choose by an argument */
#define CAN_FAIL_CHOSEN	3

/*
 * A tracked object.  id >= 0: an allocation, named by its call site.
 * id < 0: a symbolic object, the value some place held on entry or an
 * opaque call returned (a parameter, a global, priv->buf, a pointer from
 * an unknown function); the same place always names the same object.
 */
struct objst {
	int32_t id;
	int16_t family;		/* api family id, or -1 */
	int16_t order;		/* page order, -1 unknown */
	uint8_t null;		/* enum nullness */
	uint8_t flags;
	uint8_t can_fail;	/* an allocation that returns NULL on failure;
				 * CAN_FAIL_ABSENT: from a function whose NULL
				 * also means "none" (ret-null-absent);
				 * CAN_FAIL_CHOSEN: also returned for an
				 * argument's value (ret-null-chosen) */
	uint8_t link_same;
	int32_t link;		/* object whose null-ness follows this one */
	/* provenance, not part of the state's identity (never hashed or
	 * compared): a callee's summary said something about it on this
	 * path (freed it, dereferenced it, allocated it, tested it).  A
	 * finding about it is of medium confidence. */
	uint8_t inferred;
	/* an allocation whose failure depends on a gfp_t parameter of this
	 * function, passed on unchanged (dm_bio_prison_alloc_cell_v2(prison,
	 * gfp) is mempool_alloc(&prison->cell_pool, gfp)): GFP_ARG_PARAM
	 * bits are the parameter's index + 1, GFP_ARG_RECLAIM says that
	 * __GFP_DIRECT_RECLAIM also makes it unfailing (fail=reclaim); 0:
	 * none */
	uint8_t gfp_arg;
};
#define GFP_ARG_PARAM	0x7f
#define GFP_ARG_RECLAIM	0x80

/* Where an object comes from, for messages and notes. */
struct obj_origin {
	const char *callee;	/* the allocator, or NULL */
	const char *via;	/* wrapper: the allocator inside it */
	struct ir_loc loc;	/* allocation (or the store into the field) */
	const char *fn;		/* function of loc when not this one */
	const char *file;	/* file of loc when not this one's (a store
				 * another file of the scan made), or NULL */
	const char *subject;	/* "$0->buf", "@g": as a caller sees it */
	const char *field_key;	/* "struct foo::buf", "@g", or NULL */
	bool many;		/* stands for several objects of one site, or
				 * was read from the memory of such */
};

/* The object in st (not inserted when the engine has no fact about it
 * yet: *tmp is filled then), or NULL for an id that names nothing. */
const struct objst *engine_obj(struct engine *en, const struct state *st,
			       int32_t id, struct objst *tmp);
bool engine_origin(struct engine *en, int32_t id, struct obj_origin *out);
/* The allocations (id >= 0) this path tracks, in id order: at most max,
 * returns how many. */
int engine_allocations(struct engine *en, const struct state *st,
		       int32_t *ids, int max);
/* Is x id, or a value read from id's memory (through fields, elements
 * and members' addresses: arr[j].priv where arr is id)? */
bool engine_read_through(struct engine *en, int32_t x, int32_t id);
/* Is id held in container's memory (a field of the block it names, at
 * any depth), in the memory of an object read from it (a driver's
 * private area at card->private_data), or read from it itself?  What a
 * call that frees or takes container takes with it. */
bool engine_held_under(struct engine *en, const struct state *st,
		       int32_t id, int32_t container);
/* Can the instruction at loc to (a call of callee) run after the one at
 * from on some path of this function?  False when from is not one of
 * its instructions. */
bool engine_loc_reaches(struct engine *en, struct ir_loc from,
			struct ir_loc to);
bool engine_loc_reaches_call(struct engine *en, struct ir_loc from,
			     const char *callee);
/* Is id held at a place below the one e names (card->private_data->urb
 * for e = card), whatever e's value is known as? */
bool engine_held_below(struct engine *en, const struct state *st,
		       int32_t id, const struct ir_expr *e);
/* The allocation site id stands for several objects of (what a block of
 * an earlier round becomes when its site allocates again while a place
 * still holds it), or -1. */
int engine_many_site(struct engine *en, int32_t id);
/* The object a member's address (&p->f) belongs to; id itself otherwise. */
int32_t engine_obj_base(struct engine *en, int32_t id);
/* The value of a side-effect-free IR expression on this path (a call's
 * argument or one of its operands).  Arithmetic folds only over literals:
 * n * 4 with n a known constant is not folded. */
struct value engine_eval(struct engine *en, struct state *st,
			 const struct ir_expr *e);

/* ---- checker-owned state slots ---- */

struct slot_val {
	int64_t a;
	int64_t b;
};

enum slot_scope {
	SLOT_OBJECT,	/* keyed by object id; dropped with the object */
	SLOT_PATH,	/* keyed by access path; dropped when it is assigned */
	SLOT_GLOBAL,	/* keyed by a small integer of the checker's */
};

struct slot_def {
	const char *name;
	enum slot_scope scope;
	/*
	 * Join two paths' values when the budget forces a merge; a side
	 * without the slot is NULL.  Return false to drop the slot.  NULL
	 * join: kept only when both sides hold the same value.
	 */
	bool (*join)(const struct slot_val *a, const struct slot_val *b,
		     struct slot_val *out);
};

/* Called from a checker's init(); returns the slot id. */
int engine_slot_register(const struct slot_def *def);
/*
 * The same for a note, not a fact (def->join unused): never hashed or
 * compared, so two paths that differ only in it are one state (the first
 * explored keeps its value: depth first, deterministic), and a join keeps
 * one side's value.  For what a report says, never for what it decides.
 */
int engine_note_slot_register(const struct slot_def *def);
const struct slot_val *slot_get(const struct state *st, int slot,
				int32_t key);
void slot_set(struct state *st, int slot, int32_t key,
	      const struct slot_val *v);
void slot_clear(struct state *st, int slot, int32_t key);
/* for (pos = 0; slot_iter(st, slot, &pos, &key, &v);) ... */
bool slot_iter(const struct state *st, int slot, int *pos, int32_t *key,
	       const struct slot_val **v);

/* A source location packed in a slot value, and back. */
int64_t loc_pack(struct ir_loc loc);
struct ir_loc loc_unpack(int64_t v);

/* ---- events ---- */

struct deref_info {
	struct value v;			/* the pointer (V_OBJ) */
	const struct ir_expr *e;	/* its expression, or NULL */
	int path;			/* else its access path (engine_deref_str) */
	struct ir_loc loc;
	const char *via;		/* callee that dereferences it, or NULL */
	const struct ir_loc *via_loc;	/* where, in via */
	const char *via_file;
	bool via_always;		/* via dereferences it on every path
					 * that returns, not on some only */
	bool kept;			/* via keeps it and reads it later
					 * (a `deref kept=` line) */
	bool via_field;			/* via reaches it through a field of
					 * an argument ($0->pollfunc), it is
					 * not itself an argument */
};

struct call_info {
	const struct ir_call *call;
	const struct api_entry *api;	/* rules-table entry, or NULL */
	const struct value *args;
	int nargs;
	/* function designators among the arguments (callbacks), or NULL */
	const char *const *fnargs;
	struct ir_loc loc;
	/* f(&x), x not a struct: the value x held before the call, which
	 * the engine forgets there (the callee may store a new one); V_UNK
	 * for the other arguments.  nargs values, or NULL */
	const struct value *held;
};

struct free_info {
	const char *callee;		/* the call (deallocator or helper) */
	const struct api_entry *api;	/* the deallocator, or NULL */
	int64_t order;			/* page order released, -1 unknown */
	const char *via;		/* helper that frees it, or NULL */
	struct ir_loc via_loc;		/* where the helper frees it */
	const char *via_file;
	struct ir_loc loc;
	bool via_global;		/* the helper frees a global it names
					 * itself ("@g"): its own analysis
					 * sees that free too */
	bool via_field;			/* the helper frees a place below an
					 * argument ($0->buf), which its own
					 * analysis names too */
};

struct store_info {
	struct value v;			/* the value stored */
	const struct ir_expr *lhs;	/* where, or NULL (ownership sink) */
	const char *field_key;		/* "struct foo::buf", "@g", or NULL */
	bool outlives;			/* reachable from a parameter or a global */
	int32_t container;		/* object stored into, or LINK_NONE */
	const char *sink;		/* rules-table owner function, or NULL */
	struct ir_loc loc;
	int path;			/* engine's: the access path, or -1 */
	bool forget;			/* a callee wrote it, value unknown */
	int64_t bits;			/* not 0: only bits 0..31 of the
					 * place changed, the others kept:
					 * the low word those it may set
					 * (x |= K), the high word those
					 * it may clear (x &= ~K) */
	const char *fn;			/* the value is this function's
					 * designator (t->function = foo_cb),
					 * or NULL */
	struct value old;		/* what the place held before (V_UNK:
					 * nothing known; for a value not an
					 * allocation of this function, only
					 * a binding's) */
};

/* A value flows into an operation the engine does not model (an inline
 * asm operand): what it points to may be kept where the engine cannot
 * follow. */
struct escape_info {
	struct value v;			/* the value (V_OBJ: a pointer into obj) */
	const struct ir_expr *e;	/* its expression */
	struct ir_loc loc;
};

struct lost_info {
	struct ir_loc loc;
	bool at_return;			/* the function returns without it */
	bool forgotten;			/* not unreachable: stored where the
					 * engine can no longer name it
					 * (a[i] once i changed) */
	bool clobbered;			/* its last reference was overwritten
					 * with a value the engine does not
					 * know (f(&p), a callee's write): the
					 * callee may hold it */
};

struct lock_info {
	const struct api_entry *api;
	const struct ir_expr *lock;	/* the lock argument, or NULL */
	bool acquire;
	struct ir_loc loc;
};

struct branch_info {
	const struct ir_expr *cond;
	struct value v;
	bool taken;
	struct ir_loc loc;
	bool forced;		/* the other edge is infeasible on this path:
				 * no decision was made here */
	bool rejoins;		/* the edge enters the body of an if without
				 * else: every way on from it passes where the
				 * other edge goes (if (x) free_irq(...);) */
	bool loop;		/* the test of a loop (while, for, do-while):
				 * one edge stays in it, the other leaves */
	bool leaves_loop;	/* this edge leaves the loop for good: the
				 * loop's test (loop) or a break in its body
				 * (the other edge comes back to the branch) */
};

enum ret_cond { RC_ANY, RC_ZERO, RC_NONZERO, RC_UNKNOWN };

struct return_info {
	bool has_value;			/* false: a void function's return */
	bool success;			/* void, 0 from an int, non-NULL */
	bool maybe_success;		/* ... or a value not known */
	struct value v;			/* value returned (V_UNK for void) */
	enum ret_cond cond;		/* class of the return value */
	struct ir_loc loc;
};

/* ---- summaries: facts at returns ---- */

enum fact_merge {
	FACT_MAY,	/* holds if it holds on some path (union) */
	FACT_MUST,	/* holds if it holds on every path of the condition */
	FACT_MAY_COND,	/* holds if it holds on some path of the condition:
			 * the paths that return 0 and those that do not are
			 * kept apart (gave up $1 where it returned 0) */
};

struct fact {
	int kind;
	enum ret_cond cond;	/* RC_ANY, RC_ZERO or RC_NONZERO */
	char *subject;		/* "$0", "$0->buf", "$ret", "@global" */
	int64_t value;
	char *str;		/* NULL or a name (allocator, deallocator) */
	char *key;		/* field key of the subject's place, or NULL */
	char *file;
	struct ir_loc loc;
	uint64_t sig;		/* the kind's signature, or 0: see
				 * engine_fact_kind_signature() */
};

/* Register a kind of fact (in init()); owner's on_fact replays it. */
int engine_fact_kind(const char *name, enum fact_merge merge,
		     const struct checker *owner);
const char *engine_fact_kind_name(int kind);
/* a holds whenever b does (same kind and subject): b says nothing more.
 * A FACT_MAY kind with this predicate keeps only the facts no other fact
 * of the function subsumes (may-sleep: fewer conditions, same depth). */
typedef bool (*fact_subsumes_fn)(const struct fact *a, const struct fact *b);
void engine_fact_kind_subsumes(int kind, fact_subsumes_fn fn);
/* A cheap test before the predicate: a subsumes b only if
 * (sig(a) & ~sig(b)) == 0 (may-sleep: a bit per condition).  Kept in
 * each fact of a list; a function with hundreds of chains compares every
 * new one with each it has. */
typedef uint64_t (*fact_sig_fn)(const struct fact *f);
void engine_fact_kind_signature(int kind, fact_sig_fn fn);
/* At most cap FACT_MAY facts of this kind per subject in one function's
 * summary: the first ones found, and one a later fact subsumes still
 * goes.  For a kind whose facts multiply up a call graph (may-sleep: one
 * chain per combination of conditions; lpfc_rcv_prli() had 2,718), what
 * is dropped is a way of getting there, not that it happens.  As a
 * field fact (engine_field_fact()), the kind keeps one record per
 * function and field key, of at most cap functions a unit: for a kind
 * its readers take as a witness (unchecked-deref: some other function
 * uses the field unchecked), the rest is noise that grows with every
 * callee's summary and makes a scan analyse the readers again. */
void engine_fact_kind_cap(int kind, int cap);
/* Two FACT_MAY facts of the kind (same subject) that one fact says
 * exactly: the same but for one condition, which a has and b has in its
 * opposite form (may-sleep under 'x set' and under 'x clear' is may-sleep
 * either way).  Returns the merged fact's str (malloc'd) and *value, or
 * NULL.  A function that tests seven flags and sleeps on every path has
 * one way to sleep, not 128; merged facts merge again. */
typedef char *(*fact_merge_fn)(const struct fact *a, const struct fact *b,
			       int64_t *value);
void engine_fact_kind_merge(int kind, fact_merge_fn fn);
/* The function already has a FACT_MAY fact that says this one (the same,
 * or one that subsumes it): a checker may skip building it.  Summary pass
 * only; false in the reporting pass. */
bool engine_may_fact_said(struct engine *en, int kind, const char *subject,
			  int64_t value, const char *str);
/* A qualifier kind only qualifies the failing side of a summary that
 * other facts split (ret-neg: the failures are -errno); it never splits
 * a summary by itself, so a caller follows one path where it did. */
void engine_fact_kind_qualifier(int kind);
/* A caller that drops the call's result (foo(x); as a statement) cannot
 * tell its failure from its success: the facts of this kind that any
 * return class of the callee has apply on each of its paths (gives-up:
 * bus_register_notifier(bus, nb) keeps nb where it returns 0, and a
 * caller that ignores the result takes it as kept). */
void engine_fact_kind_if_ignored(int kind);
/* The kind is about what a place holds once the call returns (alloc-leak's
 * fail-holds: the block the callee left in $0->rx_skbs): it is replayed
 * after the callee's writes, so that its subject is the value the place
 * holds then, not the one before the call. */
void engine_fact_kind_after_writes(int kind);
/* From on_return: a fact of this return path (summary pass only). */
void engine_add_fact(struct engine *en, int kind, const char *subject,
		     int64_t value, const char *str, struct ir_loc loc);
/* How a caller names the object ("$0->buf"), or NULL. */
const char *engine_subject(struct engine *en, int32_t id);
/* N for a subject that is argument N itself ("$N"), else -1. */
int engine_subject_arg(const char *subject);
/* "$N->[0]": the caller's place, named through pointer parameter N, that
 * holds object id at this point (*out = p), or NULL.  Freed by the
 * caller.  A fact with that subject is replayed on the block the callee
 * left there (an `out-alloc` fact). */
char *engine_out_subject(struct engine *en, struct state *st, int32_t id);

/* Facts about a struct field or global across the translation unit. */
struct field_rec {
	const char *fn;		/* function that wrote it */
	const char *file;	/* NULL: a function of this unit; else the
				 * file of another unit (kmemlint scan's
				 * database), for notes */
	int kind;
	int64_t value;
	const char *str;
	struct ir_loc loc;
};

/* Summary pass only: record a fact about key in the current function. */
void engine_field_fact(struct engine *en, const char *key, int kind,
		       int64_t value, const char *str, struct ir_loc loc);
/* Every record about key (all kinds; filter on kind); returns how many,
 * *out pointing at an array the engine owns.  kinds is the set of kinds
 * the caller reads (FACT_BIT(k) | ...): a scan analyses the unit again
 * when another file's records of those kinds about key change, and only
 * then, and a function of a unit analysed again is explored again only
 * when they or whether there is any record changed (engine/reuse.c), so
 * a caller must not read a kind it did not name.  Kinds 0: the caller
 * reads the unit's own records only (r->file NULL), of any kind. */
#define FACT_BIT(k) (1ULL << (k))
int engine_field_facts(struct engine *en, const char *key, uint64_t kinds,
		       const struct field_rec **out);
/* The constants this path leaves in memory a caller sees (a field read
 * through a pointer, a global), with their field keys: at most max,
 * returns how many.  Keys are interned. */
int engine_field_consts(struct engine *en, struct state *st,
			const char **keys, int64_t *vals, int max);
/* The field keys of memory a caller sees that this path knows were not 0
 * when the function was entered (a flag tested true, before the path
 * wrote it, if it did): at most max, returns how many. */
int engine_field_nonzero(struct engine *en, struct state *st,
			 const char **keys, int max);
/* The field keys of memory a caller sees of which this path knows some
 * bits set (flags |= READY, or a test of the bit), with those bits: at
 * most max, returns how many.  at_entry: the bits the path knew set when
 * the function was entered (tested before it first wrote the word). */
int engine_field_bits(struct engine *en, struct state *st, bool at_entry,
		      const char **keys, uint32_t *set, int max);
/* The word a bit test (test_bit(nr, &place), a `bitop ... op=test` line)
 * reads, with its bit in *mask; NULL for any other call, or a bit or a
 * word the engine does not model (bitops.c). */
const struct ir_expr *engine_bit_test(struct engine *en,
				      const struct call_info *c,
				      uint32_t *mask);
/* One field under two keys (see memory.c): equal, or, for two record
 * types, one member path the tail of the other's. */
bool engine_same_field(const char *a, const char *b);
/* Does this path know that every place of field key key it holds a value
 * for was not c when the function was entered (another constant, or c
 * excluded by a test before the path first wrote the place)? */
bool engine_field_excludes(struct engine *en, struct state *st,
			   const char *key, int64_t c);
/* The field key of a field or global that holds object id on this path
 * and outlives the function, or NULL: a global, or a field of memory
 * reached from a parameter or a global, or of an allocation still
 * reachable.  Not a field of what an unknown call returned (a pool's
 * object, maybe handed back before the return). */
const char *engine_field_of(struct engine *en, struct state *st, int32_t id);
/* A return's class as a field record's value (-1: a void function's),
 * with the kind of the function's result above it, so that a unit that
 * does not see the function (a static one of another file) still knows
 * which class is its success; engine_rec_success() reads it back. */
int64_t engine_ret_rec(struct engine *en, const struct return_info *r);
/* Is the return a record names a success of function fn, going by what
 * it returns when its allocations fail? */
bool engine_rec_success(struct engine *en, const char *fn, int64_t rec);
/* The function being analysed is a callback some function registered
 * with a held reference (an urb completion): it runs only after a
 * submission succeeded (refs.c). */
bool engine_fn_is_completion(struct engine *en);
/* An `owner ... when=success` call (usb_submit_urb()) failed on this
 * path: what it would have handed over was not. */
bool engine_handover_failed(const struct state *st);
/* The references this path took on id (a `get` entry, a callee's refs
 * fact) and still holds; where: the first of them (line 0: unknown). */
int64_t engine_refs_held(struct engine *en, const struct state *st,
			 int32_t id, struct ir_loc *where);
/* A copy of s that lives as long as the translation unit. */
const char *engine_intern(struct engine *en, const char *s);
/* The function designators the file's static initialisers store in
 * struct fields (`.ndo_start_xmit = foo_xmit`): returns how many, *out
 * pointing at the front end's array.  The caller reads the entries of
 * function fn only (what it read is all that makes it look again). */
int engine_fn_inits(struct engine *en, const char *fn,
		    const struct ir_fn_init **out);
/* Does caller call callee directly (both functions of this file)? */
bool engine_fn_calls(struct engine *en, const char *caller,
		     const char *callee);
/* Does the call have a summary (a body in this unit, explored)?  false
 * for an indirect call, a function of another file, recursion. */
bool engine_call_summarized(struct engine *en, const struct call_info *c);
/* The object a value stands for when it is freed or handed over: the
 * containing object for a member's address (&p->node), else id. */
int32_t engine_obj_of(struct engine *en, int32_t id);
/* The object an address points into, a member's or an element's
 * (&p->node, &p[14], p + i): what owns it, for handing it over. */
int32_t engine_obj_within(struct engine *en, int32_t id);

/* ---- the checker interface ---- */

struct checker {
	const char *rule;		/* an id of report/rules.c */
	void (*init)(void);
	void (*on_entry)(struct engine *en, struct state *st);
	void (*on_deref)(struct engine *en, struct state *st,
			 const struct deref_info *d);
	void (*on_call)(struct engine *en, struct state *st,
			const struct call_info *c);
	void (*on_free)(struct engine *en, struct state *st,
			const struct objst *o, const struct free_info *f);
	void (*on_store)(struct engine *en, struct state *st,
			 const struct store_info *s);
	void (*on_lost)(struct engine *en, struct state *st,
			const struct objst *o, const struct lost_info *l);
	void (*on_escape)(struct engine *en, struct state *st,
			  const struct escape_info *x);
	void (*on_lock)(struct engine *en, struct state *st,
			const struct lock_info *l);
	void (*on_branch)(struct engine *en, struct state *st,
			  const struct branch_info *b);
	void (*on_return)(struct engine *en, struct state *st,
			  const struct return_info *r);
	/* a fact of this checker's kinds in a callee's summary, at a call;
	 * subj is the value its subject has in the caller */
	void (*on_fact)(struct engine *en, struct state *st,
			const struct call_info *c, const struct fact *f,
			const struct value *subj);
	/* this checker's own state says that the edge of a branch on cond
	 * (taken: where cond is true) cannot be taken on this path (the
	 * context the path is in decides in_interrupt()): the engine
	 * drops the edge before any event */
	bool (*refutes)(struct engine *en, const struct state *st,
			const struct ir_expr *cond, bool taken);
};

/* ---- reporting ---- */

struct trace_note {
	const char *file;	/* NULL: the function's file */
	struct ir_loc loc;
	char *msg;		/* owned */
};

/* Is this the reporting pass (findings kept), not the summary pass? */
bool engine_reporting(struct engine *en);
/* A branch on this path went both ways on a value that the join of a
 * function past its budget made unknown: the path may not exist. */
bool engine_path_guessed(const struct state *st);
/* The path called a `warns` function or took a WARN_ON()'s true branch
 * (warned.c): its author says it is not expected. */
bool engine_path_warned(const struct state *st);
/* Can some call of this function take the path?  False only for a static
 * function of the file whose every call passes arguments that contradict
 * what the path learnt of its parameters (callers.c). */
bool engine_path_has_caller(struct engine *en, struct state *st);
/* The function is static, called directly from the file, and its address
 * is never taken: its summary, replayed at each call, is all its callers
 * get of it (callers.c). */
bool engine_fn_called_only_here(struct engine *en);
/* The function's address is taken in the file (an ops table, a callback,
 * module_init()) and no function of the file calls it: what calls it
 * is the kernel's (callers.c). */
bool engine_fn_reached_by_pointer(struct engine *en);
/* An int function's return of a -errno: a known one, or `return err;`
 * of an int error the engine cannot sign (out_facts.c). */
bool engine_returns_errno(struct engine *en, struct state *st,
			  const struct return_info *r);
/* "$N->field...": a place of the caller's memory below a parameter (not
 * "$N->[0]", *out) that holds object id at this point, or NULL.  Freed
 * by the caller. */
char *engine_field_subject(struct engine *en, struct state *st, int32_t id);
/* A subject as the function's source names it: "$0->rx_skbs" becomes
 * "priv->rx_skbs".  Freed by the caller. */
char *engine_subject_text(struct engine *en, const char *subject);
const char *engine_fn_name(struct engine *en);
/* Every path from the block being executed to a return calls a function
 * with one of these rules roles (ROLE_WARNS: WARN() ahead). */
bool engine_calls_ahead(struct engine *en, unsigned roles);
/*
 * The edge of branch b the path did not take leads to a call of a
 * function whose rules entry match() accepts, in a part of the function
 * no way on from the taken edge reaches (the body of an if the path
 * skipped: if (aac->thread && ...) { spin_unlock_irq(host->host_lock);
 * ... }), and that part calls nothing exclude() (if not NULL) accepts:
 * the call's location and callee.  Cached per function and edge for the
 * one pair of predicates asked.
 */
bool engine_skipped_call(struct engine *en, const struct branch_info *b,
			 bool (*match)(const struct api_entry *),
			 bool (*exclude)(const struct api_entry *),
			 struct ir_loc *at, const char **callee);
/* The block being executed (during on_branch: the branch's block). */
int engine_cur_block(struct engine *en);
/* Every way on from block from to a return passes through block via. */
bool engine_passes_through(struct engine *en, int from, int via);
/* The function being analysed returns a pointer. */
bool engine_fn_returns_ptr(struct engine *en);
/* Its Sparse context annotations: +1 per __acquires(), -1 per
 * __releases() */
int engine_fn_lock_contract(struct engine *en);
char *engine_expr_str(struct engine *en, const struct ir_expr *e);
/* A branch condition as the source spells it ("ret", "!fd->name",
 * "len > 64"), or NULL when a part of it has no name there (a call's
 * result, an expression not modelled). */
char *engine_cond_str(struct engine *en, const struct ir_expr *e);
/* The dereferenced pointer as the source names it ("priv->buf"). */
char *engine_deref_str(struct engine *en, const struct deref_info *d);
/* Is what d dereferences a call's result passed straight on (f(g()),
 * the lowering's temporary), which engine_deref_str() spells "the
 * result"? */
bool engine_deref_is_result(struct engine *en, const struct deref_info *d);
/* The record type the dereferenced pointer points to ("struct page"),
 * where the IR knows it (a pointer variable), or NULL. */
const char *engine_deref_record(struct engine *en, const struct deref_info *d);
/* The "allocated here" note of an object (0 or 1 notes filled). */
int engine_alloc_note(struct engine *en, int32_t id, struct trace_note *n);
/* The fix of the next finding reported while this event is handled:
 * the identifier replace at the finding's location becomes with (a
 * deallocator of the right family).  The strings must outlive the call
 * of engine_report. */
void engine_report_fix(struct engine *en, const char *replace,
		       const char *with);
/* Report a finding in the function being explored (reporting pass,
 * main file only; otherwise msg and notes are freed). */
void engine_report(struct engine *en, const char *rule, struct ir_loc loc,
		   char *msg, struct trace_note *notes, int nnotes);
/* A finding of rule at loc holds only where every path that reaches loc
 * agrees: this one does not.  The function then has no finding of rule
 * at loc, whichever path reported one (a memset() that clears a fresh
 * kmalloc() on one path and a reused buffer on another is no kzalloc()). */
void engine_veto(struct engine *en, const char *rule, struct ir_loc loc);
/* The same, located in function fn of file: a function of this file that
 * the one being explored reaches through its calls (a helper whose
 * sleeping call is the bug).  Dropped unless file is this function's. */
void engine_report_in(struct engine *en, const char *fn, const char *file,
		      const char *rule, struct ir_loc loc, char *msg,
		      struct trace_note *notes, int nnotes);
/* Is the function being explored one of the main file (not a header's
 * inline)? */
bool engine_in_main_file(struct engine *en);
/* May a finding be located in file: the file of the function being
 * explored, or (kmemlint scan) another file of the scan? */
bool engine_file_reportable(struct engine *en, const char *file);
/* The file of the function being explored. */
const char *engine_fn_file(struct engine *en);
/* e is parameter N of the function being explored (its name, not its
 * value: what the caller passed): N, else -1. */
int engine_param_index(struct engine *en, const struct ir_expr *e);
/* A condition without its negations: !x, x == 0 and x != 0 become x,
 * *truthy flipped for each one (branch.c).  Give *truthy the edge's
 * truth (taken); on return it says whether the edge is where the
 * returned expression is not 0. */
const struct ir_expr *cond_truth(const struct ir_expr *cond, bool *truthy);
/* The parameter (passed by value, never assigned) whose value this path
 * stored at the place a callee's subject names at this call ("$1->flags"
 * with &cmd as argument 1, after cmd.flags = flags): its index, or -1
 * (param_copy.c).  The value this path has at that place goes to *value
 * when not NULL (V_UNK when the subject names no place). */
int engine_call_subject_param(struct engine *en, struct state *st,
			      const struct ir_call *call, const char *subject,
			      struct value *value);
/* e reads a field of what a pointer parameter points to, on this path:
 * hdr->cmd, msg->cmd after msg = hdr, or a variable of the frame that
 * such a read was stored in and that nothing wrote since (the value a
 * switch tests): the parameter, with the accessor ("->cmd") in acc
 * (param_copy.c); else -1. */
int engine_param_field(struct engine *en, struct state *st,
		       const struct ir_expr *e, char *acc, size_t len);
/* The place a store wrote (lhs, or the engine's path when lhs is NULL)
 * is *p of a pointer parameter p: the caller's own variable, an
 * out-parameter (*cf = skb). */
bool engine_out_param_place(struct engine *en, const struct ir_expr *lhs,
			    int path);
/* e names a local variable of the function being explored, or a member
 * or array element of one (no dereference on the way): storage of its
 * frame, not memory a caller can see. */
bool engine_expr_in_frame(struct engine *en, const struct ir_expr *e);
/* The object the pointer a call returns stands for when neither the
 * tables nor a summary say what it is (an opaque object, one per call
 * site): on_call may key slots on it before the call assigns it. */
int32_t engine_call_result(struct engine *en, const struct ir_call *call);
/* The objects the places inside e (a local struct: req.buf, req.cb.ctx)
 * hold on this path: at most max, returns how many. */
int engine_objects_in(struct engine *en, struct state *st,
		      const struct ir_expr *e, int32_t *ids, int max);
/* e is &local_struct (a struct of this frame, handed to a call): the
 * objects its places hold, as engine_objects_in(); 0 for anything else. */
int engine_objects_at(struct engine *en, struct state *st,
		      const struct ir_expr *e, int32_t *ids, int max);
/* a and b name the same place (one access path: ctx->buf twice). */
bool engine_same_place(struct engine *en, const struct ir_expr *a,
		       const struct ir_expr *b);
/* The installed headers' __GFP_DIRECT_RECLAIM bit (a gfp mask with it
 * may sleep), or 0 when the headers could not be evaluated. */
uint64_t engine_gfp_direct_reclaim(struct engine *en);
/* A gfp mask as the source would spell it ("GFP_KERNEL | __GFP_ZERO"),
 * from the values of the installed headers; hex when it is no such sum. */
char *engine_gfp_str(struct engine *en, uint64_t mask);

#endif
