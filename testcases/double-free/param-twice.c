// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of a parameter inside one function: the function did not
 * allocate `cmd`, but it takes ownership and frees it, twice on the
 * error path of foo_cmd_finish_bad(). foo_cmd_drop_bad() is the plain
 * `kfree(param); ...; kfree(param);`. The good twin frees once.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/printk.h>

struct foo_cmd {
	u32 id;
	int status;
};

void foo_cmd_finish_bad(struct foo_cmd *cmd, int status)
{
	if (status < 0) {
		pr_warn("foo: cmd %u failed: %d\n", cmd->id, status);
		kfree(cmd);
	}
	kfree(cmd); /* expect: double-free:high */
}

void foo_cmd_drop_bad(struct foo_cmd *cmd, u32 *last_id)
{
	kfree(cmd);
	*last_id = 0;
	kfree(cmd); /* expect: double-free */
}

void foo_cmd_finish_good(struct foo_cmd *cmd, int status)
{
	if (status < 0)
		pr_warn("foo: cmd %u failed: %d\n", cmd->id, status);
	kfree(cmd);
}

MODULE_LICENSE("GPL");
