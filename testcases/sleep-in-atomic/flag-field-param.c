// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (iwlwifi iwl_mvm_send_cmd_pdu(), nine findings on drivers/net):
 * as flag-field.c, one call further.  The sender sleeps only where
 * !(cmd->flags & CMD_ASYNC), and the helper between fills a local
 * command from its own parameter: `struct foo_cmd cmd = { .flags = flags
 * };  return foo_send_cmd(fp, &cmd);`.  The callee's condition on
 * $1->flags is then a condition on the helper's parameter `flags`, which
 * its callers pass: FOO_CMD_ASYNC under a spinlock does not sleep
 * (foo_disable_tx_good(), also through a second helper that passes its
 * own parameter on), 0 does.  The helper that changes its parameter
 * before storing it keeps the sleep unconditional.
 */
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/mutex.h>

#define FOO_CMD_ASYNC	BIT(0)
#define FOO_CMD_WANT_SKB	BIT(1)

struct foo_cmd {
	u32 id;
	u32 flags;
	u16 len;
	const void *data;
};

struct foo_priv {
	spinlock_t lock;
	struct mutex mutex;
	wait_queue_head_t wq;
	int done;
	u32 queued;
};

static int foo_send_sync(struct foo_priv *fp, struct foo_cmd *cmd)
{
	mutex_lock(&fp->mutex);
	wait_event_timeout(fp->wq, fp->done, HZ);
	mutex_unlock(&fp->mutex);
	return 0;
}

static int foo_send_cmd(struct foo_priv *fp, struct foo_cmd *cmd)
{
	if (cmd->flags & FOO_CMD_ASYNC) {
		fp->queued++;
		return 0;
	}
	return foo_send_sync(fp, cmd);
}

static int foo_send_cmd_pdu(struct foo_priv *fp, u32 id, u32 flags,
			    u16 len, const void *data)
{
	struct foo_cmd cmd = {
		.id = id,
		.len = len,
		.data = data,
		.flags = flags,
	};

	return foo_send_cmd(fp, &cmd);
}

static int foo_modify_sta(struct foo_priv *fp, u32 flags, u32 sta)
{
	return foo_send_cmd_pdu(fp, 0x18, flags, sizeof(sta), &sta);
}

/* the same chain, for the callers that do sleep */
static int foo_hsend_sync(struct foo_priv *fp, struct foo_cmd *cmd)
{
	mutex_lock(&fp->mutex); /* expect: sleep-in-atomic */
	wait_event_timeout(fp->wq, fp->done, HZ);
	mutex_unlock(&fp->mutex);
	return 0;
}

static int foo_hsend_cmd(struct foo_priv *fp, struct foo_cmd *cmd)
{
	if (cmd->flags & FOO_CMD_ASYNC) {
		fp->queued++;
		return 0;
	}
	return foo_hsend_sync(fp, cmd);
}

static int foo_hsend_cmd_pdu(struct foo_priv *fp, u32 id, u32 flags,
			     u16 len, const void *data)
{
	struct foo_cmd cmd = {
		.id = id,
		.len = len,
		.data = data,
		.flags = flags,
	};

	return foo_hsend_cmd(fp, &cmd);
}

int foo_disable_tx_good(struct foo_priv *fp, u32 sta)
{
	int ret;

	spin_lock_bh(&fp->lock);
	ret = foo_send_cmd_pdu(fp, 0x18, FOO_CMD_ASYNC, sizeof(sta), &sta);
	if (!ret)
		ret = foo_modify_sta(fp, FOO_CMD_ASYNC, sta);
	spin_unlock_bh(&fp->lock);
	return ret;
}

int foo_disable_tx_bad(struct foo_priv *fp, u32 sta)
{
	int ret;

	spin_lock_bh(&fp->lock);
	ret = foo_hsend_cmd_pdu(fp, 0x18, 0, sizeof(sta), &sta);
	spin_unlock_bh(&fp->lock);
	return ret;
}

/* flags is changed before it is stored: cmd.flags is not what the
 * caller passed */
static int foo_fsend_sync(struct foo_priv *fp, struct foo_cmd *cmd)
{
	mutex_lock(&fp->mutex); /* expect: sleep-in-atomic */
	wait_event_timeout(fp->wq, fp->done, HZ);
	mutex_unlock(&fp->mutex);
	return 0;
}

static int foo_fsend_cmd(struct foo_priv *fp, struct foo_cmd *cmd)
{
	if (cmd->flags & FOO_CMD_ASYNC) {
		fp->queued++;
		return 0;
	}
	return foo_fsend_sync(fp, cmd);
}

static int foo_send_cmd_sync_pdu(struct foo_priv *fp, u32 flags, u32 sta)
{
	struct foo_cmd cmd = { .id = 0x19, .data = &sta };

	flags &= ~FOO_CMD_ASYNC;
	cmd.flags = flags;
	return foo_fsend_cmd(fp, &cmd);
}

int foo_flush_bad(struct foo_priv *fp, u32 sta)
{
	int ret;

	spin_lock_bh(&fp->lock);
	ret = foo_send_cmd_sync_pdu(fp, FOO_CMD_ASYNC, sta);
	spin_unlock_bh(&fp->lock);
	return ret;
}

MODULE_LICENSE("GPL");
