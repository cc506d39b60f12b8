// SPDX-License-Identifier: GPL-2.0
/*
 * Access paths.
 *
 * An access path is a root (a variable, a global, or an object) followed
 * by field, index and dereference steps: p, priv->buf, dev->rx[3].va, *out.
 * The state binds paths to values.  The canonical path of a place is
 * rooted at the object the innermost pointer on the way holds, so two
 * spellings of one place (ar->x, priv->ar->x) share one binding.  A
 * callee's subject ("$0->buf") is resolved here to the caller's path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/arena.h"
#include "../util/strvec.h"

/* Keys are built by hand: snprintf() was a fifth of the time of a large
 * file's exploration (every path step is interned). */
struct kbuf {
	char *p, *end;
};

static void kput(struct kbuf *k, const char *s)
{
	while (*s && k->p < k->end)
		*k->p++ = *s++;
}

static void kputc(struct kbuf *k, char c)
{
	if (k->p < k->end)
		*k->p++ = c;
}

static void kputi(struct kbuf *k, long long v)
{
	char tmp[24];
	int n = 0;
	unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;

	if (v < 0)
		kputc(k, '-');
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	while (n)
		kputc(k, tmp[--n]);
}

static void kputp(struct kbuf *k, const void *ptr)
{
	static const char hex[] = "0123456789abcdef";
	uintptr_t u = (uintptr_t)ptr;
	int i;

	kput(k, "0x");
	for (i = (int)sizeof(u) * 2 - 1; i >= 0; i--)
		kputc(k, hex[(u >> (i * 4)) & 15]);
}

/* Canonical text of an index expression: a[i] and a[i] meet, a[i + 1]
 * is another slot.  An index we cannot name is unique to its node. */
static void index_key_to(struct kbuf *k, const struct ir_expr *e)
{
	switch (e->kind) {
	case EX_CONST:
		kputi(k, e->ival);
		return;
	case EX_VAR:
		kputc(k, 'v');
		kputi(k, e->var);
		return;
	case EX_ARITH:
	case EX_CMP:
		kputc(k, '(');
		index_key_to(k, e->a);
		kputc(k, e->kind == EX_CMP ? 'c' : 'a');
		kputi(k, e->op);
		if (e->b)
			index_key_to(k, e->b);
		kputc(k, ')');
		return;
	case EX_MEMBER:
		index_key_to(k, e->a);
		kput(k, e->arrow ? "->" : ".");
		kput(k, e->field);
		return;
	default:
		kputc(k, '?');
		kputp(k, e);
		return;
	}
}

static void index_key(const struct ir_expr *e, char *buf, size_t len)
{
	struct kbuf k = { buf, buf + len - 1 };

	index_key_to(&k, e);
	*k.p = '\0';
}

int path_root_var(struct engine *en, int var)
{
	struct path p;

	memset(&p, 0, sizeof(p));
	p.parent = -1;
	if (en->fn->vars[var].kind == VAR_GLOBAL) {
		p.kind = 'g';
		p.var = -1;
		p.field = en->fn->vars[var].gname;
	} else {
		p.kind = 'v';
		p.var = var;
	}
	return path_intern(en, &p, NULL);
}

/* The global named name (a subject's "@name"): name must outlive the
 * function's IR. */
int path_root_global(struct engine *en, const char *name)
{
	struct path p;

	memset(&p, 0, sizeof(p));
	p.parent = -1;
	p.kind = 'g';
	p.var = -1;
	p.field = name;
	return path_intern(en, &p, NULL);
}

int path_child(struct engine *en, int parent, char kind, bool deref,
	       const char *field, const char *rec, int64_t idx,
	       const struct ir_expr *idx_expr)
{
	struct path p;
	char ikey[256];

	memset(&p, 0, sizeof(p));
	p.parent = parent;
	p.kind = kind;
	p.deref = deref;
	p.var = -1;
	p.field = field;
	p.rec = rec;
	p.idx = idx;
	p.idx_expr = idx_expr;
	if (idx_expr)
		index_key(idx_expr, ikey, sizeof(ikey));
	return path_intern(en, &p, idx_expr ? ikey : NULL);
}

/* Element idx of parent, marked as a private area inside a block: its
 * places are keyed by the struct a function reads it as (areas.c, a
 * ret-addr of an array member in replay_ret.c). */
int path_area(struct engine *en, int parent, bool deref, int64_t idx)
{
	int p = path_child(en, parent, '[', deref, NULL, NULL, idx, NULL);

	en->paths[p].area = true;
	return p;
}

static int typed(struct engine *en, int path, const struct ir_expr *e)
{
	if (path >= 0 && en->paths[path].type == PT_UNKNOWN)
		en->paths[path].type = e->is_ptr || e->is_long ? PT_ADDR :
				       PT_OTHER;
	return path;
}

static int expr_path_untyped(struct engine *en, const struct ir_expr *e);

