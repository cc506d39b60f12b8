// SPDX-License-Identifier: GPL-2.0
/*
 * KMB USB single-port serial adapter
 *
 * The adapter has one bulk-in endpoint (received characters), one bulk-out
 * endpoint (characters to send) and one interrupt-in endpoint that reports
 * modem line changes and line errors. Line coding is set with a CDC-like
 * class request.
 *
 * The port is exported as a character device (/dev/kmbserN). Received data
 * is kept in a ring buffer filled from the bulk-in completion; written data
 * is staged in a page and flushed with one bulk-out URB per write().
 */

#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/usb.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>

#define USB_VENDOR_ID_KMB		0x1e7a
#define USB_PRODUCT_ID_KMB_SER		0x5001
#define USB_PRODUCT_ID_KMB_SER_ISO	0x5002

#define KMB_USB_MINOR_BASE		208

#define KMB_REQ_SET_LINE_CODING		0x20
#define KMB_REQ_SET_CONTROL_LINES	0x22
#define KMB_REQ_SEND_BREAK		0x23

#define KMB_STATUS_DCD			BIT(0)
#define KMB_STATUS_DSR			BIT(1)
#define KMB_STATUS_BREAK		BIT(2)
#define KMB_STATUS_RI			BIT(3)
#define KMB_STATUS_FRAMING		BIT(4)
#define KMB_STATUS_PARITY		BIT(5)
#define KMB_STATUS_OVERRUN		BIT(6)

#define KMB_FIFO_DEFAULT_FRAMES		16
#define KMB_FIFO_MAX_FRAMES		256
#define KMB_FRAME_SIZE			64
#define KMB_MAX_TX_URBS			8
#define KMB_MAX_EVENTS			32
#define KMB_CTRL_TIMEOUT		1000

#define KMB_IOC_GET_INFO		_IOR('K', 0x01, struct kmb_usb_info)
#define KMB_IOC_SET_BAUD		_IOW('K', 0x02, __u32)
#define KMB_IOC_BREAK			_IO('K', 0x03)
#define KMB_IOC_GET_EVENT		_IOR('K', 0x04, __u32)

struct kmb_usb_info {
	__u32 baud;
	__u32 rx_overruns;
	__u32 line_errors;
	__u16 vendor;
	__u16 product;
	char serial[32];
};

struct kmb_line_coding {
	__le32 dwDTERate;
	__u8 bCharFormat;
	__u8 bParityType;
	__u8 bDataBits;
} __packed;

struct kmb_usb_status {
	__u8 bmStatus;
	__u8 bReserved;
	__le16 wRxCount;
} __packed;

struct kmb_usb_event {
	struct list_head node;
	u8 status;
};

struct kmb_usb {
	struct usb_device *udev;
	struct usb_interface *intf;
	struct kref kref;
	struct mutex io_mutex;		/* open/close/write/ioctl vs disconnect */
	spinlock_t lock;		/* fifo, tx accounting, events */
	bool disconnected;
	bool opened;

	__u8 bulk_in_ep;
	__u8 bulk_out_ep;
	__u8 int_ep;
	size_t bulk_in_size;
	size_t bulk_out_size;

	struct urb *rx_urb;
	u8 *rx_buf;

	struct urb *int_urb;
	struct kmb_usb_status *int_buf;
	dma_addr_t int_dma;

	u8 *fifo;
	size_t fifo_size;
	size_t fifo_head;
	size_t fifo_tail;
	wait_queue_head_t rx_wait;

	struct usb_anchor tx_anchor;
	unsigned long tx_page;
	size_t tx_fill;
	unsigned int tx_inflight;

	struct list_head events;
	unsigned int nevents;
	wait_queue_head_t event_wait;

	u32 baud;
	u32 rx_overruns;
	u32 line_errors;
};

static struct usb_driver kmb_usb_driver;

