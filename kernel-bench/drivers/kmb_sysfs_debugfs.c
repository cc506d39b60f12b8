// SPDX-License-Identifier: GPL-2.0
/*
 * KMB sensor hub driver.
 *
 * The sensor hub is a small memory-mapped block with up to sixteen
 * measurement channels. Each channel has an alarm threshold; the hub
 * raises an interrupt when a channel crosses it. Channel 0 is sampled
 * periodically into a history ring that userspace reads back through
 * debugfs, together with the interrupt event log and a register dump.
 *
 * Channels are created at probe time from firmware properties and can be
 * added, relabelled and removed at run time through sysfs.
 */

#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#define KMB_SD_REG_ID			0x00
#define KMB_SD_REG_CTRL			0x04
#define KMB_SD_REG_IRQ_STATUS		0x08
#define KMB_SD_REG_IRQ_MASK		0x0c
#define KMB_SD_REG_CH_VAL(n)		(0x100 + (n) * 8)
#define KMB_SD_REG_CH_THRESH(n)		(0x104 + (n) * 8)

#define KMB_SD_CTRL_ENABLE		BIT(0)
#define KMB_SD_CTRL_ALARM		BIT(1)

#define KMB_SD_MAX_CHANNELS		16
#define KMB_SD_DEF_CHANNELS		4
#define KMB_SD_DEF_HISTORY		64
#define KMB_SD_MAX_HISTORY		4096
#define KMB_SD_LABEL_MAX		32
#define KMB_SD_EVENT_MAX		128
#define KMB_SD_REGDUMP_ORDER		1
#define KMB_SD_POLL_INTERVAL		msecs_to_jiffies(200)

struct kmb_sd_channel {
	struct list_head node;
	unsigned int id;
	u32 threshold;
	char *label;
};

struct kmb_sd_event {
	struct list_head node;
	u32 status;
	unsigned long stamp;
};

struct kmb_sd_priv {
	struct device *dev;
	void __iomem *base;
	int irq;
	int id;

	/* protects channels, cache and label */
	struct mutex lock;
	struct list_head channels;
	unsigned int nr_channels;
	u32 *cache;
	unsigned int nr_cached;
	char *label;

	/* protects the history ring, taken from the poll timer */
	spinlock_t hist_lock;
	u32 *history;
	unsigned int hist_len;
	unsigned int hist_head;

	/* protects the event log, taken from the interrupt handler */
	spinlock_t event_lock;
	struct list_head events;
	unsigned int nr_events;

	struct dentry *debugfs_root;
	struct timer_list poll_timer;
	struct work_struct refresh_work;
};

static inline u32 kmb_sd_readl(struct kmb_sd_priv *priv, unsigned int reg)
{
	return readl(priv->base + reg);
}

static inline void kmb_sd_writel(struct kmb_sd_priv *priv, unsigned int reg,
				 u32 val)
{
	writel(val, priv->base + reg);
}

static struct kmb_sd_channel *kmb_sd_channel_create(struct kmb_sd_priv *priv,
						    unsigned int id,
						    u32 threshold)
{
	struct kmb_sd_channel *ch;

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return NULL;

	ch->label = kasprintf(GFP_KERNEL, "%s-ch%u", dev_name(priv->dev), id);
	if (!ch->label) {
		kfree(ch);
		return NULL;
	}

	ch->id = id;
	ch->threshold = threshold;
	return ch;
}

static void kmb_sd_channel_destroy(struct kmb_sd_channel *ch)
{
	kfree(ch->label);
	kfree(ch);
}

/* Caller holds priv->lock. */
static struct kmb_sd_channel *kmb_sd_find_channel(struct kmb_sd_priv *priv,
						  unsigned int id)
{
	struct kmb_sd_channel *ch;

	list_for_each_entry(ch, &priv->channels, node)
		if (ch->id == id)
			return ch;
	return NULL;
}

static void kmb_sd_free_channels(struct kmb_sd_priv *priv)
{
	struct kmb_sd_channel *ch, *tmp;

	list_for_each_entry_safe(ch, tmp, &priv->channels, node) {
		list_del(&ch->node);
		kmb_sd_channel_destroy(ch);
	}
	priv->nr_channels = 0;
}

/* Caller holds priv->lock. */
static void kmb_sd_cache_resize(struct kmb_sd_priv *priv, unsigned int nr)
{
	unsigned int old = priv->nr_cached;

	priv->cache = krealloc(priv->cache, array_size(nr, sizeof(*priv->cache)),
			       GFP_KERNEL);
	if (nr > old)
		memset(priv->cache + old, 0, (nr - old) * sizeof(*priv->cache));
	priv->nr_cached = nr;
}

