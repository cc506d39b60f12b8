// SPDX-License-Identifier: GPL-2.0
/*
 * double-free through `fallthrough;`: the RESET case frees the payload
 * and falls into the NOP case, which frees it again. foo_evt_good()
 * frees once per case.
 */
#include <linux/module.h>
#include <linux/slab.h>

enum foo_evt_type { FOO_EVT_NOP, FOO_EVT_RESET, FOO_EVT_DATA };

struct foo_evt {
	enum foo_evt_type type;
	const u8 *data;
	size_t len;
};

struct foo_dev {
	u8 *last;
	unsigned int resets;
};

int foo_evt_bad(struct foo_dev *fd, const struct foo_evt *evt)
{
	u8 *payload = kmemdup(evt->data, evt->len, GFP_KERNEL);

	if (!payload)
		return -ENOMEM;
	switch (evt->type) {
	case FOO_EVT_RESET:
		kfree(payload);
		fd->resets++;
		fallthrough;
	case FOO_EVT_NOP:
		kfree(payload); /* expect: double-free */
		return 0;
	default:
		kfree(fd->last);
		fd->last = payload;
		return 0;
	}
}

int foo_evt_good(struct foo_dev *fd, const struct foo_evt *evt)
{
	u8 *payload = kmemdup(evt->data, evt->len, GFP_KERNEL);

	if (!payload)
		return -ENOMEM;
	switch (evt->type) {
	case FOO_EVT_RESET:
		fd->resets++;
		fallthrough;
	case FOO_EVT_NOP:
		kfree(payload);
		return 0;
	default:
		kfree(fd->last);
		fd->last = payload;
		return 0;
	}
}

MODULE_LICENSE("GPL");
