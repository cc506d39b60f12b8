// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free around a struct copy: set_ringparam() of the e1000
 * family allocates the new ring into the adapter, saves it in a local
 * copy, puts the old ring back to free it, then copies the new one in
 * again.  foo_set_ringparam_good() does that (silent: after
 * adapter->rx_ring = rx_new, rx_ring.desc is the new block, not the
 * freed one).  foo_set_ringparam_bad() copies the new ring back before
 * the free, so it frees the new ring and brings the adapter up on it.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_ring {
	void *desc;
	unsigned int count;
};

struct foo_adapter {
	struct foo_ring rx_ring;
	int up;
};

static noinline int foo_setup_rx(struct foo_adapter *a)
{
	a->rx_ring.desc = kcalloc(a->rx_ring.count, 16, GFP_KERNEL);
	if (!a->rx_ring.desc)
		return -ENOMEM;
	return 0;
}

static noinline void foo_free_rx(struct foo_adapter *a)
{
	kfree(a->rx_ring.desc);
}

static noinline void foo_up(struct foo_adapter *a)
{
	memset(a->rx_ring.desc, 0, 16);
	a->up = 1;
}

int foo_set_ringparam_good(struct foo_adapter *a, unsigned int count)
{
	struct foo_ring rx_old, rx_new;
	int err;

	rx_old = a->rx_ring;
	a->rx_ring.count = count;
	err = foo_setup_rx(a);
	if (err) {
		a->rx_ring = rx_old;
		return err;
	}
	rx_new = a->rx_ring;
	a->rx_ring = rx_old;
	foo_free_rx(a);
	a->rx_ring = rx_new;
	foo_up(a);
	return 0;
}

int foo_set_ringparam_bad(struct foo_adapter *a, unsigned int count)
{
	struct foo_ring rx_old, rx_new;
	int err;

	rx_old = a->rx_ring;
	a->rx_ring.count = count;
	err = foo_setup_rx(a);
	if (err) {
		a->rx_ring = rx_old;
		return err;
	}
	rx_new = a->rx_ring;
	a->rx_ring = rx_old;
	a->rx_ring = rx_new;
	foo_free_rx(a);
	foo_up(a); /* expect: use-after-free */
	return 0;
}

MODULE_LICENSE("GPL");
