// SPDX-License-Identifier: GPL-2.0
/*
 * A buffer lent to functions of other files that only read or fill it
 * (kstrtou32(), device_property_read_u32_array(), dev_err()) is still
 * the caller's to free: rules/borrow.rules lists them. foo_parse_bad()
 * returns on a parse error without freeing it; foo_parse_good() frees it
 * on every path.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kernel.h>
#include <linux/property.h>
#include <linux/device.h>

struct foo_dev {
	struct device *dev;
	u32 level;
};

int foo_parse_bad(struct foo_dev *fd, const char *src, size_t len)
{
	char *buf;
	int ret;

	buf = kmemdup_nul(src, len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = kstrtou32(buf, 0, &fd->level);
	if (ret) { /* expect-note: alloc-leak */
		dev_err(fd->dev, "bad level '%s'\n", buf);
		return ret; /* expect: alloc-leak */
	}
	kfree(buf);
	return 0;
}

int foo_parse_good(struct foo_dev *fd, const char *src, size_t len)
{
	char *buf;
	int ret;

	buf = kmemdup_nul(src, len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = kstrtou32(buf, 0, &fd->level);
	if (ret)
		dev_err(fd->dev, "bad level '%s'\n", buf);
	kfree(buf);
	return ret;
}

int foo_levels_bad(struct foo_dev *fd, int n)
{
	u32 *map;
	int i;

	map = kcalloc(n, sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	if (device_property_read_u32_array(fd->dev, "foo,levels", map, n))
		goto out;
	for (i = 0; i < n; i++)
		if (map[i] > 7)
			return -EINVAL; /* expect: alloc-leak */
	fd->level = map[0];
out:
	kfree(map);
	return 0;
}

int foo_levels_good(struct foo_dev *fd, int n)
{
	u32 *map;
	int i, ret = 0;

	map = kcalloc(n, sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	if (device_property_read_u32_array(fd->dev, "foo,levels", map, n))
		goto out;
	for (i = 0; i < n; i++) {
		if (map[i] > 7) {
			ret = -EINVAL;
			goto out;
		}
	}
	fd->level = map[0];
out:
	kfree(map);
	return ret;
}

MODULE_LICENSE("GPL");
