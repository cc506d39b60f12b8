// SPDX-License-Identifier: GPL-2.0
/*
 * KMB memory-mapped LED/GPIO controller
 *
 * The controller drives up to 32 open-drain outputs. Each output has an
 * 8-bit PWM brightness register and can run a software pattern (a list of
 * brightness/delay steps) stepped by a kernel timer. A fault interrupt is
 * raised when an output is shorted or open.
 *
 * Register writes are mirrored in a cache so that brightness_get() and the
 * suspend path never have to touch the bus; the cache and the pattern list
 * are protected by chip->lock, which is also taken from the interrupt
 * handler and the pattern timer.
 */

#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/leds.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/timer.h>

#define KMB_LED_CTRL			0x000
#define KMB_LED_CTRL_ENABLE		BIT(31)
#define KMB_LED_ID			0x004
#define KMB_LED_ID_NREGS(x)		(((x) >> 16) & 0xff)
#define KMB_LED_ID_NCHANS(x)		((x) & 0x3f)
#define KMB_LED_OUT_EN			0x008
#define KMB_LED_IRQ_STATUS		0x00c
#define KMB_LED_IRQ_MASK		0x010
#define KMB_LED_FAULT			0x014
#define KMB_LED_BRIGHTNESS(n)		(0x040 + (n) * 4)

#define KMB_LED_MAX_CHANNELS		32
#define KMB_LED_MIN_REGS		(KMB_LED_BRIGHTNESS(KMB_LED_MAX_CHANNELS) / 4)
#define KMB_LED_MAX_BRIGHTNESS		255
#define KMB_LED_MAX_EVENTS		64

/* Pattern staging buffer: two pages hold the largest table the firmware has. */
#define KMB_LED_STEP_ORDER		1
#define KMB_LED_MAX_STEPS		512

struct kmb_led_step {
	u16 brightness;
	u16 delay_ms;
};

struct kmb_led_pattern {
	struct list_head node;
	unsigned int channel;
	unsigned int nsteps;
	unsigned int pos;
	unsigned long next;
	struct kmb_led_step *steps;
};

enum kmb_led_event_type {
	KMB_LED_EV_FAULT = 1,
	KMB_LED_EV_PATTERN_DONE,
};

struct kmb_led_event {
	struct list_head node;
	enum kmb_led_event_type type;
	unsigned int channel;
	u32 status;
};

struct kmb_led_chip;

struct kmb_led_channel {
	struct led_classdev cdev;
	struct kmb_led_chip *chip;
	unsigned int index;
};

struct kmb_led_chip {
	struct device *dev;
	void __iomem *base;
	int irq;

	spinlock_t lock;		/* cache, patterns, events */
	u32 *reg_cache;
	unsigned int nregs;

	struct kmb_led_channel *channels;
	unsigned int num_channels;

	struct mutex cfg_lock;		/* serialises sysfs reconfiguration */
	struct list_head patterns;
	struct timer_list pattern_timer;

	struct list_head events;
	unsigned int nevents;

	unsigned long step_buf;		/* KMB_LED_STEP_ORDER pages */
	char *fw_name;
};

static u32 kmb_led_read(struct kmb_led_chip *chip, unsigned int reg)
{
	return readl(chip->base + reg);
}

static void kmb_led_write_locked(struct kmb_led_chip *chip, unsigned int reg,
				 u32 val)
{
	lockdep_assert_held(&chip->lock);

	writel(val, chip->base + reg);
	chip->reg_cache[reg / 4] = val;
}

static void kmb_led_brightness_set(struct led_classdev *cdev,
				   enum led_brightness value)
{
	struct kmb_led_channel *ch = container_of(cdev, struct kmb_led_channel, cdev);
	struct kmb_led_chip *chip = ch->chip;
	unsigned long flags;
	u32 en;

	spin_lock_irqsave(&chip->lock, flags);
	kmb_led_write_locked(chip, KMB_LED_BRIGHTNESS(ch->index), value);
	en = chip->reg_cache[KMB_LED_OUT_EN / 4];
	if (value)
		en |= BIT(ch->index);
	else
		en &= ~BIT(ch->index);
	kmb_led_write_locked(chip, KMB_LED_OUT_EN, en);
	spin_unlock_irqrestore(&chip->lock, flags);
}

static enum led_brightness kmb_led_brightness_get(struct led_classdev *cdev)
{
	struct kmb_led_channel *ch = container_of(cdev, struct kmb_led_channel, cdev);
	struct kmb_led_chip *chip = ch->chip;
	unsigned long flags;
	u32 val;

