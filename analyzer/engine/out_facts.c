// SPDX-License-Identifier: GPL-2.0
/*
 * Core facts about what a return leaves to the caller beyond its value:
 * a block of this function in the caller's memory (`out-alloc`,
 * `out-freed`), the address of a member of the caller's object as the
 * result (`ret-addr`), and whether the return is a -errno (`ret-neg`
 * and `out-freed` ask).  core.c calls these at each return of the
 * summary pass; replay.c gives them to callers.
 */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* An int function's return of a -errno the engine knows: a negative
 * constant or value, or PTR_ERR() of a pointer IS_ERR() found an error
 * pointer (the value is the pointer's, -4095 to -1). */
static bool returns_known_errno(struct engine *en, struct state *st,
				const struct return_info *r)
{
	struct objst tmp;
	const struct objst *o;

	if ((r->v.kind == V_CONST && r->v.c < 0) || r->v.kind == V_NEG)
		return true;
	if (en->fn->returns_ptr)
		return false;
	if (r->v.kind == V_ERRPTR)
		return true;
	if (r->v.kind != V_OBJ)
		return false;
	o = engine_obj(en, st, r->v.obj, &tmp);
	return o && (o->flags & OF_ERRPTR);
}

/* An int function's return of a -errno: a known one, or `if (error)
 * return error;` of an int whose sign the engine does not know (the
 * result of a function of another file, misc_register() in
 * agp_frontend_initialize()).  By the kernel's convention an int error
 * code is a -errno, and a caller's `if (err < 0)` is the whole test
 * (ret-neg).  A positive constant on another non-zero return still says
 * otherwise: ret-neg holds on every one. */
bool returns_errno(struct engine *en, struct state *st,
		   const struct return_info *r)
{
	if (returns_known_errno(en, st, r))
		return true;
	return (r->v.kind == V_NONNULL ||
		(r->v.kind == V_NE && r->v.c == 0)) &&
	       !en->fn->returns_ptr && en->fn->returns_narrow &&
	       !en->fn->returns_bool;
}

bool engine_returns_errno(struct engine *en, struct state *st,
			  const struct return_info *r)
{
	return r->has_value && returns_errno(en, st, r);
}

char *engine_field_subject(struct engine *en, struct state *st, int32_t id)
{
	int i;

	for (i = 0; i < st->nb; i++)
		if (st->b[i].v.kind == V_OBJ && st->b[i].v.obj == id) {
			char *s = store_subject(en, st, st->b[i].path);
			size_t n = s && s[0] == '$' ?
				   strspn(s + 1, "0123456789") : 0;

			if (n && !strncmp(s + 1 + n, "->", 2) &&
			    strcmp(s + 1 + n, "->[0]"))
				return s;
			free(s);
		}
	return NULL;
}

char *engine_subject_text(struct engine *en, const char *subject)
{
	char *end;
	long n;
	int i;

	if (!subject || subject[0] != '$')
		return xstrdup(subject ? subject : "");
	n = strtol(subject + 1, &end, 10);
	if (end == subject + 1)
		return xstrdup(subject);
	for (i = 0; i < en->fn->nvars; i++)
		if (en->fn->vars[i].kind == VAR_PARAM &&
		    en->fn->vars[i].param == n && en->fn->vars[i].name)
			return xstrfmt("%s%s", en->fn->vars[i].name, end);
	return xstrdup(subject);
}

static char *out_place_subject(struct engine *en, struct state *st, int path)
{
	char *dst = store_subject(en, st, path);
	size_t n = dst && dst[0] == '$' ? strspn(dst + 1, "0123456789") : 0;

	if (n && !strcmp(dst + 1 + n, "->[0]"))
		return dst;
	free(dst);
	return NULL;
}

char *engine_out_subject(struct engine *en, struct state *st, int32_t id)
{
	int i;

	for (i = 0; i < st->nb; i++)
		if (st->b[i].v.kind == V_OBJ && st->b[i].v.obj == id) {
			char *s = out_place_subject(en, st, st->b[i].path);

			if (s)
				return s;
		}
	return NULL;
}

/*
 * What a place of the caller's memory holds at a return, when it is a
 * block of this function.  *out = kstrdup(...); return 0;: held by the
 * place a pointer parameter points to (`$0->[0]`; not a field of a
 * struct the caller gave, whose field facts follow it), neither returned
 * nor freed: the caller's place holds a new allocation (`out-alloc`), as
 * a wrapper's result does, so a caller that drops it leaks it.  Freed,
 * at a -errno return, in a field below a parameter: the field dangles
 * (`out-freed`).
 */
void out_block_fact(struct engine *en, struct state *st,
		    const struct return_info *r, const struct binding *b,
		    struct fact_list *out)
{
	struct objst tmp;
	const struct objst *o;
	const struct site_info *si;
	const struct slot_val *fv;
	char *dst;

	if (b->v.obj < 0 || (r->v.kind == V_OBJ && r->v.obj == b->v.obj))
		return;
	o = engine_obj(en, st, b->v.obj, &tmp);
	if ((fv = slot_get(st, core_freed, b->v.obj))) {
		/* ft->g = kcalloc(); ... kfree(ft->g); return -ENOMEM;
		 * (mlx5 arfs_create_groups()): the caller's field still
		 * points at the block, and the caller's unwind frees it */
		const struct api_entry *api = (const struct api_entry *)
			(uintptr_t)((uint64_t)fv->b >> 8);

		/* only at a -errno return, which a caller's `err < 0` and
		 * `if (err)` both see as the failure; and not a block a
		 * callee left so (one level: the caller's unwind).  A known
		 * one: focaltech_init() leaves psmouse->private dangling
		 * where a device command failed, and its caller's later
		 * branches are the ones the engine cannot follow */
		if (!(r->cond == RC_NONZERO &&
		      returns_known_errno(en, st, r)) ||
		    !o || (o->flags & OF_LEFT_FREED))
			return;
		dst = store_subject(en, st, b->path);
		if (dst && dst[0] == '$' && dst[1] >= '0' && dst[1] <= '9' &&
		    strstr(dst, "->"))
			fact_list_add(out, core.out_freed, RC_ANY, dst,
				      (fv->b & 0xff) - 1,
				      api ? api->name : NULL, NULL,
				      en->fn->file, loc_unpack(fv->a));
		free(dst);
		return;
	}
	si = o && o->id < en->nsites ? &en->sites[o->id] : NULL;
	if (!o || o->family < 0 || o->null == NL_NULL || !si || !si->callee)
		return;
	dst = out_place_subject(en, st, b->path);
	if (dst)
		fact_list_add(out, core.out_alloc, RC_ANY, dst,
			      o->family | ((int64_t)(o->order + 1) << 16) |
			      ((int64_t)(o->null != NL_NONNULL) << 32),
			      si->via ? si->via : si->callee, NULL,
			      en->fn->file, r->loc);
	free(dst);
}

/*
 * return &o->member; of a parameter o (to_drm_encoder(), a driver's
 * to_inner() helpers): the caller gets the address of that place of its
 * own memory, a pointer into the object it passed (replay.c), so
 * handing it on hands on the object.  Value 1 for a member that is not a
 * struct or union (wiphy_priv()'s &wiphy->priv, an array): a private
 * area the caller reads as a struct of its own.
 */
void ret_addr_fact(struct engine *en, struct state *st,
		   const struct return_info *r, struct fact_list *out)
{
	const struct sym *s = sym_of(en, r->v.obj);
	char fkbuf[512];
	char *dst;
	char k;

	if (!s || s->kind != SYM_ADDR || s->place < 0)
		return;
	k = en->paths[s->place].kind;
	if (!s->record && k != '>' && k != '.')
		return;
	dst = store_subject(en, st, s->place);
	if (dst && dst[0] == '$' && dst[1] >= '0' && dst[1] <= '9')
		fact_list_add(out, core.ret_addr, RC_ANY, "$ret",
			      s->record ? 0 : 1, dst,
			      path_field_key(en, s->place, fkbuf,
					     sizeof(fkbuf)),
			      en->fn->file, r->loc);
	free(dst);
}
