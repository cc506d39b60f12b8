// SPDX-License-Identifier: GPL-2.0
/*
 * KMB DSP firmware loader.
 *
 * The DSP boots from an image the host pushes into its program memory
 * through a small DMA engine. The image file starts with a header and a
 * section table; code and data sections are written to the DSP, the
 * configuration section is kept by the host and sent over the mailbox at
 * boot, and overlay sections are relocated and copied straight into the
 * shared SRAM window. A copy of the code section is kept so the DSP can
 * be restarted after suspend without going back to the filesystem.
 */

#include <linux/completion.h>
#include <linux/crc32.h>
#include <linux/devcoredump.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/firmware.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/platform_device.h>
#include <linux/pm.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#define KMB_FW_REG_CTRL			0x00
#define KMB_FW_REG_STATUS		0x04
#define KMB_FW_REG_IRQ_STATUS		0x08
#define KMB_FW_REG_EVT_TYPE		0x0c
#define KMB_FW_REG_EVT_DATA		0x10
#define KMB_FW_REG_DMA_SRC_LO		0x20
#define KMB_FW_REG_DMA_SRC_HI		0x24
#define KMB_FW_REG_DMA_DST		0x28
#define KMB_FW_REG_DMA_LEN		0x2c
#define KMB_FW_REG_DMA_CTRL		0x30
#define KMB_FW_REG_MBOX_ADDR_LO		0x40
#define KMB_FW_REG_MBOX_ADDR_HI		0x44
#define KMB_FW_REG_MBOX_LEN		0x48
#define KMB_FW_REG_MBOX_DOORBELL	0x4c
#define KMB_FW_REG_MBOX_DATA		0x80

#define KMB_FW_CTRL_RESET		BIT(0)
#define KMB_FW_CTRL_RUN			BIT(1)
#define KMB_FW_DMA_START		BIT(0)
#define KMB_FW_DMA_BUSY			BIT(1)
#define KMB_FW_DMA_ERROR		BIT(2)

#define KMB_FW_IRQ_MBOX_ACK		BIT(0)
#define KMB_FW_IRQ_EVENT		BIT(1)
#define KMB_FW_IRQ_CRASH		BIT(2)

#define KMB_FW_MAGIC			0x464d424b	/* "KBMF" */
#define KMB_FW_MAX_SECTIONS		32
#define KMB_FW_MAX_CONFIG		SZ_64K
#define KMB_FW_CHUNK_ORDER		2
#define KMB_FW_CHUNK_SIZE		(PAGE_SIZE << KMB_FW_CHUNK_ORDER)
#define KMB_FW_SCRATCH_ORDER		0
#define KMB_FW_SCRATCH_SIZE		(PAGE_SIZE << KMB_FW_SCRATCH_ORDER)
#define KMB_FW_CAPS_WORDS		8
#define KMB_FW_DEFAULT_NAME		"kmb/dsp.bin"

#define KMB_FW_CMD_CONFIG		0x01
#define KMB_FW_CMD_CAPS			0x02

enum kmb_fw_section_type {
	KMB_FW_SEC_CODE		= 1,
	KMB_FW_SEC_DATA		= 2,
	KMB_FW_SEC_CONFIG	= 3,
	KMB_FW_SEC_OVERLAY	= 4,
};

enum kmb_fw_event_type {
	KMB_FW_EVT_DSP		= 1,
	KMB_FW_EVT_STATE	= 2,
};

struct kmb_fw_header {
	__le32 magic;
	__le16 ver_major;
	__le16 ver_minor;
	__le32 nsections;
	__le32 flags;
	char name[16];
} __packed;

struct kmb_fw_section {
	__le32 type;
	__le32 offset;
	__le32 size;
	__le32 load_addr;
	__le32 crc;
} __packed;

struct kmb_fw_cfg_header {
	__le32 entries;
	__le32 reserved;
} __packed;

struct kmb_fw_msg {
	__le32 cmd;
	__le32 len;
	u8 payload[];
} __packed;

