/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KMB capture engine, three files like a real driver: kmb_xfd_probe.c
 * allocates and registers, kmb_xfd_remove.c tears down, kmb_xfd_irq.c
 * holds the timer callback and the event helpers that the other files
 * call, some of them under the device lock.
 */
#ifndef KMB_XFD_H
#define KMB_XFD_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#define KMB_XFD_RING_ORDER	2
#define KMB_XFD_LOG_SIZE	(64 * 1024)

struct kmb_xfd_event {
	u32 code;
	u32 arg;
};

struct kmb_xfd {
	struct device *dev;
	unsigned long ring;		/* __get_free_pages(, KMB_XFD_RING_ORDER) */
	void *log;			/* vmalloc() */
	u32 *regs_shadow;		/* kmalloc() */
	struct kmb_xfd_event *last;	/* kmalloc() by the event helpers */
	spinlock_t lock;
	struct timer_list poll_timer;
	struct work_struct log_work;
};

struct platform_device;

int kmb_xfd_probe_hw(struct kmb_xfd *xd);
int kmb_xfd_remove(struct platform_device *pdev);
void kmb_xfd_drop_buffers(struct kmb_xfd *xd);
void kmb_xfd_poll(struct timer_list *t);
void kmb_xfd_log_work(struct work_struct *work);
void kmb_xfd_note_event(struct kmb_xfd *xd, u32 code);
void kmb_xfd_note_event_atomic(struct kmb_xfd *xd, u32 code);

#endif
