// SPDX-License-Identifier: GPL-2.0
/*
 * KMB periodic sampler
 *
 * The sampler block converts up to 32 analogue channels into a hardware
 * FIFO.  A kernel timer drains the FIFO every period_ms into a batch, a
 * tasklet fans each batch out to the readers of /dev/kmb_sampler (an RCU
 * list, so the fan-out never blocks open/close), and a work item handles
 * the slow path: event logging and the per-channel low-water alarms.
 */

#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/timer.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/rculist.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/ktime.h>
#include <linux/string.h>
#include <linux/bitfield.h>
#include <linux/overflow.h>

#define KMB_SMP_REG_CTRL	0x000
#define  KMB_SMP_CTRL_EN	BIT(0)
#define KMB_SMP_REG_STATUS	0x004
#define  KMB_SMP_STATUS_LEVEL	GENMASK(9, 0)
#define  KMB_SMP_STATUS_OVF	BIT(16)
#define KMB_SMP_REG_PERIOD	0x008
#define KMB_SMP_REG_FIFO	0x010
#define KMB_SMP_REG_LOWATER(c)	(0x100 + 4 * (c))
#define KMB_SMP_REG_DUMP	0x400

#define KMB_NR_CHAN		32
#define KMB_BATCH_MAX		256
#define KMB_MAX_CLIENTS		16
#define KMB_MAX_EVENTS		64
#define KMB_PERIOD_DEF_MS	10
#define KMB_PERIOD_MIN_MS	1
#define KMB_PERIOD_MAX_MS	1000
#define KMB_CMD_MAX		64
#define KMB_DUMP_SIZE		4096

/* per-reader sample ring */
#define KMB_RING_ORDER		1
#define KMB_RING_ENTRIES	((PAGE_SIZE << KMB_RING_ORDER) / sizeof(struct kmb_sample))

/* register dump area handed to the DUMP ioctl */
#define KMB_SCRATCH_ORDER	1

enum kmb_event_code {
	KMB_EV_PERIOD = 1,
	KMB_EV_OVERRUN,
	KMB_EV_FIFO_OVF,
	KMB_EV_MARK,
};

#define KMB_SMP_IOC_SET_PERIOD	_IOW('S', 1, __u32)
#define KMB_SMP_IOC_MARK	_IOW('S', 2, __u32)
#define KMB_SMP_IOC_DUMP	_IOR('S', 3, __u8[KMB_DUMP_SIZE])
#define KMB_SMP_IOC_GET_DROPPED	_IOR('S', 4, __u32)

static unsigned int hist_depth = 1024;
module_param(hist_depth, uint, 0444);
MODULE_PARM_DESC(hist_depth, "Samples of history kept per channel");

struct kmb_sample {
	u64 ts;
	u32 chan;
	u32 value;
};

struct kmb_batch {
	struct list_head node;
	unsigned int count;
	struct kmb_sample samples[];
};

struct kmb_event {
	struct list_head node;
	u32 code;
	u32 arg;
	u64 ts;
};

struct kmb_sampler;

struct kmb_client {
	struct list_head node;
	struct rcu_head rcu;
	struct kmb_sampler *s;
	char *name;

	/* protects the ring indices and dropped */
	spinlock_t lock;
	struct kmb_sample *ring;
	unsigned int head;
	unsigned int tail;
	unsigned int dropped;
	u32 chan_mask;
	wait_queue_head_t wait;
};

struct kmb_sampler {
	struct device *dev;
	void __iomem *regs;
	struct miscdevice misc;

	struct timer_list timer;
	struct tasklet_struct tasklet;
	struct work_struct work;

	/* protects batches, clients (writers), running, period_ms and history */
	spinlock_t lock;
	struct list_head batches;
	struct list_head clients;
	unsigned int nr_clients;
	bool running;
	unsigned int period_ms;
	unsigned int fifo_lost;

	u32 *hist;
	u32 *chan_min;
	unsigned int hist_depth;
	unsigned int hist_idx[KMB_NR_CHAN];

	/* protects events and nr_events */
	spinlock_t ev_lock;
	struct list_head events;
	unsigned int nr_events;

	/* serialises use of the scratch page */
	struct mutex dump_lock;
	void *scratch;
};

