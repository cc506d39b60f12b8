// SPDX-License-Identifier: GPL-2.0
/*
 * free-mismatch across functions, through a struct field that may hold a
 * place inside a block rather than the block (dell dcdbas): the SMI
 * buffer is either a dma_alloc_coherent() of the driver's, or, where the
 * firmware provides one, a memremap() of it past an 8-byte semaphore
 * (fw_base + 8).  The release helper dma_free_coherent()s the buffer only
 * when it is the driver's own.  The field's stores do not agree on a
 * family (the memremap() one is not the block): silent.  The flagged twin
 * keeps a whole memremap() in a window struct of its own and releases
 * it with dma_free_coherent().
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>

struct foo_buf {
	void *virt;
	dma_addr_t dma;
	size_t size;
};

struct foo_win {
	void *virt;
	dma_addr_t dma;
	size_t size;
};

static struct platform_device *foo_pdev;
static struct foo_buf smi_buf;
static struct foo_win log_win;
static u8 *fw_base;
static bool fw_provided;

static int foo_buf_alloc(struct foo_buf *b, size_t size)
{
	b->virt = dma_alloc_coherent(&foo_pdev->dev, size, &b->dma, GFP_KERNEL);
	if (!b->virt)
		return -ENOMEM;
	b->size = size;
	return 0;
}

static void foo_buf_free(struct foo_buf *b)
{
	if (!b->virt)
		return;
	dma_free_coherent(&foo_pdev->dev, b->size, b->virt, b->dma);
	b->virt = NULL;
}

static int foo_use_fw_buffer(phys_addr_t paddr, size_t size)
{
	fw_base = memremap(paddr, size + 8, MEMREMAP_WB);
	if (!fw_base)
		return -ENOMEM;
	smi_buf.dma = paddr + 8;
	smi_buf.virt = fw_base + 8;
	smi_buf.size = size;
	fw_provided = true;
	return 0;
}

static void foo_smi_release(void)
{
	if (!smi_buf.virt || fw_provided)
		return;
	foo_buf_free(&smi_buf);
}

static int foo_map_log(phys_addr_t paddr, size_t size)
{
	log_win.virt = memremap(paddr, size, MEMREMAP_WB);
	if (!log_win.virt)
		return -ENOMEM;
	log_win.size = size;
	return 0;
}

static void foo_log_release(void)
{
	dma_free_coherent(&foo_pdev->dev, log_win.size, log_win.virt, /* expect: free-mismatch */
			  log_win.dma);
}

static phys_addr_t fw_paddr;
module_param(fw_paddr, ullong, 0444);

static int __init foo_init(void)
{
	int ret;

	foo_pdev = platform_device_register_simple("foo-smi", -1, NULL, 0);
	if (IS_ERR(foo_pdev))
		return PTR_ERR(foo_pdev);
	ret = fw_paddr ? foo_use_fw_buffer(fw_paddr, PAGE_SIZE) :
			 foo_buf_alloc(&smi_buf, PAGE_SIZE);
	if (!ret)
		ret = foo_map_log(fw_paddr + PAGE_SIZE, PAGE_SIZE);
	if (ret) {
		foo_smi_release();
		if (fw_base)
			memunmap(fw_base);
		platform_device_unregister(foo_pdev);
	}
	return ret;
}

static void __exit foo_exit(void)
{
	foo_log_release();
	foo_smi_release();
	if (fw_base)
		memunmap(fw_base);
	platform_device_unregister(foo_pdev);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