struct kmb_fw_event {
	struct list_head node;
	u32 type;
	u32 data;
};

struct kmb_fw_priv {
	struct device *dev;
	void __iomem *base;
	void __iomem *sram;
	resource_size_t sram_size;
	int irq;
	const char *fw_name;

	/* serialises loading, booting and the mailbox */
	struct mutex lock;
	struct completion mbox_done;
	unsigned long scratch;

	spinlock_t evt_lock;
	struct list_head evt_list;
	struct work_struct evt_work;

	struct kmb_fw_section *sections;
	unsigned int nsections;
	void *image;
	size_t image_size;
	u32 image_addr;
	void *config;
	size_t config_len;
	void *saved;

	u32 fw_version;
	u32 caps;
	u32 state;
	bool running;
};

static struct kmb_fw_event *kmb_fw_new_event(u32 type, u32 data, gfp_t gfp)
{
	struct kmb_fw_event *ev;

	ev = kzalloc(sizeof(*ev), gfp);
	if (!ev)
		return NULL;

	ev->type = type;
	ev->data = data;
	return ev;
}

static void kmb_fw_notify_state(struct kmb_fw_priv *priv, u32 state)
{
	struct kmb_fw_event *ev;
	unsigned long flags;

	spin_lock_irqsave(&priv->evt_lock, flags);
	ev = kmb_fw_new_event(KMB_FW_EVT_STATE, state, GFP_KERNEL);
	if (ev)
		list_add_tail(&ev->node, &priv->evt_list);
	spin_unlock_irqrestore(&priv->evt_lock, flags);

	schedule_work(&priv->evt_work);
}

static void kmb_fw_evt_work(struct work_struct *work)
{
	struct kmb_fw_priv *priv = container_of(work, struct kmb_fw_priv,
						evt_work);
	struct kmb_fw_event *ev, *tmp;
	LIST_HEAD(events);

	spin_lock_irq(&priv->evt_lock);
	list_splice_init(&priv->evt_list, &events);
	spin_unlock_irq(&priv->evt_lock);

	list_for_each_entry_safe(ev, tmp, &events, node) {
		switch (ev->type) {
		case KMB_FW_EVT_STATE:
			WRITE_ONCE(priv->state, ev->data);
			break;
		case KMB_FW_EVT_DSP:
			dev_dbg(priv->dev, "dsp event %08x\n", ev->data);
			break;
		}
		list_del(&ev->node);
		kfree(ev);
	}
}

static void kmb_fw_flush_events(struct kmb_fw_priv *priv)
{
	struct kmb_fw_event *ev, *tmp;

	spin_lock_irq(&priv->evt_lock);
	list_for_each_entry_safe(ev, tmp, &priv->evt_list, node) {
		list_del(&ev->node);
		kfree(ev);
	}
	spin_unlock_irq(&priv->evt_lock);
}

static irqreturn_t kmb_fw_irq(int irq, void *data)
{
	struct kmb_fw_priv *priv = data;
	struct kmb_fw_event *ev;
	irqreturn_t ret = IRQ_HANDLED;
	u32 status;

	status = readl(priv->base + KMB_FW_REG_IRQ_STATUS);
	if (!status)
		return IRQ_NONE;
	writel(status, priv->base + KMB_FW_REG_IRQ_STATUS);

	if (status & KMB_FW_IRQ_MBOX_ACK)
		complete(&priv->mbox_done);

	if (status & KMB_FW_IRQ_EVENT) {
		spin_lock(&priv->evt_lock);
		ev = kmb_fw_new_event(readl(priv->base + KMB_FW_REG_EVT_TYPE),
				      readl(priv->base + KMB_FW_REG_EVT_DATA),
				      GFP_ATOMIC);
		if (ev)
			list_add_tail(&ev->node, &priv->evt_list);
		spin_unlock(&priv->evt_lock);
		schedule_work(&priv->evt_work);
	}

	if (status & KMB_FW_IRQ_CRASH)
		ret = IRQ_WAKE_THREAD;

	return ret;
}

