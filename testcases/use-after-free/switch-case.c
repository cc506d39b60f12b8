// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free after a switch: the NAK case frees the message and
 * breaks, and the code after the switch bumps msg->retries on every path.
 * foo_rx_good() returns from the NAK case; its caller foo_tx() frees the
 * message unless foo_rx_good() returned -EIO (it freed it then): silent.
 */
#include <linux/module.h>
#include <linux/slab.h>

enum foo_reply { FOO_ACK, FOO_NAK, FOO_BUSY };

struct foo_msg {
	unsigned int retries;
	bool acked;
};

int foo_rx_bad(struct foo_msg *msg, enum foo_reply reply)
{
	int ret = 0;

	switch (reply) {
	case FOO_ACK:
		msg->acked = true;
		break;
	case FOO_NAK:
		kfree(msg);
		ret = -EIO;
		break;
	case FOO_BUSY:
		ret = -EAGAIN;
		break;
	}
	msg->retries++; /* expect: use-after-free */
	return ret;
}

int foo_rx_good(struct foo_msg *msg, enum foo_reply reply)
{
	int ret = 0;

	switch (reply) {
	case FOO_ACK:
		msg->acked = true;
		break;
	case FOO_NAK:
		kfree(msg);
		return -EIO;
	case FOO_BUSY:
		ret = -EAGAIN;
		break;
	}
	msg->retries++;
	return ret;
}

int foo_tx(enum foo_reply reply)
{
	struct foo_msg *msg = kzalloc(sizeof(*msg), GFP_KERNEL);
	int ret;

	if (!msg)
		return -ENOMEM;
	ret = foo_rx_good(msg, reply);
	if (ret != -EIO)
		kfree(msg);	/* foo_rx_good() freed it on -EIO */
	return ret;
}

MODULE_LICENSE("GPL");
