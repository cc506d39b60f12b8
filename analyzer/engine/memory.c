// SPDX-License-Identifier: GPL-2.0
/*
 * Writing: assignments (with their store and lost events), and what an
 * assignment makes the engine forget (the places an index reads, a new
 * lap of a ring); an object made again; an entry leaving its list.  The
 * places to drop are collected with struct drop_arg (drop.h), which
 * forget.c shares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "drop.h"
#include "../util/strvec.h"

static bool expr_mentions(const struct ir_expr *e, int var)
{
	if (!e)
		return false;
	if (e->kind == EX_VAR)
		return e->var == var;
	return expr_mentions(e->a, var) || expr_mentions(e->b, var);
}

void note_lost(struct drop_arg *d, int path)
{
	const struct value *v = state_get(d->st, path);
	int32_t id;

	if (!v || v->kind != V_OBJ)
		return;
	/* a pointer into an allocation (buf += offset) was a reference */
	id = engine_obj_within(d->en, v->obj);
	if (id < 0)
		return;
	if (d->nlost == d->alost) {
		d->alost = d->alost ? d->alost * 2 : 4;
		d->lost = xrealloc(d->lost, d->alost * sizeof(*d->lost));
	}
	d->lost[d->nlost++] = id;
}

/* path, or its ancestor at the depth of root, is root */
bool path_is_under(const struct engine *en, int path, int root)
{
	int n;

	if (root < 0 || en->paths[path].root != en->paths[root].root)
		return false;
	n = en->paths[path].depth - en->paths[root].depth;
	if (n < 0)
		return false;
	while (n-- > 0)
		path = en->paths[path].parent;
	return path == root;
}

static bool is_strict_subpath(void *arg, int path)
{
	struct drop_arg *d = arg;

	if (path == d->root || !path_is_under(d->en, path, d->root))
		return false;
	note_lost(d, path);
	return true;
}

bool is_subpath(void *arg, int path)
{
	struct drop_arg *d = arg;

	return path_is_under(d->en, path, d->root);
}

/* a[i] names another element once i changes */
static bool indexed_by(void *arg, int path)
{
	struct drop_arg *d = arg;
	int p;

	if (!d->en->paths[path].has_idx)
		return false;
	for (p = path; p >= 0; p = d->en->paths[p].parent) {
		if (d->en->paths[p].idx_expr &&
		    expr_mentions(d->en->paths[p].idx_expr, d->root)) {
			note_lost(d, path);
			return true;
		}
	}
	return false;
}

/* Does a binding still point to id, or into it (a member's or an
 * element's address: buf += offset ... kfree(buf - offset), the walk of
 * a vla_ptr() group, &id[1] after p++ walked off its start)?  A derived
 * pointer keeps its block. */
static bool referenced(struct engine *en, const struct state *st, int32_t id)
{
	int i;

	for (i = 0; i < st->nb; i++)
		if (st->b[i].v.kind == V_OBJ &&
		    (st->b[i].v.obj == id ||
		     engine_obj_within(en, st->b[i].v.obj) == id))
			return true;
	return false;
}

/* forgotten: the engine can no longer name them (an index changed), but
 * the memory may still hold them: not unreachable.  After an index moved,
 * one another place still holds is marked: the element may outlast that
 * place. */
void fire_lost_list(struct engine *en, struct state *st,
		    struct drop_arg *d, struct ir_loc loc, bool forgotten)
{
	int i, j;

	for (i = 0; i < d->nlost; i++) {
		int32_t id = d->lost[i];
		struct objst *o;

		for (j = 0; j < i; j++)
			if (d->lost[j] == id)
				break;
		if (j < i || !(o = state_obj(st, id)))
			continue;
		if (referenced(en, st, id)) {
			if (d->index_moved)
				o->flags |= OF_UNNAMED;
			continue;
		}
		fire_lost(en, st, id, loc, false, forgotten);
	}
	free(d->lost);
	d->lost = NULL;
	d->nlost = d->alost = 0;
}

