// SPDX-License-Identifier: GPL-2.0
/*
 * Character device interface for the KMB command processor.
 *
 * The command processor is a small offload engine that executes opcode
 * streams fetched from host memory.  Each open file gets its own command
 * queue and response area; commands are serialised on the device.  The
 * engine also raises asynchronous events (thermal, parity, watchdog) that
 * user space reads back with KMB_IOC_GET_EVENT.
 */

#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/idr.h>
#include <linux/dma-mapping.h>
#include <linux/ktime.h>
#include <linux/overflow.h>
#include <asm/unaligned.h>

#define KMB_CDEV_NAME		"kmbcmd"
#define KMB_CDEV_MAX_DEVS	8
#define KMB_CDEV_MAX_CTX	64

#define KMB_CDEV_REG_CTRL	0x000
#define KMB_CDEV_REG_STATUS	0x004
#define KMB_CDEV_REG_ISR	0x008
#define KMB_CDEV_REG_IMR	0x00c
#define  KMB_CDEV_IRQ_DONE	BIT(0)
#define  KMB_CDEV_IRQ_EVENT	BIT(1)
#define KMB_CDEV_REG_CMD_LO	0x010
#define KMB_CDEV_REG_CMD_HI	0x014
#define KMB_CDEV_REG_CMD_LEN	0x018
#define KMB_CDEV_REG_RESP_LO	0x01c
#define KMB_CDEV_REG_RESP_HI	0x020
#define KMB_CDEV_REG_DOORBELL	0x024
#define KMB_CDEV_REG_MODE	0x028
#define KMB_CDEV_REG_EV_CODE	0x030
#define KMB_CDEV_REG_EV_DETAIL	0x034
#define KMB_CDEV_REG_CHAN_STATS	0x100
#define KMB_CDEV_REG_KEY	0x200
#define KMB_CDEV_REG_TABLE	0x400
#define KMB_CDEV_REG_LOG	0x1000
#define KMB_CDEV_REG_SPACE	0x2000

#define KMB_CDEV_TABLE_REGS	0x400
#define KMB_CDEV_TABLE_MAX	256
#define KMB_CDEV_LOG_SIZE	4096
#define KMB_CDEV_NR_CHAN	16
#define KMB_CDEV_MAX_EVENTS	32
#define KMB_CDEV_TIMEOUT_MS	500
#define KMB_CDEV_BUF_MAX	(1024 * 1024)

/* per-context command queue (16 KiB) and response area (8 KiB) */
#define KMB_CDEV_CMDQ_ORDER	2
#define KMB_CDEV_RESP_ORDER	1
#define KMB_CDEV_CMDQ_SIZE	(PAGE_SIZE << KMB_CDEV_CMDQ_ORDER)
#define KMB_CDEV_RESP_SIZE	(PAGE_SIZE << KMB_CDEV_RESP_ORDER)

/* user ABI */
#define KMB_CDEV_KEY_LEN	32
#define KMB_CDEV_MODE_MAX	3

struct kmb_cdev_cmd {
	__u32 opcode;
	__u32 len;
	__u64 data;
	__u64 resp;
	__u32 resp_len;
	__u32 status;
};

struct kmb_cdev_entry {
	__u32 reg;
	__u32 val;
};

struct kmb_cdev_table {
	__u32 count;
	__u32 reserved;
	__u64 entries;
};

struct kmb_cdev_log_req {
	__u32 len;
	__u32 reserved;
	__u64 buf;
};

struct kmb_cdev_chan_stats {
	__u32 commands;
	__u32 errors;
	__u32 timeouts;
	__u32 reserved;
};

struct kmb_cdev_stats {
	struct kmb_cdev_chan_stats chan[KMB_CDEV_NR_CHAN];
	__u32 open_files;
	__u32 pending_events;
};

struct kmb_cdev_event_info {
	__u32 code;
	__u32 detail;
	__u64 timestamp;
};

