// SPDX-License-Identifier: GPL-2.0
/*
 * An array freed while the elements a loop stored in it still hold the
 * only pointers to that loop's blocks.  foo_parse_states() is
 * trinity_parse_power_table() of drivers/gpu/drm/radeon/trinity_dpm.c in
 * linux 6.1: one kzalloc()'d state per round goes into
 * rdev->pm.dpm.ps[i].ps_priv, and a round that fails frees the array
 * alone, so the states of the earlier rounds leak: reported at that
 * round's free of the array, and at the one before its allocation.
 * foo_parse_one() does the same without a loop: the array is stored in
 * the caller's struct first, then freed with a block in it.
 * foo_fill_then_unwind() fills the whole array, and frees the elements
 * first, in a loop of its own, when the next step fails.
 *
 * Not reported: an unwind loop that frees the elements first, whether its
 * counter is known or not (foo_good_while(), foo_good_for(),
 * foo_good_ptrs()), a helper that gets the array or the struct that holds
 * it (foo_good_helper(), foo_good_local_helper()), an array whose
 * elements were handed on (foo_good_listed()), and an array stored in
 * the caller's struct that a helper of the file frees after walking it
 * (foo_good_rings(), e1000e's e1000_setup_desc_rings() with
 * e1000_free_desc_rings(): the helper's summary says it frees the array,
 * not that it frees each element's skb first).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/skbuff.h>

struct foo_ps {
	void *priv;
	struct list_head node;
};

struct foo_dev {
	struct foo_ps *ps;
	int num_ps;
	bool bad;
	bool *valid;
	struct list_head all;
};

void foo_free_states(struct foo_dev *d, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kfree(d->ps[i].priv);
}

int foo_parse_states(struct foo_dev *d, int n)
{
	int i;
	void *ps;

	d->ps = kcalloc(n, sizeof(*d->ps), GFP_KERNEL);
	if (!d->ps)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		if (!d->valid[i]) {
			kfree(d->ps); /* expect: alloc-leak */
			return -EINVAL;
		}
		ps = kzalloc(64, GFP_KERNEL);
		if (!ps) {
			kfree(d->ps); /* expect: alloc-leak */
			return -ENOMEM;
		}
		d->ps[i].priv = ps;
	}
	d->num_ps = n;
	return 0;
}

int foo_register(struct foo_dev *d)
{
	return d->bad ? -EIO : 0;
}

int foo_fill_then_unwind(struct foo_dev *d, int n)
{
	struct foo_ps *arr = kcalloc(n, sizeof(*arr), GFP_KERNEL);
	int i, ret;

	if (!arr)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		arr[i].priv = kzalloc(16, GFP_KERNEL);
		if (!arr[i].priv) {
			ret = -ENOMEM;
			goto err;
		}
	}
	d->ps = arr;
	ret = foo_register(d);
	if (ret)
		goto err;
	return 0;
err:
	d->ps = NULL;
	for (i = 0; i < n; i++)
		kfree(arr[i].priv);
	kfree(arr);
	return ret;
}

int foo_parse_one(struct foo_dev *d)
{
	void *p;

	d->ps = kcalloc(1, sizeof(*d->ps), GFP_KERNEL);
	if (!d->ps)
		return -ENOMEM;
	p = kzalloc(16, GFP_KERNEL);
	if (!p) {
		kfree(d->ps);
		return -ENOMEM;
	}
	d->ps->priv = p;
	if (d->bad) { /* expect-note: alloc-leak */
		kfree(d->ps); /* expect: alloc-leak */
		return -EINVAL;
	}
	return 0;
}

int foo_good_while(struct foo_dev *d, int n)
{
	int i;
	void *p;

	d->ps = kcalloc(n, sizeof(*d->ps), GFP_KERNEL);
	if (!d->ps)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		p = kzalloc(16, GFP_KERNEL);
		if (!p)
			goto err;
		d->ps[i].priv = p;
	}
	d->num_ps = n;
	return 0;