/* the bindings of the memory of object id (rooted at its 'o' path) */
static bool in_object(void *arg, int path)
{
	struct drop_arg *d = arg;
	int p = d->en->paths[path].root;

	if (d->en->paths[p].kind != 'o' || d->en->paths[p].var != d->root)
		return false;
	note_lost(d, path);
	return true;
}

/* Drop what object d->root's memory holds: the places under its root
 * path, which are all interned after it. */
void drop_in_object(struct engine *en, struct state *st,
		    struct drop_arg *d)
{
	int root = path_object_find(en, d->root);

	if (root >= 0)
		state_drop_if_after(st, root - 1, in_object, d);
}

/* A binding that still points at (or into) the object a site made: a
 * table walked level by level keeps ptr = &root[i] of the last level's
 * page when the next level's page is allocated (iommu_v2.c
 * __get_pasid_state_ptr()). */
static bool holds_old(struct engine *en, const struct value *v, int32_t id)
{
	return v->kind == V_OBJ &&
	       (v->obj == id || engine_obj_within(en, v->obj) == id);
}

/*
 * The site that made object id runs again.  The new object takes the
 * name; if the old one is still referenced (rcvr->next = list; list =
 * rcvr; in a loop), its references go to the site's many-object first,
 * which stands for all of them: freeing one of many twice is not a double
 * free, and a use after freeing one is not a use after free.
 */
void obj_renew(struct engine *en, struct state *st, int32_t id, int site)
{
	struct objst *old = state_obj(st, id);
	struct value m = mkv(V_OBJ);
	int i;

	for (i = 0; i < st->nb; i++)
		if (holds_old(en, &st->b[i].v, id))
			break;
	if (i < st->nb) {
		struct objst *mo;
		/* copied first: obj_materialize() may grow or shift st->o,
		 * which old points into (ASan: heap-use-after-free) */
		bool had = old != NULL;
		int family = had ? old->family : 0, order = had ? old->order : 0;

		m.obj = sym_many(en, site);
		mo = obj_materialize(en, st, m.obj);
		if (had && mo) {
			mo->family = family;
			mo->order = order;
			mo->null = NL_NONNULL;
		}
		for (i = 0; i < st->nb; i++)
			if (holds_old(en, &st->b[i].v, id))
				st->b[i].v = m;
	}
	obj_reset(en, st, id);
}

/* An object named by a site is made again, or forgotten: forget it, the
 * memory it held and the fields read through it. */
void obj_reset(struct engine *en, struct state *st, int32_t id)
{
	struct drop_arg d = { en, id, NULL, 0, 0, st, false };
	int i;

	drop_in_object(en, st, &d);
	free(d.lost);
	state_del_obj(st, id);
	if (id < 0) {
		const struct sym *s = sym_of(en, id);

		for (i = s ? s->first_child : -1; i >= 0;
		     i = en->syms[i].next_child)
			obj_reset(en, st, sym_id(i));
		return;
	}
	for (i = 0; en->nlocal_field_syms && i < en->nsyms; i++)
		if (en->syms[i].kind == SYM_FIELD && en->syms[i].base == id)
			obj_reset(en, st, sym_id(i));
}

/* Is id held by a binding (directly, not through an object read from
 * it)? */
static bool held(const struct state *st, int32_t id)
{
	int i;

	for (i = 0; i < st->nb; i++) {
		const struct value *v = &st->b[i].v;

		if ((v->kind == V_OBJ || v->kind == V_PRED ||
		     v->kind == V_REL) && v->obj == id)
			return true;
		if (v->kind == V_REL && v->c == id)
			return true;
	}
	return false;
}

/* a[i] is about to name another element: the one a binding still holds
 * (skb = ring[entry]) keeps what the path knows of it under a name of
 * its own (sym_detached), so freeing it is not freeing the next one.
 * Only a value read from the element: an address computed from the
 * index (p = buf + len; p += n in a loop) is renamed at every step and
 * would make each round's state new (lan78xx_tx_buf_fill() never
 * converged). */
