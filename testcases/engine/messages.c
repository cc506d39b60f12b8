// SPDX-License-Identifier: GPL-2.0
/*
 * Finding messages that spell an expression of the source (messages.expected).
 * deprecated-api names the factors of the product: a sum among them is
 * spelled whole (hdac_hdmi's sizeof(*widgets) * ((2 * hdmi->num_ports) +
 * hdmi->num_cvt) read "320 * 2"), and a sizeof is spelled as the source
 * spells it (qat's msix_num_entries * sizeof(*irqs) read
 * "msix_num_entries * 49").  unchecked-alloc names a call's result
 * passed straight on as "the result of kzalloc()", not by the temporary
 * the lowering made for it (patch_ca0132.c's
 * snd_hda_ctl_add(codec, nid, snd_ctl_new1(&knew, codec)) read "'$t10'").
 * A callee that dereferences a field of its argument is named as the one
 * that dereferences it (kxsd9's iio_device_unregister(indio_dev) after
 * the buffer cleanup freed indio_dev->pollfunc read "'indio_dev->pollfunc'
 * is passed to iio_device_unregister()").
 */
#include <linux/module.h>
#include <linux/slab.h>

struct msg_widget {
	char name[320];
};

struct msg_hdmi {
	int num_ports;
	int num_cvt;
	struct msg_widget *widgets;
	u32 *map;
};

int msg_widgets(struct msg_hdmi *h);
int msg_widgets(struct msg_hdmi *h)
{
	h->widgets = kzalloc(sizeof(*h->widgets) * ((2 * h->num_ports) + h->num_cvt),
			     GFP_KERNEL);
	return h->widgets ? 0 : -ENOMEM;
}

int msg_map(struct msg_hdmi *h, unsigned int n);
int msg_map(struct msg_hdmi *h, unsigned int n)
{
	h->map = kzalloc(n * sizeof(u32), GFP_KERNEL);
	return h->map ? 0 : -ENOMEM;
}

static int msg_add(struct msg_hdmi *h, struct msg_widget *w)
{
	h->widgets = w;
	return w->name[0] + h->num_ports;
}

int msg_add_widget(struct msg_hdmi *h);
int msg_add_widget(struct msg_hdmi *h)
{
	return msg_add(h, kzalloc(sizeof(struct msg_widget), GFP_KERNEL));
}

/* the callee reads a field of what it is given: it is h that is
 * passed, and msg_first() that dereferences h->map */
static u32 msg_first(struct msg_hdmi *h)
{
	return h->map[0];
}

u32 msg_map_freed(struct msg_hdmi *h);
u32 msg_map_freed(struct msg_hdmi *h)
{
	kfree(h->map);
	return msg_first(h);
}

u32 msg_map_unchecked(struct msg_hdmi *h);
u32 msg_map_unchecked(struct msg_hdmi *h)
{
	h->map = kmalloc(16, GFP_KERNEL);
	return msg_first(h);
}

MODULE_LICENSE("GPL");
