/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_ENGINE_IMPL_H
#define KML_ENGINE_IMPL_H

/*
 * Internals shared by the engine's files; checkers use engine.h only.
 *
 *   paths.c    access paths, canonical places, subjects seen from a call
 *   path_table.c  paths interned by their steps
 *   syms.c     symbolic objects: a place's value on entry, opaque values
 *   sym_names.c  objects made afresh: written values, detached elements
 *   memory.c   assignment, store and lost events, forgetting
 *   eval.c     evaluation of IR expressions
 *   liveness.c live variables per block
 *   events.c   the events the checkers hook
 *   branch.c   what each edge of a condition teaches
 *   purecall.c a pure function called again answers the same
 *   explore.c  the worklist, returns, garbage collection of the state
 *   calls.c    calls: rules-table roles, frees, locks
 *   replay.c   a callee's summary replayed at a call
 *   facts.c    summary records: kinds, merging per return condition, text
 *   core.c     the engine's own facts (deref, free, alloc, null, writes)
 *   fields.c   facts about struct fields and globals across the unit
 *   refs.c     reference counts: get and put entries
 *   program.c  one translation unit: summary pass, then reporting pass
 */

#include <string.h>

#include "engine.h"
#include "state.h"
#include "../ir/program.h"
#include "../report/finding.h"
#include "../util/hmap.h"

/* A path that tracks this many objects names no new symbolic object: a
 * place it has not read yet reads unknown, and an unknown value written
 * to memory is V_TOP instead of a fresh object.  A loop that calls a
 * function whose summary writes through what it returns (skfp hwmtm.c
 * fddi_isr(): while ((mb = get_llc_rx(smc))) smt_to_llc(smc, mb);) would
 * otherwise carry thousands of objects in every state and exhaust the
 * memory before its budget. */
#define MAX_STATE_OBJECTS 512

#define MAX_PARAMS 32

/* ---- summaries ---- */

struct fact_list {
	struct fact *v;
	int n;
	int alloc;
};

struct summary {
	char *key;		/* name, or file:name for a static function */
	char *name;
	char *file;
	struct fact_list facts;
	bool split;		/* has RC_ZERO / RC_NONZERO facts */
	bool core;		/* from rules/ (a .summaries file): its writes are
				 * left out (gen-core-summaries.sh) */
	bool stores_recorded;	/* the function's own stores into fields are
				 * among the field records the unit reads: a
				 * main-file function of the unit, or of
				 * another file of the module (a scan) */
	uint64_t rhash;		/* reuse_hash_summary(), once given out; 0:
				 * not yet */
};

/* Facts of the return paths seen so far, per class (summary pass). */
struct fact_acc {
	bool seen[4];		/* indexed by enum ret_cond */
	struct fact_list by[4];
	struct fact_list may;	/* FACT_MAY kinds, all conditions */
	bool ret_seen;		/* a path returned a fresh allocation */
	struct fact_list retf;	/* ret-sets facts every such path had */
	bool err_seen;		/* a path returned an ERR_PTR() */
	struct fact_list errg;	/* ret-err-if facts every such path had */
};

/* Core fact kinds (facts.c registers them). */
struct core_kinds {
	int deref;		/* $N dereferenced before any NULL check */
	int free;		/* $N released (str: deallocator, value: order) */
	int last_ref;		/* $N freed with its last reference, after a
				 * dec-and-test put (refs.c): a caller that
				 * drops the result frees nothing */
	int ret_alloc;		/* $ret is a fresh allocation (value: family,
				 * and page order + 1 << 16) */
	int deref_if;		/* subject dereferenced on a path where the
				 * caller's place str ("*": none) had bits
				 * value (known set: low word, known clear:
				 * high word) */
	int ret_alloc_if;	/* the same, on a path that tested the
				 * caller's place subject ("*": none): bit
				 * 32 of value set when it was not 0 */
	int ret_null;		/* $ret may be NULL after a failed allocation */
	int ret_null_absent;	/* a pointer function that also returns NULL
				 * where no allocation failed: NULL means
				 * "none" (no table, no feature) */
	int ret_null_gfp;	/* $ret may be NULL after a failed allocation
				 * only where the gfp_t parameter subject
				 * lacks __GFP_NOFAIL (and, value 1,
				 * __GFP_DIRECT_RECLAIM): not a ret-null */
	int ret_null_chosen;	/* ... that also returns NULL for a value
				 * of an argument: the caller's choice */
	int null;		/* $N is NULL (1) or not (0) under cond */
	int writes;		/* subject overwritten on some path */
	int writes_key;		/* some place of field key overwritten */
	int sets;		/* subject holds constant value at return */
	int sets_bits;		/* a flag word this function wrote has the bits
				 * value (set | clear << 32) known at return */
	int points;		/* subject holds the place named str at return */
	int ret_is;		/* $ret is the value of place str */
	int out_freed;		/* the caller's place subject holds a block
				 * this function allocated and freed (left
				 * dangling; value: order, str: the
				 * deallocator) on some path of cond */
	int ret_addr;		/* $ret is the address of place str of the
				 * caller's memory (return &o->member) */
	int ret_sets;		/* the fresh allocation $ret holds the
				 * constant value at place subject
				 * ($ret->match) on every path returning it */
	int ret_nonnull;	/* $ret is never NULL (every return says so) */
	int ret_neg;		/* $ret is < 0 where it is not 0 (-errno) */
	int handover_failed;	/* "*": an `owner ... when=success` call
				 * failed on some path of cond (a submission
				 * of the callee that failed) */
	int ret_err_if;		/* $ret is an ERR_PTR() only where the
				 * caller's subject was NULL on entry
				 * (alloc_wtbl_req(..., &skb) makes *skb
				 * when it is NULL, and fails only then) */
	int unlinks;		/* subject left the structure holding it */
	int out_alloc;		/* the caller's place subject (*out) holds a
				 * fresh allocation at return (value:
				 * family, page order + 1 << 16, may be NULL
				 * << 32; str: the allocator) */
	int refs;		/* subject: value references taken and kept */
	int held;		/* field facts, key "held:FN": FN is registered as
				 * a callback whose caller holds a reference
				 * on its argument value (refs.c) */
	int field_store;	/* field facts: family|order<<16 stored, or -1 */
	int field_release;	/* field facts: released by str, value order */
	int field_value;	/* field facts: the constant value stored, str
				 * NULL; "=key": a copy of that field; "?":
				 * not known (field_values.c) */
	int field_nonnull;	/* field facts: a store into a pointer field
				 * of a record type of the main file; value 1:
				 * a pointer known not NULL (field_values.c) */
};