static void detach_held(struct engine *en, struct state *st, int32_t id)
{
	const struct sym *s = sym_of(en, id);
	int32_t nid;

	if (!s || s->kind != SYM_FIELD || !held(st, id))
		return;
	nid = sym_detached(en, st, id);
	if (nid)
		state_rename_obj(st, id, nid);
}

static void forget_var_deps(struct engine *en, struct state *st, int var,
			    struct drop_arg *d)
{
	int i, k;

	d->root = var;
	state_drop_if(st, indexed_by, d);
	for (i = 0; i < en->nsyms; i++)
		for (k = 0; k < en->syms[i].ndeps; k++)
			if (en->syms[i].deps[k] == var) {
				detach_held(en, st, sym_id(i));
				obj_reset(en, st, sym_id(i));	/* and what was read through it */
				break;
			}
}

/*
 * p = ring->buf, p a pointer that walks (p++ elsewhere in the function)
 * and ring->buf the array it walks: a new lap of a ring (the Intel
 * drivers' `if (unlikely(i == count)) { i = 0; tx_buffer =
 * tx_ring->tx_buffer_info; }`).  One call visits an element once, so
 * what the last lap freed or wrote in the array is another round's: its
 * places are forgotten and the values read from them get names of their
 * own, as when an index changes (forget_var_deps).
 */
static void new_lap(struct engine *en, struct state *st, int var,
		    const struct value *v, struct drop_arg *d)
{
	const struct value *old;
	const struct sym *s;
	int i;

	if (!en->walkers || !liveness_in_set(en->walkers, var) ||
	    v->kind != V_OBJ || v->obj >= 0)
		return;
	s = sym_of(en, v->obj);
	if (!s || (s->kind != SYM_FIELD && s->kind != SYM_PARAM &&
		   s->kind != SYM_GLOBAL))
		return;
	old = state_get(st, path_root_var(en, var));
	if (old && old->kind == V_OBJ && old->obj == v->obj)
		return;
	/* the array's own places, its elements' (&base[k]), and what was
	 * read from them */
	d->root = v->obj;
	drop_in_object(en, st, d);
	for (i = 0; i < en->nsyms; i++) {
		if (sym_id(i) == v->obj ||
		    !sym_read_through(en, sym_id(i), v->obj))
			continue;
		if (en->syms[i].kind == SYM_FIELD) {
			detach_held(en, st, sym_id(i));
			obj_reset(en, st, sym_id(i));
		} else if (en->syms[i].kind == SYM_ADDR) {
			d->root = sym_id(i);
			drop_in_object(en, st, d);
		}
	}
}

static bool mentions_field(const struct ir_expr *e, const char *field)
{
	if (!e)
		return false;
	if (e->kind == EX_MEMBER && !strcmp(e->field, field))
		return true;
	return mentions_field(e->a, field) || mentions_field(e->b, field);
}

struct field_drop {
	struct drop_arg *d;
	const char *field;
};

static bool indexed_by_field(void *arg, int path)
{
	struct field_drop *fd = arg;
	int p;

	if (!fd->d->en->paths[path].has_idx)
		return false;
	for (p = path; p >= 0; p = fd->d->en->paths[p].parent) {
		if (fd->d->en->paths[p].idx_expr &&
		    mentions_field(fd->d->en->paths[p].idx_expr, fd->field)) {
			note_lost(fd->d, path);
			return true;
		}
	}
	return false;
}

