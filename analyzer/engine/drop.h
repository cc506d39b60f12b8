/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The places an assignment or a forgetting drops, and the tracked objects
 * only they held (memory.c, forget.c).
 */
#ifndef KMEMLINT_ENGINE_DROP_H
#define KMEMLINT_ENGINE_DROP_H

#include "engine_impl.h"

struct drop_arg {
	struct engine *en;
	int root;
	int32_t *lost;
	int nlost;
	int alost;
	const struct state *st;
	/* the places an index that moved stopped naming: one another
	 * place still holds is marked OF_UNNAMED */
	bool index_moved;
};

/* the object path's binding holds (or points into) goes to d's list */
void note_lost(struct drop_arg *d, int path);
/* path, or its ancestor at the depth of root, is root */
bool path_is_under(const struct engine *en, int path, int root);
/* a drop predicate: path is d->root or under it */
bool is_subpath(void *arg, int path);
/* fire the lost events of d's list (once per object, not while still
 * referenced), and empty it */
void fire_lost_list(struct engine *en, struct state *st,
		    struct drop_arg *d, struct ir_loc loc, bool forgotten);
/* drop what object d->root's memory holds, listing what was lost */
void drop_in_object(struct engine *en, struct state *st,
		    struct drop_arg *d);
/* memory a caller or another function also sees */
bool memory_path(struct engine *en, int path);

#endif
