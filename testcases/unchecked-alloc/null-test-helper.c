// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: a NULL test written as a helper.  foo_missing(p)
 * returns !p, foo_ok(p) returns p != NULL: a call to either is a NULL
 * test of its argument, as if written inline.  foo_log() only logs the
 * pointer and tests nothing, so the use after it is unchecked.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_msg {
	int len;
};

static bool foo_missing(const void *p)
{
	return !p;
}

static bool foo_ok(const void *p)
{
	return p != NULL;
}

static void foo_log(const void *p)
{
	pr_debug("foo: %p\n", p);
}

int foo_send_good(int len)
{
	struct foo_msg *m = kmalloc(sizeof(*m), GFP_KERNEL);

	if (foo_missing(m))
		return -ENOMEM;
	m->len = len;
	kfree(m);
	return 0;
}

int foo_send_good2(int len)
{
	struct foo_msg *m = kmalloc(sizeof(*m), GFP_KERNEL);

	if (!foo_ok(m))
		return -ENOMEM;
	m->len = len;
	kfree(m);
	return 0;
}

int foo_send_bad(int len)
{
	struct foo_msg *m = kmalloc(sizeof(*m), GFP_KERNEL);

	foo_log(m);
	m->len = len; /* expect: unchecked-alloc */
	kfree(m);
	return 0;
}

MODULE_LICENSE("GPL");
