// SPDX-License-Identifier: GPL-2.0
/*
 * The keys of a rules line (docs/rules-format.md): key=value for the
 * entry of one directive.  An unknown key, or a value out of range, is
 * an error the loader reports with the file and line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apitable.h"
#include "core_sums.h"
#include "../util/strvec.h"

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

/*
 * dst= or src= of a points line: a subject "$N" followed by members
 * ("->next", ".list"), for the entry's next pair (the line's end counts
 * it, apitable.c).  Only src may be the bare argument.
 */
static int points_key(struct api_entry *e, const char *k, const char *v)
{
	char **slot;
	const char *s = v + 1;

	if (e->npoints >= API_MAX_POINTS || v[0] != '$' || *s < '0' ||
	    *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9')
		s++;
	if (!strcmp(k, "dst") && !*s)
		return -1;
	for (; *s; s++)
		if (!(*s == '_' || *s == '.' || *s == '-' || *s == '>' ||
		      (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9')))
			return -1;
	slot = !strcmp(k, "dst") ? &e->points_dst[e->npoints] :
				   &e->points_src[e->npoints];
	if (*slot)
		return -1;
	*slot = xstrdup(v);
	return 0;
}

int api_set_key(struct api_entry *e, unsigned role, const char *k,
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
	if ((!strcmp(k, "dst") || !strcmp(k, "src")) && role == ROLE_POINTS)
		return points_key(e, k, v);
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
	if ((!strcmp(k, "until") || !strcmp(k, "named")) &&
	    role == ROLE_REFINIT) {
		char **slot = k[0] == 'u' ? &e->refinit_until :
			      &e->refinit_named;

		free(*slot);
		*slot = xstrdup(v);
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
