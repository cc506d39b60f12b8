// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that hands its allocation back through an out-parameter
 * (*value = kstrdup(...); return 0): the caller owns the block.  The bug
 * of think-lmi's current_value_show() before "Fix memory leak when
 * showing current settings": the string came through two helpers and a
 * malformed value returned -EINVAL without kfree().  foo_show() has that
 * bug; bar_show() frees on every path; baz_get() registers its block
 * with the owner before handing it out (as snd_card_proc_new() does), so
 * its caller drops the pointer freely; qux_get() sets *out on one of its
 * successes only, so nothing is known of the place.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>

struct foo_obj {
	int type;
	char *str;
};

struct foo_entry {
	struct list_head node;
	int mode;
};

struct foo_owner {
	struct list_head entries;
};

static int foo_extract(struct foo_obj *o, char **string)
{
	char *s;

	if (!o || o->type != 2 || !o->str)
		return -EIO;
	s = kstrdup(o->str, GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	*string = s;
	return 0;
}

static int foo_setting(struct foo_obj *o, char **value)
{
	return foo_extract(o, value);
}

int foo_show(struct foo_obj *o, char *buf)
{
	char *item, *value;
	int ret = foo_setting(o, &item);

	if (ret)
		return ret;
	value = strpbrk(item, ",");
	if (!value || value == item || !strlen(value + 1))
		return -EINVAL; /* expect: alloc-leak */
	ret = sprintf(buf, "%s\n", value + 1);
	kfree(item);
	return ret;
}
EXPORT_SYMBOL_GPL(foo_show);

int bar_show(struct foo_obj *o, char *buf)
{
	char *item, *value;
	int ret = foo_setting(o, &item);

	if (ret)
		return ret;
	value = strpbrk(item, ",");
	if (!value || value == item || !strlen(value + 1)) {
		kfree(item);
		return -EINVAL;
	}
	ret = sprintf(buf, "%s\n", value + 1);
	kfree(item);
	return ret;
}
EXPORT_SYMBOL_GPL(bar_show);

static int baz_get(struct foo_owner *ow, struct foo_entry **out)
{
	struct foo_entry *e = kzalloc(sizeof(*e), GFP_KERNEL);

	if (!e)
		return -ENOMEM;
	list_add_tail(&e->node, &ow->entries);
	*out = e;
	return 0;
}

int baz_init(struct foo_owner *ow)
{
	struct foo_entry *e;

	if (!baz_get(ow, &e))
		e->mode = 1;
	if (!baz_get(ow, &e))
		e->mode = 2;
	return 0;
}
EXPORT_SYMBOL_GPL(baz_init);

static int qux_get(int mode, char **out)
{
	if (mode == 1) {
		*out = kstrdup("one", GFP_KERNEL);
		return *out ? 0 : -ENOMEM;
	}
	return 0;
}

int qux_use(int mode)
{
	char *s = NULL;
	int ret = qux_get(mode, &s);

	if (ret)
		return ret;
	if (mode == 2)
		return -EINVAL;
	kfree(s);
	return 0;
}
EXPORT_SYMBOL_GPL(qux_use);

MODULE_LICENSE("GPL");