#define KMB_IOC_MAGIC		'K'
#define KMB_IOC_SUBMIT		_IOWR(KMB_IOC_MAGIC, 1, struct kmb_cdev_cmd)
#define KMB_IOC_SET_BUFSIZE	_IOW(KMB_IOC_MAGIC, 2, __u32)
#define KMB_IOC_LOAD_TABLE	_IOW(KMB_IOC_MAGIC, 3, struct kmb_cdev_table)
#define KMB_IOC_SET_KEY		_IOW(KMB_IOC_MAGIC, 4, __u8[KMB_CDEV_KEY_LEN])
#define KMB_IOC_SET_MODE	_IOW(KMB_IOC_MAGIC, 5, __u32)
#define KMB_IOC_READ_LOG	_IOW(KMB_IOC_MAGIC, 6, struct kmb_cdev_log_req)
#define KMB_IOC_GET_STATS	_IOR(KMB_IOC_MAGIC, 7, struct kmb_cdev_stats)
#define KMB_IOC_GET_EVENT	_IOR(KMB_IOC_MAGIC, 8, struct kmb_cdev_event_info)
#define KMB_IOC_DUMP_REGS	_IOW(KMB_IOC_MAGIC, 9, __u64)

struct kmb_cdev_event {
	struct list_head node;
	struct kmb_cdev_event_info info;
};

struct kmb_cdev {
	struct device *dev;
	struct device *chrdev;
	void __iomem *regs;
	int irq;
	const char *name;

	struct cdev cdev;
	dev_t devt;
	struct ida ctx_ida;
	atomic_t open_files;

	/* protects the key window and the MODE register */
	spinlock_t reg_lock;
	/* one command in flight on the engine */
	struct mutex hw_lock;
	struct completion done;

	/* protects events and nr_events */
	struct mutex ev_lock;
	struct list_head events;
	unsigned int nr_events;

	u8 key[KMB_CDEV_KEY_LEN];
};

struct kmb_cdev_ctx {
	struct kmb_cdev *kdev;
	/* serialises ioctl, read and write on this file */
	struct mutex lock;
	int id;
	unsigned long cmdq;
	unsigned long resp;
	u8 *buf;
	size_t buf_size;
};

static dev_t kmb_cdev_devt;
static struct class *kmb_cdev_class;
static DEFINE_IDA(kmb_cdev_minors);

/* --- engine access ---------------------------------------------------- */

static int kmb_cdev_run(struct kmb_cdev *kdev, struct kmb_cdev_ctx *ctx,
			u32 opcode, u32 len, u32 *status)
{
	dma_addr_t cmd_dma, resp_dma;
	unsigned long left;
	int ret = 0;

	cmd_dma = dma_map_single(kdev->dev, (void *)ctx->cmdq, len, DMA_TO_DEVICE);
	if (dma_mapping_error(kdev->dev, cmd_dma))
		return -ENOMEM;

	resp_dma = dma_map_single(kdev->dev, (void *)ctx->resp, KMB_CDEV_RESP_SIZE,
				  DMA_FROM_DEVICE);
	if (dma_mapping_error(kdev->dev, resp_dma)) {
		ret = -ENOMEM;
		goto out_unmap_cmd;
	}

	mutex_lock(&kdev->hw_lock);
	reinit_completion(&kdev->done);
	writel(lower_32_bits(cmd_dma), kdev->regs + KMB_CDEV_REG_CMD_LO);
	writel(upper_32_bits(cmd_dma), kdev->regs + KMB_CDEV_REG_CMD_HI);
	writel(len, kdev->regs + KMB_CDEV_REG_CMD_LEN);
	writel(lower_32_bits(resp_dma), kdev->regs + KMB_CDEV_REG_RESP_LO);
	writel(upper_32_bits(resp_dma), kdev->regs + KMB_CDEV_REG_RESP_HI);
	writel(opcode, kdev->regs + KMB_CDEV_REG_DOORBELL);

	left = wait_for_completion_timeout(&kdev->done,
					   msecs_to_jiffies(KMB_CDEV_TIMEOUT_MS));
	if (!left)
		ret = -ETIMEDOUT;
	*status = readl(kdev->regs + KMB_CDEV_REG_STATUS);
	mutex_unlock(&kdev->hw_lock);

	dma_unmap_single(kdev->dev, resp_dma, KMB_CDEV_RESP_SIZE, DMA_FROM_DEVICE);
out_unmap_cmd:
	dma_unmap_single(kdev->dev, cmd_dma, len, DMA_TO_DEVICE);
	return ret;
}

