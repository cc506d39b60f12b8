// SPDX-License-Identifier: GPL-2.0
/*
 * double-free after a retry loop: each failed attempt vfree()s the buffer
 * and retries with a larger one; when all attempts fail,
 * foo_dump_bad() vfree()s the last buffer, already freed in the last
 * iteration, once more. foo_dump_good() clears the pointer after each
 * vfree() and tests it after the loop.
 */
#include <linux/module.h>
#include <linux/vmalloc.h>
#include <linux/sizes.h>

#define FOO_TRIES	3

struct foo_dev {
	void *dump;
	size_t dump_len;
};

static int foo_read_dump(struct foo_dev *fd, void *buf, size_t size)
{
	return size >= fd->dump_len ? 0 : -ENOSPC;
}

int foo_dump_bad(struct foo_dev *fd)
{
	size_t size = SZ_64K;
	void *buf;
	int tries;

	for (tries = 0; tries < FOO_TRIES; tries++, size *= 2) {
		buf = vmalloc(size);
		if (!buf)
			return -ENOMEM;
		if (!foo_read_dump(fd, buf, size))
			break;
		vfree(buf);
	}
	if (tries == FOO_TRIES) {
		vfree(buf); /* expect: double-free */
		return -ENOSPC;
	}
	fd->dump = buf;
	return 0;
}

int foo_dump_good(struct foo_dev *fd)
{
	size_t size = SZ_64K;
	void *buf = NULL;
	int tries;

	for (tries = 0; tries < FOO_TRIES; tries++, size *= 2) {
		buf = vmalloc(size);
		if (!buf)
			return -ENOMEM;
		if (!foo_read_dump(fd, buf, size))
			break;
		vfree(buf);
		buf = NULL;
	}
	if (!buf)
		return -ENOSPC;
	fd->dump = buf;
	return 0;
}

MODULE_LICENSE("GPL");