static int kmb_sampler_log_event(struct kmb_sampler *s, u32 code, u32 arg, gfp_t gfp)
{
	struct kmb_event *ev;

	ev = kmalloc(sizeof(*ev), gfp);
	if (unlikely(!ev))
		return -ENOMEM;

	ev->code = code;
	ev->arg = arg;
	ev->ts = ktime_get_ns();

	spin_lock_bh(&s->ev_lock);
	if (s->nr_events < KMB_MAX_EVENTS) {
		list_add_tail(&ev->node, &s->events);
		s->nr_events++;
		ev = NULL;
	}
	spin_unlock_bh(&s->ev_lock);

	/* queue full: the oldest events are more useful than this one */
	kfree(ev);
	return 0;
}

/* --- sampling path ---------------------------------------------------- */

static void kmb_sampler_timer_fn(struct timer_list *t)
{
	struct kmb_sampler *s = from_timer(s, t, timer);
	struct kmb_batch *b;
	unsigned int i, n;
	u32 status, raw;

	status = readl(s->regs + KMB_SMP_REG_STATUS);
	n = min_t(unsigned int, FIELD_GET(KMB_SMP_STATUS_LEVEL, status), KMB_BATCH_MAX);

	if (n) {
		b = kmalloc(struct_size(b, samples, n), GFP_KERNEL);
		if (b) {
			b->count = n;
			for (i = 0; i < n; i++) {
				raw = readl(s->regs + KMB_SMP_REG_FIFO);
				b->samples[i].chan = raw >> 27;
				b->samples[i].value = raw & GENMASK(23, 0);
				b->samples[i].ts = ktime_get_ns();
			}

			spin_lock(&s->lock);
			list_add_tail(&b->node, &s->batches);
			spin_unlock(&s->lock);
			tasklet_schedule(&s->tasklet);
		}
	}

	spin_lock(&s->lock);
	if (status & KMB_SMP_STATUS_OVF)
		s->fifo_lost++;
	if (s->running)
		mod_timer(&s->timer, jiffies + msecs_to_jiffies(s->period_ms));
	spin_unlock(&s->lock);
}

static unsigned int kmb_client_push(struct kmb_client *c, const struct kmb_batch *b)
{
	unsigned int i, dropped = 0;
	u32 mask = READ_ONCE(c->chan_mask);

	spin_lock(&c->lock);
	for (i = 0; i < b->count; i++) {
		if (!(mask & BIT(b->samples[i].chan)))
			continue;
		if (c->head - c->tail >= KMB_RING_ENTRIES) {
			dropped++;
			continue;
		}
		c->ring[c->head % KMB_RING_ENTRIES] = b->samples[i];
		c->head++;
	}
	c->dropped += dropped;
	spin_unlock(&c->lock);

	wake_up_interruptible(&c->wait);
	return dropped;
}

static void kmb_sampler_update_hist(struct kmb_sampler *s, const struct kmb_batch *b)
{
	unsigned int i, chan, slot;
	u32 value;

	spin_lock(&s->lock);
	for (i = 0; i < b->count; i++) {
		chan = b->samples[i].chan;
		value = b->samples[i].value;
		slot = s->hist_idx[chan];

		s->hist[chan * s->hist_depth + slot] = value;
		s->hist_idx[chan] = (slot + 1) % s->hist_depth;
		if (value < s->chan_min[chan])
			s->chan_min[chan] = value;
	}
	spin_unlock(&s->lock);
}

static void kmb_sampler_tasklet_fn(struct tasklet_struct *t)
{
	struct kmb_sampler *s = from_tasklet(s, t, tasklet);
	unsigned int overruns = 0;
	struct kmb_client *c;
	struct kmb_batch *b;
	LIST_HEAD(local);

	spin_lock(&s->lock);
	list_splice_init(&s->batches, &local);
	spin_unlock(&s->lock);

	list_for_each_entry(b, &local, node) {
		rcu_read_lock();
		list_for_each_entry_rcu(c, &s->clients, node)
			overruns += kmb_client_push(c, b);
		rcu_read_unlock();

		kmb_sampler_update_hist(s, b);
		kfree(b);
	}

	if (overruns) {
		kmb_sampler_log_event(s, KMB_EV_OVERRUN, overruns, GFP_ATOMIC);
		schedule_work(&s->work);
	}
}

