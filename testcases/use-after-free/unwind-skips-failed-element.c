// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (dmaengine dma_async_device_register(), drivers/dma): the
 * channel register helper frees chan->dev and chan->local where it fails,
 * and sets chan->local = NULL; where alloc_percpu() itself failed,
 * chan->local is NULL already.  The caller's unwind walks the channels
 * and skips one whose ->local is NULL, so the failed channel's freed
 * ->dev is never touched.  The helper's failing returns all leave
 * $1->local NULL (a failed allocation stored there counts as a NULL
 * store): foo_register() is silent.
 *
 * Twin: bar_chan_register() leaves chan->local dangling, so bar_register()'s
 * unwind uses the freed ->dev and frees it and ->local again: reported.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/device.h>
#include <linux/idr.h>

struct foo_chan;
struct foo_chan_dev {
	struct device device;
	struct foo_chan *chan;
	int id;
};

struct foo_chan {
	struct list_head node;
	struct foo_chan_dev *dev;
	int __percpu *local;
	int id;
};

struct foo_dma {
	struct list_head channels;
	struct device *dev;
	struct ida chan_ida;
};

/* Not static: the other files of the driver call it too. */
int foo_hw_setup(struct foo_chan_dev *cd);
int foo_hw_setup(struct foo_chan_dev *cd)
{
	return cd->id > 16 ? -EINVAL : 0;
}

static int foo_chan_register(struct foo_dma *d, struct foo_chan *chan)
{
	int rc;

	chan->local = alloc_percpu(int);
	if (!chan->local)
		return -ENOMEM;
	chan->dev = kzalloc(sizeof(*chan->dev), GFP_KERNEL);
	if (!chan->dev) {
		rc = -ENOMEM;
		goto err_free_local;
	}
	chan->id = ida_alloc(&d->chan_ida, GFP_KERNEL);
	if (chan->id < 0) {
		rc = chan->id;
		goto err_free_dev;
	}
	chan->dev->chan = chan;
	rc = foo_hw_setup(chan->dev);
	if (rc)
		goto err_out_ida;
	return 0;

err_out_ida:
	ida_free(&d->chan_ida, chan->id);

err_free_dev:
	kfree(chan->dev);
err_free_local:
	free_percpu(chan->local);
	chan->local = NULL;
	return rc;
}

int foo_register(struct foo_dma *d);
int foo_register(struct foo_dma *d)
{
	struct foo_chan *chan;
	int rc;

	list_for_each_entry(chan, &d->channels, node) {
		rc = foo_chan_register(d, chan);
		if (rc < 0)
			goto err_out;
	}
	return 0;

err_out:
	list_for_each_entry(chan, &d->channels, node) {
		if (chan->local == NULL)
			continue;
		chan->dev->chan = NULL;
		kfree(chan->dev);
		free_percpu(chan->local);
	}
	return rc;
}

static int bar_chan_register(struct foo_dma *d, struct foo_chan *chan)
{
	int rc;

	chan->local = alloc_percpu(int);
	if (!chan->local)
		return -ENOMEM;
	chan->dev = kzalloc(sizeof(*chan->dev), GFP_KERNEL);
	if (!chan->dev) {
		rc = -ENOMEM;
		goto err_free_local;
	}
	chan->id = ida_alloc(&d->chan_ida, GFP_KERNEL);
	if (chan->id < 0) {
		rc = chan->id;
		goto err_free_dev;
	}
	chan->dev->chan = chan;
	rc = foo_hw_setup(chan->dev);
	if (rc)
		goto err_out_ida;
	return 0;

err_out_ida:
	ida_free(&d->chan_ida, chan->id);

err_free_dev:
	kfree(chan->dev);
err_free_local:
	free_percpu(chan->local);
	return rc;
}

int bar_register(struct foo_dma *d);
int bar_register(struct foo_dma *d)
{
	struct foo_chan *chan;
	int rc;

	list_for_each_entry(chan, &d->channels, node) {
		rc = bar_chan_register(d, chan);
		if (rc < 0)
			goto err_out;
	}
	return 0;

err_out:
	list_for_each_entry(chan, &d->channels, node) {
		if (chan->local == NULL)
			continue;
		chan->dev->chan = NULL; /* expect: use-after-free */
		kfree(chan->dev); /* expect: double-free */
		free_percpu(chan->local);
	}
	return rc;
}
MODULE_LICENSE("GPL");
