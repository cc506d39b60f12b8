// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (intel-ish-hid ishtp_bus_new_client(), drivers/hid scan): an
 * interrupt handler reads a message into a buffer of its frame and
 * dispatches only the few commands that are safe in the handler; the
 * dispatcher copies its message pointer into a local and switches on a
 * field: `struct foo_msg *msg = hdr; switch (msg->cmd) { ... case
 * FOO_PROPS_RES: foo_new_client(fd); }`.  The sleep is only for
 * FOO_PROPS_RES, a command the handler never passes.  The switch's value
 * is a temporary holding $1->cmd, read through a local copy of $1: the
 * dispatcher's may-sleep fact keeps the condition on the caller's
 * message, and foo_irq() does not sleep.
 *
 * Twins: bar_irq() also dispatches FOO_PROPS_RES (sleeps), and
 * baz_dispatch() switches on a message it did not get from its caller
 * (no condition its callers can decide: sleeps).
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#define FOO_CONNECT_RES		0x81
#define FOO_DISCONNECT_RES	0x82
#define FOO_PROPS_RES		0x84

struct foo_msg {
	u8 cmd;
	u8 data[15];
};

struct foo_dev;
struct foo_ops {
	void (*read)(struct foo_dev *fd, void *buf, size_t len);
};

struct foo_dev {
	const struct foo_ops *ops;
	struct foo_msg *pending;
	int connected;
	int nclients;
	char *name;
	struct work_struct work;
};

static void foo_new_client(struct foo_dev *fd)
{
	fd->name = kasprintf(GFP_KERNEL, "foo-%d", fd->nclients);
}

static void foo_dispatch(struct foo_dev *fd, struct foo_msg *hdr)
{
	struct foo_msg *msg = hdr;

	switch (msg->cmd) {
	case FOO_CONNECT_RES:
		fd->connected = 1;
		break;
	case FOO_DISCONNECT_RES:
		fd->connected = 0;
		break;
	case FOO_PROPS_RES:
		fd->nclients++;
		foo_new_client(fd);
		break;
	}
}

static irqreturn_t foo_irq(int irq, void *data)
{
	struct foo_dev *fd = data;
	u8 buf[16];
	struct foo_msg *msg = (struct foo_msg *)buf;

	fd->ops->read(fd, buf, sizeof(buf));
	/* safe for the handler, and in order: the rest goes to the work */
	if (msg->cmd == FOO_CONNECT_RES || msg->cmd == FOO_DISCONNECT_RES) {
		foo_dispatch(fd, msg);
		return IRQ_HANDLED;
	}
	schedule_work(&fd->work);
	return IRQ_HANDLED;
}

/* the handler passes the command that sleeps too */
static void bar_new_client(struct foo_dev *fd)
{
	fd->name = kasprintf(GFP_KERNEL, "bar-%d", fd->nclients); /* expect: sleep-in-atomic */
}

static void bar_dispatch(struct foo_dev *fd, struct foo_msg *hdr)
{
	struct foo_msg *msg = hdr;

	switch (msg->cmd) {
	case FOO_CONNECT_RES:
		fd->connected = 1;
		break;
	case FOO_PROPS_RES:
		fd->nclients++;
		bar_new_client(fd);
		break;
	}
}

static irqreturn_t bar_irq(int irq, void *data)
{
	struct foo_dev *fd = data;
	u8 buf[16];
	struct foo_msg *msg = (struct foo_msg *)buf;

	fd->ops->read(fd, buf, sizeof(buf));
	if (msg->cmd == FOO_CONNECT_RES || msg->cmd == FOO_PROPS_RES) {
		bar_dispatch(fd, msg);
		return IRQ_HANDLED;
	}
	schedule_work(&fd->work);
	return IRQ_HANDLED;
}

/* the dispatcher's local is given another message before the switch */
static void baz_new_client(struct foo_dev *fd)
{
	fd->name = kasprintf(GFP_KERNEL, "baz-%d", fd->nclients); /* expect: sleep-in-atomic */
}

static void baz_dispatch(struct foo_dev *fd, struct foo_msg *hdr)
{
	struct foo_msg *msg = hdr;

	if (fd->pending)
		msg = fd->pending;
	switch (msg->cmd) {
	case FOO_CONNECT_RES:
		fd->connected = 1;
		break;
	case FOO_PROPS_RES:
		fd->nclients++;
		baz_new_client(fd);
		break;
	}
}

static irqreturn_t baz_irq(int irq, void *data)
{
	struct foo_dev *fd = data;
	u8 buf[16];
	struct foo_msg *msg = (struct foo_msg *)buf;

	fd->ops->read(fd, buf, sizeof(buf));
	if (msg->cmd == FOO_CONNECT_RES) {
		baz_dispatch(fd, msg);
		return IRQ_HANDLED;
	}
	schedule_work(&fd->work);
	return IRQ_HANDLED;
}

int foo_probe(struct foo_dev *fd, int irq)
{
	int ret;

	ret = request_irq(irq, foo_irq, 0, "foo", fd);
	if (ret)
		return ret;
	ret = request_irq(irq + 1, bar_irq, 0, "bar", fd);
	if (ret)
		goto err_foo;
	ret = request_irq(irq + 2, baz_irq, 0, "baz", fd);
	if (ret)
		goto err_bar;
	return 0;

err_bar:
	free_irq(irq + 1, fd);
err_foo:
	free_irq(irq, fd);
	return ret;
}

MODULE_LICENSE("GPL");