static void kmb_sampler_work_fn(struct work_struct *work)
{
	struct kmb_sampler *s = container_of(work, struct kmb_sampler, work);
	struct kmb_event *ev, *tmp;
	LIST_HEAD(local);
	u32 *mins;
	int i;

	spin_lock_bh(&s->ev_lock);
	list_splice_init(&s->events, &local);
	s->nr_events = 0;
	spin_unlock_bh(&s->ev_lock);

	list_for_each_entry_safe(ev, tmp, &local, node) {
		dev_info_ratelimited(s->dev, "event %u (%u) at %llu ns\n",
				     ev->code, ev->arg, ev->ts);
		list_del(&ev->node);
		kfree(ev);
	}

	/* refresh the low-water alarms from the minima seen so far */
	mins = kmalloc_array(KMB_NR_CHAN, sizeof(*mins), GFP_KERNEL);
	if (WARN_ON(!mins))
		return;

	spin_lock_bh(&s->lock);
	memcpy(mins, s->chan_min, KMB_NR_CHAN * sizeof(*mins));
	spin_unlock_bh(&s->lock);

	for (i = 0; i < KMB_NR_CHAN; i++)
		writel(mins[i], s->regs + KMB_SMP_REG_LOWATER(i));
	kfree(mins);
}

/* --- control ---------------------------------------------------------- */

static int kmb_sampler_set_period(struct kmb_sampler *s, u32 ms)
{
	int ret;

	if (ms < KMB_PERIOD_MIN_MS || ms > KMB_PERIOD_MAX_MS)
		return -EINVAL;

	spin_lock_bh(&s->lock);
	s->period_ms = ms;
	writel(ms, s->regs + KMB_SMP_REG_PERIOD);
	ret = kmb_sampler_log_event(s, KMB_EV_PERIOD, ms, GFP_KERNEL);
	if (s->running)
		mod_timer(&s->timer, jiffies + msecs_to_jiffies(ms));
	spin_unlock_bh(&s->lock);

	return ret;
}

static int kmb_sampler_dump(struct kmb_sampler *s, void __user *argp)
{
	u32 *words = s->scratch;
	int i, ret = 0;

	mutex_lock(&s->dump_lock);
	for (i = 0; i < KMB_DUMP_SIZE / 4; i++)
		words[i] = readl(s->regs + KMB_SMP_REG_DUMP + 4 * i);
	if (copy_to_user(argp, words, KMB_DUMP_SIZE))
		ret = -EFAULT;
	mutex_unlock(&s->dump_lock);
	return ret;
}

/* --- file operations -------------------------------------------------- */

static void kmb_client_free_rcu(struct rcu_head *head)
{
	struct kmb_client *c = container_of(head, struct kmb_client, rcu);

	free_pages((unsigned long)c->ring, KMB_RING_ORDER);
	kfree(c->name);
	kfree(c);
}

static int kmb_sampler_open(struct inode *inode, struct file *file)
{
	struct kmb_sampler *s = container_of(file->private_data,
					     struct kmb_sampler, misc);
	struct kmb_client *c;
	int ret;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;

	c->ring = (struct kmb_sample *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
							KMB_RING_ORDER);
	if (!c->ring) {
		ret = -ENOMEM;
		goto err_free_client;
	}

	c->name = kasprintf(GFP_KERNEL, "%s[%d]", current->comm,
			    task_pid_nr(current));
	if (!c->name) {
		ret = -ENOMEM;
		goto err_free_ring;
	}

	c->s = s;
	c->chan_mask = GENMASK(KMB_NR_CHAN - 1, 0);
	spin_lock_init(&c->lock);
	init_waitqueue_head(&c->wait);

	spin_lock_bh(&s->lock);
	if (s->nr_clients >= KMB_MAX_CLIENTS) {
		spin_unlock_bh(&s->lock);
		ret = -EBUSY;
		goto err_free_name;
	}
	list_add_rcu(&c->node, &s->clients);
	if (!s->nr_clients++) {
		s->running = true;
		mod_timer(&s->timer, jiffies + msecs_to_jiffies(s->period_ms));
	}
	spin_unlock_bh(&s->lock);

	file->private_data = c;
	return nonseekable_open(inode, file);

err_free_name:
	kfree(c->name);
err_free_ring:
	kfree(c->ring);
err_free_client:
	kfree(c);
	return ret;
}