static void kmb_sd_record_event(struct kmb_sd_priv *priv, u32 status)
{
	struct kmb_sd_event *ev, *oldest;

	ev = kmalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return;

	ev->status = status;
	ev->stamp = jiffies;

	spin_lock(&priv->event_lock);
	if (priv->nr_events >= KMB_SD_EVENT_MAX) {
		oldest = list_first_entry(&priv->events, struct kmb_sd_event,
					  node);
		list_del(&oldest->node);
		kfree(oldest);
	} else {
		priv->nr_events++;
	}
	list_add_tail(&ev->node, &priv->events);
	spin_unlock(&priv->event_lock);
}

static irqreturn_t kmb_sd_irq(int irq, void *data)
{
	struct kmb_sd_priv *priv = data;
	u32 status;

	status = kmb_sd_readl(priv, KMB_SD_REG_IRQ_STATUS);
	if (!status)
		return IRQ_NONE;

	kmb_sd_writel(priv, KMB_SD_REG_IRQ_STATUS, status);
	kmb_sd_record_event(priv, status);

	return IRQ_HANDLED;
}

static void kmb_sd_poll_timer(struct timer_list *t)
{
	struct kmb_sd_priv *priv = from_timer(priv, t, poll_timer);
	unsigned long flags;
	u32 val;

	val = kmb_sd_readl(priv, KMB_SD_REG_CH_VAL(0));

	spin_lock_irqsave(&priv->hist_lock, flags);
	priv->history[priv->hist_head] = val;
	priv->hist_head = (priv->hist_head + 1) % priv->hist_len;
	spin_unlock_irqrestore(&priv->hist_lock, flags);

	schedule_work(&priv->refresh_work);
	mod_timer(&priv->poll_timer, jiffies + KMB_SD_POLL_INTERVAL);
}

static void kmb_sd_refresh_work(struct work_struct *work)
{
	struct kmb_sd_priv *priv = container_of(work, struct kmb_sd_priv,
						refresh_work);
	struct kmb_sd_channel *ch;
	bool alarm = false;
	u32 val;

	mutex_lock(&priv->lock);
	list_for_each_entry(ch, &priv->channels, node) {
		if (ch->id >= priv->nr_cached)
			continue;
		val = kmb_sd_readl(priv, KMB_SD_REG_CH_VAL(ch->id));
		priv->cache[ch->id] = val;
		if (val > ch->threshold)
			alarm = true;
	}
	mutex_unlock(&priv->lock);

	if (alarm)
		sysfs_notify(&priv->dev->kobj, NULL, "thresholds");
}

/* sysfs */

static ssize_t label_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);
	ssize_t len;

	mutex_lock(&priv->lock);
	len = sysfs_emit(buf, "%s\n", priv->label);
	mutex_unlock(&priv->lock);

	return len;
}

static ssize_t label_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t count)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);
	char *label, *old;

	if (!count || count > KMB_SD_LABEL_MAX)
		return -EINVAL;

	label = kstrdup(buf, GFP_KERNEL);
	label[strcspn(label, "\n")] = '\0';

	mutex_lock(&priv->lock);
	old = priv->label;
	priv->label = label;
	mutex_unlock(&priv->lock);

	kfree(old);
	return count;
}
static DEVICE_ATTR_RW(label);

static ssize_t history_len_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u\n", READ_ONCE(priv->hist_len));
}

static ssize_t history_len_store(struct device *dev,
				 struct device_attribute *attr,
				 const char *buf, size_t count)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);
	unsigned long flags;
	unsigned int len;
	u32 *hist, *old;
	int ret;

	ret = kstrtouint(buf, 0, &len);
	if (ret)
		return ret;
	if (!len || len > KMB_SD_MAX_HISTORY)
		return -EINVAL;

	/* The ring is swapped under the spinlock, so allocate it first. */
	hist = kcalloc(len, sizeof(*hist), GFP_KERNEL);
	if (!hist)
		return -ENOMEM;

	spin_lock_irqsave(&priv->hist_lock, flags);
	old = priv->history;
	priv->history = hist;
	priv->hist_len = len;
	priv->hist_head = 0;
	spin_unlock_irqrestore(&priv->hist_lock, flags);

	kfree(old);
	return count;
}
static DEVICE_ATTR_RW(history_len);

static ssize_t thresholds_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);
	struct kmb_sd_channel *ch;
	int len = 0;

	mutex_lock(&priv->lock);
	list_for_each_entry(ch, &priv->channels, node) {
		u32 val = ch->id < priv->nr_cached ? priv->cache[ch->id] : 0;

		len += sysfs_emit_at(buf, len, "%u %s %u %u%s\n", ch->id,
				     ch->label, ch->threshold, val,
				     val > ch->threshold ? " ALARM" : "");
	}
	mutex_unlock(&priv->lock);

	return len;
}

