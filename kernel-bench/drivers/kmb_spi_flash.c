// SPDX-License-Identifier: GPL-2.0
/*
 * KMB SPI NOR flash driver.
 *
 * Drives small 3-byte-address SPI NOR parts and exposes them as a
 * character device (/dev/kmb-flash-<spi dev>). Reads are synchronous;
 * writes and block erases are queued and carried out by a work item so
 * that writers are not held up by page-program and erase latencies.
 * Partitions come from firmware child nodes and are only used to refuse
 * writes to read-only areas and to answer the partition query ioctl.
 *
 * All SPI transfers go through the command path below, serialised by
 * flash->lock. Transfer buffers are kmalloc'd so they are DMA-safe.
 */

#include <linux/crc32.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/miscdevice.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#define KMB_FLASH_CMD_WRSR		0x01
#define KMB_FLASH_CMD_PP		0x02
#define KMB_FLASH_CMD_READ		0x03
#define KMB_FLASH_CMD_RDSR		0x05
#define KMB_FLASH_CMD_WREN		0x06
#define KMB_FLASH_CMD_RDID		0x9f
#define KMB_FLASH_CMD_BE		0xd8

#define KMB_FLASH_SR_WIP		BIT(0)

#define KMB_FLASH_CMD_LEN		4
#define KMB_FLASH_ID_LEN		6
#define KMB_FLASH_PAGE_SIZE		256
#define KMB_FLASH_BLOCK_SIZE		SZ_64K
#define KMB_FLASH_VERIFY_ORDER		4	/* one 64 KiB block in 4 KiB pages */
#define KMB_FLASH_MAX_PARTS		16
#define KMB_FLASH_MAX_QUEUED		1024
#define KMB_FLASH_ERASE_TIMEOUT		msecs_to_jiffies(2000)

struct kmb_flash_part_info {
	__u32 index;
	__u32 offset;
	__u32 size;
	__u32 flags;
	char name[32];
};

struct kmb_flash_crc_req {
	__u32 offset;
	__u32 len;
	__u32 crc;
};

#define KMB_FLASH_PART_RO		0x1

#define KMB_FLASH_IOC_ERASE		_IOW('F', 0x10, __u32)
#define KMB_FLASH_IOC_ERASE_ASYNC	_IOW('F', 0x11, __u32)
#define KMB_FLASH_IOC_GET_PART		_IOWR('F', 0x12, struct kmb_flash_part_info)
#define KMB_FLASH_IOC_CRC		_IOWR('F', 0x13, struct kmb_flash_crc_req)

struct kmb_flash_part {
	const char *name;
	u32 offset;
	u32 size;
	bool ro;
};

struct kmb_flash_req {
	struct list_head node;
	u8 op;
	u32 addr;
	size_t len;
	u8 data[];
};

struct kmb_flash {
	struct spi_device *spi;
	struct miscdevice misc;

	/* serialises the SPI command path and the buffers below */
	struct mutex lock;
	u8 *cmd_buf;
	u8 *data_buf;
	u8 *sr_buf;

	u8 id[KMB_FLASH_ID_LEN];
	u32 size;
	struct kmb_flash_part *parts;
	unsigned int nr_parts;

	/* protects req_list and nr_reqs */
	spinlock_t req_lock;
	struct list_head req_list;
	unsigned int nr_reqs;
	struct work_struct write_work;
};

static inline struct kmb_flash *file_to_flash(struct file *file)
{
	struct miscdevice *misc = file->private_data;

	return container_of(misc, struct kmb_flash, misc);
}

/* Caller holds flash->lock. @rx and @tx must be DMA-safe. */
static int kmb_flash_xfer(struct kmb_flash *flash, u8 op, u32 addr,
			  bool with_addr, void *rx, const void *tx, size_t len)
{
	struct spi_transfer xfers[2] = { };
	u8 *cmd = flash->cmd_buf;
	unsigned int n = 1;

	cmd[0] = op;
	xfers[0].len = 1;
	if (with_addr) {
		cmd[1] = addr >> 16;
		cmd[2] = addr >> 8;
		cmd[3] = addr;
		xfers[0].len = KMB_FLASH_CMD_LEN;
	}
	xfers[0].tx_buf = cmd;

	if (len) {
		xfers[1].rx_buf = rx;
		xfers[1].tx_buf = tx;
		xfers[1].len = len;
		n = 2;
	}

	return spi_sync_transfer(flash->spi, xfers, n);
}

