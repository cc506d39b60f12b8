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
	free(e->free_holds);
	free(e);
}

static int parse_int(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < -1 || v > 64)
		return -1;
	*out = (int)v;
	return 0;
}

/* "0,1,3" -> bit mask */
static int parse_mask(const char *s, unsigned *mask)
{
	char buf[128], *tok, *save;

	if (strlen(s) >= sizeof(buf))
		return -1;
	strcpy(buf, s);
	*mask = 0;
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int i;

		if (parse_int(tok, &i) || i < 0 || i > 31)
			return -1;
		*mask |= 1u << i;
	}
	return 0;
}

static int parse_order(const char *v, int *arg, int *cst)
{
	/* order=argN or order=N (a constant order) */
	if (!strncmp(v, "arg", 3))
		return parse_int(v + 3, arg);
	return parse_int(v, cst);
}

static int set_key(struct api_entry *e, unsigned role, const char *k,
		   const char *v)
{
	if (!strcmp(k, "family")) {
		if (role == ROLE_FREE) {
			char buf[256], *tok, *save;

			if (strlen(v) >= sizeof(buf))
				return -1;
			strcpy(buf, v);
			e->nfree_families = 0;
			for (tok = strtok_r(buf, ",", &save); tok;
			     tok = strtok_r(NULL, ",", &save)) {
				if (e->nfree_families == API_MAX_FAMILIES)
					return -1;
				e->free_families[e->nfree_families] =
					api_family_id(tok);
				if (e->free_families[e->nfree_families++] < 0)
					return -1;
			}
			return 0;
		}
		e->family = api_family_id(v);
		return e->family < 0 ? -1 : 0;
	}
	if (!strcmp(k, "ret")) {
		if (!strcmp(v, "ret"))
			return 0;
		if (!strncmp(v, "arg", 3))
			return parse_int(v + 3, &e->out_arg);
		return -1;
	}
	if (!strcmp(k, "fail")) {
		if (!strcmp(v, "null") || !strcmp(v, "zero"))
			e->fail = FAIL_NULL;
		else if (!strcmp(v, "none"))
			e->fail = FAIL_NONE;
		else if (!strcmp(v, "errptr"))
			e->fail = FAIL_ERRPTR;
		else if (!strcmp(v, "reclaim"))
			e->fail = FAIL_RECLAIM;
		else
			return -1;
		return 0;
	}
	if (!strcmp(k, "gfp")) {
		if (!strcmp(v, "sleeps")) {
			e->implicit_gfp_sleeps = 1;
			return 0;
		}
		return parse_int(v, &e->gfp_arg);
	}
	if (!strcmp(k, "order")) {
		if (role == ROLE_FREE)
			return parse_order(v, &e->free_order_arg,
					   &e->free_order_const);
		return parse_order(v, &e->order_arg, &e->order_const);
	}
	if (!strcmp(k, "dev"))
		return parse_int(v, &e->dev_arg);
	if (!strcmp(k, "size") && (role == ROLE_ALLOC || role == ROLE_CLEAR)) {
		/* size=N, or size=N*M: count times element size */
		char buf[16], *star;

		if (strlen(v) >= sizeof(buf))
			return -1;
		strcpy(buf, v);
		star = strchr(buf, '*');
		e->size_arg2 = API_NONE;
		if (star) {
			*star = '\0';
			if (role != ROLE_ALLOC || parse_int(star + 1, &e->size_arg2) ||
			    e->size_arg2 < 0)
				return -1;
		}
		return parse_int(buf, &e->size_arg) || e->size_arg < 0 ? -1 : 0;
	}
	if (!strcmp(k, "dst") && role == ROLE_COPY)
		return parse_int(v, &e->copy_dst) || e->copy_dst < 0 ? -1 : 0;
	if (!strcmp(k, "src") && role == ROLE_COPY)
		return parse_int(v, &e->copy_src) || e->copy_src < 0 ? -1 : 0;
	if (!strcmp(k, "src") && role == ROLE_ALLOC)
		return parse_int(v, &e->src_arg) || e->src_arg < 0 ? -1 : 0;
	if (!strcmp(k, "test") && role == ROLE_PUT) {
		e->put_test = !strcmp(v, "yes");
		return e->put_test || !strcmp(v, "no") ? 0 : -1;
	}
	if (!strcmp(k, "count") && role == ROLE_PUT) {
		e->put_shared = !strcmp(v, "shared");
		return e->put_shared || !strcmp(v, "own") ? 0 : -1;
	}
	if (!strcmp(k, "fill") && role == ROLE_CLEAR)
		return parse_int(v, &e->fill_arg);
	if (!strcmp(k, "arg")) {
		int i;

		if (parse_int(v, &i) || i < 0)
			return -1;
		switch (role) {
		case ROLE_FREE: e->free_arg = i; break;
		case ROLE_CHECK: e->check_arg = i; break;
		case ROLE_PASSTHRU: e->passthru_arg = i; break;
		case ROLE_DERIVE: e->derive_arg = i; break;
		case ROLE_ERRTEST: e->errtest_arg = i; break;
		case ROLE_ORDER: e->order_of_arg = i; break;
		case ROLE_UNLINK: e->unlink_arg = i; break;
		case ROLE_GET: e->get_arg = i; break;
		case ROLE_PUT: e->put_arg = i; break;
		case ROLE_REFINIT: e->refinit_arg = i; break;
		case ROLE_LOCK: case ROLE_UNLOCK: e->lock_arg = i; break;
		case ROLE_CALLBACK: e->cb_arg = i; break;
		case ROLE_CLEAR: e->clear_arg = i; break;
		case ROLE_OWNER:
			if (i > 31)
				return -1;
			e->owner_mask |= 1u << i;
			break;
		case ROLE_DEREF:
			if (i > 31)
				return -1;
			e->deref_mask |= 1u << i;
			break;
		default: return -1;
		}
		return 0;
	}
	if (!strcmp(k, "args")) {
		unsigned m;

		if (parse_mask(v, &m))
			return -1;
		if (role == ROLE_OWNER)
			e->owner_mask |= m;
		else if (role == ROLE_DEREF)
			e->deref_mask |= m;
		else
			return -1;
		return 0;
	}
	if (!strcmp(k, "kept") && role == ROLE_DEREF) {
		unsigned m;

		if (parse_mask(v, &m))
			return -1;
		e->deref_mask |= m;
		e->kept_mask |= m;
		return 0;
	}
	if (!strcmp(k, "link") && role == ROLE_OWNER)
		return parse_int(v, &e->owner_link) || e->owner_link < 0 ||
		       e->owner_link > 31 ? -1 : 0;
	if (!strcmp(k, "kind")) {
		free(e->lock_kind);
		e->lock_kind = xstrdup(v);
		return 0;
	}
	if (!strcmp(k, "atomic")) {
		e->lock_atomic = !strcmp(v, "yes");
		return 0;
	}
	if (!strcmp(k, "try")) {
		e->lock_trylock = !strcmp(v, "yes");
		return 0;
	}
	if (!strcmp(k, "bound") && (role == ROLE_OWNER || role == ROLE_FIELD)) {
		e->owner_bound = !strcmp(v, "yes");
		return 0;
	}
	if (!strcmp(k, "devres") && role == ROLE_FIELD) {
		e->field_devres = !strcmp(v, "yes");
		return 0;
	}
	if (!strcmp(k, "holds") && role == ROLE_FREE) {
		/* F:FN[,F:FN]: each a field name and a deallocator */
		const char *p = v;

		while (*p) {
			size_t f = strspn(p, "abcdefghijklmnopqrstuvwxyz"
					  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

			if (!f || p[f] != ':' || !p[f + 1] || p[f + 1] == ',')
				return -1;
			p += f + 1 + strcspn(p + f + 1, ",");
			if (*p == ',' && !*++p)
				return -1;
		}
		free(e->free_holds);
		e->free_holds = xstrdup(v);
		return 0;
	}
	if (!strcmp(k, "when") && (role == ROLE_FREE || role == ROLE_OWNER)) {
		if (strcmp(v, "success"))
			return -1;
		if (role == ROLE_FREE)
			e->free_on_success = true;
		else
			e->owner_on_success = true;
		return 0;
	}
	if (!strcmp(k, "nr") && role == ROLE_BITOP)
		return parse_int(v, &e->bit_nr) || e->bit_nr < 0 ? -1 : 0;
	if (!strcmp(k, "addr") && role == ROLE_BITOP)
		return parse_int(v, &e->bit_addr) || e->bit_addr < 0 ? -1 : 0;
	if (!strcmp(k, "op") && role == ROLE_BITOP) {
		static const struct { const char *n; int op; } ops[] = {
			{ "set", BITOP_SET }, { "clear", BITOP_CLEAR },
			{ "test", BITOP_TEST },
			{ "test_and_set", BITOP_TEST_SET },
			{ "test_and_clear", BITOP_TEST_CLEAR },
		};
		size_t i;

		for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
			if (!strcmp(v, ops[i].n)) {
				e->bit_op = ops[i].op;
				return 0;
			}
		return -1;
	}
	if (!strcmp(k, "held") && (role == ROLE_CALLBACK || role == ROLE_FIELD))
		return parse_int(v, &e->cb_held) || e->cb_held < 0 ? -1 : 0;
	if (!strcmp(k, "context")) {
		free(e->cb_context);
		e->cb_context = xstrdup(v);
		return 0;
	}
	if (!strcmp(k, "use")) {
		char **slot;

		switch (role) {
		case ROLE_DEPRECATED: slot = &e->replacement; break;
		case ROLE_ZEROING: slot = &e->zeroing; break;
		case ROLE_ARRAY: slot = &e->array; break;
		case ROLE_SENSITIVE: slot = &e->sensitive; break;
		case ROLE_REFINIT: slot = &e->refinit_put; break;
		default: return -1;
		}
		free(*slot);
		*slot = xstrdup(v);
		return 0;
	}
	return -1;
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
		    set_key(e, role, kv, eq + 1)) {
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
