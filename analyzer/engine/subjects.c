// SPDX-License-Identifier: GPL-2.0
/*
 * What a callee's summary subject names at a call: "$0->buf" with
 * argument 0 = priv is priv->buf, "$ret" the call's destination, "@g" a
 * global (the callee's own when it is of another file and we have a
 * static of that name), and a place tail ("->match") of an object.
 * Split from paths.c, which interns the places these resolve to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* A name cut out of a subject (at most 255 bytes), interned for the
 * unit: a replay names the same fields again and again */
static const char *engine_str(struct engine *en, const char *s, size_t n)
{
	char buf[256];

	if (n > sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return engine_intern(en, buf);
}

static int path_append(struct engine *en, int path, const char *s, bool addr);

/*
 * A replay follows the same subject tails from the same places again and
 * again: the path a tail leads to is kept, by the place, the tail's
 * address and text (checked: a tail freed and its memory reused for
 * another is not taken for the first).
 */
#define AMEMO_SIZE 1024

struct append_memo {
	int path, result;
	bool addr;
	const char *s;
	char *text;
};

void subjects_free(struct engine *en)
{
	int i;

	if (!en->amemo)
		return;
	for (i = 0; i < AMEMO_SIZE; i++)
		free(en->amemo[i].text);
	free(en->amemo);
	en->amemo = NULL;
}

/* The place tail ("->match") of object id: a ret-sets subject. */
int object_place(struct engine *en, int32_t id, const char *tail)
{
	return path_append(en, path_object(en, id), tail, false);
}

/*
 * path followed by the steps of an accessor or subject tail ("->buf",
 * ".a[2]", "->[0]"); addr: path is the place itself (&x), so a first
 * "->f" is ".f".  Constant indices only; -1 on anything else.
 */
static int path_append_parse(struct engine *en, int path, const char *s,
			     bool addr);

static int path_append(struct engine *en, int path, const char *s, bool addr)
{
	struct append_memo *m;
	uintptr_t h;

	if (path < 0 || !*s)
		return path;
	if (!en->amemo)
		en->amemo = xcalloc(AMEMO_SIZE, sizeof(*en->amemo));
	h = ((uintptr_t)s >> 3) * 31 + (uintptr_t)path * 7 + addr;
	m = &en->amemo[(h ^ (h >> 11)) & (AMEMO_SIZE - 1)];
	if (m->text && m->path == path && m->s == s && m->addr == addr &&
	    !strcmp(m->text, s))
		return m->result;
	free(m->text);
	m->path = path;
	m->s = s;
	m->addr = addr;
	m->text = xstrdup(s);
	m->result = path_append_parse(en, path, s, addr);
	return m->result;
}

static int path_append_parse(struct engine *en, int path, const char *s,
			     bool addr)
{
	char *end;
	long n;

	while (path >= 0 && *s) {
		bool deref = !strncmp(s, "->", 2);
		size_t len;

		if (deref)
			s += 2;
		else if (*s == '.')
			s++;
		if (*s == '[') {
			n = strtol(s + 1, &end, 10);
			if (*end != ']')
				return -1;
			s = end + 1;
			/* &x then ->[0] (*out of an out-parameter) is x */
			if (addr && deref && n == 0) {
				addr = false;
				continue;
			}
			if (addr && deref)
				deref = false;
			addr = false;
			path = path_child(en, path, '[', deref, NULL, NULL, n,
					  NULL);
			continue;
		}
		if (addr && deref)
			deref = false;	/* &x then ->f is x.f */
		addr = false;
		len = strcspn(s, "-.[");
		if (!len)
			return -1;
		path = path_child(en, path, deref ? '>' : '.', deref,
				  engine_str(en, s, len), NULL, 0, NULL);
		s += len;
	}
	return path;
}

/*
 * The path (and value) a callee's subject names at this call: "$0->buf"
 * with arg 0 = priv is priv->buf, with arg 0 = &priv->sub it is
 * priv->sub.buf.  Returns the path, or -1 when the subject names nothing
 * here (*out is V_UNK then).
 */
/* "struct foo::a.b" and "struct foo::c" have one record */
static bool same_record(const char *k1, const char *k2)
{
	const char *c1 = strstr(k1, "::"), *c2 = strstr(k2, "::");

	return c1 && c2 && c1 - k1 == c2 - k2 && !strncmp(k1, k2, c1 - k1);
}

/*
 * A callee's subject "$0->groups" of record struct hwmon_device, where
 * the callee reached its record through container_of() of its parameter
 * (hwmon_dev_release(struct device *dev)), and the caller passes the
 * address of that member (hdev = &hwdev->dev): the place is the
 * containing object's field, hwdev->groups, not hdev->groups.
 */
static int container_place(struct engine *en, struct state *st,
			   const struct ir_expr *a, int path,
			   const char *rest, const char *key)
{
	char buf[512], rec[512];
	const char *have = path_field_key(en, path, buf, sizeof(buf));
	const struct sym *m;
	struct value v;
	int alt;

	if (have && same_record(have, key))
		return path;
	v = eval(en, st, a);
	if (v.kind != V_OBJ || !member_addr(en, v.obj))
		return path;
	/* the member is one of the key's record: &hwdev->dev of a
	 * struct foo_hwdev */
	m = sym_of(en, v.obj);
	if (!en->paths[m->place].rec)
		return path;
	snprintf(rec, sizeof(rec), "%s::", en->paths[m->place].rec);
	if (!same_record(rec, key))
		return path;
	alt = path_append(en, path_object(en, m->base), rest, false);
	return alt >= 0 ? alt : path;
}

/* Is the global name[0..len) a static of this function's file? */
static bool static_global(struct engine *en, const char *name, size_t len)
{
	int i;

	for (i = 0; i < en->fn->nvars; i++) {
		const struct ir_var *v = &en->fn->vars[i];

		if (v->kind == VAR_GLOBAL && v->is_static &&
		    strlen(v->gname) == len && !strncmp(v->gname, name, len))
			return true;
	}
	return false;
}

int resolve_subject(struct engine *en, struct state *st,
		    const struct ir_call *call, const char *subject,
		    const char *key, struct value *out)
{
	const char *s = subject;
	bool addr = false;
	int path = -1, arg = -1;
	char *end;
	long n;

	*out = mkv(V_UNK);
	if (!strncmp(s, "$ret", 4)) {
		path = expr_path(en, call->dest);
		s += 4;
	} else if (s[0] == '$') {
		const struct ir_expr *a;

		n = strtol(s + 1, &end, 10);
		if (end == s + 1 || n < 0 || n >= call->nargs)
			return -1;
		s = end;
		a = call->args[n];
		arg = (int)n;
		if (!*s) {
			/* "$0" is the argument's value: &x->node is x's object */
			*out = eval(en, st, a);
			return a && a->kind != EX_ADDR ? expr_path(en, a) : -1;
		}
		if (a && a->kind == EX_ADDR) {
			path = expr_path(en, a->a);
			addr = true;
		} else {
			path = expr_path(en, a);
		}
		if (path < 0) {
			struct value v = eval(en, st, a);

			if (v.kind != V_OBJ)
				return -1;
			path = path_object(en, v.obj);
		}
	} else if (s[0] == '@') {
		size_t len = strcspn(s + 1, "-.[");

		/* a callee of another file names its own global: not a
		 * static of ours of the same name (dell-smbios-smm.c's
		 * and dell-smbios-base.c's platform_device) */
		if (en->replay_file && en->fn->file &&
		    strcmp(en->replay_file, en->fn->file) &&
		    static_global(en, s + 1, len))
			return -1;
		path = path_root_global(en, engine_str(en, s + 1, len));
		s += 1 + len;
	}
	path = path_append(en, path, s, addr);
	if (path < 0)
		return -1;
	if (arg >= 0 && key)
		path = container_place(en, st, call->args[arg], path, s, key);
	/* the callee knew the place's type: the caller's path may not */
	if (key && !en->paths[path].fkey) {
		char buf[512];

		if (!path_field_key(en, path, buf, sizeof(buf)) ||
		    strcmp(buf, key))
			en->paths[path].fkey = engine_intern(en, key);
	}
	*out = load_path(en, st, path);
	return path;
}

/*
 * The place subject names as the call begins, canonical (rooted at the
 * object that is there now), so that writing other places of the call
 * first does not move it: a replay's writes (replay.c pre_places()) and
 * a `points` line's place (entry_roles.c).  -1 when it names none.
 */
int resolve_place(struct engine *en, struct state *st,
		  const struct ir_call *call, const char *subject,
		  const char *key, struct value *out)
{
	int path = resolve_subject(en, st, call, subject, key, out);

	return path >= 0 ? canon_path(en, st, path) : -1;
}

int engine_subject_arg(const char *subject)
{
	char *end;
	long n;

	if (!subject || subject[0] != '$' || subject[1] < '0' ||
	    subject[1] > '9')
		return -1;
	n = strtol(subject + 1, &end, 10);
	return *end || n > INT32_MAX ? -1 : (int)n;
}