static int kmb_sampler_release(struct inode *inode, struct file *file)
{
	struct kmb_client *c = file->private_data;
	struct kmb_sampler *s = c->s;

	spin_lock_bh(&s->lock);
	list_del_rcu(&c->node);
	/* the timer stops re-arming itself once running is clear */
	if (!--s->nr_clients)
		s->running = false;
	spin_unlock_bh(&s->lock);

	dev_dbg(s->dev, "%s closed, %u samples dropped\n", c->name, c->dropped);
	call_rcu(&c->rcu, kmb_client_free_rcu);
	return 0;
}

static ssize_t kmb_sampler_read(struct file *file, char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct kmb_client *c = file->private_data;
	struct kmb_sample sample;
	size_t done = 0;
	int ret;

	if (count < sizeof(sample))
		return -EINVAL;

	if (!(file->f_flags & O_NONBLOCK)) {
		ret = wait_event_interruptible(c->wait,
					       READ_ONCE(c->head) != READ_ONCE(c->tail));
		if (ret)
			return ret;
	}

	while (done + sizeof(sample) <= count) {
		spin_lock_bh(&c->lock);
		if (c->head == c->tail) {
			spin_unlock_bh(&c->lock);
			break;
		}
		sample = c->ring[c->tail % KMB_RING_ENTRIES];
		c->tail++;
		spin_unlock_bh(&c->lock);

		if (copy_to_user(ubuf + done, &sample, sizeof(sample)))
			return done ? done : -EFAULT;
		done += sizeof(sample);
	}

	return done ? done : -EAGAIN;
}

static __poll_t kmb_sampler_poll(struct file *file, poll_table *wait)
{
	struct kmb_client *c = file->private_data;

	poll_wait(file, &c->wait, wait);
	if (READ_ONCE(c->head) != READ_ONCE(c->tail))
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}

