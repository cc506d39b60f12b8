// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free false positive seen on real drivers: after kfree(cmd),
 * the next iteration mentions cmd only where it is never evaluated:
 * typeof(*cmd) in list_first_entry() (and the __same_type() static_assert
 * of container_of()), list_for_each_entry_safe() in an outer loop, and
 * sizeof(*cmd) in the next allocation. All silent. foo_cmdq_flush_bad()
 * really reads cmd->seq after the free.
 */
#include <linux/module.h>
#include <linux/list.h>
#include <linux/slab.h>

#define FOO_NR_PRIO	4

struct foo_cmd {
	struct list_head node;
	u32 seq;
	bool done;
};

struct foo_cmdq {
	struct list_head pending[FOO_NR_PRIO];
	u32 last_seq;
};

void foo_cmdq_flush(struct foo_cmdq *q)
{
	struct foo_cmd *cmd;
	int prio;

	for (prio = 0; prio < FOO_NR_PRIO; prio++) {
		while (!list_empty(&q->pending[prio])) {
			cmd = list_first_entry(&q->pending[prio], typeof(*cmd), node);
			list_del(&cmd->node);
			kfree(cmd);
		}
	}
}

void foo_cmdq_reap(struct foo_cmdq *q)
{
	struct foo_cmd *cmd, *tmp;
	int prio;

	for (prio = 0; prio < FOO_NR_PRIO; prio++) {
		list_for_each_entry_safe(cmd, tmp, &q->pending[prio], node) {
			if (!cmd->done)
				continue;
			list_del(&cmd->node);
			q->last_seq = cmd->seq;
			kfree(cmd);
		}
	}
}

int foo_cmdq_refill(struct foo_cmdq *q, int n)
{
	struct foo_cmd *cmd;
	int i;

	for (i = 0; i < n; i++) {
		cmd = kzalloc(sizeof(*cmd), GFP_KERNEL);
		if (!cmd)
			return -ENOMEM;
		cmd->seq = i;
		if (i <= q->last_seq) {
			kfree(cmd);
			continue;
		}
		list_add_tail(&cmd->node, &q->pending[i % FOO_NR_PRIO]);
	}
	return 0;
}

void foo_cmdq_flush_bad(struct foo_cmdq *q)
{
	struct foo_cmd *cmd;

	while (!list_empty(&q->pending[0])) {
		cmd = list_first_entry(&q->pending[0], typeof(*cmd), node);
		list_del(&cmd->node);
		kfree(cmd);
		q->last_seq = cmd->seq; /* expect: use-after-free */
	}
}

MODULE_LICENSE("GPL");
