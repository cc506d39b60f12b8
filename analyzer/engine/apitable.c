// SPDX-License-Identifier: GPL-2.0
/*
 * Loader of rules/<name>.rules.  The format (docs/rules-format.md):
 *
 *	directive name [key=value]...
 *
 * '#' starts a comment.  Unknown directives or keys are errors: a typo in
 * a rules file must not silently disable a check.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "apitable.h"
#include "core_sums.h"
#include "../util/hmap.h"
#include "../util/strvec.h"

#ifndef KML_RULES_DIR
#define KML_RULES_DIR "rules"
#endif
#ifndef KML_RULES_INSTALL_DIR
#define KML_RULES_INSTALL_DIR "/usr/share/kmemlint/rules"
#endif

static struct hmap table;
static struct api_entry *get_entry(const char *name, const char *where)
{
	struct api_entry *e = hmap_get(&table, name);

	if (e)
		return e;
	e = xcalloc(1, sizeof(*e));
	e->name = xstrdup(name);
	e->where = xstrdup(where);
	e->out_arg = API_NONE;
	e->family = -1;
	e->gfp_arg = API_NONE;
	e->order_arg = API_NONE;
	e->order_const = -1;
	e->dev_arg = API_NONE;
	e->size_arg = API_NONE;
	e->size_arg2 = API_NONE;
	e->src_arg = API_NONE;
	e->clear_arg = API_NONE;
	e->copy_dst = API_NONE;
	e->copy_src = API_NONE;
	e->fill_arg = API_NONE;
	e->free_arg = API_NONE;
	e->owner_link = API_NONE;
	e->free_order_arg = API_NONE;
	e->free_order_const = -1;
	e->check_arg = API_NONE;
	e->passthru_arg = API_NONE;
	e->derive_arg = API_NONE;
	e->errtest_arg = API_NONE;
	e->order_of_arg = API_NONE;
	e->unlink_arg = API_NONE;
	e->get_arg = API_NONE;
	e->put_arg = API_NONE;
	e->refinit_arg = API_NONE;
	e->lock_arg = API_NONE;
	e->cb_arg = API_NONE;
	e->cb_held = API_NONE;
	e->bit_nr = API_NONE;
	e->bit_addr = API_NONE;
	hmap_put(&table, name, e);
	return e;
}

static void free_entry(void *p)
{
	struct api_entry *e = p;

	free(e->name);
	free(e->where);
	free(e->lock_kind);
	free(e->cb_context);
	free(e->replacement);
	free(e->zeroing);
	free(e->array);
	free(e->sensitive);
	free(e->refinit_put);
	free(e->refinit_until);
	free(e->refinit_named);
	free(e->free_holds);
	for (int i = 0; i < API_MAX_POINTS; i++) {
		free(e->points_dst[i]);
		free(e->points_src[i]);
	}
	free(e);
}

static const struct {
	const char *name;
	unsigned role;
} directives[] = {
	{ "alloc", ROLE_ALLOC },	{ "free", ROLE_FREE },
	{ "deref", ROLE_DEREF },	{ "check", ROLE_CHECK },
	{ "noreturn", ROLE_NORETURN },	{ "lock", ROLE_LOCK },
	{ "unlock", ROLE_UNLOCK },	{ "sleep", ROLE_SLEEP },
	{ "owner", ROLE_OWNER },	{ "callback", ROLE_CALLBACK },
	{ "deprecated", ROLE_DEPRECATED }, { "passthru", ROLE_PASSTHRU },
	{ "order", ROLE_ORDER },
	{ "unlink", ROLE_UNLINK },	{ "errptr", ROLE_ERRPTR },
	{ "field", ROLE_FIELD },
	{ "zeroing", ROLE_ZEROING },	{ "array", ROLE_ARRAY },
	{ "sensitive", ROLE_SENSITIVE }, { "clear", ROLE_CLEAR },
	{ "get", ROLE_GET },		{ "put", ROLE_PUT },
	{ "borrow", ROLE_BORROW },	{ "refinit", ROLE_REFINIT },
	{ "derive", ROLE_DERIVE },	{ "errtest", ROLE_ERRTEST },
	{ "copy", ROLE_COPY },		{ "warns", ROLE_WARNS },
	{ "bitop", ROLE_BITOP },	{ "preempt", ROLE_PREEMPT },
	{ "points", ROLE_POINTS },
};

static int parse_line(char *line, const char *path, int lineno)
{
	char *save, *dir, *name, *kv, where[512];
	struct api_entry *e;
	unsigned role = 0;
	size_t i;

	dir = strtok_r(line, " \t\r\n", &save);
	if (!dir)
		return 0;
	name = strtok_r(NULL, " \t\r\n", &save);
	if (!strcmp(dir, "family")) {
		if (!name) {
			fprintf(stderr, "kmemlint: %s:%d: 'family' needs a family name\n",
				path, lineno);
			return -1;
		}
		return api_family_line(name, save, path, lineno);
	}
	for (i = 0; i < sizeof(directives) / sizeof(directives[0]); i++)
		if (!strcmp(dir, directives[i].name))
			role = directives[i].role;
	if (!role) {
		fprintf(stderr, "kmemlint: %s:%d: unknown directive '%s'\n",
			path, lineno, dir);
		return -1;
	}
	if (!name) {
		fprintf(stderr, "kmemlint: %s:%d: '%s' needs a function name\n",
			path, lineno, dir);
		return -1;
	}
	if ((role == ROLE_FIELD) != (strchr(name, '.') != NULL)) {
		fprintf(stderr, role == ROLE_FIELD ?
			"kmemlint: %s:%d: 'field' needs a name 'struct.field'\n" :
			"kmemlint: %s:%d: a function name has no '.'\n",
			path, lineno);
		return -1;
	}
	snprintf(where, sizeof(where), "%s:%d", path, lineno);
	e = get_entry(name, where);
	e->roles |= role;
	while ((kv = strtok_r(NULL, " \t\r\n", &save))) {
		char *eq = strchr(kv, '=');

		if (!eq) {
			fprintf(stderr, "kmemlint: %s:%d: expected key=value, got '%s'\n",
				path, lineno, kv);
			return -1;
		}
		*eq = '\0';
		if ((role == ROLE_FIELD && strcmp(kv, "context") &&
		     strcmp(kv, "held") && strcmp(kv, "devres") &&
		     strcmp(kv, "bound")) ||
		    role == ROLE_BORROW || role == ROLE_PREEMPT ||
		    api_set_key(e, role, kv, eq + 1)) {
			fprintf(stderr, "kmemlint: %s:%d: bad '%s=%s' for '%s'\n",
				path, lineno, kv, eq + 1, dir);
			return -1;
		}
	}
	if (role == ROLE_ALLOC && e->family < 0) {
		fprintf(stderr, "kmemlint: %s:%d: alloc '%s' needs family=\n",
			path, lineno, name);
		return -1;
	}
	if (role == ROLE_ALLOC && e->fail == FAIL_RECLAIM && e->gfp_arg < 0) {
		fprintf(stderr, "kmemlint: %s:%d: alloc '%s': fail=reclaim needs gfp=N\n",
			path, lineno, name);
		return -1;
	}
	if (role == ROLE_FREE && e->free_arg == API_NONE)
		e->free_arg = 0;
	if ((role & (ROLE_DEPRECATED | ROLE_ZEROING | ROLE_ARRAY |
		     ROLE_SENSITIVE)) &&
	    !(role == ROLE_DEPRECATED ? e->replacement :
	      role == ROLE_ZEROING ? e->zeroing :
	      role == ROLE_ARRAY ? e->array : e->sensitive)) {
		fprintf(stderr, "kmemlint: %s:%d: '%s %s' needs use=\n",
			path, lineno, dir, name);
		return -1;
	}
	if (role == ROLE_CLEAR &&
	    (e->clear_arg == API_NONE || e->size_arg == API_NONE)) {
		fprintf(stderr, "kmemlint: %s:%d: 'clear %s' needs arg= and size=\n",
			path, lineno, name);
		return -1;
	}
	if (role == ROLE_COPY &&
	    (e->copy_dst == API_NONE || e->copy_src == API_NONE)) {
		fprintf(stderr, "kmemlint: %s:%d: 'copy %s' needs dst= and src=\n",
			path, lineno, name);
		return -1;
	}
	if (role == ROLE_POINTS) {
		if (e->npoints == API_MAX_POINTS ||
		    !e->points_dst[e->npoints] || !e->points_src[e->npoints]) {
			fprintf(stderr, "kmemlint: %s:%d: 'points %s' needs dst= and src= (at most %d lines)\n",
				path, lineno, name, API_MAX_POINTS);
			return -1;
		}
		e->npoints++;
	}
	if (role == ROLE_BITOP &&
	    (e->bit_nr == API_NONE || e->bit_addr == API_NONE || !e->bit_op)) {
		fprintf(stderr, "kmemlint: %s:%d: 'bitop %s' needs nr=, addr= and op=\n",
			path, lineno, name);
		return -1;
	}
	/* the word is read and written through addr: set_bit(n, NULL)
	 * faults like any other use of a NULL pointer */
	if (role == ROLE_BITOP && e->bit_addr < 32)
		e->deref_mask |= 1u << e->bit_addr;
	if (role == ROLE_GET && e->get_arg == API_NONE)
		e->get_arg = 0;
	if (role == ROLE_PUT && e->put_arg == API_NONE)
		e->put_arg = 0;
	if (role == ROLE_REFINIT && e->refinit_arg == API_NONE)
		e->refinit_arg = 0;
	if (role == ROLE_REFINIT && !e->refinit_put) {
		fprintf(stderr, "kmemlint: %s:%d: 'refinit %s' needs use=\n",
			path, lineno, name);
		return -1;
	}
	if (role == ROLE_DERIVE && e->derive_arg == API_NONE)
		e->derive_arg = 0;
	if (role == ROLE_ERRTEST && e->errtest_arg == API_NONE)
		e->errtest_arg = 0;
	return 0;
}

