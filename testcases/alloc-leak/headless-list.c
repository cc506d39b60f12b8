// SPDX-License-Identifier: GPL-2.0
/*
 * A list with no head of its own, whose first entry anchors the others
 * (lpfc diag_cmd_data_alloc() and diag_cmd_data_free()): the helper that
 * frees it puts a head on the stack before the first entry
 * (list_add_tail(&head, &first->list)) and walks the ring from there,
 * so the first entry is freed too.  The `points` lines of
 * rules/list.rules say where the call leaves head.next: at the first
 * entry (silent).  A helper that walks from the first entry's own node
 * skips that entry, and the caller's error path leaks it (reported).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct hl_buf {
	struct list_head list;
	void *virt;
};

struct hl_bufext {
	struct hl_buf dma;
	int size;
};

static void hl_free_all(struct hl_bufext *first)
{
	struct list_head head, *curr, *next;
	struct hl_bufext *e;

	if (!first)
		return;
	list_add_tail(&head, &first->dma.list);
	list_for_each_safe(curr, next, &head) {
		e = list_entry(curr, struct hl_bufext, dma.list);
		kfree(e->dma.virt);
		kfree(e);
	}
}

/* walks from the first entry's node: the first entry is not visited */
static void hl_free_rest(struct hl_bufext *first)
{
	struct list_head *curr, *next;
	struct hl_bufext *e;

	if (!first)
		return;
	list_for_each_safe(curr, next, &first->dma.list) {
		e = list_entry(curr, struct hl_bufext, dma.list);
		kfree(e->dma.virt);
		kfree(e);
	}
}

static struct hl_bufext *hl_alloc(int n)
{
	struct hl_bufext *first = NULL, *e;

	while (n--) {
		e = kmalloc(sizeof(*e), GFP_KERNEL);
		if (!e)
			goto out;
		INIT_LIST_HEAD(&e->dma.list);
		if (first)
			list_add_tail(&e->dma.list, &first->dma.list);
		else
			first = e;
		e->dma.virt = kmalloc(64, GFP_KERNEL);
		if (!e->dma.virt)
			goto out;
	}
	return first;
out:
	hl_free_all(first);
	return NULL;
}

static struct hl_bufext *hl_alloc_bad(int n)
{
	struct hl_bufext *first = NULL, *e;

	while (n--) {
		e = kmalloc(sizeof(*e), GFP_KERNEL);
		if (!e)
			goto out;
		INIT_LIST_HEAD(&e->dma.list);
		if (first)
			list_add_tail(&e->dma.list, &first->dma.list);
		else
			first = e;
		e->dma.virt = kmalloc(64, GFP_KERNEL);
		if (!e->dma.virt)
			goto out;
	}
	return first;
out:
	hl_free_rest(first);
	return NULL; /* expect: alloc-leak */
}

static int __init hl_init(void)
{
	struct hl_bufext *a = hl_alloc(3);
	struct hl_bufext *b = hl_alloc_bad(3);

	hl_free_all(a);
	hl_free_all(b);
	return 0;
}
module_init(hl_init);

MODULE_LICENSE("GPL");