static ssize_t threshold_store(struct device *dev,
			       struct device_attribute *attr,
			       const char *buf, size_t count)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);
	struct kmb_sd_channel *ch;
	unsigned int id;
	u32 val;
	int ret = 0;

	if (sscanf(buf, "%u %u", &id, &val) != 2)
		return -EINVAL;

	mutex_lock(&priv->lock);
	ch = kmb_sd_find_channel(priv, id);
	if (ch) {
		ch->threshold = val;
		kmb_sd_writel(priv, KMB_SD_REG_CH_THRESH(id), val);
	} else {
		ret = -ENOENT;
	}
	mutex_unlock(&priv->lock);

	return ret ? ret : count;
}

static struct device_attribute dev_attr_thresholds =
	__ATTR(thresholds, 0644, thresholds_show, threshold_store);

static ssize_t add_channel_store(struct device *dev,
				 struct device_attribute *attr,
				 const char *buf, size_t count)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);
	struct kmb_sd_channel *ch;
	unsigned int id;
	int ret;

	ret = kstrtouint(buf, 0, &id);
	if (ret)
		return ret;
	if (id >= KMB_SD_MAX_CHANNELS)
		return -EINVAL;

	ch = kzalloc(sizeof(*ch), GFP_KERNEL);
	if (!ch)
		return -ENOMEM;

	ch->id = id;
	ch->threshold = U32_MAX;
	ch->label = kasprintf(GFP_KERNEL, "%s-ch%u", dev_name(dev), id);
	if (!ch->label) {
		kfree(ch);
		ret = -ENOMEM;
		goto err_free_ch;
	}

	mutex_lock(&priv->lock);
	if (kmb_sd_find_channel(priv, id)) {
		mutex_unlock(&priv->lock);
		ret = -EEXIST;
		goto err_free_label;
	}
	if (id >= priv->nr_cached)
		kmb_sd_cache_resize(priv, id + 1);
	list_add_tail(&ch->node, &priv->channels);
	priv->nr_channels++;
	mutex_unlock(&priv->lock);

	return count;

err_free_label:
	kfree(ch->label);
err_free_ch:
	kfree(ch);
	return ret;
}
static DEVICE_ATTR_WO(add_channel);

static ssize_t remove_channel_store(struct device *dev,
				    struct device_attribute *attr,
				    const char *buf, size_t count)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);
	struct kmb_sd_channel *ch;
	unsigned int id;
	int ret;

	ret = kstrtouint(buf, 0, &id);
	if (ret)
		return ret;

	mutex_lock(&priv->lock);
	ch = kmb_sd_find_channel(priv, id);
	if (!ch) {
		mutex_unlock(&priv->lock);
		return -ENOENT;
	}
	list_del(&ch->node);
	priv->nr_channels--;
	mutex_unlock(&priv->lock);

	kmb_sd_channel_destroy(ch);
	dev_info(dev, "channel %u (%s) removed\n", ch->id, ch->label);

	return count;
}
static DEVICE_ATTR_WO(remove_channel);