static irqreturn_t kmb_cdev_irq(int irq, void *data)
{
	struct kmb_cdev *kdev = data;
	irqreturn_t ret = IRQ_HANDLED;
	u32 isr;

	isr = readl(kdev->regs + KMB_CDEV_REG_ISR);
	if (!isr)
		return IRQ_NONE;

	if (isr & KMB_CDEV_IRQ_DONE) {
		writel(KMB_CDEV_IRQ_DONE, kdev->regs + KMB_CDEV_REG_ISR);
		complete(&kdev->done);
	}

	if (isr & KMB_CDEV_IRQ_EVENT) {
		/* masked until the thread has fetched the event registers */
		writel(KMB_CDEV_IRQ_DONE, kdev->regs + KMB_CDEV_REG_IMR);
		ret = IRQ_WAKE_THREAD;
	}
	return ret;
}

static irqreturn_t kmb_cdev_irq_thread(int irq, void *data)
{
	struct kmb_cdev *kdev = data;
	struct kmb_cdev_event *ev, *old = NULL;

	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev) {
		dev_warn_ratelimited(kdev->dev, "event lost, out of memory\n");
		goto out_ack;
	}

	ev->info.code = readl(kdev->regs + KMB_CDEV_REG_EV_CODE);
	ev->info.detail = readl(kdev->regs + KMB_CDEV_REG_EV_DETAIL);
	ev->info.timestamp = ktime_get_ns();

	mutex_lock(&kdev->ev_lock);
	if (kdev->nr_events >= KMB_CDEV_MAX_EVENTS) {
		/* keep the newest events */
		old = list_first_entry(&kdev->events, struct kmb_cdev_event, node);
		list_del(&old->node);
		kdev->nr_events--;
	}
	list_add_tail(&ev->node, &kdev->events);
	kdev->nr_events++;
	mutex_unlock(&kdev->ev_lock);
	kfree(old);

out_ack:
	writel(KMB_CDEV_IRQ_EVENT, kdev->regs + KMB_CDEV_REG_ISR);
	writel(KMB_CDEV_IRQ_DONE | KMB_CDEV_IRQ_EVENT, kdev->regs + KMB_CDEV_REG_IMR);
	return IRQ_HANDLED;
}

/* --- ioctl helpers ---------------------------------------------------- */

