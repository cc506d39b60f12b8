// SPDX-License-Identifier: GPL-2.0
/*
 * KMB matrix keypad controller
 *
 * The controller drives the column lines, samples up to 8 rows and raises
 * an interrupt on any change of the sampled matrix.  It has no hardware
 * debouncing: the driver takes a snapshot in the interrupt handler, waits
 * debounce_ms and only reports the change if a second scan agrees.
 */

#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/platform_device.h>
#include <linux/input.h>
#include <linux/input/matrix_keypad.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/io.h>
#include <linux/bitmap.h>
#include <linux/property.h>
#include <linux/overflow.h>
#include <linux/pm_wakeirq.h>

#define KMB_KP_REG_CTRL		0x00
#define  KMB_KP_CTRL_EN		BIT(0)
#define  KMB_KP_CTRL_COLS(n)	(((n) - 1) << 4)
#define  KMB_KP_CTRL_ROWS(n)	(((n) - 1) << 8)
#define KMB_KP_REG_ISR		0x04
#define KMB_KP_REG_IMR		0x08
#define  KMB_KP_INT_CHANGE	BIT(0)
#define KMB_KP_REG_SCAN_PERIOD	0x0c
#define KMB_KP_REG_ROW(r)	(0x20 + 4 * (r))

#define KMB_KP_MAX_ROWS		8
#define KMB_KP_MAX_COLS		8
#define KMB_KP_DEBOUNCE_DEF	20
#define KMB_KP_DEBOUNCE_MAX	500
#define KMB_KP_SETTLE_WARN_MS	200

struct kmb_keypad_scan {
	unsigned long stamp;
	unsigned int rows;
	u8 state[];
};

struct kmb_keypad {
	struct device *dev;
	struct input_dev *input;
	void __iomem *regs;
	int irq;

	unsigned int rows;
	unsigned int cols;
	unsigned int row_shift;
	unsigned int debounce_ms;
	unsigned short *keycodes;

	/* protects pending, disabled, last_state and scan_buf */
	spinlock_t lock;
	struct kmb_keypad_scan *pending;
	unsigned long *disabled;
	u8 *last_state;
	u8 *scan_buf;

	struct timer_list debounce_timer;
};

static void kmb_keypad_read_matrix(struct kmb_keypad *keypad, u8 *state)
{
	unsigned int row;

	for (row = 0; row < keypad->rows; row++)
		state[row] = readl(keypad->regs + KMB_KP_REG_ROW(row)) &
			     (BIT(keypad->cols) - 1);
}

static void kmb_keypad_enable_irq(struct kmb_keypad *keypad, bool on)
{
	writel(on ? KMB_KP_INT_CHANGE : 0, keypad->regs + KMB_KP_REG_IMR);
}

/* Called with keypad->lock held. */
static void kmb_keypad_report(struct kmb_keypad *keypad, const u8 *now)
{
	struct input_dev *input = keypad->input;
	unsigned int row, col, code;
	unsigned long changed;

	for (row = 0; row < keypad->rows; row++) {
		changed = now[row] ^ keypad->last_state[row];
		for_each_set_bit(col, &changed, keypad->cols) {
			code = MATRIX_SCAN_CODE(row, col, keypad->row_shift);
			if (keypad->disabled && test_bit(code, keypad->disabled))
				continue;
			input_event(input, EV_MSC, MSC_SCAN, code);
			input_report_key(input, keypad->keycodes[code],
					 now[row] & BIT(col));
		}
	}
	input_sync(input);
	memcpy(keypad->last_state, now, keypad->rows);
}

static irqreturn_t kmb_keypad_irq(int irq, void *data)
{
	struct kmb_keypad *keypad = data;
	struct kmb_keypad_scan *scan, *stale;
	u32 isr;

	isr = readl(keypad->regs + KMB_KP_REG_ISR);
	if (!(isr & KMB_KP_INT_CHANGE))
		return IRQ_NONE;
	writel(isr, keypad->regs + KMB_KP_REG_ISR);

	scan = kzalloc(struct_size(scan, state, keypad->rows), GFP_KERNEL);
	if (!scan)
		return IRQ_HANDLED;

	scan->stamp = jiffies;
	scan->rows = keypad->rows;
	kmb_keypad_read_matrix(keypad, scan->state);

	spin_lock(&keypad->lock);
	stale = keypad->pending;
	keypad->pending = scan;
	spin_unlock(&keypad->lock);
	kfree(stale);

	/* no more edges until the matrix has settled */
	kmb_keypad_enable_irq(keypad, false);
	mod_timer(&keypad->debounce_timer,
		  jiffies + msecs_to_jiffies(READ_ONCE(keypad->debounce_ms)));
	return IRQ_HANDLED;
}

