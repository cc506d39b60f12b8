// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: WARN_ON_ONCE() keeps a static "warned" flag in its
 * statement expression; the value it yields is still the condition.
 * foo_bad() warns once on the wrong pointer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/bug.h>

struct foo_fw {
	const u8 *image;
	size_t size;
};

struct foo_fw_req {
	u32 version;
	size_t size;
};

int foo_fw_req_bad(struct foo_fw *fw, struct foo_fw_req **out)
{
	struct foo_fw_req *req = kmalloc(sizeof(*req), GFP_KERNEL);

	if (WARN_ON_ONCE(!fw->image)) {
		kfree(req);
		return -EINVAL;
	}
	req->size = fw->size; /* expect: unchecked-alloc */
	*out = req;
	return 0;
}

int foo_fw_req_good(struct foo_fw *fw, struct foo_fw_req **out)
{
	struct foo_fw_req *req = kmalloc(sizeof(*req), GFP_KERNEL);

	if (WARN_ON_ONCE(!req))
		return -ENOMEM;
	req->size = fw->size;
	*out = req;
	return 0;
}

MODULE_LICENSE("GPL");