int api_load_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	int lineno = 0, ret = 0;

	if (!f) {
		fprintf(stderr, "kmemlint: %s: cannot open rules file: %s\n",
			path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *hash = strchr(line, '#');

		lineno++;
		if (hash)
			*hash = '\0';
		if (parse_line(line, path, lineno))
			ret = -1;
	}
	fclose(f);
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool core_off(void)
{
	const char *v = getenv("KMEMLINT_NO_CORE_SUMMARIES");

	return v && *v && strcmp(v, "0");
}

int api_load_dir(const char *dir)
{
	struct strvec names, sums;
	struct dirent *de;
	DIR *d = opendir(dir);
	int ret = 0;
	size_t i;

	if (!d) {
		fprintf(stderr, "kmemlint: %s: cannot open rules directory: %s\n",
			dir, strerror(errno));
		return -1;
	}
	strvec_init(&names);
	strvec_init(&sums);
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);

		if (l > 6 && !strcmp(de->d_name + l - 6, ".rules"))
			if (strvec_pushf(&names, "%s/%s", dir, de->d_name))
				ret = -1;
		if (l > 10 && !strcmp(de->d_name + l - 10, ".summaries") &&
		    !core_off())
			if (strvec_pushf(&sums, "%s/%s", dir, de->d_name))
				ret = -1;
	}
	closedir(d);
	qsort(names.v, names.n, sizeof(char *), cmp_str);
	for (i = 0; i < names.n; i++)
		if (api_load_file(names.v[i]))
			ret = -1;
	/* the core kernel's summaries (core_sums.h), in name order */
	qsort(sums.v, sums.n, sizeof(char *), cmp_str);
	for (i = 0; i < sums.n; i++)
		if (core_sums_load_file(sums.v[i]))
			ret = -1;
	strvec_clear(&sums);
	if (!names.n) {
		fprintf(stderr, "kmemlint: %s: no .rules files\n", dir);
		ret = -1;
	}
	strvec_clear(&names);
	return ret;
}