static void kmb_keypad_debounce_timer(struct timer_list *t)
{
	struct kmb_keypad *keypad = from_timer(keypad, t, debounce_timer);
	struct kmb_keypad_scan *scan;
	unsigned long flags;
	bool stable;

	spin_lock_irqsave(&keypad->lock, flags);
	scan = keypad->pending;
	keypad->pending = NULL;
	if (!scan) {
		spin_unlock_irqrestore(&keypad->lock, flags);
		goto out_unmask;
	}

	kmb_keypad_read_matrix(keypad, keypad->scan_buf);
	stable = !memcmp(keypad->scan_buf, scan->state, scan->rows);
	if (stable)
		kmb_keypad_report(keypad, keypad->scan_buf);
	spin_unlock_irqrestore(&keypad->lock, flags);

	kfree(scan);
	if (!stable &&
	    time_after(jiffies, scan->stamp + msecs_to_jiffies(KMB_KP_SETTLE_WARN_MS)))
		dev_warn_ratelimited(keypad->dev, "matrix still bouncing %u ms after the edge\n",
				     jiffies_to_msecs(jiffies - scan->stamp));

out_unmask:
	kmb_keypad_enable_irq(keypad, true);
}

static int kmb_keypad_open(struct input_dev *input)
{
	struct kmb_keypad *keypad = input_get_drvdata(input);
	unsigned long flags;

	writel(KMB_KP_CTRL_EN | KMB_KP_CTRL_COLS(keypad->cols) |
	       KMB_KP_CTRL_ROWS(keypad->rows), keypad->regs + KMB_KP_REG_CTRL);

	/* keys held while the device was closed must not produce events */
	spin_lock_irqsave(&keypad->lock, flags);
	kmb_keypad_read_matrix(keypad, keypad->last_state);
	spin_unlock_irqrestore(&keypad->lock, flags);

	writel(KMB_KP_INT_CHANGE, keypad->regs + KMB_KP_REG_ISR);
	kmb_keypad_enable_irq(keypad, true);
	return 0;
}

static void kmb_keypad_close(struct input_dev *input)
{
	struct kmb_keypad *keypad = input_get_drvdata(input);
	struct kmb_keypad_scan *scan;

	kmb_keypad_enable_irq(keypad, false);
	synchronize_irq(keypad->irq);
	del_timer_sync(&keypad->debounce_timer);
	/* the timer may have unmasked the interrupt again */
	kmb_keypad_enable_irq(keypad, false);
	writel(0, keypad->regs + KMB_KP_REG_CTRL);

	spin_lock_irq(&keypad->lock);
	scan = keypad->pending;
	keypad->pending = NULL;
	spin_unlock_irq(&keypad->lock);
	kfree(scan);
}

/* --- keymap ----------------------------------------------------------- */