/* Caller holds flash->lock. */
static int kmb_flash_wait_ready(struct kmb_flash *flash,
				unsigned long timeout)
{
	unsigned long deadline = jiffies + timeout;
	int ret;

	do {
		ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_RDSR, 0, false,
				     flash->sr_buf, NULL, 1);
		if (ret)
			return ret;
		if (!(flash->sr_buf[0] & KMB_FLASH_SR_WIP))
			return 0;
		usleep_range(100, 200);
	} while (time_before(jiffies, deadline));

	return -ETIMEDOUT;
}

/* Caller holds flash->lock. */
static int kmb_flash_erase_block(struct kmb_flash *flash, u32 addr)
{
	int ret;

	ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_WREN, 0, false, NULL, NULL, 0);
	if (ret)
		return ret;

	ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_BE, addr, true, NULL, NULL, 0);
	if (ret)
		return ret;

	return kmb_flash_wait_ready(flash, KMB_FLASH_ERASE_TIMEOUT);
}

/* Caller holds flash->lock. */
static int kmb_flash_write_page(struct kmb_flash *flash, u32 addr,
				const u8 *data, size_t len)
{
	u8 *xfer_buf;
	int ret;

	/* the request payload lives in a list entry; bounce it */
	xfer_buf = kmemdup(data, len, GFP_KERNEL);
	if (!xfer_buf)
		return -ENOMEM;

	ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_WREN, 0, false, NULL, NULL, 0);
	if (ret)
		goto out;

	ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_PP, addr, true, NULL,
			     xfer_buf, len);
	if (ret) {
		dev_err(&flash->spi->dev, "page program at %#x failed: %d\n",
			addr, ret);
		kfree(xfer_buf);
		goto out;
	}

	ret = kmb_flash_wait_ready(flash, msecs_to_jiffies(10));
out:
	kfree(xfer_buf);
	return ret;
}

static int kmb_flash_check_erased(struct kmb_flash *flash, u32 addr)
{
	unsigned long buf;
	bool erased;
	int ret;

	buf = __get_free_pages(GFP_KERNEL, KMB_FLASH_VERIFY_ORDER);
	if (!buf)
		return -ENOMEM;

	mutex_lock(&flash->lock);
	ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_READ, addr, true,
			     (void *)buf, NULL, KMB_FLASH_BLOCK_SIZE);
	mutex_unlock(&flash->lock);
	if (ret) {
		free_page(buf);
		return ret;
	}

	erased = !memchr_inv((void *)buf, 0xff, KMB_FLASH_BLOCK_SIZE);
	free_pages(buf, KMB_FLASH_VERIFY_ORDER);

	return erased ? 0 : -EIO;
}

static int kmb_flash_checksum(struct kmb_flash *flash, u32 addr, u32 len,
			      u32 *crc)
{
	u32 chunk, sum = ~0;
	u8 *buf;
	int ret = 0;

	buf = kmalloc(KMB_FLASH_BLOCK_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	mutex_lock(&flash->lock);
	while (len) {
		chunk = min_t(u32, len, KMB_FLASH_BLOCK_SIZE);
		ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_READ, addr, true,
				     buf, NULL, chunk);
		if (ret)
			break;
		sum = crc32_le(sum, buf, chunk);
		addr += chunk;
		len -= chunk;
	}
	mutex_unlock(&flash->lock);

	if (!ret)
		*crc = ~sum;
	vfree(buf);
	return ret;
}

static struct kmb_flash_req *kmb_flash_req_alloc(struct kmb_flash *flash,
						 u8 op, u32 addr, size_t len)
{
	struct kmb_flash_req *req;

	req = kzalloc(struct_size(req, data, len), GFP_KERNEL);
	if (!req)
		return NULL;

	req->op = op;
	req->addr = addr;
	req->len = len;
	return req;
}

static int kmb_flash_queue_erase(struct kmb_flash *flash, u32 addr)
{
	struct kmb_flash_req *req;
	int ret = 0;

	spin_lock(&flash->req_lock);
	list_for_each_entry(req, &flash->req_list, node)
		if (req->op == KMB_FLASH_CMD_BE && req->addr == addr)
			goto out;

	if (flash->nr_reqs >= KMB_FLASH_MAX_QUEUED) {
		ret = -EBUSY;
		goto out;
	}

	req = kmb_flash_req_alloc(flash, KMB_FLASH_CMD_BE, addr, 0);
	if (!req) {
		ret = -ENOMEM;
		goto out;
	}
	list_add_tail(&req->node, &flash->req_list);
	flash->nr_reqs++;
out:
	spin_unlock(&flash->req_lock);

	if (!ret)
		schedule_work(&flash->write_work);
	return ret;
}