static ssize_t channel_label_store(struct device *dev,
				   struct device_attribute *attr,
				   const char *buf, size_t count)
{
	struct kmb_sd_priv *priv = dev_get_drvdata(dev);
	struct kmb_sd_channel *ch;
	unsigned int id;
	char *label, *old;
	int len, pos = 0;
	int ret = 0;

	if (sscanf(buf, "%u %n", &id, &pos) != 1 || !pos)
		return -EINVAL;

	len = strcspn(buf + pos, "\n");
	if (!len || len > KMB_SD_LABEL_MAX)
		return -EINVAL;

	mutex_lock(&priv->lock);
	ch = kmb_sd_find_channel(priv, id);
	if (!ch) {
		ret = -ENOENT;
		goto out_unlock;
	}

	label = kasprintf(GFP_KERNEL, "%.*s", len, buf + pos);
	if (!label) {
		ret = -ENOMEM;
		goto out_unlock;
	}

	old = ch->label;
	ch->label = label;
	kfree(old);

out_unlock:
	mutex_unlock(&priv->lock);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(channel_label);

static struct attribute *kmb_sd_attrs[] = {
	&dev_attr_label.attr,
	&dev_attr_history_len.attr,
	&dev_attr_thresholds.attr,
	&dev_attr_add_channel.attr,
	&dev_attr_remove_channel.attr,
	&dev_attr_channel_label.attr,
	NULL
};
ATTRIBUTE_GROUPS(kmb_sd);

/* debugfs */

static int history_show(struct seq_file *s, void *unused)
{
	struct kmb_sd_priv *priv = s->private;
	unsigned int i, len, head;
	unsigned long flags;
	u32 *snap;

	spin_lock_irqsave(&priv->hist_lock, flags);
	len = priv->hist_len;
	head = priv->hist_head;
	snap = kmalloc_array(len, sizeof(*snap), GFP_ATOMIC);
	if (unlikely(!snap)) {
		spin_unlock_irqrestore(&priv->hist_lock, flags);
		return -ENOMEM;
	}
	memcpy(snap, priv->history, array_size(len, sizeof(*snap)));
	spin_unlock_irqrestore(&priv->hist_lock, flags);

	for (i = 0; i < len; i++)
		seq_printf(s, "%u\n", snap[(head + i) % len]);

	kfree(snap);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(history);

static int events_show(struct seq_file *s, void *unused)
{
	struct kmb_sd_priv *priv = s->private;
	struct kmb_sd_event *ev;
	unsigned long flags;

	spin_lock_irqsave(&priv->event_lock, flags);
	list_for_each_entry(ev, &priv->events, node)
		seq_printf(s, "%lu %08x\n", ev->stamp, ev->status);
	spin_unlock_irqrestore(&priv->event_lock, flags);

	return 0;
}
DEFINE_SHOW_ATTRIBUTE(events);

static ssize_t kmb_sd_regdump_read(struct file *file, char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct kmb_sd_priv *priv = file->private_data;
	const size_t size = PAGE_SIZE << KMB_SD_REGDUMP_ORDER;
	size_t len = 0;
	unsigned int i;
	ssize_t ret;
	char *buf;

	buf = (char *)__get_free_pages(GFP_KERNEL, KMB_SD_REGDUMP_ORDER);
	if (!buf)
		return -ENOMEM;

	len += scnprintf(buf + len, size - len, "id:         %08x\n",
			 kmb_sd_readl(priv, KMB_SD_REG_ID));
	len += scnprintf(buf + len, size - len, "ctrl:       %08x\n",
			 kmb_sd_readl(priv, KMB_SD_REG_CTRL));
	len += scnprintf(buf + len, size - len, "irq_status: %08x\n",
			 kmb_sd_readl(priv, KMB_SD_REG_IRQ_STATUS));
	len += scnprintf(buf + len, size - len, "irq_mask:   %08x\n",
			 kmb_sd_readl(priv, KMB_SD_REG_IRQ_MASK));
	for (i = 0; i < KMB_SD_MAX_CHANNELS; i++)
		len += scnprintf(buf + len, size - len,
				 "ch%-2u        %08x %08x\n", i,
				 kmb_sd_readl(priv, KMB_SD_REG_CH_VAL(i)),
				 kmb_sd_readl(priv, KMB_SD_REG_CH_THRESH(i)));

	ret = simple_read_from_buffer(ubuf, count, ppos, buf, len);
	free_page((unsigned long)buf);
	return ret;
}

static const struct file_operations kmb_sd_regdump_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= kmb_sd_regdump_read,
	.llseek	= default_llseek,
};

static void kmb_sd_debugfs_init(struct kmb_sd_priv *priv)
{
	char *name;

	name = devm_kasprintf(priv->dev, GFP_KERNEL, "kmb-sensorhub.%d",
			      priv->id);
	if (!name)
		return;

	/* debugfs keeps its own copy of the name */
	priv->debugfs_root = debugfs_create_dir(name, NULL);
	kfree(name);

	debugfs_create_file("history", 0444, priv->debugfs_root, priv,
			    &history_fops);
	debugfs_create_file("events", 0444, priv->debugfs_root, priv,
			    &events_fops);
	debugfs_create_file("regdump", 0400, priv->debugfs_root, priv,
			    &kmb_sd_regdump_fops);
}

/* platform driver */

static int kmb_sd_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kmb_sd_channel *ch;
	struct kmb_sd_priv *priv;
	u32 nr = KMB_SD_DEF_CHANNELS;
	unsigned int i;
	u32 *thr;
	int ret;

	priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;

	priv->dev = dev;
	priv->id = pdev->id;
	mutex_init(&priv->lock);
	spin_lock_init(&priv->hist_lock);
	spin_lock_init(&priv->event_lock);
	INIT_LIST_HEAD(&priv->channels);
	INIT_LIST_HEAD(&priv->events);
	INIT_WORK(&priv->refresh_work, kmb_sd_refresh_work);
	timer_setup(&priv->poll_timer, kmb_sd_poll_timer, 0);

	priv->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(priv->base))
		return PTR_ERR(priv->base);

	priv->irq = platform_get_irq(pdev, 0);
	if (priv->irq < 0)
		return priv->irq;

	device_property_read_u32(dev, "kmb,channels", &nr);
	if (!nr || nr > KMB_SD_MAX_CHANNELS)
		return dev_err_probe(dev, -EINVAL, "invalid channel count %u\n",
				     nr);

	priv->history = kcalloc(KMB_SD_DEF_HISTORY, sizeof(*priv->history),
				GFP_KERNEL);
	if (!priv->history)
		return -ENOMEM;
	priv->hist_len = KMB_SD_DEF_HISTORY;

	priv->label = kstrdup(dev_name(dev), GFP_KERNEL);
	if (!priv->label) {
		ret = -ENOMEM;
		goto err_free_history;
	}

	priv->cache = kcalloc(nr, sizeof(*priv->cache), GFP_KERNEL);
	if (!priv->cache) {
		ret = -ENOMEM;
		goto err_free_label;
	}
	priv->nr_cached = nr;

	thr = kcalloc(nr, sizeof(*thr), GFP_KERNEL);
	if (!thr) {
		ret = -ENOMEM;
		goto err_free_cache;
	}

	if (device_property_read_u32_array(dev, "kmb,thresholds", thr, nr))
		for (i = 0; i < nr; i++)
			thr[i] = U32_MAX;

	for (i = 0; i < nr; i++) {
		ch = kmb_sd_channel_create(priv, i, thr[i]);
		if (!ch) {
			ret = -ENOMEM;
			goto err_free_channels;
		}
		list_add_tail(&ch->node, &priv->channels);
		priv->nr_channels++;
		kmb_sd_writel(priv, KMB_SD_REG_CH_THRESH(i), thr[i]);
	}
	kfree(thr);

	platform_set_drvdata(pdev, priv);

	kmb_sd_writel(priv, KMB_SD_REG_IRQ_STATUS, ~0U);
	ret = request_irq(priv->irq, kmb_sd_irq, 0, dev_name(dev), priv);
	if (ret) {
		dev_err(dev, "failed to request irq %d: %d\n", priv->irq, ret);
		goto err_free_channels;
	}

	kmb_sd_writel(priv, KMB_SD_REG_IRQ_MASK, 0);
	kmb_sd_writel(priv, KMB_SD_REG_CTRL,
		      KMB_SD_CTRL_ENABLE | KMB_SD_CTRL_ALARM);

	kmb_sd_debugfs_init(priv);
	mod_timer(&priv->poll_timer, jiffies + KMB_SD_POLL_INTERVAL);

	dev_info(dev, "sensor hub %08x, %u channels\n",
		 kmb_sd_readl(priv, KMB_SD_REG_ID), priv->nr_channels);
	return 0;

