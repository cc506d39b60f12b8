// SPDX-License-Identifier: GPL-2.0
/*
 * An unknown function given the address of a struct may keep what the
 * struct holds. A local struct can hold the allocation without a store
 * kmemlint sees, so foo_submit_good() is silent after ops->submit().
 * A struct in memory (&fd->port) holds only what was stored into it, and
 * the name of foo_register_bad() was not: it leaks when the registration
 * fails.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_req {
	void *buf;
	size_t len;
};

struct foo_port {
	const char *name;
	int line;
};

struct foo_dev {
	struct foo_port port;
};

/* functions of another module, as kmemlint sees them: unknown */
struct foo_ops {
	int (*submit)(struct foo_req *req);
	int (*port_register)(struct foo_port *port);
};

int foo_submit_good(const struct foo_ops *ops, size_t len)
{
	struct foo_req req;

	req.buf = kzalloc(len, GFP_KERNEL);
	if (!req.buf)
		return -ENOMEM;
	req.len = len;
	return ops->submit(&req);
}

int foo_register_bad(const struct foo_ops *ops, struct foo_dev *fd,
		     int line)
{
	char *name;

	name = kasprintf(GFP_KERNEL, "foo%d", line);
	if (!name)
		return -ENOMEM;
	if (ops->port_register(&fd->port))
		return -EIO; /* expect: alloc-leak */
	fd->port.name = name;
	return 0;
}

int foo_register_good(const struct foo_ops *ops, struct foo_dev *fd,
		      int line)
{
	char *name;

	name = kasprintf(GFP_KERNEL, "foo%d", line);
	if (!name)
		return -ENOMEM;
	if (ops->port_register(&fd->port)) {
		kfree(name);
		return -EIO;
	}
	fd->port.name = name;
	return 0;
}

MODULE_LICENSE("GPL");