static int kmb_cdev_submit(struct kmb_cdev_ctx *ctx, void __user *argp)
{
	struct kmb_cdev_cmd cmd;
	void *payload;
	int ret;

	if (copy_from_user(&cmd, argp, sizeof(cmd)))
		return -EFAULT;
	if (cmd.len < sizeof(u32) || cmd.len > KMB_CDEV_CMDQ_SIZE ||
	    cmd.resp_len > KMB_CDEV_RESP_SIZE)
		return -EINVAL;

	mutex_lock(&ctx->lock);

	/*
	 * Stage the stream in kernel memory and validate it there, so that
	 * user space cannot change it between the check and the fetch.
	 */
	payload = kmalloc(cmd.len, GFP_KERNEL);
	if (!payload) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	if (copy_from_user(payload, u64_to_user_ptr(cmd.data), cmd.len)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	if (get_unaligned_le32(payload) != cmd.opcode) {
		ret = -EINVAL;
		goto out_free;
	}

	memcpy((void *)ctx->cmdq, payload, cmd.len);
	ret = kmb_cdev_run(ctx->kdev, ctx, cmd.opcode, cmd.len, &cmd.status);
	if (ret)
		goto out_free;

	if (cmd.resp_len &&
	    copy_to_user(u64_to_user_ptr(cmd.resp), (void *)ctx->resp, cmd.resp_len)) {
		ret = -EFAULT;
		goto out_free;
	}
	if (copy_to_user(argp, &cmd, sizeof(cmd)))
		ret = -EFAULT;

out_free:
	kfree(payload);
out_unlock:
	mutex_unlock(&ctx->lock);
	return ret;
}

static int kmb_cdev_resize(struct kmb_cdev_ctx *ctx, u32 size)
{
	if (!size || size > KMB_CDEV_BUF_MAX)
		return -EINVAL;

	mutex_lock(&ctx->lock);
	ctx->buf = krealloc(ctx->buf, size, GFP_KERNEL);
	if (size > ctx->buf_size)
		memset(ctx->buf + ctx->buf_size, 0, size - ctx->buf_size);
	ctx->buf_size = size;
	mutex_unlock(&ctx->lock);
	return 0;
}

static int kmb_cdev_check_table(struct kmb_cdev *kdev, struct kmb_cdev_entry *tbl,
				u32 count)
{
	u32 i;

	for (i = 0; i < count; i++) {
		if (tbl[i].reg >= KMB_CDEV_TABLE_REGS || (tbl[i].reg & 3)) {
			dev_dbg(kdev->dev, "table entry %u: bad register %#x\n",
				i, tbl[i].reg);
			kfree(tbl);
			return -EINVAL;
		}
	}
	return 0;
}

static int kmb_cdev_load_table(struct kmb_cdev *kdev, void __user *argp)
{
	struct kmb_cdev_entry *tbl;
	struct kmb_cdev_table hdr;
	u32 i;
	int ret;

	if (copy_from_user(&hdr, argp, sizeof(hdr)))
		return -EFAULT;
	if (!hdr.count || hdr.count > KMB_CDEV_TABLE_MAX)
		return -EINVAL;

	tbl = kmalloc_array(hdr.count, sizeof(*tbl), GFP_KERNEL);
	if (!tbl)
		return -ENOMEM;

	if (copy_from_user(tbl, u64_to_user_ptr(hdr.entries),
			   array_size(hdr.count, sizeof(*tbl)))) {
		ret = -EFAULT;
		goto out;
	}

	ret = kmb_cdev_check_table(kdev, tbl, hdr.count);
	if (ret)
		goto out;

	mutex_lock(&kdev->hw_lock);
	for (i = 0; i < hdr.count; i++)
		writel(tbl[i].val, kdev->regs + KMB_CDEV_REG_TABLE + tbl[i].reg);
	mutex_unlock(&kdev->hw_lock);
out:
	kfree(tbl);
	return ret;
}

static int kmb_cdev_set_key(struct kmb_cdev *kdev, void __user *argp)
{
	unsigned long flags;
	int i, ret = 0;

	spin_lock_irqsave(&kdev->reg_lock, flags);
	if (copy_from_user(kdev->key, argp, sizeof(kdev->key))) {
		ret = -EFAULT;
		goto out;
	}
	for (i = 0; i < KMB_CDEV_KEY_LEN; i += 4)
		writel(get_unaligned_le32(&kdev->key[i]),
		       kdev->regs + KMB_CDEV_REG_KEY + i);
out:
	spin_unlock_irqrestore(&kdev->reg_lock, flags);
	return ret;
}

static int kmb_cdev_set_mode(struct kmb_cdev *kdev, u32 __user *argp)
{
	unsigned long flags;
	u32 mode;

	if (get_user(mode, argp))
		return -EFAULT;
	if (mode > KMB_CDEV_MODE_MAX)
		return -EINVAL;

	spin_lock_irqsave(&kdev->reg_lock, flags);
	writel(mode, kdev->regs + KMB_CDEV_REG_MODE);
	spin_unlock_irqrestore(&kdev->reg_lock, flags);
	return 0;
}

static int kmb_cdev_read_log(struct kmb_cdev *kdev, void __user *argp)
{
	struct kmb_cdev_log_req req;
	u32 i, words;
	u32 *log;
	int ret = 0;

	if (copy_from_user(&req, argp, sizeof(req)))
		return -EFAULT;
	if (!req.len || req.len > KMB_CDEV_LOG_SIZE)
		return -EINVAL;

	words = DIV_ROUND_UP(req.len, sizeof(u32));
	log = kmalloc_array(words, sizeof(u32), GFP_KERNEL);
	if (!log)
		return -ENOMEM;

	mutex_lock(&kdev->hw_lock);
	for (i = 0; i < words; i++)
		log[i] = readl(kdev->regs + KMB_CDEV_REG_LOG + i * sizeof(u32));
	mutex_unlock(&kdev->hw_lock);

	if (copy_to_user(u64_to_user_ptr(req.buf), log, req.len))
		ret = -EFAULT;
	vfree(log);
	return ret;
}

static int kmb_cdev_get_stats(struct kmb_cdev *kdev, void __user *argp)
{
	struct kmb_cdev_stats *st;
	void __iomem *base;
	int i, ret = 0;

	st = kmalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	memset(st, 0, sizeof(*st));

	for (i = 0; i < KMB_CDEV_NR_CHAN; i++) {
		base = kdev->regs + KMB_CDEV_REG_CHAN_STATS + i * 16;
		st->chan[i].commands = readl(base);
		st->chan[i].errors = readl(base + 4);
		st->chan[i].timeouts = readl(base + 8);
	}
	st->open_files = atomic_read(&kdev->open_files);

	mutex_lock(&kdev->ev_lock);
	st->pending_events = kdev->nr_events;
	mutex_unlock(&kdev->ev_lock);

	if (copy_to_user(argp, st, sizeof(*st)))
		ret = -EFAULT;
	kfree(st);
	return ret;
}

static int kmb_cdev_get_event(struct kmb_cdev *kdev, void __user *argp)
{
	struct kmb_cdev_event_info info;
	struct kmb_cdev_event *ev;

	mutex_lock(&kdev->ev_lock);
	ev = list_first_entry_or_null(&kdev->events, struct kmb_cdev_event, node);
	if (ev) {
		list_del(&ev->node);
		kdev->nr_events--;
	}
	mutex_unlock(&kdev->ev_lock);

	if (!ev)
		return -EAGAIN;

	info = ev->info;
	kfree(ev);

	if (copy_to_user(argp, &info, sizeof(info)))
		return -EFAULT;
	return 0;
}

/* Snapshot of the whole register file, for the vendor debug tool. */
static int kmb_cdev_dump_regs(struct kmb_cdev *kdev, u64 __user *argp)
{
	u64 uaddr;
	u32 *snap;
	int i, ret = 0;

	if (get_user(uaddr, argp))
		return -EFAULT;

	snap = kvmalloc(KMB_CDEV_REG_SPACE, GFP_KERNEL);
	if (!snap)
		return -ENOMEM;

	mutex_lock(&kdev->hw_lock);
	for (i = 0; i < KMB_CDEV_REG_SPACE / 4; i++)
		snap[i] = readl(kdev->regs + i * 4);
	mutex_unlock(&kdev->hw_lock);

	if (copy_to_user(u64_to_user_ptr(uaddr), snap, KMB_CDEV_REG_SPACE))
		ret = -EFAULT;
	kvfree(snap);
	return ret;
}

/* --- file operations -------------------------------------------------- */

static long kmb_cdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kmb_cdev_ctx *ctx = file->private_data;
	struct kmb_cdev *kdev = ctx->kdev;
	void __user *argp = (void __user *)arg;
	u32 size;

	switch (cmd) {
	case KMB_IOC_SUBMIT:
		return kmb_cdev_submit(ctx, argp);
	case KMB_IOC_SET_BUFSIZE:
		if (get_user(size, (u32 __user *)argp))
			return -EFAULT;
		return kmb_cdev_resize(ctx, size);
	case KMB_IOC_LOAD_TABLE:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		return kmb_cdev_load_table(kdev, argp);
	case KMB_IOC_SET_KEY:
		return kmb_cdev_set_key(kdev, argp);
	case KMB_IOC_SET_MODE:
		return kmb_cdev_set_mode(kdev, argp);
	case KMB_IOC_READ_LOG:
		return kmb_cdev_read_log(kdev, argp);
	case KMB_IOC_GET_STATS:
		return kmb_cdev_get_stats(kdev, argp);
	case KMB_IOC_GET_EVENT:
		return kmb_cdev_get_event(kdev, argp);
	case KMB_IOC_DUMP_REGS:
		if (!capable(CAP_SYS_RAWIO))
			return -EPERM;
		return kmb_cdev_dump_regs(kdev, argp);
	default:
		return -ENOTTY;
	}
}

