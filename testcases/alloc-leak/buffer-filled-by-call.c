// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (alps.c alps_detect(), drivers/input/mouse scan): a helper
 * sets its buffer argument to 0xff, then hands it to a function of
 * another file that fills it with the device's answer
 * (ps2_command(ps2dev, param, PSMOUSE_CMD_GETINFO)).  The caller tests
 * the answer.  What the buffer held before the call is not what it
 * holds after: taken as still 0xff, every later test of the answer was
 * decided, the branch that stores the caller's block was cut, and the
 * block looked leaked where foo_identify() had stored it.
 *
 * Twins: bar_identify() stores nothing, so bar_detect() leaks its block
 * where the device answered; baz_probe_id() leaks where the answer
 * read into a local array is not 0; qux_read_id() where the answer
 * usb_control_msg() read into an array member is not 0.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/serio.h>
#include <linux/libps2.h>
#include <linux/usb.h>

struct foo_data {
	int version;
};

struct foo_mouse {
	struct ps2dev ps2dev;
	void *private;
};

static int foo_rpt_cmd(struct foo_mouse *m, int init, int cmd,
		       unsigned char *param)
{
	param[0] = 0;
	if (init && ps2_command(&m->ps2dev, param, init))
		return -EIO;
	param[0] = param[1] = param[2] = 0xff;
	if (ps2_command(&m->ps2dev, param, cmd))
		return -EIO;
	return 0;
}

static void foo_set_protocol(struct foo_mouse *m, struct foo_data *priv,
			     int version)
{
	m->private = priv;
	priv->version = version;
}

static int foo_identify(struct foo_mouse *m, struct foo_data *priv)
{
	unsigned char e6[4];

	if (foo_rpt_cmd(m, 0x10e8, 0x2e9, e6))
		return -EIO;
	if (e6[0] != 0 || e6[1] != 0 || (e6[2] != 10 && e6[2] != 100))
		return -EINVAL;
	foo_set_protocol(m, priv, e6[2]);
	return 0;
}

int foo_detect(struct foo_mouse *m)
{
	struct foo_data *priv;
	int error;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	error = foo_identify(m, priv);
	if (error) {
		kfree(priv);
		return error;
	}
	return 0;
}

static int bar_identify(struct foo_mouse *m, struct foo_data *priv)
{
	unsigned char e6[4];

	if (foo_rpt_cmd(m, 0x10e8, 0x2e9, e6))
		return -EIO;
	if (e6[0] != 0 || e6[1] != 0 || (e6[2] != 10 && e6[2] != 100))
		return -EINVAL;
	priv->version = e6[2];
	return 0;
}

int bar_detect(struct foo_mouse *m)
{
	struct foo_data *priv;
	int error;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	error = bar_identify(m, priv);
	if (error) {
		kfree(priv);
		return error;
	}
	return 0; /* expect: alloc-leak */
}

int baz_probe_id(struct foo_mouse *m)
{
	unsigned char id[2];
	void *buf;

	id[0] = 0;
	buf = kmalloc(16, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ps2_command(&m->ps2dev, id, 0x2f2);
	if (id[0] == 0) {
		kfree(buf);
		return 0;
	}
	return -ENODEV; /* expect: alloc-leak */
}

struct qux_dev {
	struct usb_device *udev;
	u8 buf[8];
	void *priv;
};

/* the array member handed to usb_control_msg(), which only a rules line
 * knows: the device's answer, not the 0 written before the request */
int qux_read_id(struct qux_dev *d)
{
	void *p;

	d->buf[0] = 0;
	p = kmalloc(16, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	usb_control_msg(d->udev, usb_rcvctrlpipe(d->udev, 0), 1,
			USB_DIR_IN | USB_TYPE_VENDOR | USB_RECIP_DEVICE, 0, 0,
			d->buf, sizeof(d->buf), 500);
	if (d->buf[0] != 0)
		return -EIO; /* expect: alloc-leak */
	d->priv = p;
	return 0;
}

MODULE_LICENSE("GPL");
