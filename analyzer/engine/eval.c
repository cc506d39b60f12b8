// SPDX-License-Identifier: GPL-2.0
/*
 * Evaluation of side-effect-free IR expressions to abstract values:
 * integer constants (folded only when literal, so loops do not count up
 * through new states), null tests and relations between null-nesses,
 * pointers into tracked objects (pointer arithmetic stays in the object;
 * p + i is an element).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "../util/strvec.h"

/* Is id the address of a member of another object (&p->f)? */
bool member_addr(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);
	char k;

	if (!s || s->kind != SYM_ADDR || s->base == LINK_NONE || s->place < 0)
		return false;
	k = en->paths[s->place].kind;
	return k == '>' || k == '.';
}

/*
 * Is id the address of a place inside an object known not to be NULL
 * (&t->f, &t->arr[i] with t not NULL)?  Such an address is not NULL
 * either, whatever the object the engine made of it knows.
 */
bool addr_in_nonnull(struct engine *en, const struct state *st, int32_t id)
{
	const struct sym *s = sym_of(en, id);
	struct objst tmp;
	const struct objst *o;

	if (!s || s->kind != SYM_ADDR || s->base == LINK_NONE)
		return false;
	o = engine_obj(en, (struct state *)st, s->base, &tmp);
	return o && o->null == NL_NONNULL;
}

/* The object a value stands for when it is freed, unlinked...: the
 * containing object for a member's address. */
int32_t obj_of(struct engine *en, int32_t id)
{
	return member_addr(en, id) ? sym_of(en, id)->base : id;
}

/* id is the address of a place inside a local or a global itself, not
 * reached through a pointer (&mthds[1] of a local array): never NULL */
static bool addr_of_storage(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);
	int p;

	if (!s || s->kind != SYM_ADDR || s->place < 0)
		return false;
	for (p = s->place; en->paths[p].parent >= 0; p = en->paths[p].parent)
		if (en->paths[p].deref)
			return false;
	return en->paths[p].kind == 'g' ||
	       (en->paths[p].kind == 'v' && en->paths[p].var >= 0 &&
		en->paths[p].var < en->fn->nvars &&
		(en->fn->vars[en->paths[p].var].kind == VAR_LOCAL ||
		 en->fn->vars[en->paths[p].var].kind == VAR_TEMP));
}

/*
 * A step the engine does not follow (p++ past one element, p + i of a
 * value it cannot name): some other place, still not NULL when p is not
 * (nouveau nvbios_shadow(): best = mthd after a walk of a local array
 * is not NULL, so best->score tested before is not taken as NULL).
 */
static struct value step_unknown(struct engine *en, struct state *st,
				 struct value a)
{
	if (value_nonnull(en, st, &a) ||
	    (a.kind == V_OBJ && addr_of_storage(en, a.obj)) ||
	    (a.kind == V_OBJ && addr_in_nonnull(en, st, a.obj)))
		return mkv(V_NONNULL);
	return mkv(V_UNK);
}

/*
 * p + i: the address of element i of p's object (p[i]), as addr_sym
 * names &p[i].  Once p is itself such an address, a walk (p++ in a
 * loop) stops being tracked: the value is unknown, only not NULL when p
 * is not (taking it as the same element again would make two elements
 * one place: a list walked with jack++ would free one callback twice).
 */
static struct value element_of(struct engine *en, struct state *st,
			       int32_t obj, const struct ir_expr *idx,
			       int sign)
{
	const struct sym *s = sym_of(en, obj);
	int path;
	int32_t id;

	if (s && s->kind == SYM_ADDR)
		return step_unknown(en, st, vobj(obj));
	path = path_object(en, obj);
	if (idx && idx->kind == EX_CONST)
		path = path_child(en, path, '[', true, NULL, NULL,
				  sign * idx->ival, NULL);
	else	/* p - i and p + i are both "some element at i" */
		path = path_child(en, path, '[', true, NULL, NULL, 0, idx);
	id = addr_sym(en, st, path);
	return id ? vobj(id) : step_unknown(en, st, vobj(obj));
}