static ssize_t kmb_cdev_read(struct file *file, char __user *ubuf, size_t count,
			     loff_t *ppos)
{
	struct kmb_cdev_ctx *ctx = file->private_data;
	ssize_t ret;

	mutex_lock(&ctx->lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, ctx->buf, ctx->buf_size);
	mutex_unlock(&ctx->lock);
	return ret;
}

static ssize_t kmb_cdev_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct kmb_cdev_ctx *ctx = file->private_data;
	ssize_t ret;

	mutex_lock(&ctx->lock);
	ret = simple_write_to_buffer(ctx->buf, ctx->buf_size, ppos, ubuf, count);
	mutex_unlock(&ctx->lock);
	return ret;
}

static int kmb_cdev_open(struct inode *inode, struct file *file)
{
	struct kmb_cdev *kdev = container_of(inode->i_cdev, struct kmb_cdev, cdev);
	struct kmb_cdev_ctx *ctx;
	int ret;

	if (!(ctx = kzalloc(sizeof(*ctx), GFP_KERNEL)))
		return -ENOMEM;
	ctx->kdev = kdev;
	mutex_init(&ctx->lock);

	ctx->cmdq = __get_free_pages(GFP_KERNEL | __GFP_ZERO, KMB_CDEV_CMDQ_ORDER);
	if (!ctx->cmdq) {
		ret = -ENOMEM;
		goto err_free_ctx;
	}

	ctx->resp = __get_free_pages(GFP_KERNEL | __GFP_ZERO, KMB_CDEV_RESP_ORDER);
	if (!ctx->resp) {
		ret = -ENOMEM;
		goto err_free_cmdq;
	}

	ret = ida_alloc_max(&kdev->ctx_ida, KMB_CDEV_MAX_CTX - 1, GFP_KERNEL);
	if (ret < 0)
		goto err_free_resp;
	ctx->id = ret;

	atomic_inc(&kdev->open_files);
	file->private_data = ctx;
	return 0;

err_free_resp:
	free_pages(ctx->resp, KMB_CDEV_CMDQ_ORDER);
err_free_cmdq:
	free_pages(ctx->cmdq, KMB_CDEV_CMDQ_ORDER);
err_free_ctx:
	kfree(ctx);
	return ret;
}