static void kmb_usb_delete(struct kref *kref)
{
	struct kmb_usb *dev = container_of(kref, struct kmb_usb, kref);
	struct kmb_usb_event *ev, *tmp;

	list_for_each_entry_safe(ev, tmp, &dev->events, node) {
		list_del(&ev->node);
		kfree(ev);
	}

	usb_free_urb(dev->rx_urb);
	usb_free_urb(dev->int_urb);
	usb_free_coherent(dev->udev, sizeof(*dev->int_buf), dev->int_buf,
			  dev->int_dma);
	kfree(dev->rx_buf);
	kfree(dev->fifo);
	kfree(dev);
	usb_put_dev(dev->udev);
}

/* Called with dev->lock held. */
static void kmb_usb_fifo_put(struct kmb_usb *dev, const u8 *data, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		size_t next = (dev->fifo_head + 1) % dev->fifo_size;

		if (next == dev->fifo_tail) {
			dev->rx_overruns += len - i;
			break;
		}
		dev->fifo[dev->fifo_head] = data[i];
		dev->fifo_head = next;
	}
}

static void kmb_usb_read_complete(struct urb *urb)
{
	struct kmb_usb *dev = urb->context;
	unsigned long flags;
	int ret;

	switch (urb->status) {
	case 0:
		break;
	case -ECONNRESET:
	case -ENOENT:
	case -ESHUTDOWN:
		return;
	default:
		dev_dbg(&dev->intf->dev, "bulk-in status %d\n", urb->status);
		goto resubmit;
	}

	spin_lock_irqsave(&dev->lock, flags);
	kmb_usb_fifo_put(dev, dev->rx_buf, urb->actual_length);
	spin_unlock_irqrestore(&dev->lock, flags);
	wake_up_interruptible(&dev->rx_wait);

resubmit:
	ret = usb_submit_urb(urb, GFP_ATOMIC);
	if (ret && ret != -EPERM)
		dev_err(&dev->intf->dev, "bulk-in resubmit failed: %d\n", ret);
}

static void kmb_usb_int_complete(struct urb *urb)
{
	struct kmb_usb *dev = urb->context;
	struct kmb_usb_status *st = dev->int_buf;
	struct kmb_usb_event *ev;
	unsigned long flags;
	int ret;

	switch (urb->status) {
	case 0:
		break;
	case -ECONNRESET:
	case -ENOENT:
	case -ESHUTDOWN:
		return;
	default:
		goto resubmit;
	}

	if (urb->actual_length < sizeof(*st))
		goto resubmit;

	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		goto resubmit;
	ev->status = st->bmStatus;

	spin_lock_irqsave(&dev->lock, flags);
	if (st->bmStatus & (KMB_STATUS_FRAMING | KMB_STATUS_PARITY |
			    KMB_STATUS_OVERRUN))
		dev->line_errors++;
	if (dev->nevents < KMB_MAX_EVENTS) {
		list_add_tail(&ev->node, &dev->events);
		dev->nevents++;
		ev = NULL;
	}
	spin_unlock_irqrestore(&dev->lock, flags);

	kfree(ev);
	wake_up_interruptible(&dev->event_wait);

resubmit:
	ret = usb_submit_urb(urb, GFP_ATOMIC);
	if (ret && ret != -EPERM)
		dev_err(&dev->intf->dev, "interrupt resubmit failed: %d\n", ret);
}

static void kmb_usb_write_complete(struct urb *urb)
{
	struct kmb_usb *dev = urb->context;
	unsigned long flags;

	if (urb->status && urb->status != -ENOENT &&
	    urb->status != -ECONNRESET && urb->status != -ESHUTDOWN)
		dev_err(&dev->intf->dev, "bulk-out status %d\n", urb->status);

	kfree(urb->transfer_buffer);

	spin_lock_irqsave(&dev->lock, flags);
	dev->tx_inflight--;
	spin_unlock_irqrestore(&dev->lock, flags);
}

/*
 * Allocate a bulk-out URB with a transfer buffer of len bytes. The buffer
 * is freed by the completion handler.
 */
