// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/net/ethernet/sfc/tc_bindings.c, efx_tc_setup_block()):
 * rc = PTR_ERR_OR_ZERO(cb) of an allocator that returns ERR_PTR() on
 * failure; where rc is not 0, cb is an error pointer, which owns nothing.
 * PTR_ERR_OR_ZERO()'s summary says so: its IS_ERR() test is a test of its
 * argument.  foo_bind() is silent.  foo_bind_bad() links the callback only
 * when asked and leaks it otherwise.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/list.h>

struct foo_cb { struct list_head list; int x; };

static struct foo_cb *foo_cb_alloc(int x)
{
	struct foo_cb *cb = kzalloc(sizeof(*cb), GFP_KERNEL);

	if (!cb)
		return ERR_PTR(-ENOMEM);
	cb->x = x;
	return cb;
}

int foo_bind(struct list_head *head, int x)
{
	struct foo_cb *cb;
	int rc;

	cb = foo_cb_alloc(x);
	rc = PTR_ERR_OR_ZERO(cb);
	if (rc)
		pr_info("no cb\n");
	else
		list_add_tail(&cb->list, head);
	return rc;
}
EXPORT_SYMBOL_GPL(foo_bind);

int foo_bind_bad(struct list_head *head, int x, bool link)
{
	struct foo_cb *cb;
	int rc;

	cb = foo_cb_alloc(x);
	rc = PTR_ERR_OR_ZERO(cb);
	if (rc)
		return rc;
	if (link)
		list_add_tail(&cb->list, head);
	return 0; /* expect: alloc-leak */
}
EXPORT_SYMBOL_GPL(foo_bind_bad);
MODULE_LICENSE("GPL");
