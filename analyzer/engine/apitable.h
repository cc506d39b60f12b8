/* SPDX-License-Identifier: GPL-2.0 */
#ifndef KML_APITABLE_H
#define KML_APITABLE_H

/*
 * The API tables of rules/<name>.rules: which functions allocate, free,
 * dereference, check, lock, sleep...  One entry per function name; several
 * directives for the same name add roles to one entry.
 */

#include <stdbool.h>

enum api_role {
	ROLE_ALLOC	= 1 << 0,
	ROLE_FREE	= 1 << 1,
	ROLE_DEREF	= 1 << 2,
	ROLE_CHECK	= 1 << 3,
	ROLE_NORETURN	= 1 << 4,
	ROLE_LOCK	= 1 << 5,
	ROLE_UNLOCK	= 1 << 6,
	ROLE_SLEEP	= 1 << 7,
	ROLE_OWNER	= 1 << 8,
	ROLE_CALLBACK	= 1 << 9,
	ROLE_DEPRECATED	= 1 << 10,
	ROLE_PASSTHRU	= 1 << 11,
	ROLE_ORDER	= 1 << 12,
	ROLE_REFINIT	= 1 << 13,	/* initializes the reference count
					 * of the object argument refinit_arg
					 * points into (device_initialize()):
					 * from then on refinit_put releases
					 * it, never a deallocator */
	ROLE_UNLINK	= 1 << 14,
	ROLE_ERRPTR	= 1 << 15,
	ROLE_FIELD	= 1 << 16,	/* not a function: a struct field
					 * (NAME is "record.field") */
	ROLE_ZEROING	= 1 << 17,	/* has a zeroing variant (kzalloc) */
	ROLE_ARRAY	= 1 << 18,	/* has an array variant (kmalloc_array) */
	ROLE_SENSITIVE	= 1 << 19,	/* has a wiping variant (kfree_sensitive) */
	ROLE_CLEAR	= 1 << 20,	/* fills a buffer (memset, memzero_explicit) */
	ROLE_GET	= 1 << 21,	/* takes a reference on an argument */
	ROLE_PUT	= 1 << 22,	/* drops a reference on an argument */
	ROLE_BORROW	= 1 << 23,	/* uses its pointer arguments during
					 * the call only, keeps none */
	ROLE_DERIVE	= 1 << 24,	/* returns a pointer into the object
					 * of argument derive_arg */
	ROLE_COPY	= 1 << 26,	/* copies *src into *dst (memcpy) */
	ROLE_ERRTEST	= 1 << 25,	/* returns true iff argument
					 * errtest_arg is an error pointer */
	ROLE_WARNS	= 1 << 27,	/* prints a kernel warning (WARN()):
					 * the author says the path that
					 * reaches it is not expected */
	ROLE_BITOP	= 1 << 28,	/* sets, clears or tests bit nr of
					 * the word argument addr points to
					 * (set_bit(), test_bit()) */
	ROLE_PREEMPT	= 1 << 29,	/* returns the preempt count, that
					 * in_interrupt() and in_softirq()
					 * test (preempt_count()) */
	ROLE_POINTS	= 1 << 30,	/* leaves a place of its arguments'
					 * memory pointing where an argument
					 * points (list_add_tail(): new->next
					 * is head) */
};

/* What a bitop line does to its bit: op= of rules/bitops.rules. */
enum api_bitop {
	BITOP_SET = 1,		/* set_bit */
	BITOP_CLEAR = 2,	/* clear_bit */
	BITOP_TEST = 4,		/* test_bit: returns the bit */
	BITOP_TEST_SET = BITOP_TEST | BITOP_SET,	/* test_and_set_bit */
	BITOP_TEST_CLEAR = BITOP_TEST | BITOP_CLEAR,	/* test_and_clear_bit */
};

enum api_fail {
	FAIL_NULL,	/* returns NULL (or 0 for page addresses) on failure */
	FAIL_NONE,	/* cannot fail (__GFP_NOFAIL wrappers...) */
	FAIL_ERRPTR,	/* returns an ERR_PTR, never NULL */
	FAIL_RECLAIM,	/* NULL only when the gfp mask cannot reclaim
			 * (mempool_alloc(): waits for an element) */
};

