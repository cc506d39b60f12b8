// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: `if (WARN_ON(!p)) return -ENOMEM;` is a check (WARN_ON
 * is a statement expression that yields its condition). A bare
 * `WARN_ON(!p);` that goes on regardless is not.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/bug.h>

struct foo_cmd {
	u8 opcode;
	u8 flags;
};

struct foo_host {
	struct foo_cmd *cmd;
};

int foo_cmd_alloc_bad(struct foo_host *host, u8 opcode)
{
	struct foo_cmd *cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);

	WARN_ON(!cmd);
	cmd->opcode = opcode; /* expect: unchecked-alloc */
	host->cmd = cmd;
	return 0;
}

int foo_cmd_alloc_good(struct foo_host *host, u8 opcode)
{
	struct foo_cmd *cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);

	if (WARN_ON(!cmd))
		return -ENOMEM;
	cmd->opcode = opcode;
	host->cmd = cmd;
	return 0;
}

MODULE_LICENSE("GPL");