static struct urb *kmb_usb_alloc_tx(struct kmb_usb *dev, size_t len, gfp_t gfp)
{
	struct urb *urb;
	void *buf;

	urb = usb_alloc_urb(0, gfp);
	if (!urb)
		return NULL;

	buf = kmalloc(len, gfp);
	if (!buf) {
		usb_free_urb(urb);
		return NULL;
	}

	usb_fill_bulk_urb(urb, dev->udev,
			  usb_sndbulkpipe(dev->udev, dev->bulk_out_ep),
			  buf, len, kmb_usb_write_complete, dev);
	return urb;
}

static int kmb_usb_flush_tx(struct kmb_usb *dev)
{
	unsigned long flags;
	struct urb *urb;
	size_t len;
	int ret;

	spin_lock_irqsave(&dev->lock, flags);
	len = dev->tx_fill;
	if (!len || dev->tx_inflight >= KMB_MAX_TX_URBS) {
		spin_unlock_irqrestore(&dev->lock, flags);
		return 0;
	}

	urb = kmb_usb_alloc_tx(dev, len, GFP_KERNEL);
	if (!urb) {
		spin_unlock_irqrestore(&dev->lock, flags);
		return -ENOMEM;
	}
	memcpy(urb->transfer_buffer, (void *)dev->tx_page, len);
	dev->tx_fill = 0;
	dev->tx_inflight++;
	spin_unlock_irqrestore(&dev->lock, flags);

	usb_anchor_urb(urb, &dev->tx_anchor);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret) {
		usb_unanchor_urb(urb);
		kfree(urb->transfer_buffer);
		spin_lock_irqsave(&dev->lock, flags);
		dev->tx_inflight--;
		spin_unlock_irqrestore(&dev->lock, flags);
	}
	usb_free_urb(urb);
	return ret;
}

static int kmb_usb_set_line_coding(struct kmb_usb *dev, u32 baud)
{
	struct kmb_line_coding *lc;
	int ret;

	lc = kmalloc(sizeof(*lc), GFP_KERNEL);
	lc->dwDTERate = cpu_to_le32(baud);
	lc->bCharFormat = 0;
	lc->bParityType = 0;
	lc->bDataBits = 8;

	ret = usb_control_msg(dev->udev, usb_sndctrlpipe(dev->udev, 0),
			      KMB_REQ_SET_LINE_CODING,
			      USB_TYPE_CLASS | USB_RECIP_INTERFACE | USB_DIR_OUT,
			      0, dev->intf->cur_altsetting->desc.bInterfaceNumber,
			      lc, sizeof(*lc), KMB_CTRL_TIMEOUT);
	kfree(lc);
	if (ret < 0)
		return ret;

	dev->baud = baud;
	return 0;
}

static int kmb_usb_send_break(struct kmb_usb *dev)
{
	struct urb *urb;
	int ret;

	/* The adapter turns a zero-length-terminated 0xff frame into a break. */
	urb = kmb_usb_alloc_tx(dev, 1, GFP_KERNEL);
	if (!urb)
		return -ENOMEM;
	((u8 *)urb->transfer_buffer)[0] = 0xff;

	spin_lock_irq(&dev->lock);
	dev->tx_inflight++;
	spin_unlock_irq(&dev->lock);

	usb_anchor_urb(urb, &dev->tx_anchor);
	ret = usb_submit_urb(urb, GFP_KERNEL);
	if (ret) {
		usb_unanchor_urb(urb);
		kfree(urb->transfer_buffer);
		spin_lock_irq(&dev->lock);
		dev->tx_inflight--;
		spin_unlock_irq(&dev->lock);
	}
	usb_free_urb(urb);
	return ret;
}

