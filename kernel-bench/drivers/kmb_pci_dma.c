// SPDX-License-Identifier: GPL-2.0
/*
 * KMB PCIe DMA streaming card
 *
 * The card moves data between host memory and an on-board FIFO through two
 * descriptor rings: a TX ring the host fills with buffers to send and an RX
 * ring the host keeps stocked with empty page-sized buffers. Completions are
 * signalled with a single MSI vector; the handler only records the status
 * and defers the ring processing to an ordered workqueue.
 *
 * Userspace talks to the card through a misc device: KMB_DMA_IOC_XFER sends
 * a buffer and waits for its completion, read() returns received frames.
 */

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioctl.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#define PCI_VENDOR_ID_KMB		0x1e7a
#define PCI_DEVICE_ID_KMB_DMA		0x0d10
#define PCI_DEVICE_ID_KMB_DMA2		0x0d11

#define KMB_DMA_CTRL			0x00
#define KMB_DMA_CTRL_RUN		BIT(0)
#define KMB_DMA_CTRL_RESET		BIT(1)
#define KMB_DMA_IRQ_STATUS		0x04
#define KMB_DMA_IRQ_TX_DONE		BIT(0)
#define KMB_DMA_IRQ_RX_DONE		BIT(1)
#define KMB_DMA_IRQ_ERROR		BIT(31)
#define KMB_DMA_IRQ_MASK		0x08
#define KMB_DMA_TX_BASE_LO		0x10
#define KMB_DMA_TX_BASE_HI		0x14
#define KMB_DMA_TX_SIZE			0x18
#define KMB_DMA_TX_HEAD			0x1c
#define KMB_DMA_TX_TAIL			0x20
#define KMB_DMA_RX_BASE_LO		0x30
#define KMB_DMA_RX_BASE_HI		0x34
#define KMB_DMA_RX_SIZE			0x38
#define KMB_DMA_RX_HEAD			0x3c
#define KMB_DMA_RX_TAIL			0x40

#define KMB_DMA_RING_SIZE		256
#define KMB_RX_BUF_ORDER		2
#define KMB_RX_BUF_SIZE			(PAGE_SIZE << KMB_RX_BUF_ORDER)
#define KMB_DMA_MAX_XFER		(64 * 1024)
#define KMB_DMA_MAX_RX_QUEUED		128
#define KMB_DMA_XFER_TIMEOUT		(2 * HZ)
#define KMB_DMA_MAX_OPEN		8

#define KMB_DESC_OWN			BIT(31)
#define KMB_DESC_ERR			BIT(30)
#define KMB_DESC_LEN_MASK		0x00ffffff

struct kmb_dma_xfer {
	__u64 buf;
	__u32 len;
	__u32 flags;
};

#define KMB_DMA_IOC_XFER		_IOW('k', 0x01, struct kmb_dma_xfer)
#define KMB_DMA_IOC_RESET		_IO('k', 0x02)

struct kmb_dma_desc {
	__le64 addr;
	__le32 ctrl;
	__le32 cookie;
};

struct kmb_dma_ring {
	struct kmb_dma_desc *desc;
	dma_addr_t desc_dma;
	unsigned int size;
	unsigned int head;
	unsigned int tail;
	unsigned long *bufs;
	dma_addr_t *buf_dma;
};

struct kmb_dma_req {
	struct list_head node;
	struct completion done;
	void *data;
	size_t len;
	dma_addr_t dma;
	u32 cookie;
	int status;
};

struct kmb_dma_irq_event {
	struct list_head node;
	u32 status;
};

struct kmb_dma_rx_msg {
	struct list_head node;
	size_t len;
	u8 data[];
};

struct kmb_dma_dev {
	struct pci_dev *pdev;
	void __iomem *regs;
	int irq;

	spinlock_t lock;		/* rings, pending, irq_events, rx_queue */
	struct kmb_dma_ring tx;
	struct kmb_dma_ring rx;
	struct list_head pending;
	struct list_head irq_events;
	struct list_head rx_queue;
	unsigned int rx_queued;
	u32 next_cookie;
	u64 *tx_stamp;

	struct workqueue_struct *wq;
	struct work_struct done_work;

