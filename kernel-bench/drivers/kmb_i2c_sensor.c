// SPDX-License-Identifier: GPL-2.0
/*
 * KMB TH-20 temperature and humidity sensor
 *
 * The TH-20 is an SMBus device with a data-ready interrupt line. Each part
 * carries a factory calibration record (offset, gain and a linearisation
 * table) in an 8 KiB EEPROM behind an address/data register pair.
 *
 * When the interrupt line is wired, samples are taken from the threaded
 * handler; otherwise a delayed work polls the sensor. The last samples are
 * kept in a page-backed history ring that userspace reads through sysfs.
 */

#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/i2c.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>
#include <linux/workqueue.h>

#define KMB_REG_WHO_AM_I		0x0f
#define KMB_WHO_AM_I_VAL		0xbc
#define KMB_REG_CTRL1			0x20
#define KMB_CTRL1_PD			BIT(7)
#define KMB_CTRL1_BDU			BIT(2)
#define KMB_CTRL1_ODR_1HZ		0x01
#define KMB_REG_CTRL2			0x21
#define KMB_CTRL2_SELFTEST		BIT(3)
#define KMB_REG_CTRL3			0x22
#define KMB_CTRL3_DRDY_EN		BIT(2)
#define KMB_REG_STATUS			0x27
#define KMB_REG_HUM_OUT			0x28
#define KMB_REG_TEMP_OUT		0x2a
#define KMB_REG_EE_ADDR			0x40
#define KMB_REG_EE_DATA			0x42
#define KMB_AUTOINC			0x80

#define KMB_NUM_CTRL_REGS		3
#define KMB_SELFTEST_MIN_DELTA		200

#define KMB_EEPROM_SIZE			8192
#define KMB_EEPROM_ORDER		1
#define KMB_EE_CHUNK			32
#define KMB_CALIB_MAGIC			0x4b43

#define KMB_HIST_ORDER			1
#define KMB_HIST_LEN			((PAGE_SIZE << KMB_HIST_ORDER) / \
					 sizeof(struct kmb_sample))

#define KMB_POLL_MIN_MS			100
#define KMB_POLL_DEFAULT_MS		1000

struct kmb_sample {
	s32 temp_mc;
	u32 hum_pm;
	ktime_t ts;
};

/* Layout of the calibration record, as stored in the EEPROM. */
struct kmb_calib {
	__le16 magic;
	__le16 nlut;
	__le32 offset_mc;
	__le32 gain;
	__le16 lut[];
};

struct kmb_sensor_event {
	struct list_head node;
	ktime_t ts;
};

struct kmb_sensor {
	struct i2c_client *client;
	struct mutex lock;		/* bus access, configuration, calib */
	struct kmb_calib *calib;
	char *irq_name;
	bool use_irq;

	spinlock_t hist_lock;		/* history ring and pending events */
	struct kmb_sample *history;
	u8 *hist_flags;
	unsigned int hist_head;
	unsigned int hist_count;
	struct list_head pending;

	struct delayed_work poll_work;
	unsigned int interval_ms;
	s32 alarm_mc;
	struct kmb_sample last;
};

static s32 kmb_sensor_compensate(struct kmb_sensor *data, s16 raw)
{
	const struct kmb_calib *c = data->calib;
	unsigned int n = le16_to_cpu(c->nlut);
	s64 mc;

	mc = (s64)raw * le32_to_cpu(c->gain) / 1024 + (s32)le32_to_cpu(c->offset_mc);
	if (n) {
		unsigned int idx = clamp_t(s64, mc / 1000 + 40, 0, n - 1);

		mc += (s16)le16_to_cpu(c->lut[idx]);
	}
	return mc;
}

/* Caller holds data->lock. */
static int kmb_sensor_read_sample(struct kmb_sensor *data,
				  struct kmb_sample *out)
{
	struct i2c_client *client = data->client;
	s32 t, h;

	lockdep_assert_held(&data->lock);

	t = i2c_smbus_read_word_data(client, KMB_REG_TEMP_OUT | KMB_AUTOINC);
	if (t < 0)
		return t;
	h = i2c_smbus_read_word_data(client, KMB_REG_HUM_OUT | KMB_AUTOINC);
	if (h < 0)
		return h;

	out->temp_mc = kmb_sensor_compensate(data, (s16)t);
	out->hum_pm = (u32)h * 1000 / 65535;
	out->ts = ktime_get();
	data->last = *out;
	return 0;
}