extern struct core_kinds core;
extern int core_failed;		/* slot (global): an allocation failed here */
extern int core_callee_failed;	/* slot (global): a callee returned the
				 * class it returns where its allocation
				 * failed (replay.c) */
extern int core_arg_tested;	/* slot (global): the path branched on a
				 * parameter passed by value (explore.c) */
extern int core_handover_failed;	/* slot (global): an `owner ...
				 * when=success` call failed on this path */
extern int core_freed;		/* slot (object): freed on this path */
extern int core_refs;		/* slot (object): references this path took */

/* ---- the translation unit ---- */

struct fn_entry {
	char *name;
	struct ir_func *fn;	/* owned by the front end */
	struct summary sum;
	bool done;
	bool in_progress;
	bool skipped;		/* too large or too complex: no summary */
	unsigned fail_conds;	/* 1 << ret_cond returned when one of its
				 * allocations failed (summary pass) */
	int pure;		/* unit_fn_pure(): 0 not asked, -1 not
				 * pure, else its id + 1 */
	uint32_t *reads;	/* a pure one: hashes of the field names
				 * it reads (purecall.c) */
	int nreads;
};

struct field_db;

/* A function of another file, from ext (summary_io.c). */
struct ext_fn {
	struct summary sum;
	unsigned fail_conds;
	bool returns_ptr;
	bool returns_bool;
	bool none;		/* ext knows no such function */
};

struct unit {
	const struct ir_program *prog;
	const struct ext_source *ext;	/* other files' knowledge, or NULL */
	struct hmap ext_fns;		/* name -> struct ext_fn */
	struct hmap fns;		/* name -> struct fn_entry */
	const struct checker *const *checkers;
	int ncheckers;
	struct field_db *fields;
	struct hmap strings;		/* engine_intern */
	struct finding_list *out;
	int budget;
	int depth;
	bool verbose;
	bool dump_ir;
	int nfuncs;
	int nbudget_hit;
	struct reuse *reuse;		/* reuse.c, or NULL */
	bool check_reuse;		/* KMEMLINT_REUSE_CHECK */
};

/* ---- one function's exploration ---- */

enum { PASS_SUMMARY, PASS_REPORT };

struct path {
	int parent;		/* -1 for a root */
	char kind;		/* 'v' var, 'g' global, 'o' object, '>' '.' field,
				 * '[' index */
	bool deref;		/* this step reads through a pointer */
	int var;		/* 'v': variable; 'o': object id */
	const char *field;	/* '>' '.': field; 'g': global name */
	const char *rec;	/* '>' '.': record type of the base */
	int64_t idx;		/* '[': constant index */
	const struct ir_expr *idx_expr;	/* '[': index that is not constant */
	const char *ikey;	/* '[': idx_expr's text (index_key()), interned */
	int8_t type;		/* PT_*: may it hold an address? */
	bool has_idx;		/* it or a step above has an idx_expr */
	int depth;		/* steps from the root (0 for a root) */
	int root;		/* the root's index (its own for a root) */
	const char *fkey;	/* field key a callee's fact gave it */
	const char *fk_memo;	/* path_field_key()'s answer, once known */
	int8_t fk_state;	/* 0: not known, 1: fk_memo, 2: none */
	bool area;		/* '[': a private area inside a block (a
				 * family's inner= field, wiphy_priv()):
				 * keyed by the record type the function
				 * reads it as */
};

enum { PT_UNKNOWN, PT_ADDR, PT_OTHER };

enum sym_kind {
	SYM_PARAM,	/* a parameter's value */
	SYM_GLOBAL,	/* a global's value (name: "g", "g.f") */
	SYM_FIELD,	/* the value at accessor from base */
	SYM_OPAQUE,	/* what an unknown call returned, an unknown write */
	SYM_ADDR,	/* the address of the place at accessor from base */
	SYM_MANY,	/* several objects of one site, still referenced when
			 * the site made a new one (a list built in a loop) */
};

/* A symbolic object: a place's value on entry, or an opaque result. */
struct sym {
	enum sym_kind kind;
	int param;		/* SYM_PARAM */
	int32_t base;		/* SYM_FIELD: object it is read from;
				 * SYM_ADDR: object whose memory holds it,
				 * or LINK_NONE */
	char *accessor;		/* SYM_FIELD: "->buf", "->a.b[2]" */
	char *name;		/* SYM_GLOBAL: the global */
	int site;		/* SYM_OPAQUE: call site */
	char *subject;		/* "$0->buf", or NULL */
	char *field_key;	/* "struct foo::buf", or NULL */
	int *deps;		/* variables whose assignment forgets it */
	int ndeps;
	const char **fdeps;	/* fields (names) whose assignment forgets it */
	int nfdeps;
	int depth;		/* fields read through fields: bounded */
	int place;		/* SYM_FIELD, SYM_GLOBAL: the path read, or -1 */
	/* from the field facts: what every store into field_key put there */
	int family;
	int order;
	const struct field_rec *store;
	bool nonnull;		/* every store into field_key was not NULL */
	bool record;		/* SYM_ADDR: the place is a struct or union
				 * (&enc->base), not an array or a scalar
				 * (&wiphy->priv[], a private area cast to
				 * another type) */
	int first_child;	/* the SYM_FIELD syms read from it (indices, */
	int next_child;		/* -1 ends the list): what obj_reset() walks */
};