static irqreturn_t kmb_fw_irq_thread(int irq, void *data)
{
	struct kmb_fw_priv *priv = data;
	size_t len = priv->sram_size;
	void *dump;

	dev_err(priv->dev, "DSP crashed, status %08x\n",
		readl(priv->base + KMB_FW_REG_STATUS));

	mutex_lock(&priv->lock);
	priv->running = false;
	writel(KMB_FW_CTRL_RESET, priv->base + KMB_FW_REG_CTRL);

	dump = vmalloc(len);
	if (dump) {
		memcpy_fromio(dump, priv->sram, len);
		/* the devcoredump core owns the buffer from here on */
		dev_coredumpv(priv->dev, dump, len, GFP_KERNEL);
	}
	mutex_unlock(&priv->lock);

	return IRQ_HANDLED;
}

/* Caller holds priv->lock. */
static int kmb_fw_mbox_xfer(struct kmb_fw_priv *priv, const void *msg,
			    size_t len)
{
	void *mb = (void *)priv->scratch;
	dma_addr_t dma;
	int ret = 0;

	if (len > KMB_FW_SCRATCH_SIZE)
		return -EMSGSIZE;

	memcpy(mb, msg, len);
	dma = dma_map_single(priv->dev, mb, len, DMA_TO_DEVICE);
	if (dma_mapping_error(priv->dev, dma))
		return -ENOMEM;

	reinit_completion(&priv->mbox_done);
	writel(lower_32_bits(dma), priv->base + KMB_FW_REG_MBOX_ADDR_LO);
	writel(upper_32_bits(dma), priv->base + KMB_FW_REG_MBOX_ADDR_HI);
	writel(len, priv->base + KMB_FW_REG_MBOX_LEN);
	writel(1, priv->base + KMB_FW_REG_MBOX_DOORBELL);

	if (!wait_for_completion_timeout(&priv->mbox_done,
					 msecs_to_jiffies(500)))
		ret = -ETIMEDOUT;

	dma_unmap_single(priv->dev, dma, len, DMA_TO_DEVICE);
	return ret;
}

/*
 * Send @msg to the DSP and release it. The buffer belongs to this function
 * whatever the outcome.
 */
static int kmb_fw_send_msg(struct kmb_fw_priv *priv, struct kmb_fw_msg *msg,
			   size_t len)
{
	int ret;

	ret = kmb_fw_mbox_xfer(priv, msg, len);
	kfree(msg);
	return ret;
}

/* Caller holds priv->lock. */
static int kmb_fw_query_caps(struct kmb_fw_priv *priv)
{
	struct kmb_fw_msg *req = NULL;
	u32 *caps = NULL;
	int ret = -ENOMEM;

	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		goto out;

	caps = kmalloc(KMB_FW_CAPS_WORDS * sizeof(*caps), GFP_KERNEL);
	if (!caps)
		goto out;

	req->cmd = cpu_to_le32(KMB_FW_CMD_CAPS);
	ret = kmb_fw_mbox_xfer(priv, req, sizeof(*req));
	if (ret)
		goto out;

	memcpy_fromio(caps, priv->base + KMB_FW_REG_MBOX_DATA,
		      KMB_FW_CAPS_WORDS * sizeof(*caps));
	priv->caps = caps[0];
	ret = 0;
out:
	kfree(caps);
	kfree(req);
	return ret;
}

/* Caller holds priv->lock. */
static int kmb_fw_dma_to_dsp(struct kmb_fw_priv *priv, dma_addr_t src,
			     size_t len, u32 dst)
{
	u32 val;
	int ret;

	writel(lower_32_bits(src), priv->base + KMB_FW_REG_DMA_SRC_LO);
	writel(upper_32_bits(src), priv->base + KMB_FW_REG_DMA_SRC_HI);
	writel(dst, priv->base + KMB_FW_REG_DMA_DST);
	writel(len, priv->base + KMB_FW_REG_DMA_LEN);
	writel(KMB_FW_DMA_START, priv->base + KMB_FW_REG_DMA_CTRL);

	ret = readl_poll_timeout(priv->base + KMB_FW_REG_DMA_CTRL, val,
				 !(val & KMB_FW_DMA_BUSY), 10, 100000);
	if (ret)
		return ret;

	return (val & KMB_FW_DMA_ERROR) ? -EIO : 0;
}

