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
#include <linux/workqueue.h>

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

/*
 * A private area at the end of a core struct (wiphy_priv(): return
 * &wiphy->priv, a flexible array): the caller casts it to its own struct,
 * whose fields are the keys of what it stores there.  qux stores an
 * unchecked workqueue in the private struct, and qux_remove() destroys
 * it (libertas lbs_add_card()).
 */
struct qux_core {
	int id;
	char priv[] __aligned(8);
};

struct qux_priv {
	struct workqueue_struct *wq;
};

static inline void *qux_core_priv(struct qux_core *c)
{
	return &c->priv;
}

int qux_add(struct qux_core *c)
{
	struct qux_priv *priv = qux_core_priv(c);

	priv->wq = alloc_workqueue("qux", 0, 0); /* expect: unchecked-alloc */
	return 0;
}
EXPORT_SYMBOL_GPL(qux_add);

void qux_remove(struct qux_core *c)
{
	struct qux_priv *priv = qux_core_priv(c);

	destroy_workqueue(priv->wq);
}
EXPORT_SYMBOL_GPL(qux_remove);

MODULE_LICENSE("GPL");