	struct mutex xfer_lock;		/* one synchronous transfer at a time */
	struct mutex stats_lock;
	u64 *hist;
	unsigned int nbins;

	struct miscdevice misc;
	atomic_t open_count;
};

struct kmb_dma_ctx {
	struct kmb_dma_dev *dd;
	unsigned int nxfers;
};

static inline u32 kmb_dma_read(struct kmb_dma_dev *dd, unsigned int reg)
{
	return readl(dd->regs + reg);
}

static inline void kmb_dma_write(struct kmb_dma_dev *dd, unsigned int reg, u32 val)
{
	writel(val, dd->regs + reg);
}

static struct kmb_dma_req *kmb_dma_req_alloc(size_t len)
{
	struct kmb_dma_req *req;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return NULL;

	req->data = kmalloc(len, GFP_KERNEL);
	if (!req->data) {
		kfree(req);
		return NULL;
	}
	memset(req->data, 0, len);

	INIT_LIST_HEAD(&req->node);
	init_completion(&req->done);
	req->len = len;
	return req;
}

static void kmb_dma_req_free(struct kmb_dma_req *req)
{
	kfree(req->data);
	kfree(req);
}

/*
 * Queue a request on the TX ring. On success the request belongs to the
 * ring until the completion work signals req->done; on failure it is left
 * to the caller.
 */
static int kmb_dma_submit(struct kmb_dma_dev *dd, struct kmb_dma_req *req)
{
	struct device *dev = &dd->pdev->dev;
	struct kmb_dma_ring *ring = &dd->tx;
	struct kmb_dma_desc *desc;
	unsigned long flags;

	req->dma = dma_map_single(dev, req->data, req->len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, req->dma))
		return -EIO;

	spin_lock_irqsave(&dd->lock, flags);
	if (((ring->head + 1) % ring->size) == ring->tail) {
		spin_unlock_irqrestore(&dd->lock, flags);
		dma_unmap_single(dev, req->dma, req->len, DMA_TO_DEVICE);
		return -EBUSY;
	}

	req->cookie = dd->next_cookie++;
	desc = &ring->desc[ring->head];
	desc->addr = cpu_to_le64(req->dma);
	desc->cookie = cpu_to_le32(req->cookie);
	dma_wmb();
	desc->ctrl = cpu_to_le32(KMB_DESC_OWN | (req->len & KMB_DESC_LEN_MASK));
	dd->tx_stamp[ring->head] = ktime_get_ns();
	ring->head = (ring->head + 1) % ring->size;
	list_add_tail(&req->node, &dd->pending);
	kmb_dma_write(dd, KMB_DMA_TX_HEAD, ring->head);
	spin_unlock_irqrestore(&dd->lock, flags);

	return 0;
}

/* Pull a timed-out request back off the pending list. */
static void kmb_dma_abort(struct kmb_dma_dev *dd, struct kmb_dma_req *req)
{
	unsigned long flags;

	kmb_dma_write(dd, KMB_DMA_CTRL, KMB_DMA_CTRL_RESET);
	spin_lock_irqsave(&dd->lock, flags);
	if (!list_empty(&req->node))
		list_del_init(&req->node);
	dd->tx.head = 0;
	dd->tx.tail = 0;
	spin_unlock_irqrestore(&dd->lock, flags);
	kmb_dma_write(dd, KMB_DMA_CTRL, KMB_DMA_CTRL_RUN);
}

static void kmb_dma_account(struct kmb_dma_dev *dd, size_t len)
{
	unsigned int bin;

	mutex_lock(&dd->stats_lock);
	if (dd->hist && dd->nbins) {
		bin = min_t(unsigned int, fls(len), dd->nbins - 1);
		dd->hist[bin]++;
	}
	mutex_unlock(&dd->stats_lock);
}