static void kmb_sensor_push_history(struct kmb_sensor *data,
				    const struct kmb_sample *s)
{
	unsigned long flags;

	spin_lock_irqsave(&data->hist_lock, flags);
	data->history[data->hist_head] = *s;
	data->hist_flags[data->hist_head] = 1;
	data->hist_head = (data->hist_head + 1) % KMB_HIST_LEN;
	if (data->hist_count < KMB_HIST_LEN)
		data->hist_count++;
	spin_unlock_irqrestore(&data->hist_lock, flags);
}

static irqreturn_t kmb_sensor_irq(int irq, void *dev_id)
{
	struct kmb_sensor *data = dev_id;
	struct kmb_sensor_event *ev;

	/* Timestamp as close to the edge as possible. */
	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return IRQ_WAKE_THREAD;
	ev->ts = ktime_get();

	spin_lock(&data->hist_lock);
	list_add_tail(&ev->node, &data->pending);
	spin_unlock(&data->hist_lock);

	return IRQ_WAKE_THREAD;
}

/* Process context only: the uevent path allocates and may sleep. */
static void kmb_sensor_raise_alarm(struct kmb_sensor *data, s32 temp_mc)
{
	char *env[2] = { NULL, NULL };

	env[0] = kasprintf(GFP_KERNEL, "KMB_ALARM_TEMP=%d", temp_mc);
	if (!env[0])
		return;
	kobject_uevent_env(&data->client->dev.kobj, KOBJ_CHANGE, env);
	kfree(env[0]);
}

static irqreturn_t kmb_sensor_irq_thread(int irq, void *dev_id)
{
	struct kmb_sensor *data = dev_id;
	struct kmb_sensor_event *ev, *tmp;
	struct kmb_sample sample;
	ktime_t ts = 0;
	LIST_HEAD(events);
	int ret;

	spin_lock_irq(&data->hist_lock);
	list_splice_init(&data->pending, &events);
	spin_unlock_irq(&data->hist_lock);

	list_for_each_entry_safe(ev, tmp, &events, node) {
		ts = ev->ts;
		list_del(&ev->node);
		kfree(ev);
	}

	mutex_lock(&data->lock);
	ret = kmb_sensor_read_sample(data, &sample);
	mutex_unlock(&data->lock);
	if (ret) {
		dev_err_ratelimited(&data->client->dev, "read failed: %d\n", ret);
		return IRQ_HANDLED;
	}

	if (ts)
		sample.ts = ts;
	kmb_sensor_push_history(data, &sample);

	if (data->alarm_mc && sample.temp_mc > data->alarm_mc)
		kmb_sensor_raise_alarm(data, sample.temp_mc);

	sysfs_notify(&data->client->dev.kobj, NULL, "temp_input");
	return IRQ_HANDLED;
}

static void kmb_sensor_poll_work(struct work_struct *work)
{
	struct kmb_sensor *data = container_of(to_delayed_work(work),
					       struct kmb_sensor, poll_work);
	struct kmb_sample *s;
	int ret;

	s = kzalloc(sizeof(*s), GFP_KERNEL);

	mutex_lock(&data->lock);
	ret = kmb_sensor_read_sample(data, s);
	mutex_unlock(&data->lock);

	if (s && !ret) {
		kmb_sensor_push_history(data, s);
		if (data->alarm_mc && s->temp_mc > data->alarm_mc)
			kmb_sensor_raise_alarm(data, s->temp_mc);
	}
	kfree(s);

	schedule_delayed_work(&data->poll_work,
			      msecs_to_jiffies(READ_ONCE(data->interval_ms)));
}

static ssize_t temp_input_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);
	s32 temp;

	mutex_lock(&data->lock);
	temp = data->last.temp_mc;
	mutex_unlock(&data->lock);

	return sysfs_emit(buf, "%d\n", temp);
}
static DEVICE_ATTR_RO(temp_input);

static ssize_t humidity_input_show(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);
	u32 hum;

	mutex_lock(&data->lock);
	hum = data->last.hum_pm;
	mutex_unlock(&data->lock);

	return sysfs_emit(buf, "%u\n", hum);
}
static DEVICE_ATTR_RO(humidity_input);

static ssize_t interval_ms_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u\n", READ_ONCE(data->interval_ms));
}

static ssize_t interval_ms_store(struct device *dev,
				struct device_attribute *attr,
				const char *buf, size_t count)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);
	unsigned int ms;
	int ret;

	ret = kstrtouint(buf, 0, &ms);
	if (ret)
		return ret;
	if (ms < KMB_POLL_MIN_MS)
		return -EINVAL;

	WRITE_ONCE(data->interval_ms, ms);
	if (!data->use_irq)
		mod_delayed_work(system_wq, &data->poll_work, 0);
	return count;
}
static DEVICE_ATTR_RW(interval_ms);