static int kmb_usb_get_info(struct kmb_usb *dev, void __user *argp)
{
	struct kmb_usb_info *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;

	spin_lock_irq(&dev->lock);
	info->rx_overruns = dev->rx_overruns;
	info->line_errors = dev->line_errors;
	spin_unlock_irq(&dev->lock);

	info->baud = dev->baud;
	info->vendor = le16_to_cpu(dev->udev->descriptor.idVendor);
	info->product = le16_to_cpu(dev->udev->descriptor.idProduct);
	if (dev->udev->serial)
		strscpy(info->serial, dev->udev->serial, sizeof(info->serial));

	if (copy_to_user(argp, info, sizeof(*info)))
		return -EFAULT;

	kfree(info);
	return 0;
}

static int kmb_usb_get_event(struct kmb_usb *dev, u32 __user *argp)
{
	struct kmb_usb_event *ev;
	u32 status;
	int ret;

	ret = wait_event_interruptible(dev->event_wait,
				       !list_empty(&dev->events) ||
				       dev->disconnected);
	if (ret)
		return ret;

	spin_lock_irq(&dev->lock);
	ev = list_first_entry_or_null(&dev->events, struct kmb_usb_event, node);
	if (ev) {
		list_del(&ev->node);
		dev->nevents--;
	}
	spin_unlock_irq(&dev->lock);

	if (!ev)
		return -ENODEV;

	status = ev->status;
	kfree(ev);
	return put_user(status, argp);
}

static int kmb_usb_start_io(struct kmb_usb *dev, gfp_t gfp)
{
	int ret;

	ret = usb_submit_urb(dev->int_urb, gfp);
	if (ret)
		return ret;

	ret = usb_submit_urb(dev->rx_urb, gfp);
	if (ret) {
		usb_kill_urb(dev->int_urb);
		return ret;
	}
	return 0;
}

static void kmb_usb_stop_io(struct kmb_usb *dev)
{
	usb_kill_urb(dev->rx_urb);
	usb_kill_urb(dev->int_urb);
	usb_kill_anchored_urbs(&dev->tx_anchor);
}

static int kmb_usb_open(struct inode *inode, struct file *file)
{
	struct usb_interface *intf;
	struct kmb_usb *dev;
	unsigned long page;
	int ret;

	intf = usb_find_interface(&kmb_usb_driver, iminor(inode));
	if (!intf)
		return -ENODEV;
	dev = usb_get_intfdata(intf);
	if (!dev)
		return -ENODEV;

	mutex_lock(&dev->io_mutex);
	if (dev->disconnected) {
		ret = -ENODEV;
		goto out_unlock;
	}
	if (dev->opened) {
		ret = -EBUSY;
		goto out_unlock;
	}

	page = get_zeroed_page(GFP_KERNEL);
	if (!page) {
		ret = -ENOMEM;
		goto out_unlock;
	}

	ret = usb_autopm_get_interface(intf);
	if (ret)
		goto err_free_page;

	dev->fifo_head = 0;
	dev->fifo_tail = 0;
	ret = kmb_usb_start_io(dev, GFP_KERNEL);
	if (ret)
		goto err_autopm;

	dev->tx_page = page;
	dev->tx_fill = 0;
	dev->opened = true;
	kref_get(&dev->kref);
	file->private_data = dev;
	mutex_unlock(&dev->io_mutex);
	return 0;

err_autopm:
	usb_autopm_put_interface(intf);
err_free_page:
	free_pages(page, 1);
out_unlock:
	mutex_unlock(&dev->io_mutex);
	return ret;
}

static int kmb_usb_release(struct inode *inode, struct file *file)
{
	struct kmb_usb *dev = file->private_data;

	mutex_lock(&dev->io_mutex);
	if (!dev->disconnected) {
		kmb_usb_stop_io(dev);
		usb_autopm_put_interface(dev->intf);
	}
	free_page(dev->tx_page);
	dev->tx_page = 0;
	dev->opened = false;
	mutex_unlock(&dev->io_mutex);

	kref_put(&dev->kref, kmb_usb_delete);
	return 0;
}