err_free_channels:
	kmb_sd_free_channels(priv);
err_free_cache:
	kfree(priv->cache);
err_free_label:
	kfree(priv->label);
err_free_history:
	kfree(priv->history);
	return ret;
}

static int kmb_sd_remove(struct platform_device *pdev)
{
	struct kmb_sd_priv *priv = platform_get_drvdata(pdev);
	struct kmb_sd_event *ev, *tmp;

	kmb_sd_writel(priv, KMB_SD_REG_CTRL, 0);
	kmb_sd_writel(priv, KMB_SD_REG_IRQ_MASK, ~0U);
	free_irq(priv->irq, priv);

	del_timer_sync(&priv->poll_timer);
	cancel_work_sync(&priv->refresh_work);
	debugfs_remove_recursive(priv->debugfs_root);

	list_for_each_entry_safe(ev, tmp, &priv->events, node) {
		list_del(&ev->node);
		kfree(ev);
	}

	kmb_sd_free_channels(priv);
	kfree(priv->cache);
	kfree(priv->label);
	kfree(priv->history);
	return 0;
}

static const struct of_device_id kmb_sd_of_match[] = {
	{ .compatible = "kmb,sensor-hub" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_sd_of_match);

static struct platform_driver kmb_sd_driver = {
	.probe	= kmb_sd_probe,
	.remove	= kmb_sd_remove,
	.driver	= {
		.name		= "kmb-sensorhub",
		.of_match_table	= kmb_sd_of_match,
		.dev_groups	= kmb_sd_groups,
	},
};
module_platform_driver(kmb_sd_driver);

MODULE_AUTHOR("kmemlint bench");
MODULE_DESCRIPTION("KMB sensor hub sysfs and debugfs driver");
MODULE_LICENSE("GPL");
