// SPDX-License-Identifier: GPL-2.0
/*
 * double-free false positive seen on real drivers: a count-down unwind,
 * `for (j = n; j > 0; j--) kfree(m->seg[j - 1].va);`. The index depends on
 * j, which changes every iteration, so each kfree() frees a different
 * element: silent (foo_mem_alloc()'s unwind and foo_mem_free_good()).
 * foo_mem_free_bad() indexes with m->nr - 1, which does not change:
 * from the second iteration on it frees the same element again.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_MAX_SEG	32

struct foo_seg {
	void *va;
	size_t len;
};

struct foo_mem {
	struct foo_seg seg[FOO_MAX_SEG];
	int nr;
};

int foo_mem_alloc(struct foo_mem *m, int n, size_t len)
{
	int j;

	if (n > FOO_MAX_SEG)
		return -EINVAL;
	for (j = 0; j < n; j++) {
		m->seg[j].va = kzalloc(len, GFP_KERNEL);
		if (!m->seg[j].va)
			goto unwind;
		m->seg[j].len = len;
	}
	m->nr = n;
	return 0;

unwind:
	for (; j > 0; j--)
		kfree(m->seg[j - 1].va);
	return -ENOMEM;
}

void foo_mem_free_good(struct foo_mem *m)
{
	int j;

	for (j = m->nr; j > 0; j--)
		kfree(m->seg[j - 1].va);
	m->nr = 0;
}

void foo_mem_free_bad(struct foo_mem *m)
{
	int j;

	for (j = m->nr; j > 0; j--)
		kfree(m->seg[m->nr - 1].va); /* expect: double-free */
	m->nr = 0;
}

MODULE_LICENSE("GPL");