	spin_lock_irqsave(&chip->lock, flags);
	val = chip->reg_cache[KMB_LED_BRIGHTNESS(ch->index) / 4];
	spin_unlock_irqrestore(&chip->lock, flags);

	return val & KMB_LED_MAX_BRIGHTNESS;
}

/*
 * Queue an event for userspace. Events are drained through the "events"
 * attribute; the oldest one is dropped when the queue is full.
 */
static void kmb_led_log_event(struct kmb_led_chip *chip,
			      enum kmb_led_event_type type,
			      unsigned int channel, u32 status)
{
	struct kmb_led_event *ev, *old;

	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return;

	ev->type = type;
	ev->channel = channel;
	ev->status = status;

	if (chip->nevents >= KMB_LED_MAX_EVENTS) {
		old = list_first_entry(&chip->events, struct kmb_led_event, node);
		list_del(&old->node);
		kfree(old);
		chip->nevents--;
	}
	list_add_tail(&ev->node, &chip->events);
	chip->nevents++;
}

static struct kmb_led_pattern *kmb_led_pattern_alloc(unsigned int channel,
						     unsigned int nsteps,
						     gfp_t gfp)
{
	struct kmb_led_pattern *pat;

	pat = kzalloc(sizeof(*pat), gfp);
	if (!pat)
		return NULL;

	pat->steps = kcalloc(nsteps, sizeof(*pat->steps), gfp);
	if (!pat->steps) {
		kfree(pat);
		return NULL;
	}

	INIT_LIST_HEAD(&pat->node);
	pat->channel = channel;
	pat->nsteps = nsteps;
	return pat;
}

static void kmb_led_pattern_free(struct kmb_led_pattern *pat)
{
	kfree(pat->steps);
	kfree(pat);
}

/* Caller holds chip->lock. */
static struct kmb_led_pattern *kmb_led_find_pattern(struct kmb_led_chip *chip,
						    unsigned int channel)
{
	struct kmb_led_pattern *pat;

	list_for_each_entry(pat, &chip->patterns, node)
		if (pat->channel == channel)
			return pat;

	return NULL;
}

static void kmb_led_pattern_timer(struct timer_list *t)
{
	struct kmb_led_chip *chip = from_timer(chip, t, pattern_timer);
	struct kmb_led_pattern *pat, *tmp;
	unsigned long now = jiffies;
	unsigned long next = now + HZ;
	unsigned long flags;
	bool active;

	spin_lock_irqsave(&chip->lock, flags);
	list_for_each_entry_safe(pat, tmp, &chip->patterns, node) {
		struct kmb_led_step *step;

		if (time_before(now, pat->next)) {
			if (time_before(pat->next, next))
				next = pat->next;
			continue;
		}

		if (pat->pos >= pat->nsteps) {
			/* One-shot pattern finished: drop it and tell userspace. */
			list_del(&pat->node);
			kmb_led_log_event(chip, KMB_LED_EV_PATTERN_DONE,
					  pat->channel, 0);
			kmb_led_pattern_free(pat);
			continue;
		}

		step = &pat->steps[pat->pos++];
		kmb_led_write_locked(chip, KMB_LED_BRIGHTNESS(pat->channel),
				     step->brightness);
		pat->next = now + msecs_to_jiffies(step->delay_ms);
		if (time_before(pat->next, next))
			next = pat->next;
	}
	active = !list_empty(&chip->patterns);
	spin_unlock_irqrestore(&chip->lock, flags);

	if (active)
		mod_timer(&chip->pattern_timer, next);
}

static irqreturn_t kmb_led_irq_handler(int irq, void *data)
{
	struct kmb_led_chip *chip = data;
	struct kmb_led_event *ev;
	u32 status, fault;

	status = kmb_led_read(chip, KMB_LED_IRQ_STATUS);
	if (!status)
		return IRQ_NONE;

	writel(status, chip->base + KMB_LED_IRQ_STATUS);
	fault = kmb_led_read(chip, KMB_LED_FAULT);

	spin_lock(&chip->lock);
	/* Faulty outputs are switched off until userspace re-enables them. */
	kmb_led_write_locked(chip, KMB_LED_OUT_EN,
			     chip->reg_cache[KMB_LED_OUT_EN / 4] & ~fault);

	if (chip->nevents < KMB_LED_MAX_EVENTS) {
		ev = kzalloc(sizeof(*ev), GFP_ATOMIC);
		if (ev) {
			ev->type = KMB_LED_EV_FAULT;
			ev->channel = fault ? __ffs(fault) : 0;
			ev->status = status;
			list_add_tail(&ev->node, &chip->events);
			chip->nevents++;
		}
	}
	spin_unlock(&chip->lock);

	return IRQ_HANDLED;
}

