/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_STATE_H
#define KML_STATE_H

/*
 * An abstract state: bindings of access paths to values, the tracked
 * objects, and the checkers' slots.  All three arrays are kept sorted so
 * that equal states hash and compare equal.
 */

#include "engine.h"

struct binding {
	int32_t path;
	struct value v;
};

struct slot {
	uint16_t type;
	int32_t key;
	struct slot_val v;
};

struct state {
	struct binding *b;
	int nb;
	int balloc;
	struct objst *o;
	int no;
	int oalloc;
	struct slot *s;
	int ns;
	int salloc;
	uint64_t hash;
	/* provenance, not part of the identity: bit i, a summary fact
	 * replayed on this path changed checker i's global slots */
	uint32_t inferred_rules;
	/* a branch on this path went both ways on a value that a join (past
	 * the budget) made unknown: the path may not exist (the correlation
	 * of a flag and what it guards is lost).  Joined as an or, and part
	 * of state_equal so the joins reach their fixpoint with it. */
	bool guess;
};

struct state *state_new(void);
struct state *state_copy(const struct state *s);
void state_free(struct state *s);
void state_swap(struct state *a, struct state *b);

const struct value *state_get(const struct state *s, int path);
/* Binding a path to V_UNK removes it. */
void state_set(struct state *s, int path, const struct value *v);
void state_drop_if(struct state *s, bool (*pred)(void *, int), void *arg);
/* The same, for the bindings of paths above after only (a path's
 * descendants are interned after it, so they all are) */
void state_drop_if_after(struct state *s, int after,
			 bool (*pred)(void *, int), void *arg);

struct objst *state_obj(struct state *s, int32_t id);
struct objst *state_add_obj(struct state *s, const struct objst *o);
/* Remove an object and the slots keyed by it. */
void state_del_obj(struct state *s, int32_t id);
/* Object from is called to from now on: its state, the slots keyed by
 * it, the bindings and links that name it.  to names nothing yet. */
void state_rename_obj(struct state *s, int32_t from, int32_t to);
/* Drop the slots of path scope whose path matches pred. */
void state_drop_path_slots(struct state *s, bool (*pred)(void *, int),
			   void *arg);

const struct slot_def *slot_def_of(int type);
int slot_ndefs(void);
#define MAX_SLOT_TYPES 64
/* state.c: is slot type a note slot (engine_note_slot_register)?  Not
 * hashed nor compared (state_join.c) */
extern bool slot_is_note[MAX_SLOT_TYPES];

uint64_t state_hash(const struct state *s);
bool state_equal(const struct state *a, const struct state *b);
/* Join of two states at one block (budget fallback): never adds facts
 * that would create a finding. */
struct state *state_join(const struct state *a, const struct state *b);

bool value_eq(const struct value *a, const struct value *b);

#endif