static long kmb_dma_ioctl_xfer(struct kmb_dma_ctx *ctx, void __user *argp)
{
	struct kmb_dma_dev *dd = ctx->dd;
	struct device *dev = &dd->pdev->dev;
	struct kmb_dma_xfer x;
	struct kmb_dma_req *req;
	long ret;

	if (copy_from_user(&x, argp, sizeof(x)))
		return -EFAULT;
	if (!x.len || x.len > KMB_DMA_MAX_XFER)
		return -EINVAL;

	mutex_lock(&dd->xfer_lock);
	req = kmb_dma_req_alloc(x.len);
	if (!req) {
		ret = -ENOMEM;
		goto out_unlock;
	}

	if (copy_from_user(req->data, u64_to_user_ptr(x.buf), x.len)) {
		ret = -EFAULT;
		goto err_free;
	}

	ret = kmb_dma_submit(dd, req);
	if (ret)
		goto err_free;

	if (!wait_for_completion_timeout(&req->done, KMB_DMA_XFER_TIMEOUT)) {
		kmb_dma_abort(dd, req);
		ret = -ETIMEDOUT;
	} else {
		ret = req->status;
	}
	dma_unmap_single(dev, req->dma, req->len, DMA_TO_DEVICE);
	if (!ret) {
		ctx->nxfers++;
		kmb_dma_account(dd, req->len);
	}

err_free:
	kmb_dma_req_free(req);
out_unlock:
	mutex_unlock(&dd->xfer_lock);
	return ret;
}

static void kmb_dma_reap_tx(struct kmb_dma_dev *dd)
{
	struct kmb_dma_ring *ring = &dd->tx;
	struct kmb_dma_req *req, *tmp;
	unsigned int hw_tail;

	spin_lock_irq(&dd->lock);
	hw_tail = kmb_dma_read(dd, KMB_DMA_TX_TAIL) % ring->size;
	while (ring->tail != hw_tail) {
		struct kmb_dma_desc *desc = &ring->desc[ring->tail];
		u32 ctrl = le32_to_cpu(desc->ctrl);
		u32 cookie = le32_to_cpu(desc->cookie);

		list_for_each_entry_safe(req, tmp, &dd->pending, node) {
			if (req->cookie != cookie)
				continue;
			list_del_init(&req->node);
			req->status = (ctrl & KMB_DESC_ERR) ? -EIO : 0;
			complete(&req->done);
			break;
		}
		ring->tail = (ring->tail + 1) % ring->size;
	}
	spin_unlock_irq(&dd->lock);
}

static void kmb_dma_rx_poll(struct kmb_dma_dev *dd)
{
	struct device *dev = &dd->pdev->dev;
	struct kmb_dma_ring *ring = &dd->rx;
	struct kmb_dma_rx_msg *msg;
	unsigned int idx;
	size_t len;
	u32 ctrl;

	for (;;) {
		spin_lock_irq(&dd->lock);
		idx = ring->tail;
		ctrl = le32_to_cpu(ring->desc[idx].ctrl);
		spin_unlock_irq(&dd->lock);

		if (ctrl & KMB_DESC_OWN)
			break;

		len = min_t(size_t, ctrl & KMB_DESC_LEN_MASK, KMB_RX_BUF_SIZE);
		msg = kmalloc(struct_size(msg, data, len), GFP_KERNEL);
		if (msg) {
			dma_sync_single_for_cpu(dev, ring->buf_dma[idx],
						KMB_RX_BUF_SIZE, DMA_FROM_DEVICE);
			memcpy(msg->data, (void *)ring->bufs[idx], len);
			msg->len = len;
		}

		spin_lock_irq(&dd->lock);
		if (msg && dd->rx_queued < KMB_DMA_MAX_RX_QUEUED) {
			list_add_tail(&msg->node, &dd->rx_queue);
			dd->rx_queued++;
			msg = NULL;
		}
		/* Give the buffer back to the card. */
		ring->desc[idx].ctrl = cpu_to_le32(KMB_DESC_OWN);
		ring->tail = (idx + 1) % ring->size;
		kmb_dma_write(dd, KMB_DMA_RX_TAIL, ring->tail);
		spin_unlock_irq(&dd->lock);

		kfree(msg);
	}
}

