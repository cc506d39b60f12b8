// SPDX-License-Identifier: GPL-2.0
#include <string.h>

#include "rules.h"

/* Summaries say what the rule finds, not how far the checker gets. */
static const struct rule_info rules[] = {
	{ "unchecked-alloc", "null",
	  "result of an allocator that can fail used without a NULL check" },
	{ "page-order-mismatch", "order",
	  "pages released with a different order than allocated" },
	{ "sleep-in-atomic", "atomic",
	  "an allocation or call that may sleep reached in atomic context" },
	{ "alloc-leak", "leak",
	  "an allocation neither freed, returned nor stored on some path" },
	{ "free-mismatch", "mismatch",
	  "memory released by a deallocator of another family" },
	{ "deprecated-api", "deprecated",
	  "a removed or discouraged allocation API (kzfree, kmalloc(n * size))" },
	{ "double-free", "dfree",
	  "the same allocation freed twice on one path" },
	{ "use-after-free", "uaf",
	  "an allocation used after it was freed on that path" },
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