struct site_info {
	struct ir_loc loc;
	const char *callee;	/* the allocator called */
	const char *via;	/* wrapper: the allocator inside it, or NULL */
};

/* The event being dispatched to the checkers, for the confidence of a
 * finding reported while a checker handles it (report.c). */
struct ev_ctx {
	struct state *st;	/* its path, or NULL */
	int32_t obj[2];		/* the objects it is about, or LINK_NONE */
};

/* A callee's deref-if guard in the caller's names (replay.c). */
struct guard_hint {
	char *str;		/* "$0->flags", "$1:ne" */
	int64_t value;
};

#define MAX_GUARD_HINTS 8

struct engine {
	struct unit *unit;
	struct ir_func *fn;
	int cur_block;		/* block being executed */
	bool joining;		/* past the budget: one joined state a block */
	bool truncated;		/* past the hard limit: paths were dropped */
	long steps;		/* blocks explored (explore.c) */
	long replayed;		/* callee summary facts applied (replay.c) */
	struct counter_exit *cexit;	/* per block, while exploring (cfg.c) */
	struct retest *retest;		/* per block, while exploring (retest.c) */
	int called_only_here;		/* engine_fn_called_only_here(): -1 not
					 * asked yet in this exploration */
	uint8_t *peers;			/* per block, while exploring (peers.c) */
	uint8_t *purecall;		/* per call site, while exploring
					 * (purecall.c), or NULL */
	uint64_t *walkers;	/* liveness_walkers(), while exploring */
	uint64_t *steppers;	/* liveness_steppers(fn, false): counters too */
	uint64_t *written;	/* liveness_written_set(), while exploring */
	uint64_t *stored_addr;	/* liveness_stored_addr_set(), or NULL */
	uint8_t *polling;	/* cfg_polling_tests(), while exploring, or NULL */
	/* a callee's dereference being replayed: the guards of the
	 * callee's paths that reach it, in this function's names, or none
	 * (nguard_hints 0) when one of them has no guard we can name */
	const struct guard_hint *guard_hints;
	int nguard_hints;
	uint8_t *rejoin;	/* events.c's CFG answers, 0 = not asked:
				 * per branch edge, enters an if's body;
				 * per block, a loop's test; per edge,
				 * leaves the loop.  Or NULL */
	struct cfg_loops *loops;	/* loops.c, computed when asked, or NULL */
	uint8_t *ahead;		/* cfg.c engine_calls_ahead(), per block,
				 * for the roles ahead_roles, or NULL */
	unsigned ahead_roles;
	int *skipped;		/* engine_skipped_call(), per branch edge: 0
				 * not asked, -1 none, else the block + 1 of
				 * the call, for the match skipped_match */
	bool (*skipped_match)(const struct api_entry *);
	bool (*skipped_exclude)(const struct api_entry *);
	struct fn_entry *self;
	int pass;
	struct path *paths;
	int npaths;
	int apaths;
	int *ptab;		/* paths by their steps (path_table.c): index + 1 */
	size_t ptab_cap;
	struct append_memo *amemo;	/* subjects.c: tails already followed */
	struct sym *syms;
	int nsyms;
	int asyms;
	int nlocal_field_syms;	/* SYM_FIELD syms read from a local object */
	int nfdep_syms;		/* syms with fdeps */
	struct hmap symmap;
	struct hmap idx_fields;	/* fields an index of a path reads (path_table.c) */
	struct site_info *sites;
	int nsites;
	struct fact_acc acc;
	struct fact_list pending;	/* FACT_MUST facts of this return */
	bool assign_forgets;	/* assign() replays a callee's "writes" */
	bool replay_recorded;	/* assign() replays a store of a callee
				 * whose own stores are recorded
				 * (summary.stores_recorded) */
	bool no_field_store;	/* assign() puts back a block a callee stored
				 * and freed (out-freed): its store is in
				 * the field facts already, as the callee's */
	bool lost_clobbered;	/* lost events of assign() with an unknown value */
	const char *store_fn;	/* assign() stores this function designator */
	const struct ir_expr *store_rhs;	/* what assign() stores, as
						 * written, or NULL */
	int64_t store_bits;	/* assign() changes only these bits (x |= K):
				 * may set (low word), may clear (high) */
	/* confidence (report.c) */
	struct ev_ctx ev;
	int replaying;		/* > 0: a callee's summary is being replayed */
	const char *replay_file;/* the file of the callee whose summary is
				 * being replayed, or NULL */
	/* engine_veto() of the function being explored: rule, line, col */
	struct veto { const char *rule; unsigned line, col; } *vetoes;
	int nvetoes, avetoes;
	const char *fix_old;	/* engine_report_fix, for the next finding */
	const char *fix_new;
	bool queried;		/* the checker being called asked for facts
				 * of other functions (field facts, a
				 * callee's success, the call graph) */
};

/* report.c: drop the findings since index first that a path vetoed */
void report_apply_vetoes(struct engine *en, size_t first);
/* report.c: the event about objects a and b (LINK_NONE: none) on path st
 * is dispatched; returns the previous one, for ev_end(). */
struct ev_ctx ev_begin(struct engine *en, struct state *st, int32_t a,
		       int32_t b);