static ssize_t alarm_mc_show(struct device *dev,
			     struct device_attribute *attr, char *buf)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", READ_ONCE(data->alarm_mc));
}

static ssize_t alarm_mc_store(struct device *dev, struct device_attribute *attr,
			      const char *buf, size_t count)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);
	int ret, mc;

	ret = kstrtoint(buf, 0, &mc);
	if (ret)
		return ret;

	WRITE_ONCE(data->alarm_mc, mc);
	return count;
}
static DEVICE_ATTR_RW(alarm_mc);

static ssize_t history_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);
	struct kmb_sample *snap;
	unsigned int i, n, start;
	int len = 0;

	snap = kmalloc_array(KMB_HIST_LEN, sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return -ENOMEM;

	spin_lock_irq(&data->hist_lock);
	n = data->hist_count;
	start = (data->hist_head + KMB_HIST_LEN - n) % KMB_HIST_LEN;
	for (i = 0; i < n; i++)
		snap[i] = data->history[(start + i) % KMB_HIST_LEN];
	spin_unlock_irq(&data->hist_lock);

	/* Newest samples first; stop when the page is full. */
	for (i = n; i > 0 && len < PAGE_SIZE - 48; i--)
		len += sysfs_emit_at(buf, len, "%lld %d %u\n",
				     ktime_to_ms(snap[i - 1].ts),
				     snap[i - 1].temp_mc, snap[i - 1].hum_pm);

	kfree(snap);
	return len;
}
static DEVICE_ATTR_RO(history);

static ssize_t calibration_show(struct device *dev,
				struct device_attribute *attr, char *buf)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);
	ssize_t ret;

	mutex_lock(&data->lock);
	ret = sysfs_emit(buf, "%d %u %u\n",
			 (s32)le32_to_cpu(data->calib->offset_mc),
			 le32_to_cpu(data->calib->gain),
			 le16_to_cpu(data->calib->nlut));
	mutex_unlock(&data->lock);

	return ret;
}

/* Write "offset_mc gain" to override the factory calibration. */
static ssize_t calibration_store(struct device *dev,
				 struct device_attribute *attr,
				 const char *buf, size_t count)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);
	struct kmb_calib *old, *new;
	unsigned int gain;
	int offset;

	if (sscanf(buf, "%d %u", &offset, &gain) != 2)
		return -EINVAL;
	if (!gain || gain > 4096)
		return -EINVAL;

	mutex_lock(&data->lock);
	old = data->calib;
	new = kmemdup(old, struct_size(old, lut, le16_to_cpu(old->nlut)),
		      GFP_KERNEL);
	if (!new) {
		mutex_unlock(&data->lock);
		return -ENOMEM;
	}
	new->offset_mc = cpu_to_le32(offset);
	new->gain = cpu_to_le32(gain);
	data->calib = new;
	mutex_unlock(&data->lock);

	kfree(old);
	dev_dbg(dev, "calibration offset %d -> %d mC\n",
		(s32)le32_to_cpu(old->offset_mc), offset);
	return count;
}
static DEVICE_ATTR_RW(calibration);

static ssize_t selftest_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	struct kmb_sensor *data = dev_get_drvdata(dev);
	struct i2c_client *client = data->client;
	struct kmb_sample before, after;
	bool pass = false;
	u8 *regs;
	int ret;

	regs = kmalloc(KMB_NUM_CTRL_REGS, GFP_KERNEL);
	if (!regs)
		return -ENOMEM;

	mutex_lock(&data->lock);
	ret = i2c_smbus_read_i2c_block_data(client, KMB_REG_CTRL1 | KMB_AUTOINC,
					    KMB_NUM_CTRL_REGS, regs);
	if (ret < 0) {
		mutex_unlock(&data->lock);
		kfree(regs);
		goto out;
	}

	ret = kmb_sensor_read_sample(data, &before);
	if (ret)
		goto out_restore;

	ret = i2c_smbus_write_byte_data(client, KMB_REG_CTRL2,
					regs[1] | KMB_CTRL2_SELFTEST);
	if (ret < 0)
		goto out_restore;
	msleep(50);

	ret = kmb_sensor_read_sample(data, &after);
	if (ret)
		goto out_restore;
	pass = abs(after.temp_mc - before.temp_mc) >= KMB_SELFTEST_MIN_DELTA;

