// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch after device_register(): the driver core's kerneldoc
 * says "never directly free @dev after calling this function, even if
 * it returned an error! Always use put_device()".  The count holds the
 * kobject's name (dev_set_name()), and the release callback frees the
 * block.  The bad functions kfree() the block when device_register()
 * or kobject_init_and_add() fails, and after device_initialize() when a
 * later step fails; the good ones put the reference.  A kfree() after
 * the path put the count is the release callback's business, not a
 * deallocator that skips it (cppc_acpi: kobject_put(), then kfree() of a
 * block whose ktype has no release): silent.
 */
#include <linux/module.h>
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/slab.h>

struct foo_port {
	struct device dev;
	int id;
};

static void foo_port_release(struct device *dev)
{
	kfree(container_of(dev, struct foo_port, dev));
}

int foo_bad_add(struct device *parent, int id)
{
	struct foo_port *port = kzalloc(sizeof(*port), GFP_KERNEL);
	int ret;

	if (!port)
		return -ENOMEM;
	port->id = id;
	port->dev.parent = parent;
	port->dev.release = foo_port_release;
	dev_set_name(&port->dev, "foo-port%d", id);
	ret = device_register(&port->dev);
	if (ret) {
		kfree(port); /* expect: free-mismatch */
		return ret;
	}
	return 0;
}

int foo_good_add(struct device *parent, int id)
{
	struct foo_port *port = kzalloc(sizeof(*port), GFP_KERNEL);
	int ret;

	if (!port)
		return -ENOMEM;
	port->id = id;
	port->dev.parent = parent;
	port->dev.release = foo_port_release;
	dev_set_name(&port->dev, "foo-port%d", id);
	ret = device_register(&port->dev);
	if (ret) {
		put_device(&port->dev);
		return ret;
	}
	return 0;
}

int foo_bad_init(struct device *parent, int id)
{
	struct foo_port *port = kzalloc(sizeof(*port), GFP_KERNEL);
	int ret;

	if (!port)
		return -ENOMEM;
	device_initialize(&port->dev);
	port->dev.parent = parent;
	port->dev.release = foo_port_release;
	ret = dev_set_name(&port->dev, "foo-port%d", id);
	if (ret)
		goto err_free;
	ret = device_add(&port->dev);
	if (ret)
		goto err_free;
	return 0;
err_free:
	kfree(port); /* expect: free-mismatch */
	return ret;
}

int foo_good_init(struct device *parent, int id)
{
	struct foo_port *port = kzalloc(sizeof(*port), GFP_KERNEL);
	int ret;

	if (!port)
		return -ENOMEM;
	port->id = id;
	port->dev.parent = parent;
	port->dev.release = foo_port_release;
	ret = dev_set_name(&port->dev, "foo-port%d", id);
	if (ret)
		goto err_free;	/* nothing counted yet: kfree() is right */
	device_initialize(&port->dev);
	ret = device_add(&port->dev);
	if (ret)
		goto err_put;
	return 0;
err_put:
	put_device(&port->dev);
	return ret;
err_free:
	kfree(port);
	return ret;
}

struct foo_attr_obj {
	struct kobject kobj;
};

static void foo_kobj_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct foo_attr_obj, kobj));
}

static struct kobj_type foo_ktype = {
	.release = foo_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

int foo_bad_kobj(struct kobject *parent)
{
	struct foo_attr_obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	int ret;

	if (!o)
		return -ENOMEM;
	ret = kobject_init_and_add(&o->kobj, &foo_ktype, parent, "foo");
	if (ret) {
		kfree(o); /* expect: free-mismatch */
		return ret;
	}
	return 0;
}

int foo_good_kobj(struct kobject *parent)
{
	struct foo_attr_obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	int ret;

	if (!o)
		return -ENOMEM;
	ret = kobject_init_and_add(&o->kobj, &foo_ktype, parent, "foo");
	if (ret) {
		kobject_put(&o->kobj);
		return ret;
	}
	return 0;
}

struct foo_cpc {
	struct kobject kobj;
	int cpu;
};

static struct kobj_type foo_cpc_ktype = {
	.sysfs_ops = &kobj_sysfs_ops,
};

int foo_cpc_add(struct kobject *parent, int cpu)
{
	struct foo_cpc *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int ret;

	if (!c)
		return -ENOMEM;
	c->cpu = cpu;
	ret = kobject_init_and_add(&c->kobj, &foo_cpc_ktype, parent, "cpc%d",
				   cpu);
	if (ret) {
		kobject_put(&c->kobj);
		goto out_free;
	}
	return 0;
out_free:
	kfree(c);
	return ret;
}

MODULE_LICENSE("GPL");
