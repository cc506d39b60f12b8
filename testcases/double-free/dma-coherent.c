// SPDX-License-Identifier: GPL-2.0
/*
 * double-free of coherent DMA memory: the loopback self-test frees its
 * buffer when the test fails and then once more on the common exit.
 * foo_selftest_good() frees it only on the common exit.
 */
#include <linux/module.h>
#include <linux/dma-mapping.h>
#include <linux/sizes.h>

static int foo_dma_loopback(struct device *dev, u32 *buf, dma_addr_t dma)
{
	buf[0] = lower_32_bits(dma);
	return buf[1] == buf[0] ? 0 : -EIO;
}

int foo_selftest_bad(struct device *dev)
{
	dma_addr_t dma;
	u32 *buf = dma_alloc_coherent(dev, SZ_4K, &dma, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = foo_dma_loopback(dev, buf, dma);
	if (ret) {
		dev_err(dev, "DMA loopback failed: %d\n", ret);
		dma_free_coherent(dev, SZ_4K, buf, dma);
	}
	dma_free_coherent(dev, SZ_4K, buf, dma); /* expect: double-free */
	return ret;
}

int foo_selftest_good(struct device *dev)
{
	dma_addr_t dma;
	u32 *buf = dma_alloc_coherent(dev, SZ_4K, &dma, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = foo_dma_loopback(dev, buf, dma);
	if (ret)
		dev_err(dev, "DMA loopback failed: %d\n", ret);
	dma_free_coherent(dev, SZ_4K, buf, dma);
	return ret;
}

MODULE_LICENSE("GPL");