static void kmb_dma_done_work(struct work_struct *work)
{
	struct kmb_dma_dev *dd = container_of(work, struct kmb_dma_dev, done_work);
	struct kmb_dma_irq_event *ev, *tmp;
	LIST_HEAD(events);
	u32 status = 0;

	spin_lock_irq(&dd->lock);
	list_splice_init(&dd->irq_events, &events);
	spin_unlock_irq(&dd->lock);

	list_for_each_entry_safe(ev, tmp, &events, node) {
		status |= ev->status;
		list_del(&ev->node);
		kfree(ev);
	}

	if (status & KMB_DMA_IRQ_ERROR)
		dev_warn_ratelimited(&dd->pdev->dev, "DMA error, status %#x\n",
				     status);
	if (status & KMB_DMA_IRQ_TX_DONE)
		kmb_dma_reap_tx(dd);
	if (status & KMB_DMA_IRQ_RX_DONE)
		kmb_dma_rx_poll(dd);
}

static irqreturn_t kmb_dma_irq(int irq, void *data)
{
	struct kmb_dma_dev *dd = data;
	struct kmb_dma_irq_event *ev;
	u32 status;

	status = kmb_dma_read(dd, KMB_DMA_IRQ_STATUS);
	if (!status)
		return IRQ_NONE;
	kmb_dma_write(dd, KMB_DMA_IRQ_STATUS, status);

	ev = kmalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return IRQ_HANDLED;
	ev->status = status;

	spin_lock(&dd->lock);
	list_add_tail(&ev->node, &dd->irq_events);
	spin_unlock(&dd->lock);

	queue_work(dd->wq, &dd->done_work);
	return IRQ_HANDLED;
}

static int kmb_dma_open(struct inode *inode, struct file *file)
{
	struct kmb_dma_dev *dd = container_of(file->private_data,
					      struct kmb_dma_dev, misc);
	struct kmb_dma_ctx *ctx;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;

	if (atomic_inc_return(&dd->open_count) > KMB_DMA_MAX_OPEN) {
		atomic_dec(&dd->open_count);
		return -EBUSY;
	}

	ctx->dd = dd;
	file->private_data = ctx;
	return 0;
}

static int kmb_dma_release(struct inode *inode, struct file *file)
{
	struct kmb_dma_ctx *ctx = file->private_data;

	dev_dbg(&ctx->dd->pdev->dev, "closing after %u transfers\n",
		ctx->nxfers);
	kfree(ctx);
	atomic_dec(&ctx->dd->open_count);
	return 0;
}

static ssize_t kmb_dma_read_msg(struct file *file, char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct kmb_dma_ctx *ctx = file->private_data;
	struct kmb_dma_dev *dd = ctx->dd;
	struct kmb_dma_rx_msg *msg;
	ssize_t ret;
	size_t n;

	spin_lock_irq(&dd->lock);
	msg = list_first_entry_or_null(&dd->rx_queue, struct kmb_dma_rx_msg,
				       node);
	if (msg) {
		list_del(&msg->node);
		dd->rx_queued--;
	}
	spin_unlock_irq(&dd->lock);

	if (!msg)
		return -EAGAIN;

	n = min(count, msg->len);
	if (copy_to_user(ubuf, msg->data, n))
		ret = -EFAULT;
	else
		ret = n;

	kfree(msg);
	return ret;
}

