// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: a memset() that empties a request the function then
 * sends is no wipe before the release, even on the one path that frees
 * it without sending it (ath11k ath11k_qmi_respond_fw_mem_request():
 * memset(req, 0, sizeof(*req)) for a delayed request, then
 * qmi_txn_init(), whose failure goes straight to kfree(req)): silent.
 * A clear followed by the release on every path is a wipe: reported.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct mts_req {
	u32 len;
	u64 addr[8];
};

/* the transaction and the transport, as a driver's own helpers */
static int mts_txn_init(void *h)
{
	return h ? 0 : -EINVAL;
}

static noinline int mts_send(void *h, const struct mts_req *req)
{
	return req->len + (h ? 1 : 0);
}

int mts_respond(void *h, bool delayed, u64 base);
int mts_respond(void *h, bool delayed, u64 base)
{
	struct mts_req *req = kzalloc(sizeof(*req), GFP_KERNEL);
	int ret, i;

	if (!req)
		return -ENOMEM;
	if (delayed) {
		memset(req, 0, sizeof(*req));
	} else {
		req->len = 8;
		for (i = 0; i < 8; i++)
			req->addr[i] = base + i;
	}
	ret = mts_txn_init(h);
	if (ret < 0)
		goto out;
	ret = mts_send(h, req);
out:
	kfree(req);
	return ret;
}

struct mts_key {
	u8 bytes[32];
};

static noinline int mts_use_key(void *h, const struct mts_key *k)
{
	return h ? k->bytes[0] : -EINVAL;
}

int mts_key_once(void *h);
int mts_key_once(void *h)
{
	struct mts_key *k = kmalloc(sizeof(*k), GFP_KERNEL);
	int ret;

	if (!k)
		return -ENOMEM;
	ret = mts_use_key(h, k);
	memset(k, 0, sizeof(*k));
	if (ret < 0) {
		kfree(k); /* expect: deprecated-api */
		return ret;
	}
	kfree(k); /* expect: deprecated-api */
	return 0;
}

MODULE_LICENSE("GPL");
