/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KMB descriptor-ring NIC, split like a real driver: kmb_xfr_main.c
 * (platform glue, open/stop, the datapath) and kmb_xfr_ring.c (the ring
 * library: allocation and teardown helpers).  Several bugs of the main
 * file are only visible with the library's summaries.
 */
#ifndef KMB_XFR_H
#define KMB_XFR_H

#include <linux/types.h>
#include <linux/spinlock.h>

#define KMB_XFR_RING_SIZE	256
#define KMB_XFR_BUF_LEN		2048

struct kmb_xfr_desc {
	__le64 addr;
	__le32 len;
	__le32 flags;
};

struct kmb_xfr_ring {
	struct kmb_xfr_desc *desc;
	void **bufs;
	u8 *stats;
	unsigned int head;
	unsigned int tail;
	unsigned int size;
};

struct kmb_xfr_priv {
	struct device *dev;
	struct kmb_xfr_ring rx;
	struct kmb_xfr_ring tx;
	char *fw_log;
	spinlock_t lock;
};

void *kmb_xfr_zalloc_desc(unsigned int count);
struct kmb_xfr_ring *kmb_xfr_ring_new(unsigned int size);
void kmb_xfr_ring_release_bufs(struct kmb_xfr_ring *ring);
void kmb_xfr_ring_destroy(struct kmb_xfr_ring *ring);
int kmb_xfr_ring_fill(struct kmb_xfr_ring *ring);

#endif
