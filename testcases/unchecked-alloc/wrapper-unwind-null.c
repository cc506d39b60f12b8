// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc through a constructor that returns NULL on every
 * failure: when kzalloc() fails, and when a later step fails and it
 * unwinds (an id cannot be had: kfree() of its own block, then NULL),
 * as alloc_workqueue() does when its pool workqueues cannot be had.  The second NULL is a
 * failure too, not a lookup's "nothing there": a caller that stores the
 * result unchecked in its private struct, released by another function
 * that dereferences it, is reported.  The good caller checks.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/idr.h>

struct foo_ring {
	int slots[16];
	int n;
	int id;
};

struct foo_priv {
	struct foo_ring *ring;
};

static DEFINE_IDA(foo_ida);

static struct foo_ring *foo_ring_create(int n)
{
	struct foo_ring *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return NULL;
	r->n = n;
	r->id = ida_alloc(&foo_ida, GFP_KERNEL);
	if (r->id < 0)
		goto err_free;
	return r;

err_free:
	kfree(r);
	return NULL;
}

static void foo_ring_destroy(struct foo_ring *r)
{
	ida_free(&foo_ida, r->id);
	kfree(r);
}

int foo_open_bad(struct foo_priv *priv)
{
	priv->ring = foo_ring_create(16); /* expect: unchecked-alloc */
	return 0;
}
EXPORT_SYMBOL_GPL(foo_open_bad);

int foo_open_good(struct foo_priv *priv)
{
	priv->ring = foo_ring_create(16);
	if (!priv->ring)
		return -ENOMEM;
	return 0;
}
EXPORT_SYMBOL_GPL(foo_open_good);

void foo_close(struct foo_priv *priv)
{
	foo_ring_destroy(priv->ring);
	priv->ring = NULL;
}
EXPORT_SYMBOL_GPL(foo_close);

MODULE_LICENSE("GPL");
