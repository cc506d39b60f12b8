// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and a walk over an array of elements of a size known only
 * at run time (snd_array_for_each() and snd_array_elem() of
 * include/sound/hdaudio.h, snd_hda_sysfs_clear() in sound/pci/hda): the
 * element is list + idx * elem_size, arithmetic on a void pointer.  Each
 * step names another element, so freeing each element's key once is not
 * a double free.  The bad clear frees every key, then frees the first
 * element's key again.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_array {
	unsigned int used;
	unsigned int elem_size;
	void *list;
};

struct foo_hint {
	char *key;
	char *val;
};

static inline void *foo_array_elem(struct foo_array *array, unsigned int idx)
{
	return array->list + idx * array->elem_size;
}

#define foo_array_for_each(array, idx, ptr) \
	for ((idx) = 0, (ptr) = (array)->list; (idx) < (array)->used; \
	     (ptr) = foo_array_elem(array, ++(idx)))

void foo_clear_hints(struct foo_array *hints)
{
	struct foo_hint *hint;
	unsigned int i;

	foo_array_for_each(hints, i, hint)
		kfree(hint->key);
	kfree(hints->list);
	hints->list = NULL;
	hints->used = 0;
}

void foo_bad_clear_hints(struct foo_array *hints)
{
	struct foo_hint *hint, *first = hints->list;
	unsigned int i;

	foo_array_for_each(hints, i, hint)
		kfree(hint->key);
	if (hints->used)
		kfree(first->key); /* expect: double-free */
	kfree(hints->list);
	hints->list = NULL;
	hints->used = 0;
}

MODULE_LICENSE("GPL");