/* Caller holds flash->lock. */
static int kmb_flash_exec_req(struct kmb_flash *flash,
			      struct kmb_flash_req *req)
{
	if (req->op == KMB_FLASH_CMD_BE)
		return kmb_flash_erase_block(flash, req->addr);

	return kmb_flash_write_page(flash, req->addr, req->data, req->len);
}

static void kmb_flash_write_work(struct work_struct *work)
{
	struct kmb_flash *flash = container_of(work, struct kmb_flash,
					       write_work);
	struct kmb_flash_req *req, *tmp;
	LIST_HEAD(list);
	int ret;

	spin_lock(&flash->req_lock);
	list_splice_init(&flash->req_list, &list);
	flash->nr_reqs = 0;
	spin_unlock(&flash->req_lock);

	mutex_lock(&flash->lock);
	list_for_each_entry_safe(req, tmp, &list, node) {
		ret = kmb_flash_exec_req(flash, req);
		if (ret)
			dev_err_ratelimited(&flash->spi->dev,
					    "request %#x at %#x failed: %d\n",
					    req->op, req->addr, ret);
		kfree(req);
		list_del(&req->node);
	}
	mutex_unlock(&flash->lock);
}

static void kmb_flash_discard_queue(struct kmb_flash *flash)
{
	struct kmb_flash_req *req, *tmp;

	spin_lock(&flash->req_lock);
	list_for_each_entry_safe(req, tmp, &flash->req_list, node) {
		list_del(&req->node);
		kfree(req);
	}
	flash->nr_reqs = 0;
	spin_unlock(&flash->req_lock);
}

static bool kmb_flash_is_ro(struct kmb_flash *flash, u32 addr)
{
	unsigned int i;

	for (i = 0; i < flash->nr_parts; i++)
		if (addr >= flash->parts[i].offset &&
		    addr - flash->parts[i].offset < flash->parts[i].size)
			return flash->parts[i].ro;
	return false;
}

/* file operations */

static ssize_t kmb_flash_read(struct file *file, char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct kmb_flash *flash = file_to_flash(file);
	loff_t pos = *ppos;
	size_t done = 0, chunk;
	int ret = 0;

	if (pos >= flash->size)
		return 0;
	count = min_t(size_t, count, flash->size - pos);

	mutex_lock(&flash->lock);
	while (done < count) {
		chunk = min_t(size_t, count - done, KMB_FLASH_PAGE_SIZE);
		ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_READ, pos + done,
				     true, flash->data_buf, NULL, chunk);
		if (ret)
			break;
		if (copy_to_user(ubuf + done, flash->data_buf, chunk)) {
			ret = -EFAULT;
			break;
		}
		done += chunk;
	}
	mutex_unlock(&flash->lock);

	if (!done)
		return ret;
	*ppos = pos + done;
	return done;
}

static ssize_t kmb_flash_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct kmb_flash *flash = file_to_flash(file);
	struct kmb_flash_req *req;
	loff_t pos = *ppos;
	size_t len;

	if (pos >= flash->size)
		return -ENOSPC;
	if (kmb_flash_is_ro(flash, pos))
		return -EROFS;

	/* one request per flash page; the caller loops */
	len = min_t(size_t, count,
		    KMB_FLASH_PAGE_SIZE - (pos % KMB_FLASH_PAGE_SIZE));
	len = min_t(size_t, len, flash->size - pos);

	req = kmb_flash_req_alloc(flash, KMB_FLASH_CMD_PP, pos, len);
	if (!req)
		return -ENOMEM;

	if (copy_from_user(req->data, ubuf, len)) {
		kfree(req);
		return -EFAULT;
	}

	spin_lock(&flash->req_lock);
	if (flash->nr_reqs >= KMB_FLASH_MAX_QUEUED) {
		spin_unlock(&flash->req_lock);
		kfree(req);
		return -EAGAIN;
	}
	list_add_tail(&req->node, &flash->req_list);
	flash->nr_reqs++;
	spin_unlock(&flash->req_lock);

	schedule_work(&flash->write_work);

	*ppos = pos + len;
	return len;
}