static ssize_t kmb_usb_read(struct file *file, char __user *ubuf, size_t count,
			    loff_t *ppos)
{
	struct kmb_usb *dev = file->private_data;
	u8 tmp[KMB_FRAME_SIZE];
	size_t n = 0;
	int ret;

	ret = wait_event_interruptible(dev->rx_wait,
				       READ_ONCE(dev->fifo_head) !=
				       READ_ONCE(dev->fifo_tail) ||
				       dev->disconnected);
	if (ret)
		return ret;
	if (dev->disconnected)
		return -ENODEV;

	spin_lock_irq(&dev->lock);
	while (n < count && n < sizeof(tmp) && dev->fifo_tail != dev->fifo_head) {
		tmp[n++] = dev->fifo[dev->fifo_tail];
		dev->fifo_tail = (dev->fifo_tail + 1) % dev->fifo_size;
	}
	spin_unlock_irq(&dev->lock);

	if (copy_to_user(ubuf, tmp, n))
		return -EFAULT;
	return n;
}

static ssize_t kmb_usb_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct kmb_usb *dev = file->private_data;
	size_t n;
	int ret;

	if (!count)
		return 0;

	ret = mutex_lock_interruptible(&dev->io_mutex);
	if (ret)
		return ret;
	if (dev->disconnected) {
		ret = -ENODEV;
		goto out_unlock;
	}

	/* Only this path and flush_tx() touch the staged bytes. */
	n = min_t(size_t, count, min_t(size_t, dev->bulk_out_size, PAGE_SIZE) -
		  dev->tx_fill);
	if (!n) {
		ret = -EAGAIN;
		goto out_unlock;
	}
	if (copy_from_user((void *)dev->tx_page + dev->tx_fill, ubuf, n)) {
		ret = -EFAULT;
		goto out_unlock;
	}

	spin_lock_irq(&dev->lock);
	dev->tx_fill += n;
	spin_unlock_irq(&dev->lock);

	ret = kmb_usb_flush_tx(dev);

out_unlock:
	mutex_unlock(&dev->io_mutex);
	return ret ? ret : n;
}

static long kmb_usb_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kmb_usb *dev = file->private_data;
	void __user *argp = (void __user *)arg;
	u32 baud;
	long ret;

	mutex_lock(&dev->io_mutex);
	if (dev->disconnected) {
		ret = -ENODEV;
		goto out;
	}

	switch (cmd) {
	case KMB_IOC_GET_INFO:
		ret = kmb_usb_get_info(dev, argp);
		break;
	case KMB_IOC_SET_BAUD:
		if (get_user(baud, (u32 __user *)argp)) {
			ret = -EFAULT;
			break;
		}
		ret = kmb_usb_set_line_coding(dev, baud);
		break;
	case KMB_IOC_BREAK:
		ret = kmb_usb_send_break(dev);
		break;
	case KMB_IOC_GET_EVENT:
		mutex_unlock(&dev->io_mutex);
		return kmb_usb_get_event(dev, (u32 __user *)argp);
	default:
		ret = -ENOTTY;
		break;
	}
out:
	mutex_unlock(&dev->io_mutex);
	return ret;
}

static const struct file_operations kmb_usb_fops = {
	.owner = THIS_MODULE,
	.open = kmb_usb_open,
	.release = kmb_usb_release,
	.read = kmb_usb_read,
	.write = kmb_usb_write,
	.unlocked_ioctl = kmb_usb_ioctl,
	.llseek = noop_llseek,
};

static struct usb_class_driver kmb_usb_class = {
	.name = "kmbser%d",
	.fops = &kmb_usb_fops,
	.minor_base = KMB_USB_MINOR_BASE,
};

static ssize_t fifo_frames_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	struct kmb_usb *kdev = usb_get_intfdata(to_usb_interface(dev));

	return sysfs_emit(buf, "%zu\n", kdev->fifo_size / KMB_FRAME_SIZE);
}

