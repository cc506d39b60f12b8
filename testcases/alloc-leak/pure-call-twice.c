// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (iwlwifi mvm/sta.c iwl_mvm_sta_rx_agg()): a buffer allocated
 * under a capability test, `if (iwl_mvm_has_new_rx_api(mvm) && start)`,
 * and kept under the same test later, `if (!iwl_mvm_has_new_rx_api(mvm))
 * return 0;`.  The predicate only reads the firmware's capability bits
 * (test_bit()), so called again with the same argument it answers the
 * same: the path that allocated also stores.  Storing into another field
 * of the same struct in between (`mvm->rx_ba_sessions++`) or calling a
 * function the engine cannot see (here through an ops table) changes
 * nothing.
 *
 * The bad twins: the function clears the bit the predicate reads
 * between the two calls (foo_agg_cleared), a helper of this file
 * replaces what the predicate reads (foo_agg_reset), the predicate reads
 * a device register, which may change between the calls
 * (foo_agg_register), and the second call asks about another object
 * (foo_agg_other).  Each leaks on the path the second test refuses.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/bitops.h>
#include <linux/io.h>

struct foo_fw {
	unsigned long capa[2];
};

struct foo {
	int (*send)(struct foo *f, int id);	/* another file's */
	struct foo_fw *fw;
	void __iomem *regs;
	void *map[8];
	int sessions;
	unsigned long flags;
};

static inline bool foo_has_new_api(struct foo *f)
{
	return test_bit(3, f->fw->capa);
}

static inline bool foo_link_up(struct foo *f)
{
	return ioread32(f->regs + 4) & 1;
}

static bool foo_enabled(const struct foo *f)
{
	return f->flags & 1;
}

static void foo_reset_fw(struct foo *f, struct foo_fw *fw)
{
	f->fw = fw;
}

int foo_agg(struct foo *f, int id, bool start)
{
	void *data = NULL;
	int ret;

	if (foo_has_new_api(f) && start) {
		data = kzalloc(64, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
	}
	ret = f->send(f, id);
	if (ret)
		goto out_free;
	if (start) {
		f->sessions++;
		if (!foo_has_new_api(f))
			return 0;
		f->map[id & 7] = data;
	}
	return 0;
out_free:
	kfree(data);
	return ret;
}

int foo_agg_flags(struct foo *f, int id)
{
	void *data = NULL;
	int ret;

	if (foo_enabled(f)) {
		data = kzalloc(64, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
	}
	ret = f->send(f, id);
	if (ret) {
		kfree(data);
		return ret;
	}
	f->sessions++;
	if (foo_enabled(f))
		f->map[id & 7] = data;
	return 0;
}

int foo_agg_cleared(struct foo *f, int id)
{
	void *data = NULL;

	if (foo_enabled(f)) {
		data = kzalloc(64, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
	}
	f->flags = 0;
	if (!foo_enabled(f))
		return 0; /* expect: alloc-leak */
	f->map[id & 7] = data;
	return 0;
}

int foo_agg_reset(struct foo *f, struct foo_fw *fw, int id)
{
	void *data = NULL;

	if (foo_has_new_api(f)) {
		data = kzalloc(64, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
	}
	foo_reset_fw(f, fw);
	if (!foo_has_new_api(f))
		return 0; /* expect: alloc-leak */
	f->map[id & 7] = data;
	return 0;
}

int foo_agg_register(struct foo *f, int id)
{
	void *data = NULL;

	if (foo_link_up(f)) {
		data = kzalloc(64, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
	}
	if (!foo_link_up(f))
		return 0; /* expect: alloc-leak */
	f->map[id & 7] = data;
	return 0;
}

int foo_agg_other(struct foo *f, struct foo *g, int id)
{
	void *data = NULL;

	if (foo_has_new_api(f)) {
		data = kzalloc(64, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
	}
	if (!foo_has_new_api(g))
		return 0; /* expect: alloc-leak */
	f->map[id & 7] = data;
	return 0;
}

MODULE_LICENSE("GPL");
