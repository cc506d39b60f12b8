// SPDX-License-Identifier: GPL-2.0
/*
 * A local struct given by address to a function the engine does not
 * see may come back filled: dev->get_hdr(dev, &hdr) reads a header into it,
 * whatever hdr.len held before.  The engine kept the 0 written before
 * the call, took `if (!hdr.len) return` as always true and never
 * reached the unchecked kmalloc() below (nor the ones reached through
 * a member, &s.hdr, or through a pointer stored in another local,
 * req.hdr = &hdr).  The ok twin checks its allocation.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_hdr {
	u16 len;
	u8 type;
};

struct foo_req {
	struct foo_hdr *hdr;
	int action;
};

/* the device's functions: another file's, which the engine cannot see */
struct foo_dev {
	int (*get_hdr)(struct foo_dev *dev, struct foo_hdr *hdr);
	int (*submit)(struct foo_dev *dev, struct foo_req *req);
};

int foo_direct_bad(struct foo_dev *dev)
{
	struct foo_hdr hdr;
	char *p;

	hdr.len = 0;
	if (dev->get_hdr(dev, &hdr))
		return -EIO;
	if (!hdr.len)
		return -ENXIO;
	p = kmalloc(hdr.len, GFP_KERNEL);
	p[0] = hdr.type; /* expect: unchecked-alloc */
	kfree(p);
	return 0;
}

int foo_member_bad(struct foo_dev *dev)
{
	struct {
		struct foo_hdr hdr;
		int flags;
	} s;
	char *p;

	s.hdr.len = 0;
	s.flags = 1;
	if (dev->get_hdr(dev, &s.hdr))
		return -EIO;
	if (!s.hdr.len)
		return -ENXIO;
	p = kmalloc(s.hdr.len, GFP_KERNEL);
	p[0] = s.hdr.type; /* expect: unchecked-alloc */
	kfree(p);
	return 0;
}

int foo_stored_bad(struct foo_dev *dev)
{
	struct foo_hdr hdr;
	struct foo_req req;
	char *p;

	hdr.len = 0;
	req.hdr = &hdr;
	req.action = 1;
	if (dev->submit(dev, &req))
		return -EIO;
	if (!hdr.len)
		return -ENXIO;
	p = kmalloc(hdr.len, GFP_KERNEL);
	p[0] = hdr.type; /* expect: unchecked-alloc */
	kfree(p);
	return 0;
}

int foo_direct_ok(struct foo_dev *dev)
{
	struct foo_hdr hdr;
	char *p;

	hdr.len = 0;
	if (dev->get_hdr(dev, &hdr))
		return -EIO;
	if (!hdr.len)
		return -ENXIO;
	p = kmalloc(hdr.len, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p[0] = hdr.type;
	kfree(p);
	return 0;
}

MODULE_LICENSE("GPL");
