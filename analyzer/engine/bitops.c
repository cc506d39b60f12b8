// SPDX-License-Identifier: GPL-2.0
/*
 * Bit operations on a flag word: set_bit(), clear_bit(), test_bit() and
 * the test-and variants (bitop lines of rules/bitops.rules).  Their
 * bodies are asm or volatile accesses the engine cannot read, so the
 * table says what they do, and the word gets the same known bits as
 * `flags |= BIT(nr)`, `flags &= ~BIT(nr)` and `if (flags & BIT(nr))`
 * would give it.  A kthread's loop that runs a job when its bit is set,
 * and whose job clears the bit (airo_thread(): test_bit(JOB_XMIT, ...)
 * then airo_end_xmit(), which clear_bit()s it and frees the skb), then
 * knows the bit clear the next time round and does not run the job
 * (nor free the skb) again.
 *
 * Only a constant bit number below 32 of a word the call names as
 * &place (set_bit(FLAG_X, &priv->flags)) is modelled; anything else is a
 * call of no effect on the state, as before.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"

/* The word's place (its lvalue in *lhs), and its bit, or -1. */
static int bit_place(struct engine *en, const struct ir_call *call,
		     const struct api_entry *api, const struct value *args,
		     int n, uint32_t *mask, const struct ir_expr **lhs)
{
	const struct ir_expr *a;

	if (api->bit_nr >= n || api->bit_addr >= call->nargs ||
	    args[api->bit_nr].kind != V_CONST || args[api->bit_nr].c < 0 ||
	    args[api->bit_nr].c > 31)
		return -1;
	a = call->args[api->bit_addr];
	if (!a || a->kind != EX_ADDR || !a->a)
		return -1;
	*mask = 1u << args[api->bit_nr].c;
	*lhs = a->a;
	return expr_path(en, a->a);
}

/* A store of the bit (set or clear), with its store and lost events. */
static void write_bit(struct engine *en, struct state *st, int path,
		      uint32_t mask, bool set, const struct ir_expr *lhs,
		      struct ir_loc loc)
{
	uint32_t s = 0, c = 0;
	struct value nv;

	if (!value_bits(load_path(en, st, path), &s, &c))
		s = c = 0;
	nv = set ? vbits(s | mask, c & ~mask, true) :
		   vbits(s & ~mask, c | mask, true);
	en->store_bits = set ? (int64_t)mask : (int64_t)((uint64_t)mask << 32);
	assign(en, st, path, &nv, lhs, loc);
	en->store_bits = 0;
}

/* What the test learns on each side: not a store (no event).  At the
 * place's canonical path, where load_path() reads it: test_bit(nr,
 * &fp->flags) of a pointer parameter learnt nothing before. */
static void know_bit(struct engine *en, struct state *st, int path,
		     uint32_t s, uint32_t c)
{
	struct value nv = vbits(s, c, true);

	state_set(st, canon_path(en, st, path), &nv);
}

bool bitop_call(struct engine *en, struct state *st,
		const struct ir_insn *insn, const struct api_entry *api,
		const struct value *args, int n, struct state **split)
{
	const struct ir_call *call = insn->call;
	const struct ir_expr *lhs = NULL;
	uint32_t mask = 0, s = 0, c = 0;
	int path = bit_place(en, call, api, args, n, &mask, &lhs);
	bool writes = api->bit_op & (BITOP_SET | BITOP_CLEAR);
	bool set = api->bit_op & BITOP_SET;
	struct state *z;

	if (path < 0)
		return false;
	if (!value_bits(load_path(en, st, path), &s, &c))
		s = c = 0;
	if ((api->bit_op & BITOP_TEST) && !((s | c) & mask)) {
		if (*split || !call->dest) {
			/* nothing to split on: the result stays unknown */
			if (writes)
				write_bit(en, st, path, mask, set, lhs,
					  insn->loc);
			return false;
		}
		/* a path where the bit is set, one where it is clear */
		z = state_copy(st);
		know_bit(en, z, path, s | mask, c & ~mask);
		dest_assign(en, z, call, vconst(1), insn->loc);
		if (writes)
			write_bit(en, z, path, mask, set, lhs, insn->loc);
		*split = z;
		c |= mask;
		know_bit(en, st, path, s, c);
	}
	if ((api->bit_op & BITOP_TEST) && call->dest)
		dest_assign(en, st, call, vconst((s & mask) != 0), insn->loc);
	if (writes)
		write_bit(en, st, path, mask, set, lhs, insn->loc);
	return true;
}

const struct ir_expr *engine_bit_test(struct engine *en,
				      const struct call_info *c,
				      uint32_t *mask)
{
	const struct ir_expr *lhs = NULL;

	if (!c->api || !(c->api->roles & ROLE_BITOP) ||
	    !(c->api->bit_op & BITOP_TEST))
		return NULL;
	return bit_place(en, c->call, c->api, c->args, c->nargs, mask,
			 &lhs) >= 0 ? lhs : NULL;
}
