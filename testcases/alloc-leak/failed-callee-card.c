// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak across a failure (alloc_leak_failed.c), with the struct
 * that holds the blocks inside a container the caller releases: caiaq's
 * init_card() leaves its urbs in cdev (the sound card's private area,
 * card->private_data) when a later step fails, and snd_probe() then
 * calls snd_card_free(card), whose private_free releases them.  The
 * card comes from a helper through &card (the engine has no value for
 * it after the call); snd_card_free()'s summary says it takes the card,
 * and what sits below the place the argument names goes with it
 * (foo_probe_good(): silent).  A probe that returns the failure without
 * releasing the card leaves the urbs (foo_probe_bad(): reported in its
 * helper, at the return that left them).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/usb.h>
#include <sound/core.h>

struct foo_dev {
	struct urb *in_urb;
	struct urb *out_urb;
	int state;
};

static void foo_card_free(struct snd_card *card)
{
	struct foo_dev *d = card->private_data;

	usb_free_urb(d->in_urb);
	usb_free_urb(d->out_urb);
}

/* freed with the card by its caller */
static int foo_init_good(struct foo_dev *d)
{
	d->in_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!d->in_urb)
		return -ENOMEM;
	d->out_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!d->out_urb) {
		usb_free_urb(d->in_urb);
		d->in_urb = NULL;
		return -ENOMEM;
	}
	if (d->state < 0)
		return -EINVAL;
	return 0;
}

/* left behind by its caller */
static int foo_init_bad(struct foo_dev *d)
{
	d->in_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!d->in_urb)
		return -ENOMEM;
	d->out_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!d->out_urb) {
		usb_free_urb(d->in_urb);
		d->in_urb = NULL;
		return -ENOMEM;
	}
	if (d->state < 0)
		return -EINVAL; /* expect: alloc-leak */
	return 0;
}

static int foo_create_card(struct usb_interface *intf, struct snd_card **cardp)
{
	struct snd_card *card;
	int err;

	err = snd_card_new(&intf->dev, -1, NULL, THIS_MODULE,
			   sizeof(struct foo_dev), &card);
	if (err < 0)
		return err;
	card->private_free = foo_card_free;
	*cardp = card;
	return 0;
}

static int foo_probe_good(struct usb_interface *intf,
			  const struct usb_device_id *id)
{
	struct snd_card *card = NULL;
	int err;

	err = foo_create_card(intf, &card);
	if (err < 0)
		return err;
	usb_set_intfdata(intf, card);
	err = foo_init_good(card->private_data);
	if (err < 0) {
		snd_card_free(card);
		return err;
	}
	return 0;
}

static int foo_probe_bad(struct usb_interface *intf,
			 const struct usb_device_id *id)
{
	struct snd_card *card = NULL;
	int err;

	err = foo_create_card(intf, &card);
	if (err < 0)
		return err;
	usb_set_intfdata(intf, card);
	err = foo_init_bad(card->private_data);
	if (err < 0)
		return err;
	return 0;
}

static void foo_disconnect(struct usb_interface *intf)
{
	snd_card_free(usb_get_intfdata(intf));
}

static const struct usb_device_id foo_ids[] = {
	{ USB_DEVICE(0x1234, 0x5678) },
	{ }
};

static struct usb_driver foo_good_driver = {
	.name = "foo_good",
	.probe = foo_probe_good,
	.disconnect = foo_disconnect,
	.id_table = foo_ids,
};

static struct usb_driver foo_bad_driver = {
	.name = "foo_bad",
	.probe = foo_probe_bad,
	.disconnect = foo_disconnect,
	.id_table = foo_ids,
};

static int __init foo_init(void)
{
	int err = usb_register(&foo_good_driver);

	if (err)
		return err;
	err = usb_register(&foo_bad_driver);
	if (err)
		usb_deregister(&foo_good_driver);
	return err;
}
module_init(foo_init);

static void __exit foo_exit(void)
{
	usb_deregister(&foo_bad_driver);
	usb_deregister(&foo_good_driver);
}
module_exit(foo_exit);

MODULE_LICENSE("GPL");