/* The access path an lvalue expression names, or -1. */
int expr_path(struct engine *en, const struct ir_expr *e)
{
	return e ? typed(en, expr_path_untyped(en, e), e) : -1;
}

static int expr_path_untyped(struct engine *en, const struct ir_expr *e)
{
	int base;

	if (!e)
		return -1;
	switch (e->kind) {
	case EX_VAR:
		return path_root_var(en, e->var);
	case EX_MEMBER:
		/* (&x)->f is x.f */
		if (e->arrow && e->a && e->a->kind == EX_ADDR) {
			base = expr_path(en, e->a->a);
			return base < 0 ? -1 :
			       path_child(en, base, '.', false, e->field, e->rec,
					  0, NULL);
		}
		base = expr_path(en, e->a);
		if (base < 0)
			return -1;
		return path_child(en, base, e->arrow ? '>' : '.', e->arrow,
				  e->field, e->rec, 0, NULL);
	case EX_INDEX:
		base = expr_path(en, e->a);
		if (base < 0)
			return -1;
		if (e->b && e->b->kind == EX_CONST)
			return path_child(en, base, '[', e->base_is_ptr, NULL,
					  NULL, e->b->ival, NULL);
		return path_child(en, base, '[', e->base_is_ptr, NULL, NULL, 0,
				  e->b);
	case EX_DEREF:
		if (e->a && e->a->kind == EX_ADDR)	/* *&x is x */
			return expr_path(en, e->a->a);
		base = expr_path(en, e->a);
		if (base < 0)
			return -1;
		return path_child(en, base, '[', true, NULL, NULL, 0, NULL);
	default:
		return -1;
	}
}

/* One step of a path, as text: "->f", ".f", "[3]", "->[3]", "[v2]". */
void step_str(struct engine *en, const struct path *p, char *buf,
		     size_t len)
{
	struct kbuf k = { buf, buf + len - 1 };
	const char *ik;
	int n;

	(void)en;
	switch (p->kind) {
	case '>':
		kput(&k, "->");
		kput(&k, p->field);
		break;
	case '.':
		kputc(&k, '.');
		kput(&k, p->field);
		break;
	case '[':
		if (p->deref)
			kput(&k, "->");
		kputc(&k, '[');
		if (p->idx_expr)	/* its text, cut at 127 bytes */
			for (ik = p->ikey, n = 0; *ik && n < 127; n++)
				kputc(&k, *ik++);
		else
			kputi(&k, p->idx);
		kputc(&k, ']');
		break;
	default:
		break;
	}
	*k.p = '\0';
}

char *path_str(struct engine *en, int path)
{
	const struct path *p = &en->paths[path];
	char step[160];
	char *base, *r;

	if (p->kind == 'v')
		return xstrdup(en->fn->vars[p->var].name);
	if (p->kind == 'g')
		return xstrfmt("@%s", p->field);
	if (p->kind == 'o')
		return xstrfmt("#%d", p->var);
	base = path_str(en, p->parent);
	step_str(en, p, step, sizeof(step));
	r = xstrfmt("%s%s", base, step);
	free(base);
	return r;
}

/* tail = what + tail, with a '.' between two field names */
static void prepend(char *tail, size_t len, const char *what)
{
	char tmp[256];
	bool dot = tail[0] && tail[0] != '[' && what[0] != '[';

	if (what[0] == '[' && tail[0] && tail[0] != '[')
		dot = true;
	struct kbuf k = { tmp, tmp + sizeof(tmp) - 1 };
	size_t n;

	kput(&k, what);
	if (dot)
		kputc(&k, '.');
	kput(&k, tail);
	*k.p = '\0';
	n = (size_t)(k.p - tmp);
	if (n > len - 1)
		n = len - 1;
	memcpy(tail, tmp, n);
	tail[n] = '\0';
}

static const char *copy_key(char *buf, size_t len, const char *key)
{
	size_t n = strlen(key);

	if (n >= len)
		n = len - 1;
	memcpy(buf, key, n);
	buf[n] = '\0';
	return buf;
}

/* path_field_key() without the memo; *stable is cleared when the answer
 * may change later (an object's field key, a record type not known yet) */
