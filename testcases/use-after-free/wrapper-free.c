// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free through a local release wrapper: foo_msg_free() frees
 * the message's payload and the message; foo_msg_drop_bad() calls it and
 * then reads m->len for its statistics. foo_msg_drop_good() reads first.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_msg {
	u8 *payload;
	size_t len;
};

struct foo_stats {
	u64 dropped_bytes;
};

int foo_msg_new(struct foo_msg **out, const u8 *data, size_t len)
{
	struct foo_msg *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->payload = kmemdup(data, len, GFP_KERNEL);
	if (!m->payload) {
		kfree(m);
		return -ENOMEM;
	}
	m->len = len;
	*out = m;
	return 0;
}

static void foo_msg_free(struct foo_msg *m)
{
	kfree(m->payload);
	kfree(m);
}

void foo_msg_drop_bad(struct foo_stats *st, struct foo_msg *m)
{
	foo_msg_free(m);
	st->dropped_bytes += m->len; /* expect: use-after-free:medium */
}

void foo_msg_drop_good(struct foo_stats *st, struct foo_msg *m)
{
	st->dropped_bytes += m->len;
	foo_msg_free(m);
}

MODULE_LICENSE("GPL");