/*
 * page_to_virt(page): ((page - vmemmap_base) << 12) + page_offset_base,
 * and virt_to_page(), __pa(), pfn_to_page() the other way: an
 * allocation's address taken to another coordinate system (its index in
 * the memory map, its frame number, its physical or linear address) by
 * arithmetic with a base that is no allocation and a literal scale.
 * The engine cannot compute it, but it still names the block: handing
 * it over (a store, an owner) hands the block over.  Not a difference
 * of two pointers into allocations (a length), not a scale by a
 * variable.
 */
/* A global's value on entry, the base of a coordinate system
 * (vmemmap_base, page_offset_base): no block of its own. */
static bool global_base(struct engine *en, int32_t id)
{
	const struct sym *s = sym_of(en, id);

	return s && s->kind == SYM_GLOBAL;
}

/* Does e read a counter of the function (i++, off += PAGE_SIZE)?  Its
 * value on the path (0 at the first step) does not name a place: the
 * next step names another. */
static bool stepped(const struct engine *en, const struct ir_expr *e)
{
	if (!e)
		return false;
	if (e->kind == EX_VAR)
		return en->steppers && e->var >= 0 &&
		       e->var < en->fn->nvars &&
		       liveness_in_set(en->steppers, e->var);
	if (e->kind != EX_ARITH)
		return false;
	return stepped(en, e->a) || stepped(en, e->b);
}

/* x + k of an integer x the function was given (not an allocation's
 * address, not a coordinate base) and a counter k: another place at
 * each step */
static bool moved_symbol(struct engine *en, const struct ir_expr *xe,
			 struct value x, const struct ir_expr *ke,
			 struct value k)
{
	return !xe->is_ptr && x.kind == V_OBJ &&
	       engine_obj_within(en, x.obj) < 0 && !global_base(en, x.obj) &&
	       k.kind != V_OBJ && stepped(en, ke);
}

static struct value coordinate_change(struct engine *en,
				      const struct ir_expr *e, struct value a,
				      struct value b)
{
	int32_t id;

	if (a.kind != V_OBJ || !e->is_long)
		return mkv(V_UNK);
	/* the allocation a points into; a block the function did not
	 * allocate (a field's page, a parameter) keeps its own name too,
	 * unless it is the base of the coordinates (vmemmap_base) */
	id = engine_obj_within(en, a.obj);
	/* __pa(base + off) of a block the function was given: the page
	 * at off, one of several (msc_buffer_contig_free() frees each) */
	if (id < 0 && engine_varying_element(en, a.obj))
		id = a.obj;
	if (id < 0 && (!sym_of(en, id) || global_base(en, id)))
		return mkv(V_UNK);
	switch (e->op) {
	case AR_SUB:
		/* page - vmemmap: a base the path does not own */
		if (b.kind == V_OBJ && engine_obj_within(en, b.obj) >= 0)
			return mkv(V_UNK);
		return b.kind == V_OBJ || b.kind == V_UNK ||
		       b.kind == V_NONNULL ? vobj(id) : mkv(V_UNK);
	case AR_SHL:
	case AR_SHR:
	case AR_MUL:
	case AR_DIV:
		return e->b && e->b->kind == EX_CONST ? vobj(id) : mkv(V_UNK);
	default:
		return mkv(V_UNK);
	}
}

/*
 * buf != data, buf a block this function allocated and known not NULL:
 * new memory is no other object (tg3_set_eeprom() frees its bounce
 * buffer under if (buf != data)).  Not an address inside the same
 * object, and not two places the path may not have told apart.
 */
static bool distinct_objects(struct engine *en, struct state *st,
			     struct value a, struct value b)
{
	const struct objst *o;
	int32_t x, y;