void ev_end(struct engine *en, struct ev_ctx old);
/* report.c: a summary fact told this path something about object id. */
void mark_inferred(struct engine *en, struct state *st, int32_t id);
/* report.c: a query of facts of other functions answered something. */
void engine_queried(struct engine *en);

/* values.c: the algebra of abstract values */
/* V_BITS: bits known set and known clear (normalised to a constant when
 * all 32 are known and the integer is not wider, !wide) */
struct value vbits(uint32_t set, uint32_t clr, bool wide);
/* The known bits of a constant or V_BITS value; false for others. */
bool value_bits(struct value v, uint32_t *set, uint32_t *clr);
/* memq.c: the entry view, what a place of the caller's memory held
 * before the path first wrote it (reporting pass) */
void entry_view_init(void);
void entry_view_store(struct engine *en, struct state *st, int path,
		      const struct value *before);
void entry_view_forget(struct engine *en, struct state *st, int path);
/* v after a store that may set the bits of change's low word and clear
 * those of its high word (a callee's x |= K, x &= ~K) */
struct value bits_forget(struct value v, uint64_t change);
/* ~(N - 1) for a power of two N up to a page: an alignment round-down */
bool value_align_mask(struct value m);
/* ~K for K of the low three bits: a tagged address keeps its tags */
bool value_tag_mask(struct value m);
/* x | K, x & K with a literal K (e->b) over the known bits of a */
struct value value_bit_op(int op, struct value a, const struct ir_expr *e);
struct value value_not(struct value a);
/* a op b of two literals; *ok false when it does not fold */
int64_t value_arith(int op, int64_t a, int64_t b, bool *ok);
/* a op b for a comparison op (CMP_*) */
struct value value_cmp(int op, struct value a, struct value b);

/* values: inline, as the evaluator makes one at every step */
static inline struct value mkv(int kind)
{
	struct value v;

	memset(&v, 0, sizeof(v));
	v.kind = (uint8_t)kind;
	return v;
}

static inline struct value vconst(int64_t c)
{
	struct value v = mkv(V_CONST);

	v.c = c;
	return v;
}

static inline struct value vobj(int32_t id)
{
	struct value v = mkv(V_OBJ);

	v.obj = id;
	return v;
}

static inline struct value vpred(int32_t obj, bool is_null)
{
	struct value v = mkv(V_PRED);

	v.obj = obj;
	v.pred_null = is_null;
	return v;
}

/* subjects.c: what the memo of followed subject tails holds */
void subjects_free(struct engine *en);

/* paths.c */
int64_t store_bits(struct engine *en, const struct ir_insn *in);
/* An unwritten integer field of a direct zeroing allocation (fields.c) */
bool zeroed_field(struct engine *en, int path);
bool zeroed_ptr_field(struct engine *en, struct state *st, int path);
/* path_table.c: the path with p's steps (ikey: the text of p's index
 * expression), made if new; path_object(id) if it exists, else -1 */
int path_intern(struct engine *en, const struct path *p, const char *ikey);
int path_object_find(struct engine *en, int32_t id);
int path_root_var(struct engine *en, int var);
int path_root_global(struct engine *en, const char *name);
int path_child(struct engine *en, int parent, char kind, bool deref,
	       const char *field, const char *rec, int64_t idx,
	       const struct ir_expr *idx_expr);
int path_area(struct engine *en, int parent, bool deref, int64_t idx);
int path_object(struct engine *en, int32_t id);
int object_place(struct engine *en, int32_t id, const char *tail);
int expr_path(struct engine *en, const struct ir_expr *e);
int canon_path(struct engine *en, struct state *st, int path);
void step_str(struct engine *en, const struct path *p, char *buf,
	      size_t len);
char *path_str(struct engine *en, int path);
const char *path_field_key(struct engine *en, int path, char *buf,
			   size_t len);
int resolve_subject(struct engine *en, struct state *st,
		    const struct ir_call *call, const char *subject,
		    const char *key, struct value *out);
int resolve_place(struct engine *en, struct state *st,
		  const struct ir_call *call, const char *subject,
		  const char *key, struct value *out);

/* syms.c */
int32_t sym_id(int index);
const struct sym *sym_of(struct engine *en, int32_t id);
int32_t sym_param(struct engine *en, int param);
/* x is id, or an object read or addressed through id (its field, an
 * element's address, a field of that), a few levels deep. */
bool sym_read_through(struct engine *en, int32_t x, int32_t id);
bool sym_rooted(struct engine *en, int32_t id);
int32_t sym_opaque(struct engine *en, int site);
int32_t sym_written(struct engine *en, const struct state *st, int path,
		    struct ir_loc loc, int32_t avoid);
int32_t addr_sym(struct engine *en, struct state *st, int path);
/* areas.c: the address inside a block of this function that the place
 * path (hw->priv, a field a family's inner= names) holds, or 0 */
int32_t inner_area(struct engine *en, struct state *st, int path);
int sym_place(struct engine *en, int32_t id);
int32_t sym_detached(struct engine *en, struct state *st, int32_t id);
int32_t sym_many(struct engine *en, int site);
/* syms.c: the symbolic object of key, made from proto if new; the one
 * object of kind a call site names (key: tag and site) */
int32_t sym_intern(struct engine *en, const char *key,
		   const struct sym *proto);
int32_t sym_site(struct engine *en, enum sym_kind kind, char tag, int site);
struct value load_path(struct engine *en, struct state *st, int path);
int32_t path_sym_made(struct engine *en, struct state *st, int path);
struct objst *obj_materialize(struct engine *en, struct state *st,
			      int32_t id);
void engine_paths_free(struct engine *en);

/* memory.c */
bool store_target(struct engine *en, struct state *st, int path,
		  struct store_info *si, char *fk, size_t fklen);
/* record_copy.c: *lhs = *rhs of a struct: the pointers rhs's members hold
 * are stored into lhs's */
