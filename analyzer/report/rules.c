// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "rules.h"

/* Summaries say what the rule finds, not how far the checker gets. */
static const struct rule_info rules[] = {
	{ "unchecked-alloc", "null",
	  "result of an allocator that can fail used without a NULL check",
	  "An allocator that returns NULL on failure (kmalloc(), kzalloc(), "
	  "vmalloc(), kstrdup(), a wrapper of the file...) has its result "
	  "dereferenced, passed to a function that dereferences it, or stored "
	  "where another function dereferences it, on a path where it was "
	  "never compared with NULL. Under memory pressure the kernel oopses.",
	  "Test the result right after the allocation and unwind: "
	  "'if (!p) return -ENOMEM;' (or goto the error label).",
	  "error" },
	{ "page-order-mismatch", "order",
	  "pages released with a different order than allocated",
	  "Pages from __get_free_pages(), alloc_pages() and friends are "
	  "released with free_pages()/__free_pages() of another order than "
	  "they were allocated with: part of the block leaks, or pages that "
	  "were never allocated are freed.",
	  "Release with the order the allocation used, ideally the same "
	  "constant or get_order() of the same size.",
	  "error" },
	{ "sleep-in-atomic", "atomic",
	  "an allocation or call that may sleep reached in atomic context",
	  "A call that may sleep (GFP_KERNEL allocation, vmalloc(), "
	  "mutex_lock(), msleep(), copy_from_user()...) is reached with a "
	  "spinlock held, preemption or interrupts disabled, in an RCU "
	  "read-side section, or in a callback that runs in interrupt or "
	  "softirq context: \"BUG: sleeping function called from invalid "
	  "context\", or a deadlock.",
	  "Use GFP_ATOMIC (or GFP_NOWAIT) for an allocation that must happen "
	  "there, allocate before taking the lock, or move the sleeping work "
	  "out of the atomic region (a workqueue).",
	  "error" },
	{ "alloc-leak", "leak",
	  "an allocation neither freed, returned nor stored on some path",
	  "An allocation is lost on some path (typically an error path) "
	  "without being freed, returned to the caller or stored where "
	  "someone else frees it.",
	  "Free it on that path (add it to the goto unwind ladder), or use a "
	  "managed (devm_) allocation.",
	  "warning" },
	{ "free-mismatch", "mismatch",
	  "memory released by a deallocator of another family",
	  "Memory is released by a deallocator that does not own its "
	  "allocator's family: kfree() on vmalloc, page or devm memory, "
	  "vfree() on kmalloc memory, devm_kfree() on unmanaged memory. It "
	  "corrupts the allocator, or devm frees it again at unbind.",
	  "Release it with its family's deallocator (rules/free.rules, "
	  "release=: vfree() for vmalloc, kvfree() for kvmalloc, free_pages() "
	  "for pages); managed (devm) memory needs no free at all.",
	  "error" },
	{ "deprecated-api", "deprecated",
	  "a removed or discouraged allocation API (kzfree, kmalloc(n * size))",
	  "A removed or discouraged allocation API is used: kzfree() (gone), "
	  "an open-coded multiplication in a size that can overflow.",
	  "Use kfree_sensitive(), kmalloc_array()/kcalloc() or "
	  "array_size()/struct_size().",
	  "warning" },
	{ "double-free", "dfree",
	  "the same allocation freed twice on one path",
	  "The same allocation is released twice on one path: directly, by "
	  "a helper and its caller, or by an error path after a function "
	  "that already freed a field and returned success. It corrupts the "
	  "allocator.",
	  "Free it on one path only, or set the pointer to NULL after the "
	  "first free (kfree(NULL) does nothing).",
	  "error" },
	{ "use-after-free", "uaf",
	  "an allocation used after it was freed on that path",
	  "An allocation is dereferenced, or passed to a function that "
	  "dereferences it, after it was freed on that path.",
	  "Move the free after the last use, or clear the pointer and stop "
	  "using it once it is freed.",
	  "error" },
};

const struct rule_info *rule_nth(size_t i)
{
	if (i >= sizeof(rules) / sizeof(rules[0]))
		return NULL;
	return &rules[i];
}

const struct rule_info *rule_find(const char *id)
{
	const struct rule_info *r;
	size_t i;

	for (i = 0; (r = rule_nth(i)); i++)
		if (!strcmp(r->id, id))
			return r;
	return NULL;
}
