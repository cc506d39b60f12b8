// SPDX-License-Identifier: GPL-2.0
/*
 * Copying a struct or union (s = t, d->buf[i] = local, memcpy() of a
 * record): the members either side names, and the members of the source
 * that hold a pointer the path knows, are assigned one by one.
 */
#include "engine_impl.h"

/* The steps from root down to path, through members and array elements
 * of root's own memory (no pointer followed), at most 4; -1 when path is
 * not under root. */
static int steps_under(struct engine *en, int path, int root, int *steps)
{
	int k = 0, p;

	for (p = path; p >= 0 && p != root; p = en->paths[p].parent) {
		if (en->paths[p].deref || k == 4)
			return -1;	/* through a pointer: not a member */
		steps[k++] = p;
	}
	return p == root ? k : -1;
}

static int follow_steps(struct engine *en, int to, const int *steps, int k)
{
	while (k-- > 0 && to >= 0) {
		const struct path *s = &en->paths[steps[k]];

		to = path_child(en, to, s->kind, s->deref, s->field, s->rec,
				s->idx, s->idx_expr);
	}
	return to;
}

/*
 * What a member copied reads as: what the path knows of it, else its
 * value on entry where it may hold an address.  A member only a callee's
 * fact named has no type here: unknown unless the path binds it, so a
 * memcpy() onto a union of a hundred such members makes no names for
 * them (mwifiex_sta_prepare_cmd()).
 */
static struct value load_path_if_addr(struct engine *en, struct state *st,
				      int from, int to)
{
	if (en->paths[from].type != PT_ADDR && en->paths[to].type != PT_ADDR &&
	    en->paths[canon_path(en, st, to)].type != PT_ADDR &&
	    !state_get(st, canon_path(en, st, from)))
		return mkv(V_UNK);
	return load_path(en, st, from);
}

/*
 * s = t, d->buf[i] = local, for a struct or union: each member of s the
 * function names, or that holds a pointer the engine knows in t, now
 * holds what the same member of t holds (store events for those in
 * memory).  A member of t the path knows nothing of reads as it does
 * there: its value on entry for memory, unknown for a local, so a
 * member of memory that gets an unknown local's value holds something
 * new, not what it held on entry:
 *
 *   rx_new = adapter->rx_ring;  adapter->rx_ring = rx_old;
 *   free_rx_resources(adapter); adapter->rx_ring = rx_new;
 *
 * (ixgb, e1000) leaves adapter->rx_ring.desc the new ring, not the
 * freed one.  Members of members are followed to a few levels.
 */
/* steps_under() of either form of a place: as written, or canonical
 * (*v with v = &a is a; d->buf[i] of a parameter d is rooted at its
 * object, as the path's bindings are) */
static int under_either(struct engine *en, int path, const int *roots,
			int *steps)
{
	int k = steps_under(en, path, roots[0], steps);

	return k >= 0 || roots[1] == roots[0] ? k :
	       steps_under(en, path, roots[1], steps);
}

void copy_record(struct engine *en, struct state *st,
		 const struct ir_expr *lhs, const struct ir_expr *rhs,
		 struct ir_loc loc)
{
	int src[2], dst[2];
	int from[64], to[64], steps[4], n = 0, i, j, k, npaths;
	struct value vals[64];

	src[0] = expr_path(en, rhs);
	dst[0] = expr_path(en, lhs);
	if (src[0] < 0 || dst[0] < 0)
		return;
	src[1] = canon_path(en, st, src[0]);
	dst[1] = canon_path(en, st, dst[0]);
	if (src[1] == dst[1] || under_either(en, src[1], dst, steps) >= 0 ||
	    under_either(en, dst[1], src, steps) >= 0)
		return;
	/* members with a pointer the path knows, then the members either
	 * side names */
	for (i = 0; i < st->nb && n < 64; i++)
		if (st->b[i].v.kind == V_OBJ && st->b[i].path != src[1] &&
		    under_either(en, st->b[i].path, src, steps) >= 0)
			from[n++] = st->b[i].path;
	npaths = en->npaths;
	for (i = 0; i < npaths && n < 64; i++) {
		int q = -1;

		if (i == src[0] || i == dst[0] || i == src[1] || i == dst[1])
			continue;
		k = under_either(en, i, src, steps);
		if (k > 0) {
			q = i;
		} else {
			k = under_either(en, i, dst, steps);
			if (k > 0)
				q = follow_steps(en, src[0], steps, k);
		}
		if (q < 0)
			continue;
		for (j = 0; j < n && from[j] != q; j++)
			;
		if (j == n)
			from[n++] = q;
	}
	/* read every source before writing any destination */
	for (i = 0; i < n; i++) {
		k = under_either(en, from[i], src, steps);
		to[i] = k > 0 ? follow_steps(en, dst[0], steps, k) : -1;
		if (to[i] >= 0)
			vals[i] = load_path_if_addr(en, st, from[i], to[i]);
	}
	for (i = 0; i < n; i++)
		if (to[i] >= 0)
			assign(en, st, to[i], &vals[i], NULL, loc);
}