/* Caller holds priv->lock. */
static int kmb_fw_write_chunks(struct kmb_fw_priv *priv, const u8 *data,
			       size_t len, u32 addr)
{
	unsigned long buf;
	dma_addr_t dma;
	size_t chunk;
	int ret = 0;

	buf = __get_free_pages(GFP_KERNEL, KMB_FW_CHUNK_ORDER);
	if (!buf)
		return -ENOMEM;

	while (len) {
		chunk = min_t(size_t, len, KMB_FW_CHUNK_SIZE);
		memcpy((void *)buf, data, chunk);

		dma = dma_map_single(priv->dev, (void *)buf, chunk,
				     DMA_TO_DEVICE);
		if (dma_mapping_error(priv->dev, dma)) {
			ret = -ENOMEM;
			break;
		}

		ret = kmb_fw_dma_to_dsp(priv, dma, chunk, addr);
		dma_unmap_single(priv->dev, dma, chunk, DMA_TO_DEVICE);
		if (ret)
			break;

		data += chunk;
		addr += chunk;
		len -= chunk;
	}

	free_pages(buf, 1);
	return ret;
}

static int kmb_fw_check_header(struct kmb_fw_priv *priv,
			       const struct firmware *fw)
{
	struct kmb_fw_header *hdr;
	size_t table_end;
	u32 nsec;
	int ret = 0;

	if (fw->size < sizeof(*hdr))
		return -EINVAL;

	/* the header is packed; work on an aligned copy */
	hdr = kmemdup(fw->data, sizeof(*hdr), GFP_KERNEL);
	if (!hdr)
		return -ENOMEM;

	if (le32_to_cpu(hdr->magic) != KMB_FW_MAGIC) {
		ret = -EINVAL;
		goto out;
	}

	nsec = le32_to_cpu(hdr->nsections);
	table_end = sizeof(*hdr) + array_size(nsec, sizeof(struct kmb_fw_section));
	if (!nsec || nsec > KMB_FW_MAX_SECTIONS || table_end > fw->size) {
		ret = -EINVAL;
		goto out;
	}

	priv->nsections = nsec;
	priv->fw_version = le16_to_cpu(hdr->ver_major) << 16 |
			   le16_to_cpu(hdr->ver_minor);
out:
	kfree(hdr);
	if (ret)
		dev_err(priv->dev, "invalid firmware header (magic %08x)\n",
			le32_to_cpu(hdr->magic));
	return ret;
}

static int kmb_fw_parse_sections(struct kmb_fw_priv *priv,
				 const struct firmware *fw)
{
	struct kmb_fw_section *sec;
	unsigned int i;
	u32 off, size;

	sec = kmalloc(priv->nsections * sizeof(*sec), GFP_KERNEL);
	if (!sec)
		return -ENOMEM;

	memcpy(sec, fw->data + sizeof(struct kmb_fw_header),
	       priv->nsections * sizeof(*sec));

	for (i = 0; i < priv->nsections; i++) {
		off = le32_to_cpu(sec[i].offset);
		size = le32_to_cpu(sec[i].size);
		if (!size || off > fw->size || size > fw->size - off) {
			dev_err(priv->dev, "section %u out of bounds\n", i);
			kfree(sec);
			return -EINVAL;
		}
	}

	priv->sections = sec;
	return 0;
}