#define API_MAX_FAMILIES 8
#define API_MAX_POINTS 4
#define API_NONE (-1)

struct api_entry {
	char *name;
	unsigned roles;
	char *where;		/* "file:line" of the first directive */

	/* alloc */
	int out_arg;		/* API_NONE: the return value; else out-parameter */
	enum api_fail fail;
	int family;
	int gfp_arg;		/* API_NONE if the gfp mask is implicit */
	int implicit_gfp_sleeps;/* for gfp_arg == API_NONE: vmalloc sleeps */
	int order_arg;		/* page order argument, or API_NONE */
	int order_const;	/* order when there is no argument (-1 unknown) */
	int dev_arg;		/* devm: the device argument */
	int size_arg;		/* the byte size argument, or API_NONE */
	int size_arg2;		/* size=N*M: the element size, or API_NONE */
	int src_arg;		/* src=N: a copy of argument N, NULL when it
				 * is NULL (kstrdup(NULL)), or API_NONE */

	/* free */
	int free_arg;
	int free_families[API_MAX_FAMILIES];
	int nfree_families;
	int free_order_arg;
	int free_order_const;
	/* holds=F:FN,...: the deallocator also releases what field F of
	 * the object holds, as FN does (framebuffer_release() kfree()s
	 * info->apertures), or NULL */
	char *free_holds;
	bool free_on_success;	/* an allocator: only where the call
				 * returned non-NULL (krealloc frees the
				 * old block then); any other function:
				 * only where it returned 0 */

	/* deref: bit i set when argument i is dereferenced */
	unsigned deref_mask;
	/* deref kept=N: of those, the arguments the callee keeps and reads
	 * later (an interrupt's name), rather than reads during the call */
	unsigned kept_mask;

	/* check: returns true iff argument check_arg is NULL (or an error) */
	int check_arg;

	/* passthru: returns argument passthru_arg (e.g. __builtin_expect) */
	int passthru_arg;

	/* derive: returns a pointer into argument derive_arg's object
	 * (page_address(page), strim(buf)) */
	int derive_arg;

	/* errtest: true iff argument errtest_arg is an ERR_PTR (IS_ERR) */
	int errtest_arg;
	/* copy: *argument copy_src is copied into *argument copy_dst */
	int copy_dst, copy_src;

	/* order: returns the page order of the byte size in order_of_arg */
	int order_of_arg;

	/* unlink: the object argument unlink_arg points into leaves its list */
	int unlink_arg;

	/* get/put: the argument whose object gains or drops a reference
	 * (a put that is also a free frees only the last one) */
	int get_arg;
	int put_arg;
	/* refinit: the argument, and the put that releases its object */
	int refinit_arg;
	char *refinit_put;
	char *refinit_until;	/* until=a,b: the count holds nothing until
				 * one of these calls on the same object
				 * (device_add()); a deallocator before it
				 * is still right */
	char *refinit_named;	/* named=a,b: ...or one of these calls,
				 * where it succeeded (dev_set_name()) */
	bool put_shared;	/* count=shared: the count is commonly shared
				 * (get_page() in another function): a put
				 * with no get of the path frees only what the
				 * path allocated */
	bool put_test;		/* test=yes: returns true where it dropped
				 * the last reference (atomic_dec_and_test()
				 * of a counter in the object) */

	/* owner: argument owner_arg is stored somewhere that outlives us */
	unsigned owner_mask;
	bool owner_on_success;	/* only where the call returned 0 */
	bool owner_bound;	/* bound=yes: kept only while the device is
				 * bound (dev_set_drvdata(), the field
				 * device.driver_data): devm memory handed
				 * to it is freed with the device's devres
				 * when probe fails */
	/* owner link=N: argument N is linked to the first owner argument,
	 * so it is stored into that argument's object too (list_add(new,
	 * head) joins both to one ring: list_add(&tp->head, &phy->list)
	 * hands phy to tp), or API_NONE */
	int owner_link;