static int kmb_flash_get_part(struct kmb_flash *flash, void __user *argp)
{
	struct kmb_flash_part_info *info;
	const struct kmb_flash_part *part;
	int ret = 0;

	if (!(info = kzalloc(sizeof(*info), GFP_KERNEL)))
		return -ENOMEM;

	if (copy_from_user(&info->index, argp, sizeof(info->index))) {
		ret = -EFAULT;
		goto out;
	}
	if (info->index >= flash->nr_parts) {
		ret = -ENOENT;
		goto out;
	}

	part = &flash->parts[info->index];
	info->offset = part->offset;
	info->size = part->size;
	info->flags = part->ro ? KMB_FLASH_PART_RO : 0;
	strscpy(info->name, part->name, sizeof(info->name));

	if (copy_to_user(argp, info, sizeof(*info)))
		ret = -EFAULT;
out:
	kfree(info);
	return ret;
}

static long kmb_flash_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	struct kmb_flash *flash = file_to_flash(file);
	void __user *argp = (void __user *)arg;
	struct kmb_flash_crc_req crc;
	u32 addr;
	int ret;

	switch (cmd) {
	case KMB_FLASH_IOC_ERASE:
	case KMB_FLASH_IOC_ERASE_ASYNC:
		if (get_user(addr, (u32 __user *)argp))
			return -EFAULT;
		if (addr >= flash->size || addr % KMB_FLASH_BLOCK_SIZE)
			return -EINVAL;
		if (kmb_flash_is_ro(flash, addr))
			return -EROFS;
		if (cmd == KMB_FLASH_IOC_ERASE_ASYNC)
			return kmb_flash_queue_erase(flash, addr);

		mutex_lock(&flash->lock);
		ret = kmb_flash_erase_block(flash, addr);
		mutex_unlock(&flash->lock);
		if (ret)
			return ret;
		return kmb_flash_check_erased(flash, addr);

	case KMB_FLASH_IOC_GET_PART:
		return kmb_flash_get_part(flash, argp);

	case KMB_FLASH_IOC_CRC:
		if (copy_from_user(&crc, argp, sizeof(crc)))
			return -EFAULT;
		if (crc.offset >= flash->size ||
		    crc.len > flash->size - crc.offset)
			return -EINVAL;
		ret = kmb_flash_checksum(flash, crc.offset, crc.len, &crc.crc);
		if (ret)
			return ret;
		return copy_to_user(argp, &crc, sizeof(crc)) ? -EFAULT : 0;
	}

	return -ENOTTY;
}

static const struct file_operations kmb_flash_fops = {
	.owner		= THIS_MODULE,
	.read		= kmb_flash_read,
	.write		= kmb_flash_write,
	.unlocked_ioctl	= kmb_flash_ioctl,
	.llseek		= default_llseek,
};

/* probe */

static int kmb_flash_alloc_bufs(struct kmb_flash *flash)
{
	flash->cmd_buf = kzalloc(KMB_FLASH_CMD_LEN, GFP_KERNEL);
	if (!flash->cmd_buf)
		return -ENOMEM;

	flash->data_buf = kmalloc(KMB_FLASH_PAGE_SIZE, GFP_KERNEL);
	if (!flash->cmd_buf) {
		kfree(flash->cmd_buf);
		flash->cmd_buf = NULL;
		return -ENOMEM;
	}

	/* erased flash reads back as all-ones */
	memset(flash->data_buf, 0xff, KMB_FLASH_PAGE_SIZE);
	return 0;
}

static void kmb_flash_free_bufs(struct kmb_flash *flash)
{
	kfree(flash->data_buf);
	flash->data_buf = NULL;
	kfree(flash->cmd_buf);
	flash->cmd_buf = NULL;
}

static int kmb_flash_read_id(struct kmb_flash *flash)
{
	struct device *dev = &flash->spi->dev;
	u8 *id;
	int ret;

	/* the SPI core may DMA into this, so not on the stack */
	id = kmalloc(KMB_FLASH_ID_LEN, GFP_KERNEL);
	if (!id)
		return -ENOMEM;

	mutex_lock(&flash->lock);
	ret = kmb_flash_xfer(flash, KMB_FLASH_CMD_RDID, 0, false, id, NULL,
			     KMB_FLASH_ID_LEN);
	mutex_unlock(&flash->lock);
	if (ret)
		return ret;

	if (id[0] == 0x00 || id[0] == 0xff || id[2] < 16 || id[2] > 24) {
		dev_err(dev, "unrecognised JEDEC id %*phN\n", KMB_FLASH_ID_LEN,
			id);
		kfree(id);
		return -ENODEV;
	}

	memcpy(flash->id, id, KMB_FLASH_ID_LEN);
	flash->size = 1U << id[2];
	kfree(id);
	return 0;
}

