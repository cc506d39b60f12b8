// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (iwlegacy il_send_cmd(), the same shape in other firmware
 * command paths): the helper sleeps only for a synchronous command, and
 * the command says which in a field of the struct the caller passes:
 * `if (cmd->flags & CMD_ASYNC) return send_async(); return send_sync();`.
 * A caller under a spinlock that fills `.flags = FOO_CMD_ASYNC` in its
 * initialiser, or assigns it, does not sleep there (the callee's
 * condition on $1->flags is checked against the caller's cmd.flags); one
 * that leaves the flag out does.  The same for a test of the field's
 * truth (`if (cmd->wait)`).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/mutex.h>

#define FOO_CMD_ASYNC	BIT(0)
#define FOO_CMD_WANT_SKB	BIT(1)

struct foo_cmd {
	u8 id;
	u8 wait;
	u32 flags;
	const void *data;
};

struct foo_priv {
	spinlock_t lock;
	struct mutex mutex;
	wait_queue_head_t wq;
	int done;
};

static int foo_send_cmd_async(struct foo_priv *fp, struct foo_cmd *cmd)
{
	return cmd->id ? 0 : -EINVAL;
}

static int foo_send_cmd_sync(struct foo_priv *fp, struct foo_cmd *cmd)
{
	mutex_lock(&fp->mutex);
	wait_event_timeout(fp->wq, fp->done, HZ);
	mutex_unlock(&fp->mutex);
	return 0;
}

int foo_send_cmd(struct foo_priv *fp, struct foo_cmd *cmd)
{
	if (cmd->flags & FOO_CMD_ASYNC)
		return foo_send_cmd_async(fp, cmd);
	return foo_send_cmd_sync(fp, cmd);
}

static int foo_send_hcmd_sync(struct foo_priv *fp, struct foo_cmd *cmd)
{
	mutex_lock(&fp->mutex); /* expect: sleep-in-atomic */
	wait_event_timeout(fp->wq, fp->done, HZ);
	mutex_unlock(&fp->mutex);
	return 0;
}

int foo_send_hcmd(struct foo_priv *fp, struct foo_cmd *cmd)
{
	if (cmd->flags & FOO_CMD_ASYNC)
		return foo_send_cmd_async(fp, cmd);
	return foo_send_hcmd_sync(fp, cmd);
}

int foo_update_good(struct foo_priv *fp)
{
	struct foo_cmd cmd = {
		.id = 3,
		.flags = FOO_CMD_ASYNC,
	};
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&fp->lock, flags);
	ret = foo_send_cmd(fp, &cmd);
	spin_unlock_irqrestore(&fp->lock, flags);
	return ret;
}

int foo_update_assigned_good(struct foo_priv *fp, u8 id)
{
	struct foo_cmd cmd;
	unsigned long flags;
	int ret;

	cmd.id = id;
	cmd.flags = FOO_CMD_ASYNC | FOO_CMD_WANT_SKB;
	cmd.data = NULL;
	spin_lock_irqsave(&fp->lock, flags);
	ret = foo_send_cmd(fp, &cmd);
	spin_unlock_irqrestore(&fp->lock, flags);
	return ret;
}

int foo_update_bad(struct foo_priv *fp)
{
	struct foo_cmd cmd = {
		.id = 3,
		.flags = FOO_CMD_WANT_SKB,
	};
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&fp->lock, flags);
	ret = foo_send_hcmd(fp, &cmd);
	spin_unlock_irqrestore(&fp->lock, flags);
	return ret;
}

/* sleeps only for a command that waits */
static int foo_post_cmd(struct foo_priv *fp, struct foo_cmd *cmd)
{
	if (!cmd->wait)
		return 0;
	return wait_event_timeout(fp->wq, fp->done, HZ) ? 0 : -ETIMEDOUT;
}

static int foo_post_hcmd(struct foo_priv *fp, struct foo_cmd *cmd)
{
	if (!cmd->wait)
		return 0;
	return wait_event_timeout(fp->wq, fp->done, HZ) ? 0 : -ETIMEDOUT; /* expect: sleep-in-atomic */
}

int foo_post_nowait_good(struct foo_priv *fp)
{
	struct foo_cmd cmd = { .id = 4, .wait = 0 };
	int ret;

	spin_lock_bh(&fp->lock);
	ret = foo_post_cmd(fp, &cmd);
	spin_unlock_bh(&fp->lock);
	return ret;
}

int foo_post_wait_bad(struct foo_priv *fp)
{
	struct foo_cmd cmd = { .id = 4, .wait = 1 };
	int ret;

	spin_lock_bh(&fp->lock);
	ret = foo_post_hcmd(fp, &cmd);
	spin_unlock_bh(&fp->lock);
	return ret;
}

MODULE_LICENSE("GPL");
