// SPDX-License-Identifier: GPL-2.0
/*
 * An unwind loop whose condition has two tests: efi_capsule_update() in
 * drivers/firmware/efi/capsule.c (linux 6.1) allocates one page per
 * element of sg_pages[], jumps to `out` when one fails, and there frees
 * the pages in `for (i = 0; rv && i < sg_count; i++)` before the array.
 * The condition lowers to two branches, and the path leaves the loop at
 * the second (`i < sg_count`), which was not taken as the loop's test:
 * the array was reported freed with the pages still in it.
 * foo_capsule() is that function; foo_unwind_to_hole() stops at the
 * first element left NULL, a third test; foo_either() has an `||` first.
 *
 * Reported: foo_capsule_bad(), which frees the array alone.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/gfp.h>

int foo_submit(struct page **pages, unsigned int n)
{
	return n > 4 ? -EINVAL : 0;
}

int foo_capsule(unsigned int count)
{
	struct page **sg_pages;
	int rv, i;

	sg_pages = kcalloc(count, sizeof(*sg_pages), GFP_KERNEL);
	if (!sg_pages)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		sg_pages[i] = alloc_page(GFP_KERNEL);
		if (!sg_pages[i]) {
			rv = -ENOMEM;
			goto out;
		}
	}
	rv = foo_submit(sg_pages, count);
out:
	for (i = 0; rv && i < count; i++) {
		if (sg_pages[i])
			__free_page(sg_pages[i]);
	}
	kfree(sg_pages);
	return rv;
}

int foo_unwind_to_hole(unsigned int count)
{
	struct page **pages;
	int rv = 0, i;

	pages = kcalloc(count, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		if (!pages[i]) {
			rv = -ENOMEM;
			break;
		}
	}
	if (!rv)
		rv = foo_submit(pages, count);
	for (i = 0; rv && i < count && pages[i]; i++)
		__free_page(pages[i]);
	kfree(pages);
	return rv;
}

int foo_either(unsigned int count, bool keep)
{
	struct page **pages;
	int rv = 0, i;

	pages = kcalloc(count, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		if (!pages[i]) {
			rv = -ENOMEM;
			break;
		}
	}
	if (!rv)
		rv = foo_submit(pages, count);
	for (i = count - 1; (rv || !keep) && i >= 0; i--)
		if (pages[i])
			__free_page(pages[i]);
	kfree(pages);
	return rv;
}

int foo_capsule_bad(unsigned int count, struct page ***out)
{
	struct page **sg_pages;
	int i;

	sg_pages = kcalloc(count, sizeof(*sg_pages), GFP_KERNEL);
	if (!sg_pages)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		sg_pages[i] = alloc_page(GFP_KERNEL); /* expect-note: alloc-leak */
		if (!sg_pages[i]) {
			kfree(sg_pages); /* expect: alloc-leak */
			return -ENOMEM;
		}
	}
	*out = sg_pages;
	return 0;
}

MODULE_LICENSE("GPL");