static ssize_t events_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct kmb_led_chip *chip = dev_get_drvdata(dev);
	struct kmb_led_event *ev, *tmp;
	unsigned long flags;
	int len = 0;

	spin_lock_irqsave(&chip->lock, flags);
	list_for_each_entry_safe(ev, tmp, &chip->events, node) {
		if (len >= PAGE_SIZE - 64)
			break;
		list_del(&ev->node);
		chip->nevents--;
		kfree(ev);
		len += sysfs_emit_at(buf, len, "%u %u 0x%08x\n",
				     ev->type, ev->channel, ev->status);
	}
	spin_unlock_irqrestore(&chip->lock, flags);

	return len;
}
static DEVICE_ATTR_RO(events);

/*
 * Write "channel b0:d0 b1:d1 ..." to start a one-shot pattern on a channel.
 */
static ssize_t pattern_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	struct kmb_led_chip *chip = dev_get_drvdata(dev);
	struct kmb_led_pattern *pat, *old;
	unsigned int channel, nsteps = 0;
	unsigned long flags;
	const char *p;
	int n, ret;

	if (sscanf(buf, "%u%n", &channel, &n) != 1)
		return -EINVAL;
	if (channel >= chip->num_channels)
		return -EINVAL;

	for (p = buf + n; *p; p++)
		if (*p == ':')
			nsteps++;
	if (!nsteps || nsteps > KMB_LED_MAX_STEPS)
		return -EINVAL;

	/* Allocate before taking the lock: the timer holds it with irqs off. */
	pat = kmb_led_pattern_alloc(channel, nsteps, GFP_KERNEL);
	if (!pat)
		return -ENOMEM;

	for (p = buf + n, nsteps = 0; nsteps < pat->nsteps; nsteps++) {
		unsigned int b, d;
		int used;

		if (sscanf(p, " %u:%u%n", &b, &d, &used) != 2) {
			ret = -EINVAL;
			goto err_free;
		}
		pat->steps[nsteps].brightness = min_t(unsigned int, b,
						      KMB_LED_MAX_BRIGHTNESS);
		pat->steps[nsteps].delay_ms = min_t(unsigned int, d, 10000);
		p += used;
	}

	pat->next = jiffies;
	spin_lock_irqsave(&chip->lock, flags);
	old = kmb_led_find_pattern(chip, channel);
	if (old)
		list_del(&old->node);
	list_add_tail(&pat->node, &chip->patterns);
	spin_unlock_irqrestore(&chip->lock, flags);

	if (old)
		kmb_led_pattern_free(old);

	mod_timer(&chip->pattern_timer, jiffies + 1);
	return count;

err_free:
	kmb_led_pattern_free(pat);
	return ret;
}
static DEVICE_ATTR_WO(pattern);

/*
 * Write "src dst" to start the pattern running on channel src on channel
 * dst as well.
 */
static ssize_t pattern_copy_store(struct device *dev,
				  struct device_attribute *attr,
				  const char *buf, size_t count)
{
	struct kmb_led_chip *chip = dev_get_drvdata(dev);
	struct kmb_led_pattern *src, *dst;
	unsigned int from, to;
	unsigned long flags;
	int ret = 0;

	if (sscanf(buf, "%u %u", &from, &to) != 2)
		return -EINVAL;
	if (from >= chip->num_channels || to >= chip->num_channels || from == to)
		return -EINVAL;

	mutex_lock(&chip->cfg_lock);
	spin_lock_irqsave(&chip->lock, flags);
	src = kmb_led_find_pattern(chip, from);
	if (!src || kmb_led_find_pattern(chip, to)) {
		ret = -EBUSY;
		goto out_unlock;
	}

	dst = kmb_led_pattern_alloc(to, src->nsteps, GFP_KERNEL);
	if (!dst) {
		ret = -ENOMEM;
		goto out_unlock;
	}
	memcpy(dst->steps, src->steps, src->nsteps * sizeof(*src->steps));
	dst->next = jiffies;
	list_add_tail(&dst->node, &chip->patterns);

out_unlock:
	spin_unlock_irqrestore(&chip->lock, flags);
	mutex_unlock(&chip->cfg_lock);

	if (ret)
		return ret;

	mod_timer(&chip->pattern_timer, jiffies + 1);
	return count;
}
static DEVICE_ATTR_WO(pattern_copy);

