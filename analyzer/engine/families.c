// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation families of the rules files (`family NAME release=FN
 * [managed=yes]`): their ids, the deallocator to suggest for each, and
 * whether the device core releases them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apitable.h"
#include "../util/strvec.h"

static struct strvec families;
static struct strvec releases;	/* per family: deallocator to suggest */
static bool managed[256];	/* per family: released by the device core */

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

/* family NAME release=FN [managed=yes] */
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
		} else if (eq && !strcmp(kv, "managed")) {
			managed[id] = !strcmp(eq + 1, "yes");
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
	memset(managed, 0, sizeof(managed));
}