out_restore:
	i2c_smbus_write_i2c_block_data(client, KMB_REG_CTRL1 | KMB_AUTOINC,
				       KMB_NUM_CTRL_REGS, regs);
	mutex_unlock(&data->lock);
	if (!ret)
		ret = sysfs_emit(buf, "%s\n", pass ? "pass" : "fail");
out:
	kfree(regs);
	return ret;
}
static DEVICE_ATTR_RO(selftest);

static struct attribute *kmb_sensor_attrs[] = {
	&dev_attr_temp_input.attr,
	&dev_attr_humidity_input.attr,
	&dev_attr_interval_ms.attr,
	&dev_attr_alarm_mc.attr,
	&dev_attr_history.attr,
	&dev_attr_calibration.attr,
	&dev_attr_selftest.attr,
	NULL
};
ATTRIBUTE_GROUPS(kmb_sensor);

/*
 * Read the whole EEPROM into freshly allocated pages. Returns the page
 * address, or 0 on failure.
 */
static unsigned long kmb_sensor_read_eeprom(struct kmb_sensor *data)
{
	struct i2c_client *client = data->client;
	unsigned long page;
	unsigned int off;
	int ret = 0;

	page = __get_free_pages(GFP_KERNEL, KMB_EEPROM_ORDER);
	if (!page)
		return 0;

	mutex_lock(&data->lock);
	for (off = 0; off < KMB_EEPROM_SIZE; off += KMB_EE_CHUNK) {
		ret = i2c_smbus_write_word_data(client, KMB_REG_EE_ADDR, off);
		if (ret < 0)
			break;
		ret = i2c_smbus_read_i2c_block_data(client, KMB_REG_EE_DATA,
						    KMB_EE_CHUNK,
						    (u8 *)page + off);
		if (ret < 0)
			break;
		if (ret != KMB_EE_CHUNK) {
			ret = -EIO;
			break;
		}
	}
	mutex_unlock(&data->lock);

	if (ret < 0) {
		dev_err(&client->dev, "EEPROM read failed at %#x: %d\n", off, ret);
		free_pages(page, KMB_EEPROM_ORDER);
		return 0;
	}
	return page;
}

/*
 * Install a new calibration record. On success the record belongs to the
 * driver; on failure it is freed here.
 */
static int kmb_sensor_apply_calib(struct kmb_sensor *data,
				  struct kmb_calib *calib)
{
	struct kmb_calib *old;

	if (le16_to_cpu(calib->magic) != KMB_CALIB_MAGIC ||
	    !le32_to_cpu(calib->gain)) {
		dev_err(&data->client->dev, "invalid calibration record\n");
		kfree(calib);
		return -EINVAL;
	}

	mutex_lock(&data->lock);
	old = data->calib;
	data->calib = calib;
	mutex_unlock(&data->lock);

	kfree(old);
	return 0;
}

static int kmb_sensor_load_calib(struct kmb_sensor *data)
{
	struct kmb_calib *hdr, *calib;
	unsigned long page;
	size_t len;
	int ret;

	page = kmb_sensor_read_eeprom(data);
	if (!page)
		return -EIO;

	hdr = (struct kmb_calib *)page;
	len = struct_size(hdr, lut, le16_to_cpu(hdr->nlut));
	if (len > KMB_EEPROM_SIZE) {
		ret = -EINVAL;
		goto out_free;
	}

	calib = kmemdup(hdr, len, GFP_KERNEL);
	if (!calib) {
		ret = -ENOMEM;
		goto out_free;
	}

	ret = kmb_sensor_apply_calib(data, calib);
	if (ret)
		kfree(calib);

out_free:
	free_page(page);
	return ret;
}

static void kmb_sensor_free_history(void *arg)
{
	struct kmb_sensor *data = arg;

	free_pages((unsigned long)data->history, KMB_HIST_ORDER);
	kfree(data->hist_flags);
}

static int kmb_sensor_init_history(struct kmb_sensor *data)
{
	struct device *dev = &data->client->dev;

	data->hist_flags = kcalloc(KMB_HIST_LEN, sizeof(*data->hist_flags),
				   GFP_KERNEL);
	if (!data->hist_flags)
		return -ENOMEM;

	data->history = (struct kmb_sample *)__get_free_pages(GFP_KERNEL,
							      KMB_HIST_ORDER);
	if (!data->history) {
		devm_kfree(dev, data->hist_flags);
		return -ENOMEM;
	}

	return devm_add_action_or_reset(dev, kmb_sensor_free_history, data);
}