static int kmb_fw_load_image(struct kmb_fw_priv *priv,
			     const struct firmware *fw,
			     const struct kmb_fw_section *sec)
{
	size_t len = le32_to_cpu(sec->size);
	void *img;

	img = vmalloc(len);
	if (!img)
		return -ENOMEM;

	memcpy(img, fw->data + le32_to_cpu(sec->offset), len);
	if (crc32_le(~0, img, len) != le32_to_cpu(sec->crc)) {
		dev_err(priv->dev, "code section checksum mismatch\n");
		kfree(img);
		return -EBADMSG;
	}

	vfree(priv->image);
	priv->image = img;
	priv->image_size = len;
	priv->image_addr = le32_to_cpu(sec->load_addr);
	return 0;
}

static int kmb_fw_parse_config(struct kmb_fw_priv *priv,
			       const struct firmware *fw,
			       const struct kmb_fw_section *sec)
{
	size_t len = le32_to_cpu(sec->size);
	struct kmb_fw_cfg_header *chdr;
	u32 entries;
	void *cfg;

	if (len < sizeof(*chdr) || len > KMB_FW_MAX_CONFIG)
		return -EINVAL;

	cfg = kmemdup(fw->data + le32_to_cpu(sec->offset), len, GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;

	chdr = cfg;
	entries = le32_to_cpu(chdr->entries);
	if (entries > (len - sizeof(*chdr)) / (2 * sizeof(u32))) {
		dev_err(priv->dev, "config section truncated (%u entries)\n",
			entries);
		return -EINVAL;
	}

	kfree(priv->config);
	priv->config = cfg;
	priv->config_len = len;
	return 0;
}

static int kmb_fw_stage_overlay(struct kmb_fw_priv *priv,
				const struct firmware *fw,
				const struct kmb_fw_section *sec)
{
	u32 addr = le32_to_cpu(sec->load_addr);
	size_t len = le32_to_cpu(sec->size);
	size_t i, words = len / sizeof(u32);
	__le32 *ovl;

	if (addr > priv->sram_size || len > priv->sram_size - addr ||
	    len % sizeof(u32))
		return -EINVAL;

	ovl = vmalloc(len);
	memcpy(ovl, fw->data + le32_to_cpu(sec->offset), len);

	/* overlays are linked at 0; rebase absolute words to the window */
	for (i = 0; i < words; i++)
		if (le32_to_cpu(ovl[i]) & BIT(31))
			ovl[i] = cpu_to_le32((le32_to_cpu(ovl[i]) & ~BIT(31)) +
					     addr);

	if (!ovl)
		return -ENOMEM;

	memcpy_toio(priv->sram + addr, ovl, len);
	vfree(ovl);
	return 0;
}

static void kmb_fw_release_images(struct kmb_fw_priv *priv)
{
	vfree(priv->image);
	priv->image = NULL;
	priv->image_size = 0;
	kfree(priv->config);
	priv->config = NULL;
	priv->config_len = 0;
	kfree(priv->sections);
	priv->sections = NULL;
	priv->nsections = 0;
}

/* Caller holds priv->lock. */
static int kmb_fw_boot(struct kmb_fw_priv *priv)
{
	struct kmb_fw_msg *msg;
	size_t len;
	int ret;

	writel(KMB_FW_CTRL_RESET, priv->base + KMB_FW_REG_CTRL);
	ret = kmb_fw_write_chunks(priv, priv->image, priv->image_size,
				  priv->image_addr);
	if (ret)
		return ret;

	writel(KMB_FW_CTRL_RUN, priv->base + KMB_FW_REG_CTRL);

	if (priv->config) {
		len = struct_size(msg, payload, priv->config_len);
		msg = kzalloc(len, GFP_KERNEL);
		if (!msg) {
			ret = -ENOMEM;
			goto err_stop;
		}

		msg->cmd = cpu_to_le32(KMB_FW_CMD_CONFIG);
		msg->len = cpu_to_le32(priv->config_len);
		memcpy(msg->payload, priv->config, priv->config_len);

		ret = kmb_fw_send_msg(priv, msg, len);
		if (ret) {
			kfree(msg);
			goto err_stop;
		}
	}

	ret = kmb_fw_query_caps(priv);
	if (ret)
		goto err_stop;

	priv->running = true;
	return 0;

err_stop:
	writel(KMB_FW_CTRL_RESET, priv->base + KMB_FW_REG_CTRL);
	return ret;
}

/* Caller holds priv->lock. */
static int kmb_fw_load(struct kmb_fw_priv *priv)
{
	const struct kmb_fw_section *sec;
	const struct firmware *fw;
	unsigned int i;
	int ret;

	ret = request_firmware(&fw, priv->fw_name, priv->dev);
	if (ret)
		return ret;

	ret = kmb_fw_check_header(priv, fw);
	if (ret)
		goto out_release;

	ret = kmb_fw_parse_sections(priv, fw);
	if (ret)
		goto out_release;

	for (i = 0; i < priv->nsections && !ret; i++) {
		sec = &priv->sections[i];
		switch (le32_to_cpu(sec->type)) {
		case KMB_FW_SEC_CODE:
			ret = kmb_fw_load_image(priv, fw, sec);
			break;
		case KMB_FW_SEC_DATA:
			ret = kmb_fw_write_chunks(priv,
					fw->data + le32_to_cpu(sec->offset),
					le32_to_cpu(sec->size),
					le32_to_cpu(sec->load_addr));
			break;
		case KMB_FW_SEC_CONFIG:
			ret = kmb_fw_parse_config(priv, fw, sec);
			break;
		case KMB_FW_SEC_OVERLAY:
			ret = kmb_fw_stage_overlay(priv, fw, sec);
			break;
		default:
			dev_warn(priv->dev, "skipping section %u of type %u\n",
				 i, le32_to_cpu(sec->type));
			break;
		}
	}
	if (!ret && !priv->image)
		ret = -ENOEXEC;
	if (ret)
		goto out_free;

	ret = kmb_fw_boot(priv);
	if (ret)
		goto out_free;

	kmb_fw_notify_state(priv, 1);
	dev_info(priv->dev, "DSP firmware %u.%u running, caps %08x\n",
		 priv->fw_version >> 16, priv->fw_version & 0xffff, priv->caps);
	release_firmware(fw);
	return 0;

out_free:
	kmb_fw_release_images(priv);
out_release:
	release_firmware(fw);
	return ret;
}

static ssize_t state_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct kmb_fw_priv *priv = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%s %u\n",
			  READ_ONCE(priv->running) ? "running" : "stopped",
			  READ_ONCE(priv->state));
}
static DEVICE_ATTR_RO(state);