static ssize_t fifo_frames_store(struct device *dev,
				 struct device_attribute *attr,
				 const char *buf, size_t count)
{
	struct kmb_usb *kdev = usb_get_intfdata(to_usb_interface(dev));
	unsigned int nframes;
	u8 *fifo, *old;
	int ret;

	ret = kstrtouint(buf, 0, &nframes);
	if (ret)
		return ret;
	if (!nframes || nframes > KMB_FIFO_MAX_FRAMES)
		return -EINVAL;

	/* Buffered bytes are dropped; allocate before taking the fifo lock. */
	fifo = kmalloc(nframes * KMB_FRAME_SIZE, GFP_KERNEL);
	if (!fifo)
		return -ENOMEM;

	spin_lock_irq(&kdev->lock);
	old = kdev->fifo;
	kdev->fifo = fifo;
	kdev->fifo_size = nframes * KMB_FRAME_SIZE;
	kdev->fifo_head = 0;
	kdev->fifo_tail = 0;
	spin_unlock_irq(&kdev->lock);

	kfree(old);
	return count;
}
static DEVICE_ATTR_RW(fifo_frames);

static struct attribute *kmb_usb_attrs[] = {
	&dev_attr_fifo_frames.attr,
	NULL
};
ATTRIBUTE_GROUPS(kmb_usb);

static int kmb_usb_probe(struct usb_interface *intf,
			 const struct usb_device_id *id)
{
	struct usb_endpoint_descriptor *bulk_in, *bulk_out, *int_in;
	struct kmb_usb *dev;
	int ret;

	ret = usb_find_common_endpoints(intf->cur_altsetting, &bulk_in,
					&bulk_out, &int_in, NULL);
	if (ret) {
		dev_err(&intf->dev, "missing endpoints\n");
		return ret;
	}

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;

	kref_init(&dev->kref);
	mutex_init(&dev->io_mutex);
	spin_lock_init(&dev->lock);
	init_waitqueue_head(&dev->rx_wait);
	init_waitqueue_head(&dev->event_wait);
	init_usb_anchor(&dev->tx_anchor);
	INIT_LIST_HEAD(&dev->events);
	dev->udev = usb_get_dev(interface_to_usbdev(intf));
	dev->intf = intf;
	dev->bulk_in_ep = bulk_in->bEndpointAddress;
	dev->bulk_out_ep = bulk_out->bEndpointAddress;
	dev->int_ep = int_in->bEndpointAddress;
	dev->bulk_in_size = usb_endpoint_maxp(bulk_in);
	dev->bulk_out_size = usb_endpoint_maxp(bulk_out);
	dev->baud = 115200;

	dev->rx_buf = kmalloc(dev->bulk_in_size, GFP_KERNEL);
	if (!dev->rx_buf) {
		ret = -ENOMEM;
		goto err_put_dev;
	}

	dev->fifo_size = KMB_FIFO_DEFAULT_FRAMES * KMB_FRAME_SIZE;
	dev->fifo = kmalloc(dev->fifo_size, GFP_KERNEL);
	if (!dev->fifo) {
		ret = -ENOMEM;
		goto err_free_rx_buf;
	}

	dev->rx_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->rx_urb) {
		ret = -ENOMEM;
		goto err_free_fifo;
	}
	usb_fill_bulk_urb(dev->rx_urb, dev->udev,
			  usb_rcvbulkpipe(dev->udev, dev->bulk_in_ep),
			  dev->rx_buf, dev->bulk_in_size,
			  kmb_usb_read_complete, dev);

	dev->int_urb = usb_alloc_urb(0, GFP_KERNEL);
	if (!dev->int_urb) {
		ret = -ENOMEM;
		goto err_free_rx_urb;
	}

	dev->int_buf = usb_alloc_coherent(dev->udev, sizeof(*dev->int_buf),
					  GFP_KERNEL, &dev->int_dma);
	if (!dev->int_buf) {
		ret = -ENOMEM;
		goto err_free_int_urb;
	}
	usb_fill_int_urb(dev->int_urb, dev->udev,
			 usb_rcvintpipe(dev->udev, dev->int_ep),
			 dev->int_buf, sizeof(*dev->int_buf),
			 kmb_usb_int_complete, dev, int_in->bInterval);
	dev->int_urb->transfer_dma = dev->int_dma;
	dev->int_urb->transfer_flags |= URB_NO_TRANSFER_DMA_MAP;

	usb_set_intfdata(intf, dev);

	ret = kmb_usb_set_line_coding(dev, dev->baud);
	if (ret) {
		dev_err(&intf->dev, "cannot set line coding: %d\n", ret);
		goto err_clear_intfdata;
	}

	ret = usb_register_dev(intf, &kmb_usb_class);
	if (ret) {
		dev_err(&intf->dev, "no minor available\n");
		goto err_clear_intfdata;
	}

	dev_info(&intf->dev, "KMB serial adapter now attached to kmbser%d\n",
		 intf->minor - KMB_USB_MINOR_BASE);
	return 0;

