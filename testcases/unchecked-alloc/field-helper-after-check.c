// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (sound/usb stream.c, convert_chmap()): a parser stores a
 * kzalloc()ed map in fp->chmap and may leave it NULL (no map is a valid
 * state), and the one function that dereferences the field without a
 * test, have_dup_chmap(fp), is static, never has its address taken, and
 * is only called where its caller has just skipped the entries whose
 * chmap is NULL.  The helper's summary says it dereferences $1->chmap:
 * its callers are where the field's use is decided, not the helper.
 *
 * Twin: the same helper called from a loop that does not skip the NULL
 * maps (reported at the store, with a note at the use).
 */
#include <linux/module.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/string.h>

struct foo_map {
	unsigned int channels;
	unsigned char pos[8];
};

struct foo_fmt {
	struct list_head list;
	unsigned int channels;
	struct foo_map *map;
};

struct bar_fmt {
	struct list_head list;
	unsigned int channels;
	struct bar_map *map;
};

struct bar_map {
	unsigned int channels;
	unsigned char pos[8];
};

static struct foo_map *foo_convert_map(unsigned int channels)
{
	struct foo_map *map;

	if (channels > 8)
		return NULL;
	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return NULL;
	map->channels = channels;
	return map;
}

/* the parser: no map is a valid state */
struct foo_fmt *foo_parse(unsigned int channels)
{
	struct foo_fmt *fp = kzalloc(sizeof(*fp), GFP_KERNEL);

	if (!fp)
		return NULL;
	INIT_LIST_HEAD(&fp->list);
	fp->channels = channels;
	fp->map = foo_convert_map(channels);
	return fp;
}

static bool foo_have_dup(struct list_head *fmts, struct foo_fmt *fp)
{
	struct foo_fmt *prev = fp;

	list_for_each_entry_continue_reverse(prev, fmts, list) {
		if (prev->map && !memcmp(prev->map, fp->map, sizeof(*fp->map)))
			return true;
	}
	return false;
}

int foo_count_maps(struct list_head *fmts)
{
	struct foo_fmt *fp;
	int n = 0;

	list_for_each_entry(fp, fmts, list) {
		if (!fp->map)
			continue;
		if (foo_have_dup(fmts, fp))
			continue;
		n += fp->map->channels;
	}
	return n;
}

/* the twin: the loop does not skip the entries without a map */
static struct bar_map *bar_convert_map(unsigned int channels)
{
	struct bar_map *map;

	if (channels > 8)
		return NULL;
	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return NULL;
	map->channels = channels;
	return map;
}

struct bar_fmt *bar_parse(unsigned int channels)
{
	struct bar_fmt *fp = kzalloc(sizeof(*fp), GFP_KERNEL);

	if (!fp)
		return NULL;
	INIT_LIST_HEAD(&fp->list);
	fp->channels = channels;
	fp->map = bar_convert_map(channels); /* expect: unchecked-alloc */
	return fp;
}

static bool bar_have_dup(struct list_head *fmts, struct bar_fmt *fp)
{
	struct bar_fmt *prev = fp;

	list_for_each_entry_continue_reverse(prev, fmts, list) {
		if (prev->map && !memcmp(prev->map, fp->map, sizeof(*fp->map)))
			return true;
	}
	return false;
}

int bar_count_dups(struct list_head *fmts)
{
	struct bar_fmt *fp;
	int n = 0;

	list_for_each_entry(fp, fmts, list)
		if (bar_have_dup(fmts, fp))
			n++;
	return n;
}

MODULE_LICENSE("GPL");
