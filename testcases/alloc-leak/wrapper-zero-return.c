// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (sound/pci/hda/hda_jack.c, snd_hda_jack_detect_enable()): a
 * function of the file returns either the callback a lookup found (NULL
 * when there is none) or a fresh one it links into the jack's list, and
 * its caller, which asks for no handler (NULL), keeps only the error code
 * (PTR_ERR_OR_ZERO()).  Where the call returned NULL it returned no
 * allocation, and where it returned a fresh one it has linked it (gives
 * up $ret): nothing is the caller's.
 * foo_enable_good() is silent.  foo_enable_bad() calls a variant that
 * does not link the fresh callback anywhere, and drops it: reported.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>

struct foo_cb {
	struct foo_cb *next;
	void (*func)(void);
};

struct foo_jack {
	struct foo_cb *callback;
	int detect;
};

struct foo_codec {
	struct foo_jack jack;
	int poll;
};

static struct foo_cb *foo_find_cb(struct foo_jack *jack, void (*func)(void))
{
	struct foo_cb *cb;

	for (cb = jack->callback; cb; cb = cb->next)
		if (cb->func == func)
			return cb;
	return NULL;
}

static struct foo_cb *foo_enable_cb(struct foo_codec *codec,
				    void (*func)(void))
{
	struct foo_jack *jack = &codec->jack;
	struct foo_cb *callback = foo_find_cb(jack, func);

	if (func && !callback) {
		callback = kzalloc(sizeof(*callback), GFP_KERNEL);
		if (!callback)
			return ERR_PTR(-ENOMEM);
		callback->func = func;
		callback->next = jack->callback;
		jack->callback = callback;
	}
	if (jack->detect)
		return callback;
	jack->detect = 1;
	return callback;
}

static struct foo_cb *foo_new_cb(struct foo_codec *codec, void (*func)(void))
{
	struct foo_cb *callback = foo_find_cb(&codec->jack, func);

	if (func && !callback) {
		callback = kzalloc(sizeof(*callback), GFP_KERNEL);
		if (!callback)
			return ERR_PTR(-ENOMEM);
		callback->func = func;
	}
	return callback;
}

static void foo_handler(void)
{
}

int foo_enable_good(struct foo_codec *codec)
{
	return PTR_ERR_OR_ZERO(foo_enable_cb(codec, NULL));
}

int foo_enable_bad(struct foo_codec *codec)
{
	return PTR_ERR_OR_ZERO(foo_new_cb(codec, foo_handler)); /* expect: alloc-leak */
}

MODULE_LICENSE("GPL");