void copy_record(struct engine *en, struct state *st,
		 const struct ir_expr *lhs, const struct ir_expr *rhs,
		 struct ir_loc loc);

/* gc.c, returns.c */
void state_gc(struct engine *en, struct state *st);
void do_return(struct engine *en, struct state *st,
	       const struct ir_block *b);

/* field_values.c */
void field_value_store(struct engine *en, const struct store_info *s);
bool value_nonnull(struct engine *en, struct state *st,
		   const struct value *v);
void field_value_scan(struct engine *en);
void field_nonnull_store(struct engine *en, struct state *st,
			 const struct store_info *s);
bool field_never_null(struct engine *en, const char *key);
const char *field_member_key(const struct ir_expr *e, char *buf, size_t len);
bool field_edge_impossible(struct engine *en, struct state *st,
			   const struct ir_expr *cond, bool taken);

/* memory.c */
void assign_unnamed(struct engine *en, struct state *st,
		    const struct ir_expr *lhs, const struct value *v,
		    struct ir_loc loc);
void assign(struct engine *en, struct state *st, int path,
	    const struct value *v, const struct ir_expr *lhs,
	    struct ir_loc loc);
void obj_reset(struct engine *en, struct state *st, int32_t id);
void obj_renew(struct engine *en, struct state *st, int32_t id, int site);
void unlink_object(struct engine *en, struct state *st, int32_t id,
		   struct ir_loc loc);
/* forget.c */
void forget_dead_vars(struct engine *en, struct state *st,
		      const uint64_t *live, int block, struct ir_loc loc);
/* an unseen call given a local's address may fill it */
void forget_local_fill(struct engine *en, struct state *st, int path);
void forget_object_memory(struct engine *en, struct state *st, int32_t id,
			  struct ir_loc loc, bool forgotten);
void forget_field_key(struct engine *en, struct state *st, const char *key,
		      struct ir_loc loc);

/* eval.c */
struct value eval(struct engine *en, struct state *st,
		  const struct ir_expr *e);
bool member_addr(struct engine *en, int32_t id);
bool addr_in_nonnull(struct engine *en, const struct state *st, int32_t id);
int32_t obj_of(struct engine *en, int32_t id);
/* clears.c: memset(p, 0, sizeof(*p)): the places of *p read 0 */
void clear_memory(struct engine *en, struct state *st,
		  const struct ir_call *call, const struct api_entry *api,
		  const struct value *args, int n, struct ir_loc loc);
/* fills.c: a call the engine does not see may fill the arrays its
 * pointer arguments point to: forget what the path knew of their
 * elements */
void call_fills(struct engine *en, struct state *st, const struct value *args,
		int n, struct ir_loc loc);
/* program.c: &base[i] of a variable i in a block the function did not
 * allocate (a place of its own, not the block) */
bool engine_varying_element(struct engine *en, int32_t id);

/* liveness.c: live[block] is a bitset of the variables read later */
uint64_t *liveness_addressed_set(const struct ir_func *fn);
/* The local pointers assigned from themselves plus an offset (p++):
 * a bit per variable. */
uint64_t *liveness_walkers(const struct ir_func *fn);
uint64_t *liveness_steppers(const struct ir_func *fn, bool ptr_only);
uint64_t *liveness_written_set(const struct ir_func *fn);
/* The locals whose address an assignment stores, or NULL if none. */
uint64_t *liveness_stored_addr_set(const struct ir_func *fn);
bool liveness_in_set(const uint64_t *set, int var);
uint64_t *liveness_compute(const struct ir_func *fn);
/* cfg.c */
bool cfg_avoidable(const struct ir_func *fn, int block);
int cfg_succs(const struct ir_block *k, int nblocks, int *s);
/* loops.c: the function's natural loops; does edge from -> to leave the
 * innermost loop that holds from? */
struct cfg_loops;
struct cfg_loops *cfg_loops(const struct ir_func *fn);
bool cfg_edge_leaves_loop(const struct cfg_loops *L, int from, int to);
uint8_t *cfg_polling_tests(const struct ir_func *fn);
void cfg_loops_free(struct cfg_loops *L);
/* cfg.c: a counted loop's test; var -1 when the block's branch is none */
struct counter_exit {
	int var;			/* the count */
	int edge;			/* the successor that leaves the loop */
	int64_t value;			/* the count there */
	const struct ir_expr *expr;	/* the count, as the test reads it */
};
struct counter_exit *cfg_counter_exits(const struct ir_func *fn);
bool liveness_live(const struct ir_func *fn, const uint64_t *live, int block,
		   int var);

/* events.c */
void fire_deref_value(struct engine *en, struct state *st, struct value v,
		      int path, struct ir_loc loc, const char *via,
		      const struct ir_loc *via_loc, const char *via_file,
		      bool via_always, bool kept, bool via_field);
void fire_deref(struct engine *en, struct state *st,
		const struct ir_expr *ptr, struct ir_loc loc, const char *via,
		const struct ir_loc *via_loc, const char *via_file);
void fire_deref_kept(struct engine *en, struct state *st,
		     const struct ir_expr *ptr, struct ir_loc loc,
		     const char *via);
void scan_derefs(struct engine *en, struct state *st,
		 const struct ir_expr *e, struct ir_loc loc);
void fire_store(struct engine *en, struct state *st,
		const struct store_info *si);
void fire_escape(struct engine *en, struct state *st,
		 const struct escape_info *x);
void fire_lost(struct engine *en, struct state *st, int32_t id,
	       struct ir_loc loc, bool at_return, bool forgotten);
void fire_branch(struct engine *en, struct state *st,
		 const struct ir_block *b, struct value c, bool taken,
		 bool forced);