	if (a.kind != V_OBJ || b.kind != V_OBJ)
		return false;
	x = engine_obj_within(en, a.obj);
	y = engine_obj_within(en, b.obj);
	if (x == y)
		return false;
	if (x < 0) {
		int32_t t = x;

		x = y;
		y = t;
	}
	if (x < 0)
		return false;	/* two symbolic objects may be one */
	o = state_obj(st, x);
	return o && o->null == NL_NONNULL;
}

/* The same variable or constant. */
static bool same_leaf(const struct ir_expr *x, const struct ir_expr *y)
{
	if (!x || !y || x->kind != y->kind)
		return false;
	if (x->kind == EX_VAR)
		return x->var == y->var;
	return x->kind == EX_CONST && x->ival == y->ival;
}

/* The symbol a word at e holds, or what a test taught of its bits. */
static struct value sym_bits_of(struct engine *en, struct state *st,
				const struct ir_expr *e, struct value sym)
{
	uint32_t set, clr;
	int path = expr_path(en, e);

	if (path < 0)
		return sym;
	path = canon_path(en, st, path);
	if (!sym_bits_get(st, path, &set, &clr))
		return sym;
	return vbits(set, clr, true);
}

/*
 * (unsigned long)p & (N - 1) of a block whose family returns blocks
 * aligned to N or more: 0 (rtlwifi tests a fresh dma_alloc_coherent()
 * ring for 256-byte alignment and leaks it on that branch).  Only for
 * the value as read (a variable, a field), not for p + off: the engine
 * keeps no offsets inside a block.
 */
static bool aligned_low_bits(struct engine *en, struct state *st,
			     const struct ir_expr *pe, struct value p,
			     struct value m)
{
	const struct objst *o;
	struct objst tmp;
	uint64_t mask;

	if (p.kind != V_OBJ || p.obj < 0 || m.kind != V_CONST || !pe ||
	    (pe->kind != EX_VAR && pe->kind != EX_MEMBER &&
	     pe->kind != EX_INDEX && pe->kind != EX_DEREF))
		return false;
	mask = (uint64_t)m.c;
	if (!mask || (mask & (mask + 1)) || engine_obj_within(en, p.obj) != p.obj)
		return false;
	o = engine_obj(en, st, p.obj, &tmp);
	return o && mask < api_family_align(o->family);
}

/*
 * skb == adap->nofail_skb where both hold the same object: equal.  Only
 * for pointers to a typed object (not void * or char *): byte arithmetic
 * with a constant stays in the object under the same name (netdev_priv()
 * is dev + ALIGN(sizeof(*dev))), while p + i of a typed pointer names
 * another element.
 */
static bool plain_place(const struct ir_expr *e)
{
	return e->kind == EX_VAR || e->kind == EX_MEMBER;
}

static bool same_pointer(const struct ir_expr *e, struct value a,
			 struct value b)
{
	if (a.kind != V_OBJ || b.kind != V_OBJ || a.obj != b.obj ||
	    !e->a || !e->b || !e->a->is_ptr || !e->b->is_ptr)
		return false;
	/*
	 * Two places that hold a block this function allocated, read as
	 * they are (udlfb's dlfb_setup_modes(): if (edid && dlfb->edid !=
	 * edid) kfree(edid), after dlfb->edid = edid on the path that kept
	 * it): the same pointer, also for a char * (a place given buf + k
	 * holds it under the same name, which is not followed here).
	 */
	if (a.obj >= 0 && plain_place(e->a) && plain_place(e->b))
		return true;
	return !e->a->is_byte_ptr && !e->b->is_byte_ptr &&
	       e->a->psize > 0 && e->a->psize == e->b->psize;
}

/* Is v a block this function allocated, not NULL here, and e the address
 * of one of its locals (a local array, &buf)?  They are never equal. */
static bool allocation_vs_local(struct engine *en, struct state *st,
				struct value v, const struct ir_expr *e)
{
	const struct objst *o;
	int32_t x;

