// SPDX-License-Identifier: GPL-2.0
/*
 * Finding messages that spell an expression of the source (messages.expected).
 * deprecated-api names the factors of the product: a sum among them is
 * spelled whole (hdac_hdmi's sizeof(*widgets) * ((2 * hdmi->num_ports) +
 * hdmi->num_cvt) read "320 * 2").
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

MODULE_LICENSE("GPL");
