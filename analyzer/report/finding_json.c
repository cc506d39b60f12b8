// SPDX-License-Identifier: GPL-2.0
/* The JSON Lines of report_json(), read back (see finding_json.h).  A
 * small recursive-descent reader: objects, arrays, strings (with \u
 * escapes to UTF-8), numbers, true, false, null. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "finding_json.h"
#include "../util/strvec.h"

struct rd {
	const char *p;
	const char *err;
};

static void ws(struct rd *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' || *r->p == '\n')
		r->p++;
}

static bool eat(struct rd *r, char c)
{
	ws(r);
	if (*r->p != c)
		return false;
	r->p++;
	return true;
}

static void put_utf8(char **o, unsigned c)
{
	if (c < 0x80) {
		*(*o)++ = (char)c;
	} else if (c < 0x800) {
		*(*o)++ = (char)(0xc0 | c >> 6);
		*(*o)++ = (char)(0x80 | (c & 0x3f));
	} else {
		*(*o)++ = (char)(0xe0 | c >> 12);
		*(*o)++ = (char)(0x80 | ((c >> 6) & 0x3f));
		*(*o)++ = (char)(0x80 | (c & 0x3f));
	}
}

/* A string: malloc'ed, or NULL (r->err set). */
static char *str(struct rd *r)
{
	char *buf, *o;

	if (!eat(r, '"')) {
		r->err = "a string was expected";
		return NULL;
	}
	buf = o = xmalloc(strlen(r->p) + 1);
	while (*r->p && *r->p != '"') {
		char c = *r->p++;

		if (c != '\\') {
			*o++ = c;
			continue;
		}
		c = *r->p++;
		switch (c) {
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case 'r': *o++ = '\r'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case '"': case '\\': case '/': *o++ = c; break;
		case 'u': {
			char hex[5] = { 0 };
			char *end;
			unsigned long u;

			memcpy(hex, r->p, 4);
			u = strtoul(hex, &end, 16);
			if (strlen(hex) != 4 || *end) {
				r->err = "a bad \\u escape";
				free(buf);
				return NULL;
			}
			r->p += 4;
			put_utf8(&o, (unsigned)u);
			break;
		}
		default:
			r->err = "a bad escape in a string";
			free(buf);
			return NULL;
		}
	}
	if (*r->p != '"') {
		r->err = "a string does not end";
		free(buf);
		return NULL;
	}
	r->p++;
	*o = '\0';
	return buf;
}

static bool number(struct rd *r, unsigned *out)
{
	char *end;
	unsigned long v;

	ws(r);
	errno = 0;
	v = strtoul(r->p, &end, 10);
	if (end == r->p || errno || v > 0xffffffffUL) {
		r->err = "a number was expected";
		return false;
	}
	r->p = end;
	*out = (unsigned)v;
	return true;
}

static bool boolean(struct rd *r, bool *out)
{
	ws(r);
	if (!strncmp(r->p, "true", 4)) {
		r->p += 4;
		*out = true;
	} else if (!strncmp(r->p, "false", 5)) {
		r->p += 5;
		*out = false;
	} else {
		r->err = "true or false was expected";
		return false;
	}
	return true;
}

/* Any value, skipped (keys a newer kmemlint may add). */
static bool skip(struct rd *r)
{
	unsigned u;
	bool b;
	char *s;

	ws(r);
	if (*r->p == '"') {
		s = str(r);
		free(s);
		return s != NULL;
	}
	if (*r->p == '{' || *r->p == '[') {
		char close = *r->p == '{' ? '}' : ']';
		bool obj = close == '}';

		r->p++;
		if (eat(r, close))
			return true;
		do {
			if (obj) {
				s = str(r);
				if (!s)
					return false;
				free(s);
				if (!eat(r, ':')) {
					r->err = "':' was expected";
					return false;
				}
			}
			if (!skip(r))
				return false;
		} while (eat(r, ','));
		if (!eat(r, close)) {
			r->err = "',' or the end of a list was expected";
			return false;
		}
		return true;
	}
	if (!strncmp(r->p, "null", 4)) {
		r->p += 4;
		return true;
	}
	if (*r->p == '-')
		r->p++;
	if (*r->p >= '0' && *r->p <= '9') {
		if (!number(r, &u))
			return false;
		if (*r->p == '.' || *r->p == 'e' || *r->p == 'E')
			strtod(r->p, (char **)&r->p);
		return true;
	}
	return boolean(r, &b);
}

/* The members of an object: cb(key) reads each value. */
static bool object(struct rd *r, bool (*cb)(struct rd *, const char *, void *),
		   void *arg)
{
	char *key;
	bool ok;

	if (!eat(r, '{')) {
		r->err = "an object was expected";
		return false;
	}
	if (eat(r, '}'))
		return true;
	do {
		key = str(r);
		if (!key)
			return false;
		if (!eat(r, ':')) {
			free(key);
			r->err = "':' was expected";
			return false;
		}
		ok = cb(r, key, arg);
		free(key);
		if (!ok)
			return false;
	} while (eat(r, ','));
	if (!eat(r, '}')) {
		r->err = "',' or '}' was expected";
		return false;
	}
	return true;
}

static bool set_str(struct rd *r, char **field)
{
	free(*field);
	*field = str(r);
	return *field != NULL;
}