static int kmb_keypad_parse_keymap(struct kmb_keypad *keypad)
{
	struct device *dev = keypad->dev;
	struct input_dev *input = keypad->input;
	unsigned int i, row, col, code;
	u32 *map;
	int n, ret;

	n = device_property_count_u32(dev, "linux,keymap");
	if (n <= 0 || n > keypad->rows * keypad->cols) {
		dev_err(dev, "missing or oversized linux,keymap (%d)\n", n);
		return -EINVAL;
	}

	map = kcalloc(n, sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;

	ret = device_property_read_u32_array(dev, "linux,keymap", map, n);
	if (ret)
		goto out_free;

	for (i = 0; i < n; i++) {
		row = KEY_ROW(map[i]);
		col = KEY_COL(map[i]);
		code = KEY_VAL(map[i]);

		if (row >= keypad->rows || col >= keypad->cols || code > KEY_MAX) {
			dev_err(dev, "keymap entry %u out of range (%u,%u,%u)\n",
				i, row, col, code);
			return -EINVAL;
		}

		keypad->keycodes[MATRIX_SCAN_CODE(row, col, keypad->row_shift)] = code;
		__set_bit(code, input->keybit);
	}
	__clear_bit(KEY_RESERVED, input->keybit);

out_free:
	kfree(map);
	return ret;
}

static int kmb_keypad_init_matrix(struct kmb_keypad *keypad)
{
	struct input_dev *input = keypad->input;
	unsigned int nkeys = keypad->rows << keypad->row_shift;

	keypad->keycodes = devm_kzalloc(keypad->dev,
					nkeys * sizeof(*keypad->keycodes),
					GFP_KERNEL);
	if (!keypad->keycodes)
		return -ENOMEM;

	input->keycode = keypad->keycodes;
	input->keycodesize = sizeof(*keypad->keycodes);
	input->keycodemax = nkeys;

	__set_bit(EV_KEY, input->evbit);
	if (device_property_read_bool(keypad->dev, "autorepeat"))
		__set_bit(EV_REP, input->evbit);
	input_set_capability(input, EV_MSC, MSC_SCAN);

	return kmb_keypad_parse_keymap(keypad);
}

/* --- sysfs ------------------------------------------------------------ */

static ssize_t debounce_ms_show(struct device *dev, struct device_attribute *attr,
				char *buf)
{
	struct kmb_keypad *keypad = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u\n", READ_ONCE(keypad->debounce_ms));
}

static ssize_t debounce_ms_store(struct device *dev, struct device_attribute *attr,
				 const char *buf, size_t count)
{
	struct kmb_keypad *keypad = dev_get_drvdata(dev);
	unsigned int val;
	int ret;

	ret = kstrtouint(buf, 0, &val);
	if (ret)
		return ret;
	if (!val || val > KMB_KP_DEBOUNCE_MAX)
		return -EINVAL;

	WRITE_ONCE(keypad->debounce_ms, val);
	return count;
}
static DEVICE_ATTR_RW(debounce_ms);

static ssize_t disabled_keys_show(struct device *dev, struct device_attribute *attr,
				  char *buf)
{
	struct kmb_keypad *keypad = dev_get_drvdata(dev);
	unsigned int nkeys = keypad->rows << keypad->row_shift;
	ssize_t len;

	spin_lock_irq(&keypad->lock);
	if (keypad->disabled)
		len = sysfs_emit(buf, "%*pbl\n", nkeys, keypad->disabled);
	else
		len = sysfs_emit(buf, "\n");
	spin_unlock_irq(&keypad->lock);
	return len;
}

static ssize_t disabled_keys_store(struct device *dev, struct device_attribute *attr,
				   const char *buf, size_t count)
{
	struct kmb_keypad *keypad = dev_get_drvdata(dev);
	unsigned int nkeys = keypad->rows << keypad->row_shift;
	unsigned long *map, *old;
	int ret;

	/* allocate and parse before taking the lock the timer also uses */
	map = kcalloc(BITS_TO_LONGS(nkeys), sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;

	ret = bitmap_parselist(buf, map, nkeys);
	if (ret) {
		kfree(map);
		return ret;
	}

	spin_lock_irq(&keypad->lock);
	old = keypad->disabled;
	keypad->disabled = map;
	spin_unlock_irq(&keypad->lock);

	kfree(old);
	return count;
}
static DEVICE_ATTR_RW(disabled_keys);

static struct attribute *kmb_keypad_attrs[] = {
	&dev_attr_debounce_ms.attr,
	&dev_attr_disabled_keys.attr,
	NULL
};
ATTRIBUTE_GROUPS(kmb_keypad);

/* --- platform driver -------------------------------------------------- */

static int kmb_keypad_parse_dt(struct kmb_keypad *keypad)
{
	struct device *dev = keypad->dev;

	if (device_property_read_u32(dev, "keypad,num-rows", &keypad->rows) ||
	    device_property_read_u32(dev, "keypad,num-columns", &keypad->cols))
		return dev_err_probe(dev, -EINVAL, "matrix size not described\n");

	if (!keypad->rows || keypad->rows > KMB_KP_MAX_ROWS ||
	    !keypad->cols || keypad->cols > KMB_KP_MAX_COLS)
		return dev_err_probe(dev, -EINVAL, "unsupported %ux%u matrix\n",
				     keypad->rows, keypad->cols);

	keypad->row_shift = get_count_order(keypad->cols);
	keypad->debounce_ms = KMB_KP_DEBOUNCE_DEF;
	device_property_read_u32(dev, "debounce-delay-ms", &keypad->debounce_ms);
	if (!keypad->debounce_ms || keypad->debounce_ms > KMB_KP_DEBOUNCE_MAX)
		keypad->debounce_ms = KMB_KP_DEBOUNCE_DEF;
	return 0;
}

static int kmb_keypad_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kmb_keypad *keypad;
	struct input_dev *input;
	int ret;

	keypad = devm_kzalloc(dev, sizeof(*keypad), GFP_KERNEL);
	if (!keypad)
		return -ENOMEM;

	keypad->dev = dev;
	spin_lock_init(&keypad->lock);
	timer_setup(&keypad->debounce_timer, kmb_keypad_debounce_timer, 0);

	ret = kmb_keypad_parse_dt(keypad);
	if (ret)
		return ret;

	keypad->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(keypad->regs))
		return PTR_ERR(keypad->regs);

	keypad->irq = platform_get_irq(pdev, 0);
	if (keypad->irq < 0)
		return keypad->irq;

	input = devm_input_allocate_device(dev);
	if (!input)
		return -ENOMEM;

	keypad->input = input;
	input->name = "KMB matrix keypad";
	input->phys = "kmb-keypad/input0";
	input->id.bustype = BUS_HOST;
	input->open = kmb_keypad_open;
	input->close = kmb_keypad_close;
	input_set_drvdata(input, keypad);

	ret = kmb_keypad_init_matrix(keypad);
	if (ret)
		return ret;

	keypad->last_state = devm_kcalloc(dev, keypad->rows,
					  sizeof(*keypad->last_state), GFP_KERNEL);
	keypad->scan_buf = devm_kcalloc(dev, keypad->rows,
					sizeof(*keypad->scan_buf), GFP_KERNEL);
	if (!keypad->scan_buf)
		return -ENOMEM;

	/* quiesce the block; a boot loader may have left it scanning */
	writel(0, keypad->regs + KMB_KP_REG_IMR);
	writel(KMB_KP_INT_CHANGE, keypad->regs + KMB_KP_REG_ISR);
	kmb_keypad_read_matrix(keypad, keypad->last_state);

	ret = devm_request_irq(dev, keypad->irq, kmb_keypad_irq, 0,
			       dev_name(dev), keypad);
	if (ret)
		return dev_err_probe(dev, ret, "cannot request irq %d\n", keypad->irq);

	ret = input_register_device(input);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register input device\n");

	platform_set_drvdata(pdev, keypad);
	device_init_wakeup(dev, device_property_read_bool(dev, "wakeup-source"));
	return 0;
}