static int kmb_cdev_release(struct inode *inode, struct file *file)
{
	struct kmb_cdev_ctx *ctx = file->private_data;
	struct kmb_cdev *kdev = ctx->kdev;

	atomic_dec(&kdev->open_files);
	kfree(ctx->buf);
	free_pages(ctx->resp, KMB_CDEV_RESP_ORDER);
	free_pages(ctx->cmdq, KMB_CDEV_CMDQ_ORDER);
	mutex_destroy(&ctx->lock);
	kfree(ctx);
	ida_free(&kdev->ctx_ida, ctx->id);
	return 0;
}

static const struct file_operations kmb_cdev_fops = {
	.owner		= THIS_MODULE,
	.open		= kmb_cdev_open,
	.release	= kmb_cdev_release,
	.read		= kmb_cdev_read,
	.write		= kmb_cdev_write,
	.llseek		= default_llseek,
	.unlocked_ioctl	= kmb_cdev_ioctl,
	.compat_ioctl	= compat_ptr_ioctl,
};

/* --- platform driver -------------------------------------------------- */

static int kmb_cdev_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kmb_cdev *kdev;
	int minor, ret;

	kdev = devm_kzalloc(dev, sizeof(*kdev), GFP_KERNEL);
	if (!kdev)
		return -ENOMEM;

	kdev->dev = dev;
	spin_lock_init(&kdev->reg_lock);
	mutex_init(&kdev->hw_lock);
	mutex_init(&kdev->ev_lock);
	init_completion(&kdev->done);
	INIT_LIST_HEAD(&kdev->events);
	ida_init(&kdev->ctx_ida);

	kdev->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(kdev->regs))
		return PTR_ERR(kdev->regs);

	kdev->irq = platform_get_irq(pdev, 0);
	if (kdev->irq < 0)
		return kdev->irq;

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(40));
	if (ret)
		return dev_err_probe(dev, ret, "no suitable DMA mask\n");

	writel(0, kdev->regs + KMB_CDEV_REG_IMR);
	ret = devm_request_threaded_irq(dev, kdev->irq, kmb_cdev_irq,
					kmb_cdev_irq_thread, IRQF_SHARED,
					dev_name(dev), kdev);
	if (ret)
		return dev_err_probe(dev, ret, "cannot request irq %d\n", kdev->irq);

	minor = ida_alloc_max(&kmb_cdev_minors, KMB_CDEV_MAX_DEVS - 1, GFP_KERNEL);
	if (minor < 0)
		return minor;

	kdev->name = devm_kasprintf(dev, GFP_KERNEL, KMB_CDEV_NAME "%d", minor);
	if (!kdev->name) {
		ret = -ENOMEM;
		goto err_free_minor;
	}

	kdev->devt = MKDEV(MAJOR(kmb_cdev_devt), minor);
	cdev_init(&kdev->cdev, &kmb_cdev_fops);
	kdev->cdev.owner = THIS_MODULE;
	ret = cdev_add(&kdev->cdev, kdev->devt, 1);
	if (ret)
		goto err_free_minor;

	kdev->chrdev = device_create(kmb_cdev_class, dev, kdev->devt, kdev,
				     "%s", kdev->name);
	if (IS_ERR(kdev->chrdev)) {
		ret = PTR_ERR(kdev->chrdev);
		goto err_cdev_del;
	}

	platform_set_drvdata(pdev, kdev);
	writel(KMB_CDEV_IRQ_DONE | KMB_CDEV_IRQ_EVENT, kdev->regs + KMB_CDEV_REG_IMR);
	dev_info(dev, "command processor registered as /dev/%s\n", kdev->name);
	return 0;

