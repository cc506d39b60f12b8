// SPDX-License-Identifier: GPL-2.0
/*
 * A registration that takes the object only when it returns 0 and fails
 * with a -errno, tested by its caller with `err < 0`, as snd_ac97_bus()
 * (sound/pci/ac97/ac97_codec.c) does with snd_device_new(): every
 * failing return of the callee is negative, so `err < 0` is the whole
 * failure and the object is handed over on the other side. The flagged
 * twin's registration can also fail with a positive count, which
 * `err < 0` lets through.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct foo_card {
	struct list_head devices;
	int ndevices;
};

struct foo_device {
	struct list_head list;
	void *data;
};

struct foo_bus {
	struct foo_card *card;
	int num;
};

static int foo_device_new(struct foo_card *card, void *data)
{
	struct foo_device *dev;

	if (card->ndevices > 64)
		return -ENOSPC;
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->data = data;
	list_add_tail(&dev->list, &card->devices);
	card->ndevices++;
	return 0;
}

int foo_bus_good(struct foo_card *card, int num)
{
	struct foo_bus *bus;
	int err;

	bus = kzalloc(sizeof(*bus), GFP_KERNEL);
	if (!bus)
		return -ENOMEM;
	bus->card = card;
	bus->num = num;
	err = foo_device_new(card, bus);
	if (err < 0) {
		kfree(bus);
		return err;
	}
	return 0;
}

static int foo_device_new_count(struct foo_card *card, void *data)
{
	struct foo_device *dev;

	if (card->ndevices > 64)
		return card->ndevices;	/* a positive "busy" count */
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->data = data;
	list_add_tail(&dev->list, &card->devices);
	card->ndevices++;
	return 0;
}

int foo_bus_bad(struct foo_card *card, int num)
{
	struct foo_bus *bus;
	int err;

	bus = kzalloc(sizeof(*bus), GFP_KERNEL);
	if (!bus)
		return -ENOMEM;
	bus->card = card;
	bus->num = num;
	err = foo_device_new_count(card, bus);
	if (err < 0) {
		kfree(bus);
		return err;
	}
	return 0; /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
