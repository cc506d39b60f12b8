// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation families of the rules files (`family NAME release=FN
 * [managed=yes] [align=N] [inner=F1,F2] [descriptor=NAME]`): their ids,
 * the deallocator to suggest for each, whether the device core releases
 * them, the alignment of the blocks their allocators return, the pointer
 * fields the allocator sets to places inside the block, and the struct
 * that describes a block and outlives its release (struct page).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apitable.h"
#include "../util/strvec.h"

static struct strvec families;
static struct strvec releases;	/* per family: deallocator to suggest */
static bool managed[256];	/* per family: released by the device core */
static unsigned align[256];	/* per family: bytes a block is aligned to */
static struct strvec inners;	/* per family: fields that point inside */
static struct strvec descriptors;	/* "struct NAME" of descriptor=NAME */

int api_family_id(const char *name)
{
	size_t i;

	for (i = 0; i < families.n; i++)
		if (!strcmp(families.v[i], name))
			return (int)i;
	if (families.n >= 256)
		return -1;	/* the caller names the rules line */
	if (strvec_push(&families, name))
		return -1;
	strvec_push(&releases, "");
	strvec_push(&inners, "");
	return (int)families.n - 1;
}

const char *api_family_release(int id)
{
	if (id < 0 || (size_t)id >= releases.n || !releases.v[id][0])
		return NULL;
	return releases.v[id];
}

bool api_family_managed(int id)
{
	return id >= 0 && id < 256 && managed[id];
}

unsigned api_family_align(int id)
{
	return id >= 0 && id < 256 ? align[id] : 0;
}

const char *api_family_inner(int id)
{
	if (id < 0 || (size_t)id >= inners.n || !inners.v[id][0])
		return NULL;
	return inners.v[id];
}

bool api_descriptor_record(const char *rec)
{
	size_t i;

	for (i = 0; rec && i < descriptors.n; i++)
		if (!strcmp(descriptors.v[i], rec))
			return true;
	return false;
}

/* family NAME release=FN [managed=yes] [align=N] [inner=F1,F2]
 * [descriptor=NAME] */
int api_family_line(const char *name, char *save, const char *path,
		    int lineno)
{
	int id = api_family_id(name);
	char *kv;

	if (id < 0) {
		fprintf(stderr, "kmemlint: %s:%d: too many allocation families (256 at most)\n",
			path, lineno);
		return -1;
	}
	while ((kv = strtok_r(NULL, " \t\r\n", &save))) {
		char *eq = strchr(kv, '=');

		if (eq)
			*eq = '\0';
		if (eq && !strcmp(kv, "release")) {
			free(releases.v[id]);
			releases.v[id] = xstrdup(eq + 1);
		} else if (eq && !strcmp(kv, "inner") && eq[1]) {
			free(inners.v[id]);
			inners.v[id] = xstrdup(eq + 1);
		} else if (eq && !strcmp(kv, "descriptor") && eq[1]) {
			char *rec = xstrfmt("struct %s", eq + 1);

			if (!api_descriptor_record(rec))
				strvec_push(&descriptors, rec);
			free(rec);
		} else if (eq && !strcmp(kv, "managed")) {
			managed[id] = !strcmp(eq + 1, "yes");
		} else if (eq && !strcmp(kv, "align")) {
			char *end;
			unsigned long n = strtoul(eq + 1, &end, 0);

			if (*end || !n || n > 65536 || (n & (n - 1))) {
				fprintf(stderr, "kmemlint: %s:%d: 'align' of 'family' must be a power of two up to 65536\n",
					path, lineno);
				return -1;
			}
			align[id] = (unsigned)n;
		} else {
			fprintf(stderr, "kmemlint: %s:%d: bad '%s' for 'family'\n",
				path, lineno, kv);
			return -1;
		}
	}
	return 0;
}

const char *api_family_name(int id)
{
	if (id < 0 || (size_t)id >= families.n)
		return "?";
	return families.v[id];
}

void api_families_free(void)
{
	strvec_clear(&families);
	strvec_clear(&releases);
	strvec_clear(&inners);
	strvec_clear(&descriptors);
	memset(managed, 0, sizeof(managed));
	memset(align, 0, sizeof(align));
}

bool api_frees_family(const struct api_entry *api, int family)
{
	int i;

	for (i = 0; i < api->nfree_families; i++)
		if (api->free_families[i] == family)
			return true;
	return false;
}