static long kmb_dma_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kmb_dma_ctx *ctx = file->private_data;

	switch (cmd) {
	case KMB_DMA_IOC_XFER:
		return kmb_dma_ioctl_xfer(ctx, (void __user *)arg);
	case KMB_DMA_IOC_RESET:
		mutex_lock(&ctx->dd->xfer_lock);
		kmb_dma_write(ctx->dd, KMB_DMA_CTRL, KMB_DMA_CTRL_RESET);
		kmb_dma_write(ctx->dd, KMB_DMA_CTRL, KMB_DMA_CTRL_RUN);
		mutex_unlock(&ctx->dd->xfer_lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations kmb_dma_fops = {
	.owner = THIS_MODULE,
	.open = kmb_dma_open,
	.release = kmb_dma_release,
	.read = kmb_dma_read_msg,
	.unlocked_ioctl = kmb_dma_ioctl,
	.llseek = noop_llseek,
};

static ssize_t hist_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct kmb_dma_dev *dd = dev_get_drvdata(dev);
	unsigned int i;
	int len = 0;

	mutex_lock(&dd->stats_lock);
	for (i = 0; i < dd->nbins && dd->hist; i++)
		len += sysfs_emit_at(buf, len, "%u %llu\n", i, dd->hist[i]);
	mutex_unlock(&dd->stats_lock);

	return len;
}

static ssize_t hist_store(struct device *dev, struct device_attribute *attr,
			  const char *buf, size_t count)
{
	struct kmb_dma_dev *dd = dev_get_drvdata(dev);
	unsigned int i, nbins;
	int ret;

	ret = kstrtouint(buf, 0, &nbins);
	if (ret)
		return ret;
	if (!nbins || nbins > 64)
		return -EINVAL;

	mutex_lock(&dd->stats_lock);
	dd->hist = krealloc(dd->hist, array_size(nbins, sizeof(*dd->hist)),
			    GFP_KERNEL);
	for (i = dd->nbins; i < nbins; i++)
		dd->hist[i] = 0;
	dd->nbins = nbins;
	mutex_unlock(&dd->stats_lock);

	return count;
}
static DEVICE_ATTR_RW(hist);

static ssize_t ring_dump_show(struct device *dev, struct device_attribute *attr,
			      char *buf)
{
	struct kmb_dma_dev *dd = dev_get_drvdata(dev);
	size_t size = array_size(dd->tx.size, sizeof(struct kmb_dma_desc));
	struct kmb_dma_desc *snap;
	unsigned int i, head, tail;
	int len = 0;

	/* Snapshot outside the lock: the ring can be 4 KiB of descriptors. */
	snap = vmalloc(size);
	if (!snap)
		return -ENOMEM;

	spin_lock_irq(&dd->lock);
	memcpy(snap, dd->tx.desc, size);
	head = dd->tx.head;
	tail = dd->tx.tail;
	spin_unlock_irq(&dd->lock);

	len += sysfs_emit_at(buf, len, "head %u tail %u\n", head, tail);
	for (i = tail; i != head && len < PAGE_SIZE - 64; i = (i + 1) % dd->tx.size)
		len += sysfs_emit_at(buf, len, "%3u: %#010x %u\n", i,
				     le32_to_cpu(snap[i].ctrl),
				     le32_to_cpu(snap[i].cookie));

	kfree(snap);
	return len;
}
static DEVICE_ATTR_RO(ring_dump);

static struct attribute *kmb_dma_attrs[] = {
	&dev_attr_hist.attr,
	&dev_attr_ring_dump.attr,
	NULL
};
ATTRIBUTE_GROUPS(kmb_dma);

static int kmb_dma_alloc_ring(struct kmb_dma_dev *dd, struct kmb_dma_ring *ring,
			      unsigned int size)
{
	struct device *dev = &dd->pdev->dev;
	struct kmb_dma_desc *desc;
	dma_addr_t *buf_dma;
	unsigned long *bufs;
	dma_addr_t desc_dma;

	desc = dma_alloc_coherent(dev, array_size(size, sizeof(*desc)),
				  &desc_dma, GFP_KERNEL);
	if (!desc)
		return -ENOMEM;

	if (!(bufs = kcalloc(size, sizeof(*bufs), GFP_KERNEL)))
		goto err_free_desc;

	if (!(buf_dma = kcalloc(size, sizeof(*buf_dma), GFP_KERNEL))) {
		kfree(bufs);
		goto err_free_bufs;
	}

	ring->desc = desc;
	ring->desc_dma = desc_dma;
	ring->bufs = bufs;
	ring->buf_dma = buf_dma;
	ring->size = size;
	ring->head = 0;
	ring->tail = 0;
	return 0;

err_free_bufs:
	kfree(bufs);
err_free_desc:
	dma_free_coherent(dev, array_size(size, sizeof(*desc)), desc, desc_dma);
	return -ENOMEM;
}

static void kmb_dma_free_ring(struct kmb_dma_dev *dd, struct kmb_dma_ring *ring)
{
	dma_free_coherent(&dd->pdev->dev, array_size(ring->size, sizeof(*ring->desc)),
			  ring->desc, ring->desc_dma);
	kfree(ring->buf_dma);
	kfree(ring->bufs);
	ring->desc = NULL;
	ring->buf_dma = NULL;
	ring->bufs = NULL;
}

static void kmb_dma_free_rx_bufs(struct kmb_dma_dev *dd, unsigned int count)
{
	struct kmb_dma_ring *ring = &dd->rx;
	unsigned int i;

	for (i = 0; i < count; i++) {
		dma_unmap_single(&dd->pdev->dev, ring->buf_dma[i],
				 KMB_RX_BUF_SIZE, DMA_FROM_DEVICE);
		free_pages(ring->bufs[i], KMB_RX_BUF_ORDER);
		ring->bufs[i] = 0;
	}
}

static int kmb_dma_alloc_rx_bufs(struct kmb_dma_dev *dd)
{
	struct device *dev = &dd->pdev->dev;
	struct kmb_dma_ring *ring = &dd->rx;
	unsigned long buf;
	dma_addr_t dma;
	unsigned int i;

	for (i = 0; i < ring->size; i++) {
		buf = __get_free_pages(GFP_KERNEL, KMB_RX_BUF_ORDER);
		if (!buf)
			goto err_unwind;

		dma = dma_map_single(dev, (void *)buf, KMB_RX_BUF_SIZE,
				     DMA_FROM_DEVICE);
		if (dma_mapping_error(dev, dma)) {
			free_page(buf);
			goto err_unwind;
		}

		ring->bufs[i] = buf;
		ring->buf_dma[i] = dma;
		ring->desc[i].addr = cpu_to_le64(dma);
		ring->desc[i].ctrl = cpu_to_le32(KMB_DESC_OWN | KMB_RX_BUF_SIZE);
	}
	return 0;

err_unwind:
	kmb_dma_free_rx_bufs(dd, i);
	return -ENOMEM;
}

static void kmb_dma_hw_init(struct kmb_dma_dev *dd)
{
	kmb_dma_write(dd, KMB_DMA_CTRL, KMB_DMA_CTRL_RESET);
	kmb_dma_write(dd, KMB_DMA_TX_BASE_LO, lower_32_bits(dd->tx.desc_dma));
	kmb_dma_write(dd, KMB_DMA_TX_BASE_HI, upper_32_bits(dd->tx.desc_dma));
	kmb_dma_write(dd, KMB_DMA_TX_SIZE, dd->tx.size);
	kmb_dma_write(dd, KMB_DMA_RX_BASE_LO, lower_32_bits(dd->rx.desc_dma));
	kmb_dma_write(dd, KMB_DMA_RX_BASE_HI, upper_32_bits(dd->rx.desc_dma));
	kmb_dma_write(dd, KMB_DMA_RX_SIZE, dd->rx.size);
	kmb_dma_write(dd, KMB_DMA_RX_TAIL, 0);
	kmb_dma_write(dd, KMB_DMA_IRQ_MASK, 0);
	kmb_dma_write(dd, KMB_DMA_CTRL, KMB_DMA_CTRL_RUN);
}

static int kmb_dma_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct device *dev = &pdev->dev;
	struct kmb_dma_dev *dd;
	int ret;

	dd = devm_kzalloc(dev, sizeof(*dd), GFP_KERNEL);
	if (!dd)
		return -ENOMEM;

	dd->pdev = pdev;
	spin_lock_init(&dd->lock);
	mutex_init(&dd->xfer_lock);
	mutex_init(&dd->stats_lock);
	INIT_LIST_HEAD(&dd->pending);
	INIT_LIST_HEAD(&dd->irq_events);
	INIT_LIST_HEAD(&dd->rx_queue);
	INIT_WORK(&dd->done_work, kmb_dma_done_work);
	atomic_set(&dd->open_count, 0);
	pci_set_drvdata(pdev, dd);

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;

	ret = pcim_iomap_regions(pdev, BIT(0), KBUILD_MODNAME);
	if (ret)
		return ret;
	dd->regs = pcim_iomap_table(pdev)[0];

	pci_set_master(pdev);
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(64));
	if (ret) {
		ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
		if (ret)
			return ret;
	}

	dd->tx_stamp = vzalloc(array_size(KMB_DMA_RING_SIZE, sizeof(u64)));
	if (!dd->tx_stamp)
		return -ENOMEM;

	ret = kmb_dma_alloc_ring(dd, &dd->tx, KMB_DMA_RING_SIZE);
	if (ret)
		goto err_free_stamp;

	ret = kmb_dma_alloc_ring(dd, &dd->rx, KMB_DMA_RING_SIZE);
	if (ret)
		goto err_free_tx;

	ret = kmb_dma_alloc_rx_bufs(dd);
	if (ret)
		goto err_free_rx;

	dd->wq = alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, pci_name(pdev));
	if (!dd->wq) {
		ret = -ENOMEM;
		goto err_free_rx_bufs;
	}

	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI);
	if (ret < 0)
		goto err_destroy_wq;
	dd->irq = pci_irq_vector(pdev, 0);

	ret = request_irq(dd->irq, kmb_dma_irq, 0, KBUILD_MODNAME, dd);
	if (ret)
		goto err_free_vectors;

	kmb_dma_hw_init(dd);

	dd->misc.minor = MISC_DYNAMIC_MINOR;
	dd->misc.name = devm_kasprintf(dev, GFP_KERNEL, "kmb-dma-%s",
				       pci_name(pdev));
	if (!dd->misc.name) {
		ret = -ENOMEM;
		goto err_stop;
	}
	dd->misc.fops = &kmb_dma_fops;
	dd->misc.parent = dev;
	ret = misc_register(&dd->misc);
	if (ret)
		goto err_stop;

	return 0;