static int kmb_keypad_remove(struct platform_device *pdev)
{
	struct kmb_keypad *keypad = platform_get_drvdata(pdev);
	unsigned long *disabled;

	device_init_wakeup(&pdev->dev, false);

	spin_lock_irq(&keypad->lock);
	disabled = keypad->disabled;
	keypad->disabled = NULL;
	spin_unlock_irq(&keypad->lock);
	kfree(disabled);

	kfree(keypad->keycodes);
	return 0;
}

static int kmb_keypad_suspend(struct device *dev)
{
	struct kmb_keypad *keypad = dev_get_drvdata(dev);

	if (device_may_wakeup(dev))
		enable_irq_wake(keypad->irq);
	return 0;
}

static int kmb_keypad_resume(struct device *dev)
{
	struct kmb_keypad *keypad = dev_get_drvdata(dev);

	if (device_may_wakeup(dev))
		disable_irq_wake(keypad->irq);
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(kmb_keypad_pm_ops, kmb_keypad_suspend,
				kmb_keypad_resume);

static const struct of_device_id kmb_keypad_of_match[] = {
	{ .compatible = "kmb,matrix-keypad" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_keypad_of_match);

static struct platform_driver kmb_keypad_driver = {
	.probe	= kmb_keypad_probe,
	.remove	= kmb_keypad_remove,
	.driver	= {
		.name		= "kmb-keypad",
		.of_match_table	= kmb_keypad_of_match,
		.dev_groups	= kmb_keypad_groups,
		.pm		= pm_sleep_ptr(&kmb_keypad_pm_ops),
	},
};
module_platform_driver(kmb_keypad_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KMB matrix keypad controller driver");
MODULE_AUTHOR("kmemlint bench");