/* "channels <mask>" or "period <ms>" */
static ssize_t kmb_sampler_write(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	struct kmb_client *c = file->private_data;
	char *buf, *cmd, *arg;
	u32 val;
	int ret;

	if (!count || count > KMB_CMD_MAX)
		return -EINVAL;

	buf = kmalloc(count + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	if (copy_from_user(buf, ubuf, count)) {
		kfree(buf);
		return -EFAULT;
	}
	buf[count] = '\0';

	arg = strim(buf);
	cmd = strsep(&arg, " ");
	if (!arg) {
		ret = -EINVAL;
		goto out;
	}

	ret = kstrtou32(arg, 0, &val);
	if (ret)
		return ret;

	if (!strcmp(cmd, "channels"))
		WRITE_ONCE(c->chan_mask, val);
	else if (!strcmp(cmd, "period"))
		ret = kmb_sampler_set_period(c->s, val);
	else
		ret = -EINVAL;
out:
	kfree(buf);
	return ret ? ret : count;
}

static long kmb_sampler_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kmb_client *c = file->private_data;
	struct kmb_sampler *s = c->s;
	void __user *argp = (void __user *)arg;
	u32 val;

	switch (cmd) {
	case KMB_SMP_IOC_SET_PERIOD:
		if (get_user(val, (u32 __user *)argp))
			return -EFAULT;
		return kmb_sampler_set_period(s, val);
	case KMB_SMP_IOC_MARK:
		if (get_user(val, (u32 __user *)argp))
			return -EFAULT;
		return kmb_sampler_log_event(s, KMB_EV_MARK, val, GFP_KERNEL);
	case KMB_SMP_IOC_DUMP:
		if (!capable(CAP_SYS_RAWIO))
			return -EPERM;
		return kmb_sampler_dump(s, argp);
	case KMB_SMP_IOC_GET_DROPPED:
		spin_lock_bh(&c->lock);
		val = c->dropped;
		spin_unlock_bh(&c->lock);
		return put_user(val, (u32 __user *)argp);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations kmb_sampler_fops = {
	.owner		= THIS_MODULE,
	.open		= kmb_sampler_open,
	.release	= kmb_sampler_release,
	.read		= kmb_sampler_read,
	.write		= kmb_sampler_write,
	.poll		= kmb_sampler_poll,
	.unlocked_ioctl	= kmb_sampler_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
	.llseek		= no_llseek,
};

/* --- platform driver -------------------------------------------------- */

static int kmb_sampler_alloc_history(struct kmb_sampler *s)
{
	unsigned int i;

	s->hist = vzalloc(array3_size(KMB_NR_CHAN, s->hist_depth, sizeof(*s->hist)));
	if (!s->hist)
		return -ENOMEM;

	s->chan_min = kmalloc_array(KMB_NR_CHAN, sizeof(*s->chan_min), GFP_KERNEL);
	if (!s->hist) {
		vfree(s->hist);
		return -ENOMEM;
	}

	for (i = 0; i < KMB_NR_CHAN; i++)
		s->chan_min[i] = U32_MAX;
	return 0;
}

static int kmb_sampler_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kmb_sampler *s;
	int ret;

	s = devm_kzalloc(dev, sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;

	s->dev = dev;
	spin_lock_init(&s->lock);
	spin_lock_init(&s->ev_lock);
	mutex_init(&s->dump_lock);
	INIT_LIST_HEAD(&s->batches);
	INIT_LIST_HEAD(&s->clients);
	INIT_LIST_HEAD(&s->events);
	timer_setup(&s->timer, kmb_sampler_timer_fn, 0);
	tasklet_setup(&s->tasklet, kmb_sampler_tasklet_fn);
	INIT_WORK(&s->work, kmb_sampler_work_fn);
	s->period_ms = KMB_PERIOD_DEF_MS;
	s->hist_depth = clamp(hist_depth, 16U, 65536U);

	s->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(s->regs))
		return PTR_ERR(s->regs);

	ret = kmb_sampler_alloc_history(s);
	if (ret)
		return ret;

	s->scratch = (void *)get_zeroed_page(GFP_KERNEL);
	if (!s->scratch) {
		ret = -ENOMEM;
		goto err_free_hist;
	}

	writel(s->period_ms, s->regs + KMB_SMP_REG_PERIOD);
	writel(KMB_SMP_CTRL_EN, s->regs + KMB_SMP_REG_CTRL);

	s->misc.minor = MISC_DYNAMIC_MINOR;
	s->misc.name = "kmb_sampler";
	s->misc.fops = &kmb_sampler_fops;
	s->misc.parent = dev;
	platform_set_drvdata(pdev, s);

	ret = misc_register(&s->misc);
	if (ret) {
		dev_err(dev, "cannot register misc device: %d\n", ret);
		free_page((unsigned long)s->scratch);
		goto err_free_scratch;
	}
	return 0;

err_free_scratch:
	writel(0, s->regs + KMB_SMP_REG_CTRL);
	free_page((unsigned long)s->scratch);
err_free_hist:
	kfree(s->chan_min);
	vfree(s->hist);
	return ret;
}

static int kmb_sampler_remove(struct platform_device *pdev)
{
	struct kmb_sampler *s = platform_get_drvdata(pdev);
	struct kmb_event *ev, *etmp;
	struct kmb_batch *b, *btmp;

	misc_deregister(&s->misc);

	spin_lock_bh(&s->lock);
	s->running = false;
	spin_unlock_bh(&s->lock);
	del_timer_sync(&s->timer);
	tasklet_kill(&s->tasklet);
	cancel_work_sync(&s->work);
	writel(0, s->regs + KMB_SMP_REG_CTRL);

	list_for_each_entry_safe(b, btmp, &s->batches, node) {
		list_del(&b->node);
		kfree(b);
	}
	list_for_each_entry_safe(ev, etmp, &s->events, node) {
		list_del(&ev->node);
		kfree(ev);
	}

	/* wait for kmb_client_free_rcu() callbacks still in flight */
	rcu_barrier();

	free_pages((unsigned long)s->scratch, KMB_SCRATCH_ORDER);
	kfree(s->chan_min);
	vfree(s->hist);
	return 0;
}

static const struct of_device_id kmb_sampler_of_match[] = {
	{ .compatible = "kmb,periodic-sampler" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_sampler_of_match);

static struct platform_driver kmb_sampler_driver = {
	.probe	= kmb_sampler_probe,
	.remove	= kmb_sampler_remove,
	.driver	= {
		.name		= "kmb-sampler",
		.of_match_table	= kmb_sampler_of_match,
	},
};
module_platform_driver(kmb_sampler_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KMB periodic sampler misc device");
MODULE_AUTHOR("kmemlint bench");