/* a checker's refutes hook says the edge cannot be taken */
bool checkers_refute(struct engine *en, const struct state *st,
		     const struct ir_expr *cond, bool taken);

/* branch.c */
bool refine(struct engine *en, struct state *st, struct value cond,
	    bool taken);
void refine_var(struct engine *en, struct state *st,
		const struct ir_expr *cond, bool taken);

/* explore.c */
void engine_explore(struct engine *en);
bool obj_outlives(struct engine *en, struct state *st, int32_t id);
void lost_at_return(struct engine *en, struct state *st,
		    const struct value *ret, struct ir_loc loc);

/* calls.c */
/* entry_roles.c: what a rules entry does at a call, after its summary */
void entry_roles(struct engine *en, struct state *st,
		 const struct ir_insn *insn, const struct api_entry *api,
		 struct value *args, int n, struct state **split,
		 bool *handled_out);
void exec_call(struct engine *en, struct state *st,
	       const struct ir_insn *insn, bool *path_ends,
	       struct state **split);
void table_free(struct engine *en, struct state *st,
		const struct ir_call *call, const struct api_entry *api,
		struct value *args, int n, struct ir_loc loc);
/* frees.c: argument argi of call, a pointer whose value the path does not
 * know (V_UNK, V_NONNULL), tracked from here as an object of the call's
 * site */
struct value track_at_call(struct engine *en, struct state *st,
			   const struct ir_call *call, int argi,
			   struct ir_loc loc);
void do_free(struct engine *en, struct state *st, struct value v,
	     const struct ir_expr *arg, const struct free_info *fi);
void do_unlink(struct engine *en, struct state *st, int32_t id,
	       struct ir_loc loc);
void dest_assign(struct engine *en, struct state *st,
		 const struct ir_call *call, struct value v,
		 struct ir_loc loc);
void new_object(struct engine *en, struct state *st,
		const struct ir_call *call, const struct ir_expr *dest,
		struct ir_loc loc, int family, int can_fail, int order,
		const char *via);
void new_object_at(struct engine *en, struct state *st,
		   const struct ir_call *call, int path,
		   const struct ir_expr *dest, struct ir_loc loc, int family,
		   int can_fail, int order, const char *via);

/* replay.c */
struct replay {
	const struct ir_call *call;
	const struct api_entry *api;
	const struct summary *sum;
	const struct value *args;
	int nargs;
	const char *const *fnargs;
	struct ir_loc loc;
	const struct value *held;	/* see struct call_info */
};

bool replay_summary(struct engine *en, struct state *st,
		    const struct replay *r, struct state **split, bool *ends);
/* replay.c: the summary's first fact of kind and condition; whether the
 * call's rules entry already says what fact f says */
const struct fact *summary_fact(const struct summary *s, int kind,
				enum ret_cond cond);
bool replay_table_covers(const struct replay *r, const struct fact *f);
/* replay.c: a checker's fact replayed with the value v of its subject */
void replay_checker_fact(struct engine *en, struct state *st,
			 const struct checker *owner,
			 const struct call_info *ci, const struct fact *f,
			 const struct value *v);
/* replay_blocks.c: the callee's frees, and the blocks it leaves in its
 * caller's memory */
void replay_out_alloc(struct engine *en, struct state *st,
		      const struct replay *r, const struct fact *f, int path);
bool replay_last_ref_free(const struct replay *r, const struct fact *f);
/* A fact's subject names a place below its root ("$0->buf", "$1.cfg",
 * "$0[2]", "@g.f"), not the root itself ("$0", "@g"). */
static inline bool subject_below_root(const char *subject)
{
	return strpbrk(subject, "-.[") != NULL;
}
void replay_free(struct engine *en, struct state *st,
		 const struct replay *r, const struct fact *f, struct value v);
void replay_out_freed(struct engine *en, struct state *st,
		      const struct replay *r, const struct fact *f, int path);
bool replay_about_out_block(const struct summary *s, const struct fact *f);
/* replay_guard.c: the guards of a callee's dereference */
bool deref_reached(struct engine *en, struct state *st,
		   const struct replay *r, const char *subject);
int caller_guards(struct engine *en, struct state *st,
		  const struct replay *r, const char *subject,
		  struct guard_hint *hints);
/* replay_ret.c: what the call returns, for the return condition cond;
 * pre: what its ret-is fact names, read before the call's writes
 * (replay_ret_is_pre(); V_UNK: none) */
struct value replay_ret_is_pre(struct engine *en, struct state *st,
			       const struct replay *r, enum ret_cond cond);
bool replay_return(struct engine *en, struct state *st,
		   const struct replay *r, enum ret_cond cond,
		   const struct value *pre);

/* facts.c */
void facts_init(void);
const struct checker *fact_kind_owner(int kind);
enum fact_merge fact_kind_merge(int kind);
/* fact_kinds.c: what facts.c asks of a kind */
bool fact_kinds_registered(void);
bool fact_kind_qualifier(int kind);
bool fact_kind_if_ignored(int kind);
bool fact_kind_after_writes(int kind);
fact_subsumes_fn fact_kind_subsumes(int kind);
uint64_t fact_kind_sig(const struct fact *f);
int fact_kind_cap(int kind);
fact_merge_fn fact_kind_merger(int kind);
void fact_list_add(struct fact_list *fl, int kind, enum ret_cond cond,
		   const char *subject, int64_t value, const char *str,
		   const char *key, const char *file, struct ir_loc loc);
void fact_list_clear(struct fact_list *fl);
bool has_fact(const struct fact_list *fl, const struct fact *f);
/* f says nothing a fact of fl does not (the kind's subsumes predicate);
 * else the facts of fl that f subsumes are removed. */
bool fact_list_subsumed(struct fact_list *fl, const struct fact *f);
void core_register_subsumes(void);
void add_may(struct engine *en, int kind, const char *subject,
	     int64_t value, const char *str, const char *key,
	     struct ir_loc loc);