static int kmb_sensor_configure(struct kmb_sensor *data)
{
	struct i2c_client *client = data->client;
	int ret;

	mutex_lock(&data->lock);
	ret = i2c_smbus_write_byte_data(client, KMB_REG_CTRL1,
					KMB_CTRL1_PD | KMB_CTRL1_BDU |
					KMB_CTRL1_ODR_1HZ);
	if (ret >= 0)
		ret = i2c_smbus_write_byte_data(client, KMB_REG_CTRL3,
						client->irq > 0 ? KMB_CTRL3_DRDY_EN : 0);
	mutex_unlock(&data->lock);

	return ret < 0 ? ret : 0;
}

static int kmb_sensor_probe(struct i2c_client *client)
{
	struct device *dev = &client->dev;
	struct kmb_sensor *data;
	char *irq_name;
	int ret;

	if (!i2c_check_functionality(client->adapter,
				     I2C_FUNC_SMBUS_BYTE_DATA |
				     I2C_FUNC_SMBUS_WORD_DATA |
				     I2C_FUNC_SMBUS_I2C_BLOCK))
		return -EOPNOTSUPP;

	data = devm_kzalloc(dev, sizeof(*data), GFP_KERNEL);
	if (!data)
		return -ENOMEM;

	data->client = client;
	data->interval_ms = KMB_POLL_DEFAULT_MS;
	mutex_init(&data->lock);
	spin_lock_init(&data->hist_lock);
	INIT_LIST_HEAD(&data->pending);
	INIT_DELAYED_WORK(&data->poll_work, kmb_sensor_poll_work);
	i2c_set_clientdata(client, data);

	ret = i2c_smbus_read_byte_data(client, KMB_REG_WHO_AM_I);
	if (ret < 0)
		return ret;
	if (ret != KMB_WHO_AM_I_VAL) {
		dev_err(dev, "unexpected WHO_AM_I %#x\n", ret);
		return -ENODEV;
	}

	ret = kmb_sensor_init_history(data);
	if (ret)
		return ret;

	ret = kmb_sensor_load_calib(data);
	if (ret)
		return ret;

	irq_name = kasprintf(GFP_KERNEL, "%s-drdy", dev_name(dev));
	if (!irq_name) {
		ret = -ENOMEM;
		goto err_free_calib;
	}

	ret = kmb_sensor_configure(data);
	if (ret)
		goto err_free_calib;

	if (client->irq > 0) {
		ret = request_threaded_irq(client->irq, kmb_sensor_irq,
					   kmb_sensor_irq_thread, IRQF_ONESHOT,
					   irq_name, data);
		if (ret) {
			dev_err(dev, "failed to request irq %d\n", client->irq);
			goto err_free_name;
		}
		data->use_irq = true;
	}
	data->irq_name = irq_name;

	if (!data->use_irq)
		schedule_delayed_work(&data->poll_work,
				      msecs_to_jiffies(data->interval_ms));
	return 0;

err_free_name:
	kfree(irq_name);
err_free_calib:
	kfree(data->calib);
	return ret;
}

static void kmb_sensor_remove(struct i2c_client *client)
{
	struct kmb_sensor *data = i2c_get_clientdata(client);
	struct kmb_sensor_event *ev, *tmp;

	if (data->use_irq)
		free_irq(client->irq, data);
	cancel_delayed_work_sync(&data->poll_work);

	/* Power down. */
	i2c_smbus_write_byte_data(client, KMB_REG_CTRL1, 0);

	list_for_each_entry_safe(ev, tmp, &data->pending, node) {
		list_del(&ev->node);
		kfree(ev);
	}

	kfree(data->irq_name);
	kfree(data->calib);
}

static const struct i2c_device_id kmb_sensor_id[] = {
	{ "th20", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, kmb_sensor_id);

static const struct of_device_id kmb_sensor_of_match[] = {
	{ .compatible = "kmb,th20" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_sensor_of_match);

static struct i2c_driver kmb_sensor_driver = {
	.driver = {
		.name = "kmb-th20",
		.of_match_table = kmb_sensor_of_match,
		.dev_groups = kmb_sensor_groups,
	},
	.probe_new = kmb_sensor_probe,
	.remove = kmb_sensor_remove,
	.id_table = kmb_sensor_id,
};
module_i2c_driver(kmb_sensor_driver);

MODULE_AUTHOR("kmemlint bench");
MODULE_DESCRIPTION("KMB TH-20 temperature and humidity sensor driver");
MODULE_LICENSE("GPL");
