// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (drivers/usb/typec/class.c, typec_port_register_altmode()):
 * the mux is stored into the altmode through container_of() of the
 * pointer a registration returned, a member no access path names
 * (((struct foo_alt *)(__mptr - off))->mux), and the altmode is
 * returned.  The store keeps the mux where the function cannot follow:
 * foo_register_good() is silent.  foo_register_bad() returns the error
 * without putting the mux: reported.  foo_bind_bad() stores the mux the
 * same way into an altmode of its own, then frees that altmode with the
 * mux inside: reported where the function returns (its local pointer
 * to the mux lives until then).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/device.h>

struct foo_mux { int mode; };
struct foo_altmode { struct device dev; int svid; };
struct foo_alt {
	struct foo_altmode adev;
	struct foo_mux *mux;
};
#define to_alt(d) container_of(d, struct foo_alt, adev)

static void foo_alt_release(struct device *dev)
{
	kfree(to_alt(container_of(dev, struct foo_altmode, dev)));
}

static struct foo_mux *foo_mux_get(int mode)
{
	struct foo_mux *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return ERR_PTR(-ENOMEM);
	m->mode = mode;
	return m;
}

static void foo_mux_put(struct foo_mux *m)
{
	kfree(m);
}

static struct foo_altmode *foo_register(struct device *parent, int svid)
{
	struct foo_alt *alt = kzalloc(sizeof(*alt), GFP_KERNEL);
	int ret;

	if (!alt)
		return ERR_PTR(-ENOMEM);
	alt->adev.svid = svid;
	alt->adev.dev.parent = parent;
	alt->adev.dev.release = foo_alt_release;
	ret = device_register(&alt->adev.dev);
	if (ret) {
		put_device(&alt->adev.dev);
		return ERR_PTR(ret);
	}
	return &alt->adev;
}

struct foo_altmode *foo_register_good(struct device *parent, int svid)
{
	struct foo_altmode *adev;
	struct foo_mux *mux;

	mux = foo_mux_get(svid);
	if (IS_ERR(mux))
		return ERR_CAST(mux);
	adev = foo_register(parent, svid);
	if (IS_ERR(adev))
		foo_mux_put(mux);
	else
		to_alt(adev)->mux = mux;
	return adev;
}
EXPORT_SYMBOL_GPL(foo_register_good);

struct foo_altmode *foo_register_bad(struct device *parent, int svid)
{
	struct foo_altmode *adev;
	struct foo_mux *mux;

	mux = foo_mux_get(svid);
	if (IS_ERR(mux))
		return ERR_CAST(mux);
	adev = foo_register(parent, svid);
	if (IS_ERR(adev))
		return adev; /* expect: alloc-leak */
	to_alt(adev)->mux = mux;
	return adev;
}
EXPORT_SYMBOL_GPL(foo_register_bad);

int foo_bind_bad(int svid)
{
	struct foo_alt *alt;
	struct foo_altmode *adev;
	struct foo_mux *mux;

	alt = kzalloc(sizeof(*alt), GFP_KERNEL);
	if (!alt)
		return -ENOMEM;
	adev = &alt->adev;
	mux = foo_mux_get(svid);
	if (IS_ERR(mux)) {
		kfree(alt);
		return PTR_ERR(mux);
	}
	to_alt(adev)->mux = mux;
	kfree(alt);
	return 0; /* expect: alloc-leak */
}
EXPORT_SYMBOL_GPL(foo_bind_bad);
MODULE_LICENSE("GPL");