static const char *field_key_walk(struct engine *en, int path, char *buf,
				  size_t len, bool *stable)
{
	char tail[256] = "";
	const char *rec = NULL;	/* of the step below the current one */
	int p = path;

	while (p >= 0) {
		const struct path *n = &en->paths[p];

		switch (n->kind) {
		case 'g':
			snprintf(buf, len, "@%s%s%s", n->field,
				 tail[0] && tail[0] != '[' ? "." : "", tail);
			return buf;
		case 'v':
			return NULL;
		case 'o': {
			/* a canonical root: the field the object was read from */
			const struct sym *o = sym_of(en, n->var);

			*stable = false;
			if (!o || !o->field_key || tail[0])
				return NULL;
			snprintf(buf, len, "%s", o->field_key);
			return buf;
		}
		case '[':
			if (n->area && rec && tail[0] && tail[0] != '[') {
				/* priv->band of hw->priv: "struct
				 * foo_priv::band", as through any pointer */
				snprintf(buf, len, "%s::%s", rec, tail);
				return buf;
			}
			if (n->deref) {
				/* an element of the array a field points to:
				 * "struct foo::bufs->[]" */
				char pk[512];

				if (!path_field_key(en, n->parent, pk, sizeof(pk))) {
					if (en->paths[n->parent].fk_state != 2)
						*stable = false;
					return NULL;
				}
				if (en->paths[n->parent].fk_state != 1)
					*stable = false;
				snprintf(buf, len, "%s->[]%s%s", pk,
					 tail[0] && tail[0] != '[' ? "." : "",
					 tail);
				return buf;
			}
			prepend(tail, sizeof(tail), "[]");
			break;
		default:
			rec = n->rec;
			prepend(tail, sizeof(tail), n->field);
			if (n->kind == '>' || en->paths[n->parent].kind == 'v') {
				if (!n->rec) {
					*stable = false;
					return NULL;
				}
				snprintf(buf, len, "%s::%s", n->rec, tail);
				return buf;
			}
			break;
		}
		p = n->parent;
	}
	return NULL;
}

/*
 * The field key of a path: the record type of the innermost pointer it
 * reads through, and the field path from there ("struct foo::rx.buf",
 * "struct foo::bufs[]", "struct foo::bufs->[]" for an element reached
 * through a pointer index), or "@g" / "@g.f" for a global.  NULL for a
 * plain local.  Kept with the path once it cannot change.
 */
const char *path_field_key(struct engine *en, int path, char *buf, size_t len)
{
	struct path *n;
	const char *k;
	char key[1024];
	bool stable = true;

	if (path < 0)
		return NULL;
	n = &en->paths[path];
	if (n->fkey)
		return copy_key(buf, len, n->fkey);
	if (n->fk_state == 1)
		return copy_key(buf, len, n->fk_memo);
	if (n->fk_state == 2)
		return NULL;
	k = field_key_walk(en, path, key, sizeof(key), &stable);
	if (stable) {
		/* the walk may have grown en->paths */
		n = &en->paths[path];
		n->fk_memo = k ? engine_intern(en, k) : NULL;
		n->fk_state = k ? 1 : 2;
	}
	return k ? copy_key(buf, len, key) : NULL;
}

/* The root path standing for an object that no lvalue names. */
int path_object(struct engine *en, int32_t id)
{
	struct path p;

	memset(&p, 0, sizeof(p));
	p.parent = -1;
	p.kind = 'o';
	p.var = id;
	p.type = PT_ADDR;
	return path_intern(en, &p, NULL);
}

/*
 * The canonical path of a place: the innermost step through a pointer
 * re-rooted at the object the pointer holds.  ar->bus.type and
 * x->ar->bus.type name one place when ar and x->ar hold one object, and a
 * test of one is a test of the other.  Paths with no step through a
 * pointer (locals, globals) are their own canonical form.
 */
/* a step through an element's address that names a part of it */
static bool addr_step(const struct path *n)
{
	return n->kind == '>' ||
	       (n->kind == '[' && !n->idx_expr && n->idx == 0);
}

int canon_path(struct engine *en, struct state *st, int path)
{
	int steps[32], n = 0, p = path, i;
	const struct sym *as;
	bool arrow = false;
	struct value base;

	while (p >= 0) {
		const struct path *node = &en->paths[p];

		if (node->kind == 'v' || node->kind == 'g' || node->kind == 'o' ||
		    n == 32)
			return path;
		steps[n++] = p;
		if (node->deref)
			break;
		p = node->parent;
	}
	if (p < 0 || en->paths[en->paths[p].parent].kind == 'o')
		return path;
	base = load_path(en, st, en->paths[p].parent);
	if (base.kind != V_OBJ)
		return path;
	as = sym_of(en, base.obj);
	if (as && as->kind == SYM_ADDR && addr_step(&en->paths[steps[n - 1]])) {
		/* (&a->x[i])->f is a->x[i].f, *(&a->x[i]) is a->x[i] */
		p = as->place;
		arrow = en->paths[steps[n - 1]].kind == '>';
		if (!arrow) {
			n--;
			if (!n)
				return p;
		}
	} else {
		p = path_object(en, base.obj);
	}
	for (i = n - 1; i >= 0; i--) {
		struct path c = en->paths[steps[i]];

		c.parent = p;
		if (arrow && i == n - 1) {
			c.kind = '.';
			c.deref = false;
		}
		p = path_intern(en, &c, c.ikey);
		if (en->paths[p].type == PT_UNKNOWN)
			en->paths[p].type = en->paths[steps[i]].type;
		if (!en->paths[p].fkey)
			en->paths[p].fkey = en->paths[steps[i]].fkey;
	}
	return p;
}