err_stop:
	kmb_dma_write(dd, KMB_DMA_CTRL, KMB_DMA_CTRL_RESET);
	free_irq(dd->irq, dd);
err_free_vectors:
	pci_free_irq_vectors(pdev);
err_destroy_wq:
	destroy_workqueue(dd->wq);
err_free_rx_bufs:
	kmb_dma_free_rx_bufs(dd, dd->rx.size);
err_free_rx:
	kmb_dma_free_ring(dd, &dd->rx);
err_free_tx:
	kmb_dma_free_ring(dd, &dd->tx);
err_free_stamp:
	vfree(dd->tx_stamp);
	return ret;
}

static void kmb_dma_remove(struct pci_dev *pdev)
{
	struct kmb_dma_dev *dd = pci_get_drvdata(pdev);
	struct kmb_dma_rx_msg *msg, *tmp;

	misc_deregister(&dd->misc);
	kmb_dma_write(dd, KMB_DMA_IRQ_MASK, ~0U);
	kmb_dma_write(dd, KMB_DMA_CTRL, KMB_DMA_CTRL_RESET);
	free_irq(dd->irq, dd);
	pci_free_irq_vectors(pdev);
	destroy_workqueue(dd->wq);

	list_for_each_entry_safe(msg, tmp, &dd->rx_queue, node) {
		list_del(&msg->node);
		kfree(msg);
	}

	kmb_dma_free_rx_bufs(dd, dd->rx.size);
	kmb_dma_free_ring(dd, &dd->rx);
	kmb_dma_free_ring(dd, &dd->tx);
	vfree(dd->tx_stamp);
	kfree(dd->hist);
}

static const struct pci_device_id kmb_dma_ids[] = {
	{ PCI_DEVICE(PCI_VENDOR_ID_KMB, PCI_DEVICE_ID_KMB_DMA) },
	{ PCI_DEVICE(PCI_VENDOR_ID_KMB, PCI_DEVICE_ID_KMB_DMA2) },
	{ }
};
MODULE_DEVICE_TABLE(pci, kmb_dma_ids);

static struct pci_driver kmb_dma_driver = {
	.name = KBUILD_MODNAME,
	.id_table = kmb_dma_ids,
	.probe = kmb_dma_probe,
	.remove = kmb_dma_remove,
	.dev_groups = kmb_dma_groups,
};
module_pci_driver(kmb_dma_driver);

MODULE_AUTHOR("kmemlint bench");
MODULE_DESCRIPTION("KMB PCIe DMA streaming card driver");
MODULE_LICENSE("GPL");
