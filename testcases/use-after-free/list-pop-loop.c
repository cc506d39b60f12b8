// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free false positive seen on real drivers (libertas if_sdio.c):
 * a singly linked packet list drained by popping the head in a loop,
 *
 *	packet = card->packets;
 *	card->packets = packet->next;
 *	kfree(packet);
 *
 * Each iteration reads a new head: the field was just overwritten with the
 * next packet, so the packet read on the next iteration is another block,
 * never the one just freed. foo_drain_worker() pops under a lock with a
 * NULL test inside, foo_drain() and foo_remove() in the
 * `card->packets = card->packets->next` spelling. All silent.
 * foo_drain_bad() frees the head and then reads its next pointer.
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct foo_packet {
	struct foo_packet *next;
	u16 nb;
	u8 buffer[];
};

struct foo_card {
	spinlock_t lock;
	struct foo_packet *packets;
	int sent;
};

int foo_queue(struct foo_card *card, const u8 *buf, u16 nb)
{
	struct foo_packet *packet, *cur;
	unsigned long flags;

	packet = kzalloc(sizeof(*packet) + nb, GFP_ATOMIC);
	if (!packet)
		return -ENOMEM;
	packet->next = NULL;
	packet->nb = nb;
	memcpy(packet->buffer, buf, nb);

	spin_lock_irqsave(&card->lock, flags);
	if (!card->packets) {
		card->packets = packet;
	} else {
		cur = card->packets;
		while (cur->next)
			cur = cur->next;
		cur->next = packet;
	}
	spin_unlock_irqrestore(&card->lock, flags);
	return 0;
}

void foo_drain_worker(struct foo_card *card)
{
	struct foo_packet *packet;
	unsigned long flags;

	while (1) {
		spin_lock_irqsave(&card->lock, flags);
		packet = card->packets;
		if (packet)
			card->packets = packet->next;
		spin_unlock_irqrestore(&card->lock, flags);

		if (!packet)
			break;
		card->sent += packet->nb;
		kfree(packet);
	}
}

void foo_drain(struct foo_card *card)
{
	struct foo_packet *packet;

	while (card->packets) {
		packet = card->packets;
		card->packets = card->packets->next;
		kfree(packet);
	}
}

void foo_remove(struct foo_card *card)
{
	struct foo_packet *packet;

	while (card->packets) {
		packet = card->packets;
		card->packets = card->packets->next;
		kfree(packet);
	}
	kfree(card);
}

void foo_drain_bad(struct foo_card *card)
{
	struct foo_packet *packet;

	while (card->packets) {
		packet = card->packets;
		kfree(packet);
		card->packets = packet->next; /* expect: use-after-free */
	}
}

MODULE_LICENSE("GPL");
