// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc, a field no function of the file tests by name, but
 * one passes it to a helper that tests its argument against NULL before
 * any use (hfi1's node_affinity_allocate() stores alloc_percpu()
 * unchecked in entry->comp_vect_affinity; per_cpu_affinity_get(mask,
 * entry->comp_vect_affinity) returns -EINVAL for a NULL one).  NULL is
 * then a state the field may have: silent.  The bad twin's field is
 * passed to a helper that uses it without a test, and no one tests it.
 */
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/slab.h>

struct baz_node {
	u16 __percpu *counts;	/* tested by baz_pick() */
	u16 __percpu *hits;	/* never tested */
	int cpu;
};

int baz_node_init(struct baz_node *n)
{
	n->counts = alloc_percpu(u16);
	n->hits = alloc_percpu(u16); /* expect: unchecked-alloc:medium */
	n->cpu = 0;
	return 0;
}

static int baz_pick(u16 __percpu *counts, int cpu)
{
	if (!counts)
		return -EINVAL;
	return *per_cpu_ptr(counts, cpu) ? cpu : 0;
}

static void baz_count(u16 __percpu *hits, int cpu)
{
	*per_cpu_ptr(hits, cpu) += 1;
}

int baz_node_next(struct baz_node *n)
{
	int cpu = baz_pick(n->counts, n->cpu);

	if (cpu < 0)
		return cpu;
	baz_count(n->hits, cpu);
	return cpu;
}

MODULE_LICENSE("GPL");
