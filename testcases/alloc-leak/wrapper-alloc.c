// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak through a wrapper allocator: foo_alloc_cmd() returns a
 * fresh kzalloc() block or NULL (its summary says so), so its callers are
 * checked as if they called kzalloc().  foo_send_cmd_bad() returns when
 * the device is busy without freeing the command; foo_send_cmd_good()
 * frees it with the wrapper's release helper on that path.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_cmd {
	u8 opcode;
	u8 len;
	u8 data[62];
};

struct foo_dev {
	bool busy;
	struct foo_cmd *pending;
};

static struct foo_cmd *foo_alloc_cmd(u8 opcode, gfp_t gfp)
{
	struct foo_cmd *cmd;

	cmd = kzalloc(sizeof(*cmd), gfp);
	if (!cmd)
		return NULL;
	cmd->opcode = opcode;
	return cmd;
}

static void foo_free_cmd(struct foo_cmd *cmd)
{
	kfree(cmd);
}

int foo_send_cmd_bad(struct foo_dev *fd, u8 opcode)
{
	struct foo_cmd *cmd;

	cmd = foo_alloc_cmd(opcode, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	if (fd->busy) /* expect-note: alloc-leak */
		return -EBUSY; /* expect: alloc-leak */
	fd->pending = cmd;
	return 0;
}

int foo_send_cmd_good(struct foo_dev *fd, u8 opcode)
{
	struct foo_cmd *cmd;

	cmd = foo_alloc_cmd(opcode, GFP_KERNEL);
	if (!cmd)
		return -ENOMEM;
	if (fd->busy) {
		foo_free_cmd(cmd);
		return -EBUSY;
	}
	fd->pending = cmd;
	return 0;
}

MODULE_LICENSE("GPL");