err_cdev_del:
	cdev_del(&kdev->cdev);
err_free_minor:
	ida_free(&kmb_cdev_minors, minor);
	return ret;
}

static int kmb_cdev_remove(struct platform_device *pdev)
{
	struct kmb_cdev *kdev = platform_get_drvdata(pdev);
	struct kmb_cdev_event *ev, *tmp;

	writel(0, kdev->regs + KMB_CDEV_REG_IMR);
	synchronize_irq(kdev->irq);

	device_destroy(kmb_cdev_class, kdev->devt);
	cdev_del(&kdev->cdev);
	ida_free(&kmb_cdev_minors, MINOR(kdev->devt));

	mutex_lock(&kdev->ev_lock);
	list_for_each_entry_safe(ev, tmp, &kdev->events, node) {
		list_del(&ev->node);
		kfree(ev);
	}
	kdev->nr_events = 0;
	mutex_unlock(&kdev->ev_lock);

	ida_destroy(&kdev->ctx_ida);
	return 0;
}

static const struct of_device_id kmb_cdev_of_match[] = {
	{ .compatible = "kmb,cmd-processor" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_cdev_of_match);

static struct platform_driver kmb_cdev_driver = {
	.probe	= kmb_cdev_probe,
	.remove	= kmb_cdev_remove,
	.driver	= {
		.name		= "kmb-cmdproc",
		.of_match_table	= kmb_cdev_of_match,
	},
};

static int __init kmb_cdev_init(void)
{
	int ret;

	ret = alloc_chrdev_region(&kmb_cdev_devt, 0, KMB_CDEV_MAX_DEVS, KMB_CDEV_NAME);
	if (ret)
		return ret;

	kmb_cdev_class = class_create(THIS_MODULE, KMB_CDEV_NAME);
	if (IS_ERR(kmb_cdev_class)) {
		ret = PTR_ERR(kmb_cdev_class);
		goto err_unregister_region;
	}

	ret = platform_driver_register(&kmb_cdev_driver);
	if (ret)
		goto err_destroy_class;
	return 0;

err_destroy_class:
	class_destroy(kmb_cdev_class);
err_unregister_region:
	unregister_chrdev_region(kmb_cdev_devt, KMB_CDEV_MAX_DEVS);
	return ret;
}
module_init(kmb_cdev_init);

static void __exit kmb_cdev_exit(void)
{
	platform_driver_unregister(&kmb_cdev_driver);
	class_destroy(kmb_cdev_class);
	unregister_chrdev_region(kmb_cdev_devt, KMB_CDEV_MAX_DEVS);
	ida_destroy(&kmb_cdev_minors);
}
module_exit(kmb_cdev_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KMB command processor character device");
MODULE_AUTHOR("kmemlint bench");
