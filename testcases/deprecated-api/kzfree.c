// SPDX-License-Identifier: GPL-2.0
/*
 * deprecated-api: kzfree() was renamed kfree_sensitive() in v5.10 and is
 * gone since.  Out-of-tree drivers keep calling it through a compat shim
 * like the one below; the call is what must change.  foo_good_release()
 * calls kfree_sensitive().
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

/* compat shim of an out-of-tree driver built for old and new kernels */
static inline void kzfree(const void *p)
{
	kfree_sensitive(p);
}

struct foo_key {
	u8 material[32];
	unsigned int len;
};

struct foo_key *foo_key_new(const u8 *src, unsigned int len)
{
	struct foo_key *key;

	if (len > sizeof(key->material))
		return NULL;
	key = kzalloc(sizeof(*key), GFP_KERNEL);
	if (!key)
		return NULL;
	memcpy(key->material, src, len);
	key->len = len;
	return key;
}

void foo_bad_release(struct foo_key *key)
{
	kzfree(key); /* expect: deprecated-api */
}

void foo_good_release(struct foo_key *key)
{
	kfree_sensitive(key);
}

MODULE_LICENSE("GPL");
