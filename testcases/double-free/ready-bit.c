// SPDX-License-Identifier: GPL-2.0
/*
 * double-free: a field left freed on a path that does not set the READY
 * bit, freed again only under that bit.  ath9k's
 * ath9k_hif_usb_firmware_cb() allocates htc_handle, frees it when the
 * device init fails (leaving the pointer), and sets HIF_USB_READY in
 * hif_dev->flags only where it kept it; ath9k_hif_usb_disconnect() frees
 * htc_handle only if (hif_dev->flags & HIF_USB_READY).  The bit a
 * function sets (|=, set_bit()) at a good return and not at the return
 * that left the field freed rules the second free out; the same bit of
 * another member (tx.flags, set on the error path) is another field.
 * foo_fw_cb_bad() sets the bit before the step that can fail: its
 * dangling return also has it, and foo_disconnect_bad() is reported.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define FOO_READY	BIT(1)
#define FOO_TX_STOP	BIT(1)

struct foo_htc { int id; };

struct foo_hif {
	struct foo_htc *htc;
	u8 flags;
	int fw_len;
	struct {
		u8 flags;
	} tx;
};

struct foo_hif2 {
	struct foo_htc *htc;
	u8 flags;
	int fw_len;
};

int foo_dev_init(int len)
{
	return len > 4096 ? -EINVAL : 0;
}

void foo_fw_cb(struct foo_hif *hif)
{
	hif->htc = kzalloc(sizeof(*hif->htc), GFP_KERNEL);
	if (!hif->htc)
		return;
	if (foo_dev_init(hif->fw_len))
		goto err;
	hif->flags |= FOO_READY;
	return;
err:
	hif->tx.flags |= FOO_TX_STOP;
	kfree(hif->htc);
}

void foo_disconnect(struct foo_hif *hif)
{
	if (hif->flags & FOO_READY)
		kfree(hif->htc);
}

void foo_fw_cb_bad(struct foo_hif2 *hif)
{
	hif->htc = kzalloc(sizeof(*hif->htc), GFP_KERNEL);
	if (!hif->htc)
		return;
	hif->flags |= FOO_READY;
	if (foo_dev_init(hif->fw_len))
		goto err;
	return;
err:
	kfree(hif->htc);
}

void foo_disconnect_bad(struct foo_hif2 *hif)
{
	if (hif->flags & FOO_READY)
		kfree(hif->htc); /* expect: double-free:medium */
}
MODULE_LICENSE("GPL");