static ssize_t firmware_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	struct kmb_led_chip *chip = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%s\n", chip->fw_name);
}
static DEVICE_ATTR_RO(firmware);

static struct attribute *kmb_led_attrs[] = {
	&dev_attr_events.attr,
	&dev_attr_pattern.attr,
	&dev_attr_pattern_copy.attr,
	&dev_attr_firmware.attr,
	NULL
};
ATTRIBUTE_GROUPS(kmb_led);

static int kmb_led_init_cache(struct kmb_led_chip *chip)
{
	unsigned int i, nregs;
	u32 id;

	id = kmb_led_read(chip, KMB_LED_ID);
	nregs = KMB_LED_ID_NREGS(id);
	if (nregs < KMB_LED_MIN_REGS) {
		dev_err(chip->dev, "bad register count %u\n", nregs);
		return -ENODEV;
	}

	chip->reg_cache = devm_kzalloc(chip->dev, nregs * sizeof(u32),
				       GFP_KERNEL);
	if (!chip->reg_cache)
		return -ENOMEM;

	chip->nregs = nregs;
	for (i = 0; i < nregs; i++)
		chip->reg_cache[i] = kmb_led_read(chip, i * 4);

	return 0;
}

static int kmb_led_register_channel(struct kmb_led_chip *chip,
				    struct fwnode_handle *child, unsigned int idx)
{
	struct kmb_led_channel *ch = &chip->channels[idx];
	const char *name;
	char *label;
	int ret;

	if (fwnode_property_read_string(child, "label", &name))
		name = fwnode_get_name(child);

	label = devm_kasprintf(chip->dev, GFP_KERNEL, "kmb:%s", name);
	if (!label)
		return -ENOMEM;

	ch->chip = chip;
	ch->index = idx;
	ch->cdev.name = label;
	ch->cdev.max_brightness = KMB_LED_MAX_BRIGHTNESS;
	ch->cdev.brightness_set = kmb_led_brightness_set;
	ch->cdev.brightness_get = kmb_led_brightness_get;

	ret = devm_led_classdev_register(chip->dev, &ch->cdev);
	if (ret) {
		dev_err(chip->dev, "failed to register %s: %d\n", label, ret);
		kfree(label);
		return ret;
	}

	return 0;
}

static int kmb_led_parse_channels(struct kmb_led_chip *chip)
{
	struct fwnode_handle *child;
	unsigned int nchans;
	int ret;

	nchans = KMB_LED_ID_NCHANS(kmb_led_read(chip, KMB_LED_ID));
	if (!nchans || nchans > KMB_LED_MAX_CHANNELS)
		return -ENODEV;

	chip->channels = devm_kcalloc(chip->dev, nchans, sizeof(*chip->channels),
				      GFP_KERNEL);
	if (!chip->reg_cache)
		return -ENOMEM;
	chip->num_channels = nchans;

	device_for_each_child_node(chip->dev, child) {
		u32 reg;

		if (fwnode_property_read_u32(child, "reg", &reg) || reg >= nchans) {
			dev_warn(chip->dev, "skipping node %pfw\n", child);
			continue;
		}

		chip->channels[reg].index = reg;
		ret = kmb_led_register_channel(chip, child, reg);
		if (ret) {
			fwnode_handle_put(child);
			return ret;
		}
	}

	return 0;
}

/*
 * Stage the boot-time patterns through a bounce buffer the size of the
 * on-chip table and program the default brightness of every channel.
 */
static int kmb_led_load_defaults(struct kmb_led_chip *chip)
{
	size_t size = chip->num_channels * sizeof(struct kmb_led_step);
	struct kmb_led_step *tbl;
	unsigned long flags;
	unsigned int i;
	int ret;

	tbl = (struct kmb_led_step *)__get_free_pages(GFP_KERNEL, get_order(size));
	if (!tbl)
		return -ENOMEM;

	ret = device_property_read_u16_array(chip->dev, "kmb,default-brightness",
					     (u16 *)tbl, chip->num_channels);
	if (ret) {
		/* No table: leave every output off. */
		ret = 0;
		goto out_free;
	}

	spin_lock_irqsave(&chip->lock, flags);
	for (i = 0; i < chip->num_channels; i++)
		kmb_led_write_locked(chip, KMB_LED_BRIGHTNESS(i),
				     ((u16 *)tbl)[i] & KMB_LED_MAX_BRIGHTNESS);
	spin_unlock_irqrestore(&chip->lock, flags);

out_free:
	free_pages((unsigned long)tbl, get_order(size));
	return ret;
}

