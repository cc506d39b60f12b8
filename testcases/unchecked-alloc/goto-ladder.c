// SPDX-License-Identifier: GPL-2.0
/*
 * unchecked-alloc: kernel goto-ladder error handling, `if (!p) goto err;`.
 * foo_bad() has the ladder but skips the test of the middle allocation.
 */
#include <linux/module.h>
#include <linux/slab.h>

struct foo_dev {
	u8 *rx_buf;
	u8 *tx_buf;
	u32 *regs;
};

int foo_bufs_bad(struct foo_dev *fdev, size_t len)
{
	u8 *rx_buf, *tx_buf;
	u32 *regs;

	rx_buf = kmalloc(len, GFP_KERNEL);
	if (!rx_buf)
		goto err;
	tx_buf = kmalloc(len, GFP_KERNEL);
	regs = kzalloc(64, GFP_KERNEL);
	if (!regs)
		goto err_free_tx;
	tx_buf[0] = 0; /* expect: unchecked-alloc */
	fdev->rx_buf = rx_buf;
	fdev->tx_buf = tx_buf;
	fdev->regs = regs;
	return 0;

err_free_tx:
	kfree(tx_buf);
	kfree(rx_buf);
err:
	return -ENOMEM;
}

int foo_bufs_good(struct foo_dev *fdev, size_t len)
{
	u8 *rx_buf, *tx_buf;
	u32 *regs;

	rx_buf = kmalloc(len, GFP_KERNEL);
	if (!rx_buf)
		goto err;
	tx_buf = kmalloc(len, GFP_KERNEL);
	if (!tx_buf)
		goto err_free_rx;
	regs = kzalloc(64, GFP_KERNEL);
	if (!regs)
		goto err_free_tx;
	tx_buf[0] = 0;
	fdev->rx_buf = rx_buf;
	fdev->tx_buf = tx_buf;
	fdev->regs = regs;
	return 0;

err_free_tx:
	kfree(tx_buf);
err_free_rx:
	kfree(rx_buf);
err:
	return -ENOMEM;
}

MODULE_LICENSE("GPL");
