// SPDX-License-Identifier: GPL-2.0
/*
 * The address of an element of an allocation, stored where it outlives
 * the function, hands over the whole allocation: the 5 GHz band of
 * rt2x00lib_probe_hw_modes() (drivers/net/wireless/ralink/rt2x00/
 * rt2x00dev.c) keeps &channels[14], and the remove path frees the array
 * through the 2 GHz band or the element's owner. foo_probe_bands_good()
 * stores only the element's address; foo_probe_bands_bad() returns on an
 * error before storing anything.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_channel {
	u16 center_freq;
	u8 max_power;
};

struct foo_band {
	struct foo_channel *channels;
	unsigned int n_channels;
};

struct foo_dev {
	struct foo_band band_5ghz;
	unsigned int num_channels;
};

int foo_probe_bands_good(struct foo_dev *fd)
{
	struct foo_channel *channels;

	if (fd->num_channels <= 14)
		return -EINVAL;
	channels = kcalloc(fd->num_channels, sizeof(*channels), GFP_KERNEL);
	if (!channels)
		return -ENOMEM;
	fd->band_5ghz.channels = &channels[14];
	fd->band_5ghz.n_channels = fd->num_channels - 14;
	return 0;
}

int foo_probe_bands_bad(struct foo_dev *fd, unsigned int max_power)
{
	struct foo_channel *channels;

	if (fd->num_channels <= 14)
		return -EINVAL;
	channels = kcalloc(fd->num_channels, sizeof(*channels), GFP_KERNEL);
	if (!channels)
		return -ENOMEM;
	if (max_power > 30)
		return -ERANGE; /* expect: alloc-leak */
	channels[14].max_power = max_power;
	fd->band_5ghz.channels = &channels[14];
	fd->band_5ghz.n_channels = fd->num_channels - 14;
	return 0;
}

MODULE_LICENSE("GPL");
