// SPDX-License-Identifier: GPL-2.0
/*
 * memset(p, 0, sizeof(*p)) of a whole block: the places of the block the
 * path knows read 0 from there on, a pointer field NULL.  A helper that
 * frees ptr->addr and then clears *ptr (il4965_free_dma_ptr()) leaves
 * NULL behind, so calling it twice frees nothing twice.  The clear is a
 * `clear` line of rules/ whose fill is a literal 0 (or that has no fill)
 * and whose size is the pointed-to type's.
 */
#include <stdlib.h>

#include "engine_impl.h"

/* p is a place of the block rooted at root: root->f, root->s.f[2],
 * not a place reached through a pointer the block holds */
static bool in_block(const struct engine *en, int p, int root)
{
	while (p >= 0 && (en->paths[p].kind == '.' ||
			  en->paths[p].kind == '[') && !en->paths[p].deref)
		p = en->paths[p].parent;
	return p >= 0 && en->paths[p].kind == '>' &&
	       en->paths[p].parent == root;
}

static void add_place(const struct engine *en, int p, int root, int *paths,
		      int *np)
{
	int i;

	if (p < 0 || p == root || en->paths[p].type == PT_UNKNOWN ||
	    !in_block(en, p, root))
		return;
	for (i = 0; i < *np; i++)
		if (paths[i] == p)
			return;
	paths[(*np)++] = p;
}

void clear_memory(struct engine *en, struct state *st,
		  const struct ir_call *call, const struct api_entry *api,
		  const struct value *args, int n, struct ir_loc loc)
{
	const struct ir_expr *pe, *fe;
	struct value zero = vconst(0);
	int *paths, np = 0, root, i;
	int32_t id;

	if (api->clear_arg >= n || api->size_arg >= n ||
	    api->clear_arg >= call->nargs || args[api->clear_arg].kind != V_OBJ)
		return;
	if (api->fill_arg != API_NONE) {
		fe = api->fill_arg < call->nargs ? call->args[api->fill_arg] :
						   NULL;
		if (!fe || fe->kind != EX_CONST || fe->ival != 0)
			return;
	}
	pe = call->args[api->clear_arg];
	if (!pe || pe->psize <= 1 || args[api->size_arg].kind != V_CONST ||
	    args[api->size_arg].c != pe->psize)
		return;
	id = args[api->clear_arg].obj;
	if (engine_obj_within(en, id) != id)
		return;		/* a member's or an element's address */
	root = path_object(en, id);
	if (root < 0)
		return;
	paths = malloc(((size_t)st->nb + (size_t)en->nsyms + 1) *
		       sizeof(*paths));
	if (!paths)
		return;
	/* the places written on this path */
	for (i = 0; i < st->nb; i++)
		add_place(en, st->b[i].path, root, paths, &np);
	/* and the places read from the block as they were on entry
	 * (ptr->addr of a parameter, freed by the helper) */
	for (i = 0; i < en->nsyms; i++)
		if (en->syms[i].kind == SYM_FIELD && en->syms[i].base == id &&
		    en->syms[i].place >= 0)
			add_place(en, canon_path(en, st, en->syms[i].place),
				  root, paths, &np);
	for (i = 0; i < np; i++)
		assign(en, st, paths[i], &zero, NULL, loc);
	free(paths);
}