static int kmb_led_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kmb_led_chip *chip;
	const char *fw;
	unsigned long buf;
	char *name;
	int ret;

	chip = devm_kzalloc(dev, sizeof(*chip), GFP_KERNEL);
	if (unlikely(!chip))
		return -ENOMEM;

	chip->dev = dev;
	spin_lock_init(&chip->lock);
	mutex_init(&chip->cfg_lock);
	INIT_LIST_HEAD(&chip->patterns);
	INIT_LIST_HEAD(&chip->events);
	timer_setup(&chip->pattern_timer, kmb_led_pattern_timer, 0);
	platform_set_drvdata(pdev, chip);

	chip->base = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(chip->base))
		return PTR_ERR(chip->base);

	chip->irq = platform_get_irq(pdev, 0);
	if (chip->irq < 0)
		return chip->irq;

	ret = kmb_led_init_cache(chip);
	if (ret)
		return ret;

	if (device_property_read_string(dev, "firmware-name", &fw))
		fw = "kmb-led.bin";
	name = kstrdup(fw, GFP_KERNEL);
	if (!name)
		return -ENOMEM;

	buf = __get_free_pages(GFP_KERNEL, KMB_LED_STEP_ORDER);
	if (!buf) {
		ret = -ENOMEM;
		goto err_free_name;
	}

	ret = kmb_led_parse_channels(chip);
	if (ret)
		goto err_free_name;

	ret = kmb_led_load_defaults(chip);
	if (ret)
		goto err_free_buf;

	ret = devm_request_irq(dev, chip->irq, kmb_led_irq_handler, 0,
			       dev_name(dev), chip);
	if (ret) {
		dev_err(dev, "failed to request irq %d: %d\n", chip->irq, ret);
		goto err_free_buf;
	}

	chip->fw_name = name;
	chip->step_buf = buf;

	spin_lock_irq(&chip->lock);
	kmb_led_write_locked(chip, KMB_LED_IRQ_MASK, 0);
	kmb_led_write_locked(chip, KMB_LED_CTRL, KMB_LED_CTRL_ENABLE);
	spin_unlock_irq(&chip->lock);

	dev_info(dev, "%u channels, firmware %s\n", chip->num_channels,
		 chip->fw_name);
	return 0;

err_free_buf:
	free_pages(buf, KMB_LED_STEP_ORDER);
err_free_name:
	kfree(name);
	return ret;
}

static int kmb_led_remove(struct platform_device *pdev)
{
	struct kmb_led_chip *chip = platform_get_drvdata(pdev);
	struct kmb_led_pattern *pat, *ptmp;
	struct kmb_led_event *ev, *etmp;

	spin_lock_irq(&chip->lock);
	kmb_led_write_locked(chip, KMB_LED_IRQ_MASK, ~0U);
	kmb_led_write_locked(chip, KMB_LED_CTRL, 0);
	spin_unlock_irq(&chip->lock);

	devm_free_irq(&pdev->dev, chip->irq, chip);
	del_timer_sync(&chip->pattern_timer);

	list_for_each_entry_safe(pat, ptmp, &chip->patterns, node) {
		list_del(&pat->node);
		kmb_led_pattern_free(pat);
	}
	list_for_each_entry_safe(ev, etmp, &chip->events, node) {
		list_del(&ev->node);
		kfree(ev);
	}

	free_page(chip->step_buf);
	kfree(chip->fw_name);
	return 0;
}

static const struct of_device_id kmb_led_of_match[] = {
	{ .compatible = "kmb,led-controller" },
	{ .compatible = "kmb,led-controller-v2" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_led_of_match);

static struct platform_driver kmb_led_driver = {
	.probe = kmb_led_probe,
	.remove = kmb_led_remove,
	.driver = {
		.name = "kmb-led",
		.of_match_table = kmb_led_of_match,
		.dev_groups = kmb_led_groups,
	},
};
module_platform_driver(kmb_led_driver);

MODULE_AUTHOR("kmemlint bench");
MODULE_DESCRIPTION("KMB memory-mapped LED/GPIO controller driver");
MODULE_LICENSE("GPL");
