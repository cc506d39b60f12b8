// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: the NULL test is stored in a local boolean first,
 * `bool bad = !p; if (bad) return -ENOMEM;`. In foo_bad() the flag is
 * tested but the failure path only logs and carries on.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_key {
	u8 len;
	u8 material[32];
};

struct foo_sa {
	struct foo_key *key;
};

int foo_sa_key_bad(struct foo_sa *sa, u8 len)
{
	struct foo_key *key = kmalloc(sizeof(*key), GFP_KERNEL);
	bool bad = !key;

	if (bad)
		pr_err("foo: no memory for key\n");
	key->len = len; /* expect: unchecked-alloc */
	sa->key = key;
	return 0;
}

int foo_sa_key_good(struct foo_sa *sa, u8 len)
{
	struct foo_key *key = kmalloc(sizeof(*key), GFP_KERNEL);
	bool bad = !key;

	if (bad)
		return -ENOMEM;
	key->len = len;
	sa->key = key;
	return 0;
}

MODULE_LICENSE("GPL");