void facts_begin(struct engine *en);
void facts_return(struct engine *en, struct state *st,
		  const struct return_info *r);
void facts_finish(struct engine *en);
void facts_ret_fields(struct engine *en, const struct fact_list *pf);
void facts_err_guards(struct engine *en, const struct fact_list *pf);

/* param_copy.c */
void param_copy_init(void);
void param_copy_store(struct engine *en, struct state *st, int path,
		      const struct ir_expr *lhs, const struct ir_expr *rhs);

/* entry_null.c: the str of a writes fact made only where the place was
 * NULL on entry */
#define GUARD_ENTRY_NULL "null"
bool entry_tested_null(struct engine *en, const struct state *st,
		       const char *subject);
void entry_null_return(struct engine *en, const struct state *st,
		       const struct return_info *r);
bool entry_null_ruled_out(struct engine *en, struct state *st,
			  const struct ir_call *call, const char *subject);
bool entry_null_no_err(struct engine *en, struct state *st,
		       const struct ir_call *call, const struct summary *sum);
bool entry_null_keeps(struct engine *en, struct state *st,
		      const struct ir_call *call, const struct summary *sum,
		      int n);
void summary_free(struct summary *s);
void summary_write(FILE *f, const struct summary *s);
int summary_parse_line(const char *line, struct summary *s);
int fact_kind_find(const char *name);

/* reuse.c: an exploration's outcome taken from the last analysis when
 * the queries it makes answer the same */
struct reuse;
struct reuse *reuse_new(const char *prev, uint64_t key, FILE *out);
void reuse_free(struct reuse *r);
struct analyze_stats;
void reuse_stats(const struct reuse *r, struct analyze_stats *st);
bool reuse_on(const struct unit *u);
void reuse_note(struct unit *u, char kind, const char *name, int64_t arg,
		uint64_t hash);
void reuse_invalidate(struct unit *u, char kind, const char *name);
void reuse_note_add(struct unit *u, const char *key, int kind, int64_t value,
		    const char *str, struct ir_loc loc);
bool reuse_try(struct unit *u, struct fn_entry *e, int pass);
void reuse_begin(struct unit *u, struct fn_entry *e);
void reuse_end(struct unit *u, struct fn_entry *e, int pass, size_t first,
	       int nfuncs, int budget_hit);
uint64_t reuse_hash_summary(const struct summary *s);
uint64_t reuse_hash_fields(const struct field_rec *v, int n);
/* program.c: ask query kind again, as an exploration does (reuse.c) */
void unit_query(struct unit *u, char kind, const char *name, int64_t arg);
int unit_field_facts(struct unit *u, const char *key, uint64_t kinds,
		     const struct field_rec **out);
uint64_t unit_field_hash(struct unit *u, const char *key, uint64_t kinds);
/* fields.c: a field record of function fn (summary pass) */
void unit_field_fact(struct unit *u, const char *fn, const char *key,
		     int kind, int64_t value, const char *str,
		     struct ir_loc loc);
bool unit_reportable(struct unit *u, const char *file);
int unit_fn_inits(struct unit *u, const char *fn,
		  const struct ir_fn_init **out);

/* summary_io.c: the unit's knowledge as records, and another file's
 * read back (see analyze.h, struct ext_source) */
void unit_export(struct unit *u, FILE *f);
struct ext_fn *unit_ext_fn(struct unit *u, const char *name);
uint64_t ext_fn_hash(struct ext_fn *x);
void ext_fn_free(void *p);
void field_db_import(struct unit *u, const char *key, uint64_t kinds);

/* core.c */
const char *sym_key(struct engine *en, int32_t id);
void core_on_deref(struct engine *en, struct state *st,
		   const struct deref_info *d);
void core_on_free(struct engine *en, struct state *st,
		  const struct objst *o, const struct free_info *f);
/* out_facts.c */
bool returns_errno(struct engine *en, struct state *st,
		   const struct return_info *r);
void out_block_fact(struct engine *en, struct state *st,
		    const struct return_info *r, const struct binding *b,
		    struct fact_list *out);
void ret_addr_fact(struct engine *en, struct state *st,
		   const struct return_info *r, struct fact_list *out);
void core_on_store(struct engine *en, struct state *st,
		   const struct store_info *s);
void core_on_unlink(struct engine *en, int32_t id, struct ir_loc loc);
void core_path_facts(struct engine *en, struct state *st,
		     const struct return_info *r, struct fact_list *out);
/* core_guards.c: the guards of a dereference path (deref-if facts): a
 * place of the caller's memory tested, a flag word's bits, a by-value
 * parameter's value */
char *path_guard(struct engine *en, struct state *st, bool *nonzero);
char *bits_guard(struct engine *en, struct state *st, uint32_t *set,
		 uint32_t *clr);
char *param_guard(struct engine *en, struct state *st, int64_t *value);
/* ret_alloc.c */
void ret_alloc_facts(struct engine *en, struct state *st,
		     const struct return_info *r);

/* refs.c */
void refs_init(void);
/* core.c: the subject of the caller's memory a store to path writes
 * ("$0->flags", "@g"; malloc'ed), or NULL */
char *store_subject(struct engine *en, struct state *st, int path);
/* explore.c: is variable var a parameter passed by value (not a pointer)
 * that the function never assigns nor takes the address of?  What a
 * path knows of it is then what the caller passed. */
bool param_unchanged(struct engine *en, int var);
/* calls.c: a gfp_t argument passed on from a parameter */
int gfp_param_of(struct engine *en, const struct ir_expr *e);
void set_gfp_arg(struct objst *o, int param, bool reclaim);
/* core_guards.c: was place subject written on some path so far? */
bool wrote_subject(struct engine *en, const char *subject);
/* the bits of subject this function may have changed so far (all of them
 * for a plain write, none when it wrote none) */
