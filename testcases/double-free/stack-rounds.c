// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (mlx5 pagefault_single_data_segment()): a stack of frames
 * built in a loop (frame->next = head; head = frame) and popped one frame
 * per round of an outer goto loop (frame = head; head = frame->next;
 * kfree(frame); goto again;).  The frames a round still holds are the
 * site's many-object, and the ->next read from its memory on a later
 * round names another frame each time: freeing it is not a double free,
 * and reading it is no use after free (silent).  Freeing the last popped
 * frame again after the drain loop is (reported).
 */
#include <linux/module.h>
#include <linux/slab.h>

struct sr_frame {
	struct sr_frame *next;
	int count;
};

int sr_walk(int n, int (*step)(int))
{
	struct sr_frame *head = NULL, *frame;
	int i, ret = 0;

again:
	for (i = 0; i < n; i++) {
		frame = kzalloc(sizeof(*frame), GFP_KERNEL);
		if (!frame) {
			ret = -ENOMEM;
			goto end;
		}
		frame->count = step(i);
		frame->next = head;
		head = frame;
	}
	if (head) {
		frame = head;
		head = frame->next;
		n = frame->count;
		kfree(frame);
		goto again;
	}
end:
	while (head) {
		frame = head;
		head = frame->next;
		kfree(frame);
	}
	return ret;
}
EXPORT_SYMBOL(sr_walk);

int sr_drain_bad(int n)
{
	struct sr_frame *head = NULL, *frame = NULL;
	int i;

	for (i = 0; i < n; i++) {
		frame = kzalloc(sizeof(*frame), GFP_KERNEL);
		if (!frame)
			break;
		frame->next = head;
		head = frame;
	}
	if (!head)
		return -ENOMEM;
	frame = head;
	head = frame->next;
	kfree(frame);
	while (head) {
		frame = head;
		head = frame->next;
		kfree(frame);
	}
	kfree(frame); /* expect: double-free */
	return 0;
}
EXPORT_SYMBOL(sr_drain_bad);

MODULE_LICENSE("GPL");
