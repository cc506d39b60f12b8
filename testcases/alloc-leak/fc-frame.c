// SPDX-License-Identifier: GPL-2.0
/*
 * libfc frames (include/scsi/fc_frame.h): fc_frame_alloc() returns a
 * struct fc_frame whose only member is the skb it is, and
 * fc_frame_free(fp) is kfree_skb(&fp->skb).  A frame freed that way, or
 * with kfree_skb(fp_skb(fp)), is released (bnx2fc, qedf: silent); a put
 * of an skb embedded in a block of another family still only drops a
 * reference.  The bad twin returns without freeing its frame.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <scsi/libfc.h>
#include <scsi/fc_frame.h>

int grault_rec(struct fc_lport *lport, bool drop)
{
	struct fc_frame *fp;

	fp = fc_frame_alloc(lport, 64);
	if (!fp)
		return -ENOMEM;
	memset(fc_frame_payload_get(fp, 64), 0, 64);
	if (drop) {
		fc_frame_free(fp);
		return -EIO;
	}
	kfree_skb(fp_skb(fp));
	return 0;
}

int grault_rec_bad(struct fc_lport *lport, bool drop)
{
	struct fc_frame *fp;

	fp = fc_frame_alloc(lport, 64);
	if (!fp)
		return -ENOMEM;
	memset(fc_frame_payload_get(fp, 64), 0, 64);
	if (drop)
		return -EIO; /* expect: alloc-leak */
	fc_frame_free(fp);
	return 0;
}

MODULE_LICENSE("GPL");
