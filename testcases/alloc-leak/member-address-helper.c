// SPDX-License-Identifier: GPL-2.0
/*
 * A helper that returns the address of a member of the object it is
 * given (nouveau's to_drm_encoder(): return &enc->base.base): the
 * pointer is into the caller's block.  foo hands it to a registration
 * (a global of the file here), which takes the block with it
 * (nv17_tv_create() passes the encoder to drm_encoder_init()); bar only
 * writes through it and returns without freeing the block; baz frees the
 * block and then writes through it.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_base {
	int type;
};

struct foo_encoder {
	int overscan;
	struct foo_base base;
};

static struct foo_base *foo_registered;

static void foo_register_base(struct foo_base *b)
{
	foo_registered = b;
}

static inline struct foo_base *to_foo_base(struct foo_encoder *enc)
{
	return &enc->base;
}

int foo_create(void)
{
	struct foo_encoder *enc = kzalloc(sizeof(*enc), GFP_KERNEL);
	struct foo_base *base;

	if (!enc)
		return -ENOMEM;
	enc->overscan = 50;
	base = to_foo_base(enc);
	foo_register_base(base);
	return 0;
}
EXPORT_SYMBOL_GPL(foo_create);

int bar_create(void)
{
	struct foo_encoder *enc = kzalloc(sizeof(*enc), GFP_KERNEL);
	struct foo_base *base;

	if (!enc)
		return -ENOMEM;
	base = to_foo_base(enc);
	base->type = 1;
	return 0; /* expect: alloc-leak */
}
EXPORT_SYMBOL_GPL(bar_create);

int baz_create(void)
{
	struct foo_encoder *enc = kzalloc(sizeof(*enc), GFP_KERNEL);
	struct foo_base *base;

	if (!enc)
		return -ENOMEM;
	base = to_foo_base(enc);
	kfree(enc);
	base->type = 1; /* expect: use-after-free */
	return 0;
}
EXPORT_SYMBOL_GPL(baz_create);

MODULE_LICENSE("GPL");