static ssize_t reload_store(struct device *dev, struct device_attribute *attr,
			    const char *buf, size_t count)
{
	struct kmb_fw_priv *priv = dev_get_drvdata(dev);
	int ret;

	mutex_lock(&priv->lock);
	writel(KMB_FW_CTRL_RESET, priv->base + KMB_FW_REG_CTRL);
	priv->running = false;
	kmb_fw_release_images(priv);
	ret = kmb_fw_load(priv);
	mutex_unlock(&priv->lock);

	return ret ? ret : count;
}
static DEVICE_ATTR_WO(reload);

static struct attribute *kmb_fw_attrs[] = {
	&dev_attr_state.attr,
	&dev_attr_reload.attr,
	NULL
};
ATTRIBUTE_GROUPS(kmb_fw);

static int kmb_fw_suspend(struct device *dev)
{
	struct kmb_fw_priv *priv = dev_get_drvdata(dev);
	void *saved;
	int ret = 0;

	mutex_lock(&priv->lock);
	if (!priv->running)
		goto out;

	saved = vmalloc(priv->sram_size);
	if (!saved) {
		ret = -ENOMEM;
		goto out;
	}

	memcpy_fromio(saved, priv->sram, priv->sram_size);
	writel(KMB_FW_CTRL_RESET, priv->base + KMB_FW_REG_CTRL);
	priv->saved = saved;
	priv->running = false;
out:
	mutex_unlock(&priv->lock);
	return ret;
}