	/* lock/unlock */
	int lock_arg;
	char *lock_kind;	/* spin, spin_irq, spin_bh, raw, rwlock, rcu... */
	bool lock_atomic;	/* entering/leaving atomic context */
	bool lock_trylock;	/* success (non-zero return) takes the lock */

	/* callback: argument cb_arg is a function run in cb_context;
	 * field: a function stored in the field runs in cb_context */
	int cb_arg;
	char *cb_context;
	/* held=N: the caller of the callback holds a reference on the
	 * callback's argument N while it runs (an urb's completion), or
	 * API_NONE */
	int cb_held;
	/* field devres=yes: a function stored in the field is a driver's
	 * probe, after whose failure the driver core releases the device's
	 * devres (devm_ memory) */
	bool field_devres;

	/* deprecated: the function to call instead */
	char *replacement;
	/* zeroing, array, sensitive: the variant that zeroes what it
	 * allocates (kzalloc), that takes a count and an element size
	 * (kmalloc_array), that wipes what it frees (kfree_sensitive) */
	char *zeroing;
	char *array;
	char *sensitive;

	/* points: place points_dst[i] ("$0->next") holds the value of
	 * points_src[i] ("$1") after the call, both named as the call
	 * began */
	char *points_dst[API_MAX_POINTS];
	char *points_src[API_MAX_POINTS];
	int npoints;

	/* bitop: bit (argument bit_nr) of the word argument bit_addr
	 * points to, and what is done to it (enum api_bitop) */
	int bit_nr;
	int bit_addr;
	int bit_op;

	/* clear: argument clear_arg is filled with argument fill_arg (or
	 * zeroes, API_NONE) over size_arg bytes */
	int clear_arg;
	int fill_arg;
};

/* Family names are interned to small integers. */
int api_family_id(const char *name);
const char *api_family_name(int id);
/* families.c: a `family` line of a rules file (save: strtok_r state
 * after the name); 0, or -1 with the error printed */
int api_family_line(const char *name, char *save, const char *path,
		    int lineno);
void api_families_free(void);
/* The deallocator a `family` line suggests for a family, or NULL. */
const char *api_family_release(int id);
/* Released by the device core at unbind (devm): no free needed. */
bool api_family_managed(int id);
/* Is family one of those the deallocator api releases (its free line's
 * family= list)? */
bool api_frees_family(const struct api_entry *api, int family);
/* The alignment in bytes of every block the family's allocators
 * return (`align=`), or 0 when the rules do not say. */
unsigned api_family_align(int id);
/* The pointer fields of a block of the family that its allocator sets
 * to places inside the block, comma-separated (`inner=`: "priv,wiphy" of
 * an ieee80211_hw), or NULL. */
const char *api_family_inner(int id);
/* Is rec ("struct page") the descriptor of a family's blocks
 * (`descriptor=page`): memory that stays when the block is released, so
 * that reading it after the release uses no freed memory? */
bool api_descriptor_record(const char *rec);

/*
 * Load one rules file; errors name file and line, and return -1.
 * Later files add to or override earlier entries.
 */
/* apitable_keys.c: set key k=v of the entry of a directive (role);
 * -1 for an unknown key or a bad value */
int api_set_key(struct api_entry *e, unsigned role, const char *k,
		const char *v);
int api_load_file(const char *path);
/* Load every *.rules file of a directory, in name order. */
int api_load_dir(const char *dir);
const struct api_entry *api_lookup(const char *name);
int api_name_in_list(const char *list, const char *name);
/* The `field` line of a struct field (rec "struct urb" or "urb"), or
 * NULL. */
const struct api_entry *api_field_entry(const char *rec, const char *field);
/* Does allocator name return zeroed memory (a zeroing line's use=)? */
bool api_zeroes(const char *name);
void api_free_all(void);
/*
 * The tables every run loads: every *.rules file of the first of
 * $KMEMLINT_RULES_DIR, the source tree's rules/ and the installed rules
 * that exists, then each of extra.  0, or -1 after an error message.
 */
int api_load_default(char *const *extra, int nextra);
/* The directory api_load_default reads, or NULL. */
const char *api_default_dir(void);

#endif