/* list->buffer[list->tail] is another element once some ->tail changes */
static void forget_field_deps(struct engine *en, struct state *st,
			      const char *field, struct drop_arg *d)
{
	struct field_drop fd = { d, field };
	int i, k;

	if (hmap_get(&en->idx_fields, field))
		state_drop_if(st, indexed_by_field, &fd);
	for (i = 0; en->nfdep_syms && i < en->nsyms; i++)
		for (k = 0; k < en->syms[i].nfdeps; k++)
			if (!strcmp(en->syms[i].fdeps[k], field)) {
				obj_reset(en, st, sym_id(i));	/* and what was read through it */
				break;
			}
}

/* Fill the store event of an assignment to path; false: a local. */
bool store_target(struct engine *en, struct state *st, int path,
		  struct store_info *si, char *fk, size_t fklen)
{
	int p;

	si->outlives = false;
	si->container = LINK_NONE;
	si->path = path;
	si->field_key = path_field_key(en, path, fk, fklen);
	for (p = path; p >= 0; p = en->paths[p].parent) {
		const struct path *n = &en->paths[p];
		struct value base;

		if (n->kind == 'g') {
			si->outlives = true;
			return true;
		}
		if (!n->deref)
			continue;
		base = load_path(en, st, n->parent);
		if (base.kind == V_OBJ && base.obj >= 0) {
			si->container = base.obj;
			return true;
		}
		/* a parameter's, a global's, an unknown pointer's memory */
		si->outlives = true;
		if (base.kind == V_OBJ)
			si->container = base.obj;
		return true;
	}
	return false;
}

/* Memory a caller or another function also sees: a field read through a
 * pointer, or a global. */
bool memory_path(struct engine *en, int path)
{
	int p;

	for (p = path; p >= 0; p = en->paths[p].parent)
		if (en->paths[p].deref || en->paths[p].kind == 'g')
			return en->paths[path].type != PT_OTHER;
	return false;
}

void assign(struct engine *en, struct state *st, int path,
	    const struct value *val, const struct ir_expr *lhs,
	    struct ir_loc loc)
{
	struct drop_arg d = { en, 0, NULL, 0, 0, st, false };
	struct drop_arg idx = { en, 0, NULL, 0, 0, st, false };
	struct value w, *v = (struct value *)val, old = mkv(V_UNK);
	struct store_info si;
	char fk[512];

	path = canon_path(en, st, path);
	d.root = path;
	/* what the place held, for a store of one of this function's
	 * blocks (a read that tested it made its symbol: the binding may
	 * be gone) */
	if (state_get(st, path))
		old = *state_get(st, path);
	else if (v->kind == V_OBJ && v->obj >= 0 && memory_path(en, path) &&
		 path_sym_made(en, st, path))
		old = vobj(path_sym_made(en, st, path));
	entry_view_store(en, st, path, state_get(st, path));
	if (v->kind == V_UNK && zeroed_field(en, path)) {
		/* written, value unknown: no longer the 0 of the zeroing
		 * allocation (an unbound place would read 0) */
		w = mkv(V_TOP);
		v = &w;
	} else if (v->kind == V_UNK && memory_path(en, path) &&
		   st->no >= MAX_STATE_OBJECTS) {
		w = mkv(V_TOP);
		v = &w;
	} else if (v->kind == V_UNK && memory_path(en, path)) {
		const struct value *old = state_get(st, path);

		w = vobj(sym_written(en, st, path, loc, old && old->kind == V_OBJ ?
						    old->obj : 0));
		obj_reset(en, st, w.obj);
		v = &w;
	}