uint32_t written_bits(struct engine *en, const char *subject);
/* bitops.c: a bitop line's call on a flag word it can name; false when
 * the call is left to the rest of exec_call() (no result given). */
bool bitop_call(struct engine *en, struct state *st,
		const struct ir_insn *insn, const struct api_entry *api,
		const struct value *args, int n, struct state **split);
/* A callback registration (a callback line's call, a store into a field
 * line's field) whose rules say held=N: recorded for FN (refs.c). */
void refs_note_held(struct engine *en, const char *fn,
		    const struct api_entry *api, struct ir_loc loc);
/* At a function's entry (reporting pass): a reference the caller of a
 * callback holds on its argument. */
void refs_entry(struct engine *en, struct state *st);
void refs_get(struct engine *en, struct state *st, struct value v, int64_t n,
	      struct ir_loc loc);
bool refs_put(struct engine *en, struct state *st, struct value v);
/* A put that tests for the last reference, of v's object: marks it for
 * the path; refs_last_tested() reads the mark (refs.c). */
void refs_last_test(struct engine *en, struct state *st, struct value v);
bool refs_last_tested(const struct state *st, int32_t id);
void refs_path_facts(struct engine *en, struct state *st,
		     const struct return_info *r, struct fact_list *out);

/* fields.c */
struct field_db *field_db_new(void);
void field_db_free(struct field_db *db);
void field_db_write(FILE *f, const struct field_db *db);
void sym_field_facts(struct engine *en, struct sym *s);
bool field_store_interior(const struct ir_expr *rhs);
void field_db_add_ext(struct field_db *db, const char *key,
		      const struct field_rec *r);
/* true the first time key is asked: read other files' records then */
bool field_db_first_import(struct field_db *db, const char *key);
void field_db_each(const struct field_db *db,
		   void (*cb)(const char *key, const struct field_rec *v,
			      int n, void *arg), void *arg);

/* program.c: is cond (of a function returning a value) a success of fn,
 * going by what fn returns when its allocations fail? */
/* rkind: RK_INT, RK_PTR or RK_BOOL, what the function returns */
enum { RK_INT, RK_PTR, RK_BOOL };
bool unit_success(struct unit *u, const char *fn, enum ret_cond cond,
		  int rkind);
int fn_rkind(const struct ir_func *fn);
/* program.c: is cond a failure of fn where an allocation failed? */
bool unit_alloc_failure(struct unit *u, const char *fn, enum ret_cond cond);
/* program.c: the summary of name, or NULL (none, or the rules table
 * api says all there is to say of a header function) */
struct summary *unit_summary(struct unit *u, const char *name,
			     const struct api_entry *api);

/* retest.c: the same test of unchanged locals goes the same way */
struct retest {
	int32_t key;		/* hash of the condition */
	int64_t check;		/* a second hash, to tell collisions apart */
	uint64_t mask;		/* the variables it reads (index < 64) */
	bool repeated;		/* tested at another branch of the function */
	bool neg;		/* the branch's true edge is where the hashed
				 * condition is false (x > K hashed as
				 * x <= K, !x as x) */
	/* if (place & K): the place's shape hashed, K, and whether another
	 * branch tests a bit of K of the same place (sym_bits) */
	uint64_t bits_place;
	uint64_t bits_k;
	bool bits_repeated;
};
bool retest_bits_repeated(const struct engine *en, int block);
/* The shape of a place (variables, field names, constant indexes) as a
 * hash, before any state; 0 for an expression that is no place. */
uint64_t retest_place_shape(const struct ir_expr *e);
void retest_init(void);
struct retest *retest_prepare(const struct ir_func *fn);
int retest_recorded(struct engine *en, const struct state *st, int block);
void retest_record(struct engine *en, struct state *st, int block,
		   bool truthy);
void retest_forget_var(struct state *st, int var);

/* branch.c: the bits tested of a word that holds a symbol */
void sym_bits_init(void);
bool sym_bits_get(const struct state *st, int path, uint32_t *set,
		  uint32_t *clr);

/* purecall.c: a pure function called again with the same arguments
 * answers the same */
void purecall_init(void);
bool ir_fn_pure(struct unit *u, const struct ir_func *fn, int depth,
		uint32_t **reads, int *nreads);
uint8_t *purecall_prepare(const struct ir_func *fn);
void purecall_after(struct engine *en, struct state *st,
		    const struct ir_call *call);
void purecall_branch(struct engine *en, struct state *st,
		     const struct ir_expr *cond);
void purecall_forget_var(struct engine *en, struct state *st, int var);
void purecall_store(struct engine *en, struct state *st, const char *fk);
/* program.c: the pure functions of the unit (purecall.c) */
int unit_fn_pure(struct unit *u, const char *name, int depth);
const uint32_t *unit_pure_reads(struct unit *u, int id, int *n);

/* warned.c: the path passed a WARN() (engine_path_warned()) */
void warned_init(void);
void warned_call(struct state *st, const struct api_entry *api);
void warned_branch(struct engine *en, struct state *st,
		   const struct ir_expr *cond, bool taken);

/* peers.c: a test of two places compared, recorded for later tests and
 * for a dereference's guard */
void peers_init(void);
uint8_t *peers_prepare(const struct ir_func *fn);
int peers_recorded(struct engine *en, struct state *st, int block,
		   const struct ir_expr *cond);
void peers_record(struct engine *en, struct state *st, int block,
		  const struct ir_expr *cond, bool taken);
int peers_relation(struct engine *en, struct state *st, int pa, int pb);
char *peers_guard(struct engine *en, struct state *st, int64_t *value);

#endif