	if (v.kind != V_OBJ || !e || e->kind != EX_ADDR || !e->a ||
	    e->a->kind != EX_VAR || e->a->var < 0 ||
	    e->a->var >= en->fn->nvars ||
	    (en->fn->vars[e->a->var].kind != VAR_LOCAL &&
	     en->fn->vars[e->a->var].kind != VAR_TEMP))
		return false;
	x = engine_obj_within(en, v.obj);
	if (x < 0)
		return false;
	o = state_obj(st, x);
	return o && o->null == NL_NONNULL;
}

struct value eval(struct engine *en, struct state *st,
		  const struct ir_expr *e)
{
	struct value a, b;
	bool ok;

	if (!e)
		return mkv(V_UNK);
	switch (e->kind) {
	case EX_CONST:
		return vconst(e->ival);
	case EX_STR:
	case EX_FUNC:
		return mkv(V_NONNULL);
	case EX_VAR:
	case EX_MEMBER:
	case EX_INDEX:
	case EX_DEREF:
		return load_path(en, st, expr_path(en, e));
	case EX_ADDR:
		/*
		 * &p->member: the member's address, an object of its own whose
		 * fields are the member's (mem = &adapter->rx; mem->va is
		 * adapter->rx.va, not adapter->tx.va).  Freeing it, unlinking
		 * it, using it reach p; container_of() gets p back.
		 */
		if (e->a && e->a->kind == EX_MEMBER) {
			int32_t id = addr_sym(en, st, expr_path(en, e->a));

			/* one place, one type: the sym is interned by it */
			if (id && e->a->is_record)
				((struct sym *)sym_of(en, id))->record = true;
			if (id)
				return vobj(id);
			if (e->a->arrow) {
				a = eval(en, st, e->a->a);
				if (a.kind == V_OBJ)
					return a;
			}
			return mkv(V_NONNULL);
		}
		/* &s of a local struct: its address, through which *v = t
		 * copies into s (v = &s: kfifo_get()'s `*__val = ...`) */
		if (e->a && e->a->kind == EX_VAR && e->a->is_record &&
		    (en->fn->vars[e->a->var].kind == VAR_LOCAL ||
		     en->fn->vars[e->a->var].kind == VAR_TEMP)) {
			int32_t id = addr_sym(en, st, expr_path(en, e->a));

			if (id)
				return vobj(id);
		}
		if (e->a && e->a->kind == EX_INDEX) {
			const struct ir_expr *ix = e->a->b;
			int32_t id;

			/* &p[0] is p; &p[i] is the element's address */
			if (e->a->base_is_ptr && ix && ix->kind == EX_CONST &&
			    ix->ival == 0) {
				a = eval(en, st, e->a->a);
				if (a.kind == V_OBJ)
					return a;
			}
			/* &q[1] of an element's address: a walk (q =
			 * queue_next(q)), not followed past one step */
			a = eval(en, st, e->a->a);
			if (a.kind == V_OBJ && sym_of(en, a.obj) &&
			    sym_of(en, a.obj)->kind == SYM_ADDR)
				return step_unknown(en, st, a);
			id = addr_sym(en, st, expr_path(en, e->a));
			if (id)
				return vobj(id);
			if (e->a->base_is_ptr) {
				a = eval(en, st, e->a->a);
				if (a.kind == V_OBJ)
					return a;
			}
		}
		return mkv(V_NONNULL);
	case EX_NOT:
		return value_not(eval(en, st, e->a));
	case EX_CMP:
		a = eval(en, st, e->a);
		b = eval(en, st, e->b);
		if ((e->op == CMP_EQ || e->op == CMP_NE) &&
		    same_pointer(e, a, b))
			return vconst(e->op == CMP_EQ);
		if ((e->op == CMP_EQ || e->op == CMP_NE) &&
		    (distinct_objects(en, st, a, b) ||
		     allocation_vs_local(en, st, a, e->b) ||
		     allocation_vs_local(en, st, b, e->a)))
			return vconst(e->op == CMP_NE);
		/* an allocation (or a pointer) against an address of page 0,
		 * where nothing lives: ZERO_OR_NULL_PTR(p) is (unsigned long)p
		 * <= 16 (ZERO_SIZE_PTR, what kmalloc(0) returns, which owns
		 * nothing and kfree() takes), so the edge where it holds is
		 * the NULL one, the other is not NULL.  Not an integer's
		 * symbol: size > 16 says nothing of NULL */
		if (a.kind == V_OBJ && (a.obj >= 0 || e->a->is_ptr) &&
		    b.kind == V_CONST && b.c > 0 && b.c < 4096 &&
		    e->op != CMP_EQ && e->op != CMP_NE)
			return vpred(a.obj, e->op == CMP_LE || e->op == CMP_LT);
		return value_cmp(e->op, a, b);
	case EX_ARITH:
		a = eval(en, st, e->a);
		b = e->b ? eval(en, st, e->b) : vconst(0);
		/* flags & K of a word holding a symbol: the bits a test
		 * taught (branch.c) */
		if (e->op == AR_AND && a.kind == V_OBJ && a.obj < 0 &&
		    !e->a->is_ptr && !e->is_ptr && b.kind == V_CONST)
			a = sym_bits_of(en, st, e->a, a);
		/*
		 * Only literal arithmetic folds (clang has done most of it):
		 * i = i + 1 must not count a loop up through new states.
		 */
		if (a.kind == V_CONST && b.kind == V_CONST &&
		    e->a->kind == EX_CONST && (!e->b || e->b->kind == EX_CONST)) {
			int64_t r = value_arith(e->op, a.c, b.c, &ok);

			return ok ? vconst(r) : mkv(V_UNK);
		}
		/*
		 * 0 * x is 0, and k + 0 of a known k is k: no new value, so no
		 * loop counts up through them (l = j * per + k at j == 0 and
		 * k == 0 is 0: s2io.c init_shared_mem())
		 */
		if (!e->is_ptr && e->b && e->op == AR_MUL &&
		    ((a.kind == V_CONST && a.c == 0) ||
		     (b.kind == V_CONST && b.c == 0)))
			return vconst(0);
		if (!e->is_ptr && e->b && e->op == AR_ADD &&
		    a.kind == V_CONST && b.kind == V_CONST &&
		    (a.c == 0 || b.c == 0))
			return vconst(a.c + b.c);
		/*
		 * j++ from a count known >= 0, or known > 0: known > 0, one
		 * value however often it counts, so the loop stays finite and
		 * its if (j == 0) is not taken again (usb_unbind_interface()
		 * allocates at j == 0 and frees under if (j)).  A narrow
		 * counter wrapping to 0 is not modelled.
		 */
		if (e->op == AR_ADD && !e->is_ptr && e->b &&
		    e->b->kind == EX_CONST && b.kind == V_CONST && b.c > 0 &&
		    ((a.kind == V_CONST && a.c >= 0) || a.kind == V_POS ||
		     (e->a->nonneg && a.kind != V_CONST && a.kind != V_NEG)))
			return mkv(V_POS);
		/* -(x + 1) of a u16 x: negative (cxgb4 alloc_uld_rxqs():
		 * msi_idx = -((int)s->intrq.abs_id + 1) on the path without
		 * MSI-X, so a later if (msi_idx >= 0) is not taken) */
		if (e->op == AR_NEG && !e->b && (a.kind == V_POS || a.kind == V_NEG))
			return mkv(a.kind == V_POS ? V_NEG : V_POS);
		if (e->op == AR_AND && e->b &&
		    (aligned_low_bits(en, st, e->a, a, b) ||
		     aligned_low_bits(en, st, e->b, b, a)))
			return vconst(0);
		/* ALIGN((unsigned long)p, N), L1_CACHE_ALIGN, PTR_ALIGN:
		 * (addr + N - 1) & ~(N - 1) rounds an address held in an
		 * integer to its alignment, still inside the block */
		if (e->op == AR_AND && (a.kind == V_OBJ) != (b.kind == V_OBJ) &&
		    value_align_mask(a.kind == V_OBJ ? b : a))
			return a.kind == V_OBJ ? a : b;
		/* a tag cleared from an allocation of this function, or
		 * from an address being tagged ((x | K1) & ~K2); a flag
		 * word's x & ~K stays a bit operation */
		if (e->op == AR_AND && a.kind == V_OBJ && value_tag_mask(b) &&
		    (a.obj >= 0 || (e->a->kind == EX_ARITH &&
				    e->a->op == AR_OR)))
			return a;
		/* sg_assign_page(): page_link | (unsigned long)page, a
		 * tagged address (flag bits or'ed into an aligned one): still
		 * the allocation */
		if (e->op == AR_OR && b.kind == V_OBJ &&
		    (a.kind != V_OBJ || (a.obj < 0 && b.obj >= 0)))
			return b;
		/* __sme_set(addr): addr | sme_me_mask, a mask a global holds
		 * (iommu_virt_to_phys() of the address it was given) */
		if (e->op == AR_OR && e->is_long && a.kind == V_OBJ &&
		    b.kind == V_OBJ && global_base(en, b.obj) !=
		    global_base(en, a.obj))
			return global_base(en, a.obj) ? b : a;
		if (e->op == AR_OR && a.kind == V_OBJ &&
		    (b.kind != V_OBJ || (b.obj < 0 && a.obj >= 0)))
			return a;
		if ((e->op == AR_OR || e->op == AR_AND) && !e->is_ptr &&
		    !(e->a && e->a->is_ptr))
			return value_bit_op(e->op, a, e);
		/* a - b of two places this path found not equal: not 0
		 * (ubi_resize_volume() returns early when reserved_pebs ==
		 * vol->reserved_pebs, then pebs = reserved_pebs -
		 * vol->reserved_pebs is either > 0 or < 0) */
		if (e->op == AR_SUB && e->b && !e->is_ptr && !e->a->is_ptr &&
		    peers_relation(en, st, expr_path(en, e->a),
				   expr_path(en, e->b)) == 0)
			return mkv(V_NONNULL);
		/* roundup(x, y) with y known at run time only is
		 * ((x + (y - 1)) / y) * y: a multiple of y within y of x,
		 * inside the block x points into when it was allocated
		 * with room for the alignment (brcmsmac dma_ringalloc()) */
		if (e->op == AR_MUL && e->is_long && e->a &&
		    e->a->kind == EX_ARITH && e->a->op == AR_DIV &&
		    same_leaf(e->a->b, e->b)) {
			struct value q = eval(en, st, e->a->a);
			int32_t id = q.kind == V_OBJ ?
				     engine_obj_within(en, q.obj) : -1;

			if (id >= 0)
				return vobj(id);
		}
		/*
		 * Pointer arithmetic (container_of, buf + len) stays inside
		 * the pointer's object.  A size_t operand may be an object
		 * too (unsigned long holds page addresses): the pointer is the
		 * operand of pointer type, else an allocation over a symbol.
		 */
		if (e->op != AR_ADD && e->op != AR_SUB)
			return coordinate_change(en, e, a, b);
		/* container_of(&p->member, ...): back to p */
		if (e->op == AR_SUB && a.kind == V_OBJ && member_addr(en, a.obj))
			return vobj(sym_of(en, a.obj)->base);
		/* vmemmap + (__pa(addr) >> PAGE_SHIFT), virt_to_page(): a
		 * block's coordinate added to a base no path owns is the
		 * block in another coordinate system */
		if (e->op == AR_ADD && a.kind == V_OBJ && a.obj < 0 &&
		    b.kind == V_OBJ && e->b && !e->b->is_ptr &&
		    (b.obj >= 0 ||
		     (global_base(en, a.obj) && !global_base(en, b.obj))))
			return b;
		/* vmemmap_base (an unsigned long) + an index the engine
		 * cannot name: some page, not the base itself (two
		 * virt_to_page() of unknown addresses are not one page) */
		if (e->op == AR_ADD && a.kind == V_OBJ && !e->a->is_ptr &&
		    global_base(en, a.obj) && b.kind != V_OBJ &&
		    b.kind != V_CONST)
			return mkv(V_UNK);
		/* p + i, p++: another element of p's object.  Through a byte
		 * pointer, a constant offset is a place inside the object
		 * (netdev_priv(): dev + ALIGN(sizeof(*dev))), a variable one
		 * an element (snd_array_elem(): list + idx * elem_size), and
		 * so is a counter's, also where the path knows its value
		 * (base + off, off counted up from 0 by PAGE_SIZE) */
		if (e->op == AR_ADD && a.kind == V_OBJ && e->a->is_ptr &&
		    (stepped(en, e->b) ||
		     (e->a->is_byte_ptr ? b.kind != V_CONST :
		      !(b.kind == V_CONST && b.c == 0))))
			return element_of(en, st, a.obj, e->b, 1);
		/* sg--, p - 1 in a walk down an array: the element before.
		 * Not from an element's address (buf += off; kfree(buf -
		 * off) comes back to the block), not through a byte pointer
		 * by a constant (a header before the data) */
		if (e->op == AR_SUB && a.kind == V_OBJ && e->a->is_ptr &&
		    e->b && !e->b->is_ptr && b.kind != V_OBJ &&
		    (stepped(en, e->b) ||
		     (e->a->is_byte_ptr ? b.kind != V_CONST :
		      !(b.kind == V_CONST && b.c == 0)))) {
			const struct sym *as = sym_of(en, a.obj);

			if (!as || as->kind != SYM_ADDR)
				return element_of(en, st, a.obj, e->b, -1);
			/* a second step down (sg-- from &sg[-1]): not
			 * followed, as p++ */
			if (e->b->kind == EX_CONST && as->place >= 0 &&
			    !en->paths[as->place].idx_expr)
				return step_unknown(en, st, a);
		}
		/* pfn + i, addr + off: an integer the function was given (a
		 * frame number, an address) moved by a counter is another
		 * place at each step (free_balloon_pages(): pfn_to_page(i +
		 * start)), not the block the symbol names.  An allocation's
		 * address keeps its block (kfree(buf - off) after buf +=
		 * off) */
		if ((e->op == AR_ADD || e->op == AR_SUB) && !e->is_ptr &&
		    e->b && (moved_symbol(en, e->a, a, e->b, b) ||
			     (e->op == AR_ADD &&
			      moved_symbol(en, e->b, b, e->a, a))))
			return mkv(V_UNK);
		if (a.kind == V_OBJ && (e->a->is_ptr || b.kind != V_OBJ ||
					(a.obj >= 0 && b.obj < 0)) &&
		    b.kind != V_PRED && !(e->b && e->b->is_ptr))
			return a;
		/* page - vmemmap: the page's index in the memory map */
		if (e->op == AR_SUB && e->b && e->b->is_ptr)
			return coordinate_change(en, e, a, b);
		if (e->op == AR_ADD && b.kind == V_OBJ &&
		    (e->b->is_ptr || a.kind == V_CONST ||
		     (a.kind == V_OBJ && b.obj >= 0 && a.obj < 0)))
			return b;
		/* p + 1 of a p known not NULL that names no object (the
		 * address of a local array): not NULL */
		if (e->a->is_ptr && e->b && !e->b->is_ptr)
			return step_unknown(en, st, a);
		return mkv(V_UNK);
	default:
		return mkv(V_UNK);
	}
}

struct value engine_eval(struct engine *en, struct state *st,
			 const struct ir_expr *e)
{
	return eval(en, st, e);
}

int32_t engine_obj_base(struct engine *en, int32_t id)
{
	return obj_of(en, id);
}
