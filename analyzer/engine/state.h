/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_STATE_H
#define KML_STATE_H

#include "engine.h"

struct state *state_new(void);
struct state *state_copy(const struct state *s);
void state_free(struct state *s);
const struct value *state_get(const struct state *s, int path);
/* Binding a path to V_UNK removes it. */
void state_set(struct state *s, int path, const struct value *v);
void state_drop_if(struct state *s, bool (*pred)(void *, int), void *arg);
struct objst *state_obj(struct state *s, int32_t id);
struct objst *state_add_obj(struct state *s, const struct objst *o);
void state_gc(struct state *s, bool (*keep)(const struct objst *));
uint64_t state_hash(const struct state *s);
bool state_equal(const struct state *a, const struct state *b);
struct state *state_join(const struct state *a, const struct state *b);

#endif
