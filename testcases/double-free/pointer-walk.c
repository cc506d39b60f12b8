// SPDX-License-Identifier: GPL-2.0
/*
 * double-free and a pointer that walks an array (snd_hda_jack_tbl_clear()
 * of sound/pci/hda/hda_jack.c: for (i = 0; i < used; i++, jack++), then
 * the callbacks of each jack freed).  Each step names another element,
 * so each element's callback list is freed once: not a double free.  A
 * walk must not be taken to come back to the element it just left.
 * foo_clear_bad() frees the first element's callbacks, then walks all of
 * them from the first again.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_cb {
	struct foo_cb *next;
	int nid;
};

struct foo_jack {
	struct foo_cb *callback;
	int nid;
};

struct foo_tbl {
	struct foo_jack *list;
	unsigned int used;
};

void foo_clear_good(struct foo_tbl *tbl)
{
	struct foo_jack *jack = tbl->list;
	unsigned int i;

	for (i = 0; i < tbl->used; i++, jack++) {
		struct foo_cb *cb, *next;

		for (cb = jack->callback; cb; cb = next) {
			next = cb->next;
			kfree(cb);
		}
	}
}

void foo_clear_bad(struct foo_tbl *tbl)
{
	struct foo_jack *jack = tbl->list;
	unsigned int i;

	kfree(jack->callback);
	for (i = 0; i < tbl->used; i++, jack++)
		kfree(jack->callback); /* expect: double-free */
}

MODULE_LICENSE("GPL");