static bool note_member(struct rd *r, const char *key, void *arg)
{
	struct note *n = arg;

	if (!strcmp(key, "file"))
		return set_str(r, &n->file);
	if (!strcmp(key, "message"))
		return set_str(r, &n->msg);
	if (!strcmp(key, "line"))
		return number(r, &n->line);
	if (!strcmp(key, "column"))
		return number(r, &n->col);
	return skip(r);
}

static bool trace(struct rd *r, struct finding *f)
{
	if (!eat(r, '[')) {
		r->err = "a list was expected for \"trace\"";
		return false;
	}
	if (eat(r, ']'))
		return true;
	do {
		struct note n = { NULL, 0, 0, NULL };

		if (!object(r, note_member, &n) || !n.file || !n.msg) {
			if (!r->err)
				r->err = "a trace step without file or message";
			free(n.file);
			free(n.msg);
			return false;
		}
		f->notes = xrealloc(f->notes, (f->nnotes + 1) * sizeof(*f->notes));
		f->notes[f->nnotes++] = n;
	} while (eat(r, ','));
	if (!eat(r, ']')) {
		r->err = "',' or ']' was expected in \"trace\"";
		return false;
	}
	return true;
}

static bool engines(struct rd *r, struct finding *f)
{
	char *s;

	if (!eat(r, '[')) {
		r->err = "a list was expected for \"engines\"";
		return false;
	}
	if (eat(r, ']'))
		return true;
	do {
		if (!(s = str(r)))
			return false;
		if (!strcmp(s, "kmemlint"))
			f->engines |= ENGINE_KMEMLINT;
		else if (!strcmp(s, "coccinelle"))
			f->engines |= ENGINE_COCCINELLE;
		free(s);
	} while (eat(r, ','));
	if (!eat(r, ']')) {
		r->err = "',' or ']' was expected in \"engines\"";
		return false;
	}
	return true;
}

struct line_rec {
	struct finding f;
	char *error;
	char *conf;
};

static bool replace_member(struct rd *r, const char *key, void *arg)
{
	struct finding *f = arg;

	if (!strcmp(key, "old"))
		return set_str(r, &f->fix_old);
	if (!strcmp(key, "new"))
		return set_str(r, &f->fix_new);
	return skip(r);
}

static bool member(struct rd *r, const char *key, void *arg)
{
	struct line_rec *l = arg;
	struct finding *f = &l->f;

	if (!strcmp(key, "file"))
		return set_str(r, &f->file);
	if (!strcmp(key, "line"))
		return number(r, &f->line);
	if (!strcmp(key, "column"))
		return number(r, &f->col);
	if (!strcmp(key, "function"))
		return set_str(r, &f->function);
	if (!strcmp(key, "rule"))
		return set_str(r, &f->rule);
	if (!strcmp(key, "message"))
		return set_str(r, &f->message);
	if (!strcmp(key, "confidence"))
		return set_str(r, &l->conf);
	if (!strcmp(key, "error"))
		return set_str(r, &l->error);
	if (!strcmp(key, "trace"))
		return trace(r, f);
	if (!strcmp(key, "engines"))
		return engines(r, f);
	if (!strcmp(key, "fix"))
		return boolean(r, &f->fix);
	if (!strcmp(key, "replace"))
		return object(r, replace_member, f);
	return skip(r);
}

/* One line: 1 a finding added, 0 nothing to add, -1 an error (*err). */
static int read_line(const char *line, struct finding_list *fl,
		     const char **err)
{
	struct line_rec l;
	struct rd r = { line, NULL };
	int c;

	memset(&l, 0, sizeof(l));
	ws(&r);
	if (!*r.p)
		return 0;
	if (!object(&r, member, &l)) {
		*err = r.err;
		goto bad;
	}
	ws(&r);
	if (*r.p) {
		*err = "more text after the object";
		goto bad;
	}
	if (l.error) {
		fprintf(stderr, "kmemlint: %s: error: %s (in the run that wrote the findings)\n",
			l.f.file ? l.f.file : "?", l.error);
		finding_free(&l.f);
		free(l.error);
		free(l.conf);
		return 0;
	}
	if (!l.f.file || !l.f.rule || !l.f.message || !l.f.function ||
	    !l.f.line) {
		*err = "not a finding: file, line, function, rule or message is missing";
		goto bad;
	}
	c = l.conf ? confidence_parse(l.conf) : CONF_MEDIUM;
	if (c < 0) {
		*err = "unknown confidence (high or medium)";
		goto bad;
	}
	l.f.confidence = (enum confidence)c;
	free(l.conf);
	findings_add(fl, &l.f);
	return 1;
bad:
	finding_free(&l.f);
	free(l.error);
	free(l.conf);
	return -1;
}

int findings_read_json(const char *path, struct finding_list *fl)
{
	bool std = !strcmp(path, "-");
	FILE *f = std ? stdin : fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	int ret = 0;

	if (!f) {
		fprintf(stderr, "kmemlint: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (getline(&line, &cap, f) >= 0) {
		const char *err = NULL;

		lineno++;
		if (read_line(line, fl, &err) < 0) {
			fprintf(stderr, "kmemlint: %s:%u: not a kmemlint JSON finding: %s\n",
				path, lineno, err ? err : "bad JSON");
			ret = -1;
			break;
		}
	}
	if (!ret && ferror(f)) {
		fprintf(stderr, "kmemlint: %s: %s\n", path, strerror(errno));
		ret = -1;
	}
	free(line);
	if (!std)
		fclose(f);
	return ret;
}
