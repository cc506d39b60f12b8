// SPDX-License-Identifier: GPL-2.0
/*
 * One finding per unchecked allocation (saa7134 saa7134_initdev(): 8
 * findings for each of three `dev->video_dev = vdev_init(...)` before):
 * the result of a helper that returns NULL when its allocation fails is
 * stored and used several times without a check.  On the path where the
 * helper returned NULL, the first use is the bug; the uses after it are
 * the same bug, not new findings.  So for a local and for a field.
 * foo_good_init() checks it: silent.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_vdev {
	const char *name;
	int minor;
	unsigned int caps;
	void *priv;
};

struct foo_dev {
	struct foo_vdev *video;
	struct foo_vdev *vbi;
	const char *name;
};

static struct foo_vdev *foo_vdev_init(struct foo_dev *fd, const char *type)
{
	struct foo_vdev *v = kzalloc(sizeof(*v), GFP_KERNEL);

	if (!v)
		return NULL;
	v->name = type;
	v->priv = fd;
	return v;
}

int foo_init_field(struct foo_dev *fd);
int foo_init_field(struct foo_dev *fd)
{
	fd->video = foo_vdev_init(fd, "video");
	fd->video->minor = -1; /* expect: unchecked-alloc */
	fd->video->caps = 1;
	fd->video->caps |= 4;
	return 0;
}

int foo_init_local(struct foo_dev *fd);
int foo_init_local(struct foo_dev *fd)
{
	struct foo_vdev *v = foo_vdev_init(fd, "vbi");

	v->minor = -1; /* expect: unchecked-alloc */
	v->caps = 2;
	fd->vbi = v;
	return 0;
}

int foo_good_init(struct foo_dev *fd);
int foo_good_init(struct foo_dev *fd)
{
	fd->video = foo_vdev_init(fd, "video");
	if (!fd->video)
		return -ENOMEM;
	fd->video->minor = -1;
	fd->video->caps = 1;
	return 0;
}

MODULE_LICENSE("GPL");
