// SPDX-License-Identifier: GPL-2.0
/*
 * double-free in a kref release callback, on an object reached through
 * container_of() from the parameter: foo_obj_release_bad() calls
 * foo_obj_free_bufs(), which already kfree()s obj->buf, then kfree()s
 * obj->buf itself. foo_obj_release_good() does not.
 */
#include <linux/module.h>
#include <linux/kref.h>
#include <linux/slab.h>

struct foo_obj {
	struct kref ref;
	u8 *buf;
	u8 *meta;
};

static void foo_obj_free_bufs(struct foo_obj *obj)
{
	kfree(obj->meta);
	kfree(obj->buf);
}

static void foo_obj_release_bad(struct kref *ref)
{
	struct foo_obj *obj = container_of(ref, struct foo_obj, ref);

	foo_obj_free_bufs(obj);
	kfree(obj->buf); /* expect: double-free */
	kfree(obj);
}

static void foo_obj_release_good(struct kref *ref)
{
	struct foo_obj *obj = container_of(ref, struct foo_obj, ref);

	foo_obj_free_bufs(obj);
	kfree(obj);
}

void foo_obj_put_bad(struct foo_obj *obj)
{
	kref_put(&obj->ref, foo_obj_release_bad);
}

void foo_obj_put_good(struct foo_obj *obj)
{
	kref_put(&obj->ref, foo_obj_release_good);
}

MODULE_LICENSE("GPL");
