// SPDX-License-Identifier: GPL-2.0
/*
 * Places inside a block that a field of the block points to.  A family
 * line's inner= names the pointer fields its allocator sets to a place
 * inside the block it returns: ieee80211_alloc_hw() sets hw->priv to the
 * driver's private area after the struct, and hw->wiphy to the wiphy the
 * struct is part of.  In the function that allocated the block, such a
 * field, not written on the path, reads as an address inside it.
 */
#include <string.h>

#include "engine_impl.h"

/*
 * hw->priv of a block this function allocated, of a family whose `inner=`
 * names that field: the allocator set it to a place inside the block
 * (ieee80211_alloc_hw(): the private area after the struct, and the wiphy
 * the struct is part of).  Named as the address of an element past the
 * struct, &hw[K] for the K-th field of the list (places of one are not
 * places of another), so that priv->hw = hw stores the block into its
 * own memory, not somewhere unknown.
 */
int32_t inner_area(struct engine *en, struct state *st, int path)
{
	const struct path *n = &en->paths[path];
	const struct objst *o;
	const char *f;
	int k, area;

	if (!st || n->kind != '>' || !n->deref || n->parent < 0 ||
	    en->paths[n->parent].kind != 'o' || en->paths[n->parent].var < 0)
		return 0;
	o = state_obj(st, en->paths[n->parent].var);
	f = o ? api_family_inner(o->family) : NULL;
	k = f && n->field ? api_name_in_list(f, n->field) : 0;
	if (!k)
		return 0;
	area = path_area(en, n->parent, true, k);
	return addr_sym(en, st, area);
}
