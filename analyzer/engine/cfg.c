// SPDX-License-Identifier: GPL-2.0
/*
 * Questions about the shape of a function's CFG, independent of any
 * state.
 */
#include <stdlib.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/*
 * Can the function return without running block b?  A walk from the entry
 * that never enters b, looking for a return.  A dereference in a block
 * that cannot be avoided happens on every call that returns; one in a
 * block that can be avoided depends on a condition (a flag, a count, a
 * mode) the caller may have made false.
 */
bool cfg_avoidable(const struct ir_func *fn, int b)
{
	bool *seen, found = false;
	int *stack, n = 0, i;

	if (b <= 0 || b >= fn->nblocks)
		return b != 0;
	seen = xcalloc(fn->nblocks, sizeof(*seen));
	stack = xcalloc(fn->nblocks, sizeof(*stack));
	seen[0] = seen[b] = true;
	stack[n++] = 0;
	while (n && !found) {
		const struct ir_block *k = &fn->blocks[stack[--n]];
		int nsucc = k->term == T_BRANCH ? 2 : k->term == T_GOTO ? 1 : 0;

		if (k->term == T_RETURN)
			found = true;
		for (i = 0; i < nsucc; i++) {
			int s = k->succ[i];

			if (s >= 0 && s < fn->nblocks && !seen[s]) {
				seen[s] = true;
				stack[n++] = s;
			}
		}
	}
	free(seen);
	free(stack);
	return found;
}