static int kmb_flash_parse_partitions(struct kmb_flash *flash)
{
	struct device *dev = &flash->spi->dev;
	struct kmb_flash_part *parts;
	struct fwnode_handle *child;
	unsigned int n, i = 0;
	u32 reg[2];

	n = device_get_child_node_count(dev);
	if (!n)
		return 0;
	if (n > KMB_FLASH_MAX_PARTS)
		return -EINVAL;

	parts = devm_kzalloc(dev, n * sizeof(*parts), GFP_KERNEL);
	if (!parts)
		return -ENOMEM;

	device_for_each_child_node(dev, child) {
		if (i >= n) {
			fwnode_handle_put(child);
			break;
		}
		if (fwnode_property_read_u32_array(child, "reg", reg, 2) ||
		    reg[0] >= flash->size || reg[1] > flash->size - reg[0]) {
			dev_err(dev, "bad partition %pfw\n", child);
			fwnode_handle_put(child);
			return -EINVAL;
		}
		if (fwnode_property_read_string(child, "label", &parts[i].name))
			parts[i].name = fwnode_get_name(child);
		parts[i].offset = reg[0];
		parts[i].size = reg[1];
		parts[i].ro = fwnode_property_read_bool(child, "read-only");
		i++;
	}

	flash->parts = parts;
	flash->nr_parts = i;
	return 0;
}

static int kmb_flash_probe(struct spi_device *spi)
{
	struct device *dev = &spi->dev;
	struct kmb_flash *flash;
	int ret;

	flash = devm_kzalloc(dev, sizeof(*flash), GFP_KERNEL);
	if (!flash)
		return -ENOMEM;

	flash->spi = spi;
	mutex_init(&flash->lock);
	spin_lock_init(&flash->req_lock);
	INIT_LIST_HEAD(&flash->req_list);
	INIT_WORK(&flash->write_work, kmb_flash_write_work);
	spi_set_drvdata(spi, flash);

	flash->sr_buf = devm_kmalloc(dev, 1, GFP_KERNEL);
	if (!flash->sr_buf)
		return -ENOMEM;

	ret = kmb_flash_alloc_bufs(flash);
	if (ret)
		return ret;

	ret = kmb_flash_read_id(flash);
	if (ret)
		goto err_free_bufs;

	ret = kmb_flash_parse_partitions(flash);
	if (ret)
		goto err_free_bufs;

	flash->misc.minor = MISC_DYNAMIC_MINOR;
	flash->misc.fops = &kmb_flash_fops;
	flash->misc.parent = dev;
	flash->misc.name = devm_kasprintf(dev, GFP_KERNEL, "kmb-flash-%s",
					  dev_name(dev));
	if (!flash->misc.name) {
		ret = -ENOMEM;
		goto err_free_bufs;
	}

	ret = misc_register(&flash->misc);
	if (ret)
		goto err_free_bufs;

	dev_info(dev, "%u KiB flash, id %*phN, %u partitions\n",
		 flash->size >> 10, KMB_FLASH_ID_LEN, flash->id,
		 flash->nr_parts);
	return 0;

err_free_bufs:
	kmb_flash_free_bufs(flash);
	return ret;
}

static void kmb_flash_remove(struct spi_device *spi)
{
	struct kmb_flash *flash = spi_get_drvdata(spi);

	misc_deregister(&flash->misc);
	cancel_work_sync(&flash->write_work);
	kmb_flash_discard_queue(flash);
	kmb_flash_free_bufs(flash);
}

static const struct spi_device_id kmb_flash_ids[] = {
	{ "kmb-flash" },
	{ }
};
MODULE_DEVICE_TABLE(spi, kmb_flash_ids);

static const struct of_device_id kmb_flash_of_match[] = {
	{ .compatible = "kmb,spi-flash" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_flash_of_match);

static struct spi_driver kmb_flash_driver = {
	.driver = {
		.name		= "kmb-spi-flash",
		.of_match_table	= kmb_flash_of_match,
	},
	.id_table	= kmb_flash_ids,
	.probe		= kmb_flash_probe,
	.remove		= kmb_flash_remove,
};
module_spi_driver(kmb_flash_driver);

MODULE_AUTHOR("kmemlint bench");
MODULE_DESCRIPTION("KMB SPI NOR flash character device driver");
MODULE_LICENSE("GPL");