	note_lost(&d, path);
	/* p = ...: what we knew of p->x no longer holds */
	state_drop_if_after(st, path, is_strict_subpath, &d);
	state_drop_path_slots(st, is_subpath, &d);
	entry_view_forget(en, st, path);
	if (en->paths[path].kind == 'v') {
		new_lap(en, st, en->paths[path].var, v, &idx);
		forget_var_deps(en, st, en->paths[path].var, &idx);
		retest_forget_var(st, en->paths[path].var);
		purecall_forget_var(en, st, en->paths[path].var);
	} else if (en->paths[path].kind == '>' || en->paths[path].kind == '.')
		forget_field_deps(en, st, en->paths[path].field, &idx);
	state_set(st, path, v);
	if (!en->assign_forgets)
		param_copy_store(en, st, path, lhs, en->store_rhs);
	memset(&si, 0, sizeof(si));
	if (store_target(en, st, path, &si, fk, sizeof(fk))) {
		purecall_store(en, st, si.field_key);
		si.v = *v;
		si.lhs = lhs;
		si.loc = loc;
		si.forget = en->assign_forgets;
		si.bits = en->store_bits;
		si.fn = en->store_fn;
		si.old = old;
		fire_store(en, st, &si);
	} else if (en->paths[path].kind != 'v') {
		/* a member of a local struct: a pure call given its
		 * address may read it */
		purecall_store(en, st, si.field_key);
	}
	en->lost_clobbered = val->kind == V_UNK || en->assign_forgets;
	fire_lost_list(en, st, &d, loc, false);
	en->lost_clobbered = false;
	idx.index_moved = true;
	fire_lost_list(en, st, &idx, loc, true);
}

/*
 * A store into a place no access path names: a member reached through a
 * pointer the engine computes but cannot name (container_of(p, ...)->f,
 * ((struct foo *)(base + off))->f).  A tracked value stored there is in
 * the memory the base points to: held by it when it is an object of this
 * function, otherwise kept where the function cannot follow (outlives).
 */
void assign_unnamed(struct engine *en, struct state *st,
		    const struct ir_expr *lhs, const struct value *v,
		    struct ir_loc loc)
{
	const struct ir_expr *e = lhs;
	struct store_info si;
	struct value base;
	char fk[512];

	while (e && ((e->kind == EX_MEMBER && !e->arrow) ||
		     (e->kind == EX_INDEX && !e->base_is_ptr)))
		e = e->a;
	if (!e || !((e->kind == EX_MEMBER && e->arrow) ||
		    e->kind == EX_DEREF ||
		    (e->kind == EX_INDEX && e->base_is_ptr)))
		return;		/* not memory through a pointer */
	base = eval(en, st, e->a);
	memset(&si, 0, sizeof(si));
	si.v = *v;
	si.lhs = lhs;
	si.loc = loc;
	si.path = -1;
	si.field_key = field_member_key(lhs, fk, sizeof(fk));
	si.bits = en->store_bits;
	si.fn = en->store_fn;
	si.container = LINK_NONE;
	if (base.kind == V_OBJ && base.obj >= 0)
		si.container = base.obj;
	else {
		si.outlives = true;
		if (base.kind == V_OBJ)
			si.container = base.obj;
	}
	purecall_store(en, st, si.field_key);
	fire_store(en, st, &si);
}

/* A link of a list: memory, or a member of a local struct (a list head
 * on the stack, list_replace_init(&bh->head, &local_list)). */
static bool link_path(struct engine *en, int path)
{
	int p;

	if (memory_path(en, path))
		return true;
	for (p = path; p >= 0; p = en->paths[p].parent)
		if (en->paths[p].kind == '.')
			return true;
	return false;
}

/*
 * Object id leaves the structure that held it (list_del): the places
 * that pointed at it now hold something else.  The place it was read
 * from and the links holding it (memory, members of a local list head)
 * get new values; the local pointers that hold it still do.
 */
void unlink_object(struct engine *en, struct state *st, int32_t id,
		   struct ir_loc loc)
{
	struct value unk = mkv(V_UNK);
	int place = sym_place(en, id), i;

	if (place >= 0)
		assign(en, st, place, &unk, NULL, loc);
	for (i = 0; i < st->nb; i++) {
		if (st->b[i].v.kind != V_OBJ || st->b[i].v.obj != id ||
		    !link_path(en, st->b[i].path))
			continue;
		assign(en, st, st->b[i].path, &unk, NULL, loc);
		i = -1;		/* bindings moved: look again */
	}
}