const struct api_entry *api_lookup(const char *name)
{
	return hmap_get(&table, name);
}

const struct api_entry *api_field_entry(const char *rec, const char *field)
{
	const struct api_entry *api;
	const char *sp = rec ? strchr(rec, ' ') : NULL;
	char *name;

	if (!rec || !field)
		return NULL;
	/* "struct hrtimer" -> "hrtimer.function" */
	name = xstrfmt("%s.%s", sp ? sp + 1 : rec, field);
	api = api_lookup(name);
	free(name);
	return api && (api->roles & ROLE_FIELD) ? api : NULL;
}

/*
 * Does allocator name return zeroed memory?  The zeroing variants are
 * the ones `zeroing X use=NAME` lines of rules/ name (kzalloc, kcalloc,
 * vzalloc, devm_kzalloc...).
 */
bool api_zeroes(const char *name)
{
	size_t i;

	if (!name)
		return false;
	for (i = 0; i < table.cap; i++) {
		const struct api_entry *e = table.slots[i].key ?
					    table.slots[i].val : NULL;

		if (e && e->zeroing && !strcmp(e->zeroing, name))
			return true;
	}
	return false;
}

void api_free_all(void)
{
	hmap_free(&table, free_entry);
	api_families_free();
	core_sums_free();
}

const char *api_default_dir(void)
{
	const char *env = getenv("KMEMLINT_RULES_DIR");
	const char *dirs[] = { env, KML_RULES_DIR, KML_RULES_INSTALL_DIR };
	size_t i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (dirs[i] && !access(dirs[i], R_OK))
			return dirs[i];
	return NULL;
}

int api_load_default(char *const *extra, int nextra)
{
	const char *dir = api_default_dir();
	int ret = -1, k;

	if (dir)
		ret = api_load_dir(dir);
	else
		fprintf(stderr, "kmemlint: no rules directory found (set KMEMLINT_RULES_DIR)\n");
	for (k = 0; k < nextra; k++)
		if (api_load_file(extra[k]))
			ret = -1;
	return ret;
}

/* The position of name in the comma-separated list of a rules value
 * (1 for the first), or 0. */
int api_name_in_list(const char *list, const char *name)
{
	size_t len = strlen(name);
	int i;

	for (i = 1;; i++) {
		if (!strncmp(list, name, len) &&
		    (list[len] == ',' || !list[len]))
			return i;
		list = strchr(list, ',');
		if (!list)
			return 0;
		list++;
	}
}