static int kmb_fw_resume(struct device *dev)
{
	struct kmb_fw_priv *priv = dev_get_drvdata(dev);
	int ret = 0;

	mutex_lock(&priv->lock);
	if (!priv->saved)
		goto out;

	ret = kmb_fw_boot(priv);
	if (!ret)
		memcpy_toio(priv->sram, priv->saved, priv->sram_size);

	vfree(priv->saved);
	priv->saved = NULL;
out:
	mutex_unlock(&priv->lock);
	return ret;
}

static DEFINE_SIMPLE_DEV_PM_OPS(kmb_fw_pm_ops, kmb_fw_suspend, kmb_fw_resume);

static int kmb_fw_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kmb_fw_priv *priv;
	struct resource *res;
	int ret;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->dev = dev;
	mutex_init(&priv->lock);
	spin_lock_init(&priv->evt_lock);
	INIT_LIST_HEAD(&priv->evt_list);
	INIT_WORK(&priv->evt_work, kmb_fw_evt_work);
	init_completion(&priv->mbox_done);

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->sram = devm_platform_get_and_ioremap_resource(pdev, 1, &res);
	if (IS_ERR(priv->sram))
		return PTR_ERR(priv->sram);
	priv->sram_size = resource_size(res);

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;

	if (device_property_read_string(dev, "firmware-name", &priv->fw_name))
		priv->fw_name = KMB_FW_DEFAULT_NAME;

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;

	priv->scratch = __get_free_pages(GFP_KERNEL, KMB_FW_SCRATCH_ORDER);
	if (!priv->scratch)
		return -ENOMEM;

	platform_set_drvdata(pdev, priv);

	ret = request_threaded_irq(priv->irq, kmb_fw_irq, kmb_fw_irq_thread,
				   IRQF_ONESHOT, dev_name(dev), priv);
	if (ret)
		goto err_free_scratch;

	mutex_lock(&priv->lock);
	ret = kmb_fw_load(priv);
	mutex_unlock(&priv->lock);
	if (ret) {
		dev_err_probe(dev, ret, "failed to load %s\n", priv->fw_name);
		goto err_free_irq;
	}

	return 0;

err_free_irq:
	free_irq(priv->irq, priv);
	cancel_work_sync(&priv->evt_work);
	kmb_fw_flush_events(priv);
err_free_scratch:
	free_pages(priv->scratch, KMB_FW_SCRATCH_ORDER);
	return ret;
}

static int kmb_fw_remove(struct platform_device *pdev)
{
	struct kmb_fw_priv *priv = platform_get_drvdata(pdev);

	writel(KMB_FW_CTRL_RESET, priv->base + KMB_FW_REG_CTRL);
	free_irq(priv->irq, priv);
	cancel_work_sync(&priv->evt_work);
	kmb_fw_flush_events(priv);

	mutex_lock(&priv->lock);
	kmb_fw_release_images(priv);
	vfree(priv->saved);
	priv->saved = NULL;
	mutex_unlock(&priv->lock);

	free_pages(priv->scratch, KMB_FW_SCRATCH_ORDER);
	return 0;
}

static const struct of_device_id kmb_fw_of_match[] = {
	{ .compatible = "kmb,dsp-loader" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_fw_of_match);

static struct platform_driver kmb_fw_driver = {
	.probe	= kmb_fw_probe,
	.remove	= kmb_fw_remove,
	.driver	= {
		.name		= "kmb-dsp-loader",
		.of_match_table	= kmb_fw_of_match,
		.dev_groups	= kmb_fw_groups,
		.pm		= pm_sleep_ptr(&kmb_fw_pm_ops),
	},
};
module_platform_driver(kmb_fw_driver);

MODULE_AUTHOR("kmemlint bench");
MODULE_DESCRIPTION("KMB DSP firmware loader");
MODULE_LICENSE("GPL");
MODULE_FIRMWARE(KMB_FW_DEFAULT_NAME);
