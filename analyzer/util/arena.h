/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_ARENA_H
#define KML_ARENA_H

#include <stddef.h>

/* Bump allocator: everything of one function's IR is freed at once. */
struct arena;

struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n);	/* zeroed; exits on OOM */
char *arena_strdup(struct arena *a, const char *s);
void arena_free(struct arena *a);

#endif
