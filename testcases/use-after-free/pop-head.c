// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that pops the head of a list: it returns the old head and
 * leaves head->next in the caller's place.  ACPICA's
 * acpi_ut_pop_generic_state(&walk_state->control_state) (utstate.c in
 * linux 6.1), used by acpi_ds_exec_end_control_op() (dscontrol.c) to pop
 * and free control states until it meets a while: the summary says the
 * result is what the place held on entry and the place then holds its
 * next; the result was read after that write was replayed, so the freed
 * state was taken as still in walk_state->control_state, and the loop's
 * next test a use after free.
 *
 * Reported: foo_pop_bad(), which frees the head it only peeked at and
 * reads it through the place again.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_state {
	struct foo_state *next;
	int opcode;
};

struct foo_walk {
	struct foo_state *control_state;
};

struct foo_state *foo_pop_state(struct foo_state **list_head)
{
	struct foo_state *state;

	state = *list_head;
	if (state)
		*list_head = state->next;
	return state;
}

struct foo_state *foo_peek_state(struct foo_state **list_head)
{
	return *list_head;
}

void foo_break(struct foo_walk *w)
{
	struct foo_state *cs;

	while (w->control_state && w->control_state->opcode != 7) {
		cs = foo_pop_state(&w->control_state);
		kfree(cs);
	}
}

int foo_pop_bad(struct foo_walk *w)
{
	struct foo_state *cs;

	cs = foo_peek_state(&w->control_state);
	kfree(cs);
	return w->control_state->opcode; /* expect: use-after-free */
}

MODULE_LICENSE("GPL");
