// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch after device_initialize(): the count holds the kobject's
 * name, which dev_set_name() gives it, and the device once device_add()
 * publishes it.  device_initialize() itself allocates nothing, so a
 * kfree() before either leaks nothing, and the release callback may not
 * be ready for the half-built object (iio_device_alloc(): its release
 * ida_free()s an id that ida_alloc() failed to give): silent.  A kfree()
 * after dev_set_name() skips the put that frees the name: reported,
 * unless the path found that dev_set_name() failed (no name was set).
 * The same for kobject_init() before kobject_set_name() or kobject_add().
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/idr.h>
#include <linux/kobject.h>
#include <linux/slab.h>

static DEFINE_IDA(unn_ida);

struct unn_dev {
	struct device dev;
	int id;
};

static void unn_release(struct device *dev)
{
	struct unn_dev *u = container_of(dev, struct unn_dev, dev);

	ida_free(&unn_ida, u->id);
	kfree(u);
}

struct unn_dev *unn_alloc(struct device *parent);
struct unn_dev *unn_alloc(struct device *parent)
{
	struct unn_dev *u = kzalloc(sizeof(*u), GFP_KERNEL);

	if (!u)
		return NULL;
	u->dev.parent = parent;
	u->dev.release = unn_release;
	device_initialize(&u->dev);
	u->id = ida_alloc(&unn_ida, GFP_KERNEL);
	if (u->id < 0) {
		kfree(u);	/* nothing counted yet */
		return NULL;
	}
	if (dev_set_name(&u->dev, "unn%d", u->id))
		goto err_put;
	return u;
err_put:
	put_device(&u->dev);
	return NULL;
}

int unn_add(struct device *parent, int id);
int unn_add(struct device *parent, int id)
{
	struct unn_dev *u = kzalloc(sizeof(*u), GFP_KERNEL);
	int ret;

	if (!u)
		return -ENOMEM;
	u->id = id;
	u->dev.parent = parent;
	u->dev.release = unn_release;
	device_initialize(&u->dev);
	dev_set_name(&u->dev, "unn%d", id);
	ret = device_add(&u->dev);
	if (ret) {
		kfree(u); /* expect: free-mismatch */
		return ret;
	}
	return 0;
}

/* iio_device_alloc(): the kfree() where dev_set_name() failed frees a
 * device with no name either: silent; once device_add() fails the name
 * leaks: reported */
int unn_named(struct device *parent);
int unn_named(struct device *parent)
{
	struct unn_dev *u = kzalloc(sizeof(*u), GFP_KERNEL);
	int ret;

	if (!u)
		return -ENOMEM;
	u->dev.parent = parent;
	u->dev.release = unn_release;
	device_initialize(&u->dev);
	u->id = ida_alloc(&unn_ida, GFP_KERNEL);
	if (u->id < 0) {
		ret = u->id;
		kfree(u);
		return ret;
	}
	if (dev_set_name(&u->dev, "unn%d", u->id)) {
		ida_free(&unn_ida, u->id);
		kfree(u);	/* the name was not set */
		return -ENOMEM;
	}
	ret = device_add(&u->dev);
	if (ret) {
		ida_free(&unn_ida, u->id);
		kfree(u); /* expect: free-mismatch */
		return ret;
	}
	return 0;
}

int unn_named_ret(struct device *parent, int id);
int unn_named_ret(struct device *parent, int id)
{
	struct unn_dev *u = kzalloc(sizeof(*u), GFP_KERNEL);
	int ret;

	if (!u)
		return -ENOMEM;
	u->id = id;
	u->dev.release = unn_release;
	device_initialize(&u->dev);
	ret = dev_set_name(&u->dev, "unn%d", id);
	if (ret)
		goto err_free;	/* no name: kfree() leaks nothing */
	ret = device_add(&u->dev);
	if (ret)
		goto err_put;
	return 0;
err_put:
	put_device(&u->dev);
	return ret;
err_free:
	kfree(u);
	return ret;
}

struct unn_obj {
	struct kobject kobj;
	int id;
};

static void unn_kobj_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct unn_obj, kobj));
}

static struct kobj_type unn_ktype = {
	.release = unn_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

struct unn_obj *unn_kobj_new(struct kobject *parent, int id);
struct unn_obj *unn_kobj_new(struct kobject *parent, int id)
{
	struct unn_obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	if (!o)
		return NULL;
	kobject_init(&o->kobj, &unn_ktype);
	o->id = ida_alloc(&unn_ida, GFP_KERNEL);
	if (o->id < 0) {
		kfree(o);	/* nothing counted yet */
		return NULL;
	}
	if (kobject_add(&o->kobj, parent, "unn%d", id)) {
		ida_free(&unn_ida, o->id);
		kfree(o); /* expect: free-mismatch */
		return NULL;
	}
	return o;
}

MODULE_LICENSE("GPL");