err:
	while (--i >= 0)
		kfree(d->ps[i].priv);
	kfree(d->ps);
	d->ps = NULL;
	return -ENOMEM;
}

int foo_good_for(int n, struct foo_ps **out)
{
	struct foo_ps *arr;
	int i, j;

	arr = kcalloc(n, sizeof(*arr), GFP_KERNEL);
	if (!arr)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		arr[i].priv = kzalloc(16, GFP_KERNEL);
		if (!arr[i].priv) {
			for (j = 0; j < i; j++)
				kfree(arr[j].priv);
			kfree(arr);
			return -ENOMEM;
		}
	}
	*out = arr;
	return 0;
}

int foo_good_helper(struct foo_dev *d, int n)
{
	int i;
	void *p;

	d->ps = kcalloc(n, sizeof(*d->ps), GFP_KERNEL);
	if (!d->ps)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		p = kzalloc(16, GFP_KERNEL);
		if (!p) {
			foo_free_states(d, i);
			kfree(d->ps);
			return -ENOMEM;
		}
		d->ps[i].priv = p;
	}
	return 0;
}

static void foo_put_states(struct foo_ps *arr, int n)
{
	int i;

	for (i = 0; i < n; i++)
		kfree(arr[i].priv);
	kfree(arr);
}

int foo_good_local_helper(struct foo_dev *d, int n)
{
	struct foo_ps *arr = kcalloc(n, sizeof(*arr), GFP_KERNEL);
	int i;

	if (!arr)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		arr[i].priv = kzalloc(16, GFP_KERNEL);
		if (!arr[i].priv) {
			foo_put_states(arr, i);
			return -ENOMEM;
		}
	}
	d->ps = arr;
	return 0;
}

int foo_good_ptrs(int n, void ***out)
{
	void **v = kcalloc(n, sizeof(*v), GFP_KERNEL);
	int i;

	if (!v)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		v[i] = kmalloc(32, GFP_KERNEL);
		if (!v[i])
			goto unwind;
	}
	*out = v;
	return 0;
unwind:
	while (i--)
		kfree(v[i]);
	kfree(v);
	return -ENOMEM;
}

int foo_good_listed(struct foo_dev *d, int n)
{
	struct foo_ps *arr = kcalloc(n, sizeof(*arr), GFP_KERNEL);
	struct foo_ps *e;
	int i;

	if (!arr)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		e = kzalloc(sizeof(*e), GFP_KERNEL);
		if (!e) {
			kfree(arr);
			return -ENOMEM;
		}
		arr[i].priv = e;
		list_add(&e->node, &d->all);
	}
	d->ps = arr;
	return 0;
}

struct foo_buf {
	struct sk_buff *skb;
	unsigned int len;
};

struct foo_ring {
	struct foo_buf *buffer_info;
	int count;
};

struct foo_adapter {
	struct foo_ring test_tx_ring;
	bool broken;
};

static void foo_free_rings(struct foo_adapter *a)
{
	struct foo_ring *tx = &a->test_tx_ring;
	int i;

	if (tx->buffer_info) {
		for (i = 0; i < tx->count; i++)
			kfree_skb(tx->buffer_info[i].skb);
	}
	kfree(tx->buffer_info);
	tx->buffer_info = NULL;
}

int foo_good_rings(struct foo_adapter *a)
{
	struct foo_ring *tx = &a->test_tx_ring;
	int i;

	tx->buffer_info = kcalloc(tx->count, sizeof(*tx->buffer_info),
				  GFP_KERNEL);
	if (!tx->buffer_info)
		return -ENOMEM;
	for (i = 0; i < tx->count; i++) {
		struct sk_buff *skb = alloc_skb(1024, GFP_KERNEL);

		if (!skb)
			goto err_nomem;
		tx->buffer_info[i].skb = skb;
		tx->buffer_info[i].len = skb->len;
		if (a->broken)
			goto err_nomem;
	}
	return 0;

err_nomem:
	foo_free_rings(a);
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