err_clear_intfdata:
	usb_set_intfdata(intf, NULL);
	usb_free_coherent(dev->udev, sizeof(*dev->int_buf), dev->int_buf,
			  dev->int_dma);
err_free_int_urb:
	usb_free_urb(dev->int_urb);
err_free_rx_urb:
	usb_free_urb(dev->rx_urb);
err_free_fifo:
	vfree(dev->fifo);
err_free_rx_buf:
	kfree(dev->rx_buf);
err_put_dev:
	usb_put_dev(dev->udev);
	kfree(dev);
	return ret;
}

static void kmb_usb_disconnect(struct usb_interface *intf)
{
	struct kmb_usb *dev = usb_get_intfdata(intf);
	int minor = intf->minor;

	usb_deregister_dev(intf, &kmb_usb_class);

	mutex_lock(&dev->io_mutex);
	dev->disconnected = true;
	if (dev->opened)
		kmb_usb_stop_io(dev);
	mutex_unlock(&dev->io_mutex);

	wake_up_interruptible_all(&dev->rx_wait);
	wake_up_interruptible_all(&dev->event_wait);
	usb_set_intfdata(intf, NULL);
	kref_put(&dev->kref, kmb_usb_delete);

	dev_info(&intf->dev, "kmbser%d now disconnected\n",
		 minor - KMB_USB_MINOR_BASE);
}

static int kmb_usb_suspend(struct usb_interface *intf, pm_message_t message)
{
	struct kmb_usb *dev = usb_get_intfdata(intf);

	if (dev && dev->opened)
		kmb_usb_stop_io(dev);
	return 0;
}

static int kmb_usb_resume(struct usb_interface *intf)
{
	struct kmb_usb *dev = usb_get_intfdata(intf);

	if (dev && dev->opened)
		return kmb_usb_start_io(dev, GFP_NOIO);
	return 0;
}

static const struct usb_device_id kmb_usb_ids[] = {
	{ USB_DEVICE(USB_VENDOR_ID_KMB, USB_PRODUCT_ID_KMB_SER) },
	{ USB_DEVICE(USB_VENDOR_ID_KMB, USB_PRODUCT_ID_KMB_SER_ISO) },
	{ }
};
MODULE_DEVICE_TABLE(usb, kmb_usb_ids);

static struct usb_driver kmb_usb_driver = {
	.name = "kmb_usb_serial_adapter",
	.probe = kmb_usb_probe,
	.disconnect = kmb_usb_disconnect,
	.suspend = kmb_usb_suspend,
	.resume = kmb_usb_resume,
	.id_table = kmb_usb_ids,
	.dev_groups = kmb_usb_groups,
	.supports_autosuspend = 1,
};
module_usb_driver(kmb_usb_driver);

MODULE_AUTHOR("kmemlint bench");
MODULE_DESCRIPTION("KMB USB serial adapter driver");
MODULE_LICENSE("GPL");
