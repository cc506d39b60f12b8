// SPDX-License-Identifier: GPL-2.0
/*
 * KMB UART tty driver.
 *
 * A plain memory-mapped UART with 64-byte FIFOs in each direction. Every
 * platform device is one tty line (/dev/ttyKMB<n>). Transmit data is
 * queued in a one-page circular buffer and pushed into the FIFO from the
 * interrupt handler; received bytes are drained into a bounce buffer and
 * handed to the flip buffer in one go. A watchdog timer kicks the
 * transmitter if the TX-empty interrupt is lost.
 */

#include <linux/circ_buf.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/tty.h>
#include <linux/tty_driver.h>
#include <linux/tty_flip.h>
#include <linux/uaccess.h>

#define KMB_UART_REG_DATA		0x00
#define KMB_UART_REG_STATUS		0x04
#define KMB_UART_REG_CTRL		0x08
#define KMB_UART_REG_BAUD		0x0c
#define KMB_UART_REG_FIFO		0x10

#define KMB_UART_ST_RX_AVAIL		BIT(0)
#define KMB_UART_ST_TX_FULL		BIT(1)
#define KMB_UART_ST_TX_EMPTY		BIT(2)
#define KMB_UART_ST_OVERRUN		BIT(3)
#define KMB_UART_ST_BREAK		BIT(4)
#define KMB_UART_ST_FRAME		BIT(5)

#define KMB_UART_CTRL_ENABLE		BIT(0)
#define KMB_UART_CTRL_RX_IE		BIT(1)
#define KMB_UART_CTRL_TX_IE		BIT(2)
#define KMB_UART_CTRL_TX_RESET		BIT(3)
#define KMB_UART_CTRL_CS8		BIT(4)
#define KMB_UART_CTRL_PARENB		BIT(5)
#define KMB_UART_CTRL_CSTOPB		BIT(6)

#define KMB_UART_FIFO_TRIG(n)		((n) & 0x3f)

#define KMB_UART_MAX_PORTS		8
#define KMB_UART_CLK			48000000
#define KMB_UART_FIFO_SIZE		64
#define KMB_UART_XMIT_SIZE		PAGE_SIZE
#define KMB_UART_RX_ORDER		1
#define KMB_UART_RX_SIZE		(PAGE_SIZE << KMB_UART_RX_ORDER)
#define KMB_UART_TX_TIMEOUT		msecs_to_jiffies(100)

struct kmb_uart_stats {
	__u32 rx;
	__u32 tx;
	__u32 overrun;
	__u32 brk;
	__u32 frame;
};

struct kmb_uart_config {
	__u32 rx_trigger;
	__u32 tx_timeout_ms;
	__u32 flags;
};

#define KMB_UART_IOC_GET_STATS		_IOR('K', 0x40, struct kmb_uart_stats)
#define KMB_UART_IOC_GET_CONFIG		_IOR('K', 0x41, struct kmb_uart_config)
#define KMB_UART_IOC_SET_CONFIG		_IOW('K', 0x42, struct kmb_uart_config)
#define KMB_UART_IOC_RESET_STATS	_IO('K', 0x43)

struct kmb_uart_port {
	struct tty_port port;
	struct device *dev;
	void __iomem *membase;
	int irq;
	unsigned int line;
	char *irq_name;

	/* protects xmit, rx_buf, stats, cfg and the CTRL register */
	spinlock_t lock;
	struct circ_buf xmit;
	u8 *rx_buf;
	struct kmb_uart_stats stats;
	struct kmb_uart_config cfg;
	u32 ctrl;

	struct timer_list tx_timer;
};

static unsigned int nr_ports = 4;
module_param(nr_ports, uint, 0444);
MODULE_PARM_DESC(nr_ports, "number of tty lines to reserve (1-8)");

static struct tty_driver *kmb_uart_driver;
static struct kmb_uart_port **kmb_uart_ports;
static DEFINE_MUTEX(kmb_uart_ports_lock);

static inline struct kmb_uart_port *to_kmb_uart(struct tty_port *port)
{
	return container_of(port, struct kmb_uart_port, port);
}

static inline u32 kmb_uart_read(struct kmb_uart_port *up, unsigned int reg)
{
	return readl(up->membase + reg);
}

static inline void kmb_uart_write_reg(struct kmb_uart_port *up,
				      unsigned int reg, u32 val)
{
	writel(val, up->membase + reg);
}

/* Caller holds up->lock. */
static void kmb_uart_start_tx_locked(struct kmb_uart_port *up)
{
	struct circ_buf *xmit = &up->xmit;

	while (CIRC_CNT(xmit->head, xmit->tail, KMB_UART_XMIT_SIZE) &&
	       !(kmb_uart_read(up, KMB_UART_REG_STATUS) & KMB_UART_ST_TX_FULL)) {
		kmb_uart_write_reg(up, KMB_UART_REG_DATA, xmit->buf[xmit->tail]);
		xmit->tail = (xmit->tail + 1) & (KMB_UART_XMIT_SIZE - 1);
		up->stats.tx++;
	}

	if (CIRC_CNT(xmit->head, xmit->tail, KMB_UART_XMIT_SIZE)) {
		up->ctrl |= KMB_UART_CTRL_TX_IE;
		mod_timer(&up->tx_timer, jiffies + KMB_UART_TX_TIMEOUT);
	} else {
		up->ctrl &= ~KMB_UART_CTRL_TX_IE;
	}
	kmb_uart_write_reg(up, KMB_UART_REG_CTRL, up->ctrl);
}

/* Caller holds up->lock. Returns the number of bytes drained. */
static unsigned int kmb_uart_rx_chars(struct kmb_uart_port *up, u32 status)
{
	unsigned int n = 0;

	while ((status & KMB_UART_ST_RX_AVAIL) && n < KMB_UART_RX_SIZE) {
		up->rx_buf[n++] = kmb_uart_read(up, KMB_UART_REG_DATA) & 0xff;
		status = kmb_uart_read(up, KMB_UART_REG_STATUS);
	}
	up->stats.rx += n;
	return n;
}

static irqreturn_t kmb_uart_irq(int irq, void *dev_id)
{
	struct kmb_uart_port *up = dev_id;
	unsigned int n = 0;
	bool wakeup = false;
	u32 status;

	spin_lock(&up->lock);
	status = kmb_uart_read(up, KMB_UART_REG_STATUS);

	if (status & KMB_UART_ST_OVERRUN) {
		up->stats.overrun++;
		tty_insert_flip_char(&up->port, 0, TTY_OVERRUN);
	}
	if (status & KMB_UART_ST_BREAK) {
		up->stats.brk++;
		tty_insert_flip_char(&up->port, 0, TTY_BREAK);
	}
	if (status & KMB_UART_ST_FRAME)
		up->stats.frame++;

	if (up->rx_buf && (status & KMB_UART_ST_RX_AVAIL)) {
		n = kmb_uart_rx_chars(up, status);
		tty_insert_flip_string(&up->port, up->rx_buf, n);
	}

	if ((status & KMB_UART_ST_TX_EMPTY) && up->xmit.buf &&
	    (up->ctrl & KMB_UART_CTRL_TX_IE)) {
		kmb_uart_start_tx_locked(up);
		wakeup = CIRC_SPACE(up->xmit.head, up->xmit.tail,
				    KMB_UART_XMIT_SIZE) >= KMB_UART_FIFO_SIZE;
	}
	spin_unlock(&up->lock);

	if (n || (status & (KMB_UART_ST_OVERRUN | KMB_UART_ST_BREAK)))
		tty_flip_buffer_push(&up->port);
	if (wakeup)
		tty_port_tty_wakeup(&up->port);

	return IRQ_HANDLED;
}

static void kmb_uart_reset_tx_fifo(struct kmb_uart_port *up)
{
	u32 ctrl = READ_ONCE(up->ctrl);

	kmb_uart_write_reg(up, KMB_UART_REG_CTRL, ctrl | KMB_UART_CTRL_TX_RESET);
	/* the FIFO needs a few character times to flush */
	msleep(1);
	kmb_uart_write_reg(up, KMB_UART_REG_CTRL, ctrl);
}

static void kmb_uart_tx_timeout(struct timer_list *t)
{
	struct kmb_uart_port *up = from_timer(up, t, tx_timer);
	unsigned long flags;
	bool stalled;

	spin_lock_irqsave(&up->lock, flags);
	stalled = up->xmit.buf &&
		  CIRC_CNT(up->xmit.head, up->xmit.tail, KMB_UART_XMIT_SIZE) &&
		  (kmb_uart_read(up, KMB_UART_REG_STATUS) & KMB_UART_ST_TX_FULL);
	spin_unlock_irqrestore(&up->lock, flags);

	if (!stalled)
		return;

	dev_warn_ratelimited(up->dev, "transmitter stalled, resetting FIFO\n");
	kmb_uart_reset_tx_fifo(up);

	spin_lock_irqsave(&up->lock, flags);
	if (up->xmit.buf)
		kmb_uart_start_tx_locked(up);
	spin_unlock_irqrestore(&up->lock, flags);
}

/* Caller holds up->lock. */
static void kmb_uart_set_baud_locked(struct kmb_uart_port *up,
				     unsigned int baud)
{
	if (!baud)
		baud = 115200;
	kmb_uart_write_reg(up, KMB_UART_REG_BAUD,
			   DIV_ROUND_CLOSEST(KMB_UART_CLK, 16 * baud));
}

/* Caller holds up->lock. */
static void kmb_uart_apply_config_locked(struct kmb_uart_port *up)
{
	kmb_uart_write_reg(up, KMB_UART_REG_FIFO,
			   KMB_UART_FIFO_TRIG(up->cfg.rx_trigger));
}

static void kmb_uart_free_bufs(struct kmb_uart_port *up)
{
	free_pages((unsigned long)up->rx_buf, KMB_UART_RX_ORDER);
	free_page((unsigned long)up->xmit.buf);
}

static int kmb_uart_activate(struct tty_port *tport, struct tty_struct *tty)
{
	struct kmb_uart_port *up = to_kmb_uart(tport);
	unsigned long page, rx, flags;
	int ret;

	page = get_zeroed_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;

	rx = __get_free_pages(GFP_KERNEL, KMB_UART_RX_ORDER);
	if (!rx) {
		ret = -ENOMEM;
		goto err_free_xmit;
	}

	spin_lock_irqsave(&up->lock, flags);
	up->xmit.buf = (char *)page;
	up->xmit.head = 0;
	up->xmit.tail = 0;
	up->rx_buf = (u8 *)rx;
	spin_unlock_irqrestore(&up->lock, flags);

	ret = request_irq(up->irq, kmb_uart_irq, 0, up->irq_name, up);
	if (ret) {
		dev_err(up->dev, "failed to request irq %d: %d\n", up->irq, ret);
		goto err_free_rx;
	}

	spin_lock_irqsave(&up->lock, flags);
	kmb_uart_set_baud_locked(up, tty_get_baud_rate(tty));
	kmb_uart_apply_config_locked(up);
	up->ctrl |= KMB_UART_CTRL_ENABLE | KMB_UART_CTRL_RX_IE;
	kmb_uart_write_reg(up, KMB_UART_REG_CTRL, up->ctrl);
	spin_unlock_irqrestore(&up->lock, flags);

	return 0;

err_free_rx:
	up->rx_buf = NULL;
	up->xmit.buf = NULL;
	free_page(rx);
err_free_xmit:
	free_page(page);
	return ret;
}

static void kmb_uart_shutdown(struct tty_port *tport)
{
	struct kmb_uart_port *up = to_kmb_uart(tport);
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	up->ctrl &= ~(KMB_UART_CTRL_RX_IE | KMB_UART_CTRL_TX_IE);
	kmb_uart_write_reg(up, KMB_UART_REG_CTRL, up->ctrl);
	spin_unlock_irqrestore(&up->lock, flags);

	free_irq(up->irq, up);
	del_timer_sync(&up->tx_timer);

	kmb_uart_free_bufs(up);
	free_page((unsigned long)up->xmit.buf);
	up->xmit.buf = NULL;
	up->rx_buf = NULL;
}

static const struct tty_port_operations kmb_uart_port_ops = {
	.activate	= kmb_uart_activate,
	.shutdown	= kmb_uart_shutdown,
};

/* tty operations */

static int kmb_uart_install(struct tty_driver *driver, struct tty_struct *tty)
{
	struct kmb_uart_port *up;
	int ret;

	mutex_lock(&kmb_uart_ports_lock);
	up = kmb_uart_ports[tty->index];
	if (!up) {
		ret = -ENODEV;
		goto out;
	}
	tty->driver_data = up;
	ret = tty_port_install(&up->port, driver, tty);
out:
	mutex_unlock(&kmb_uart_ports_lock);
	return ret;
}

static int kmb_uart_open(struct tty_struct *tty, struct file *filp)
{
	struct kmb_uart_port *up = tty->driver_data;

	return tty_port_open(&up->port, tty, filp);
}

static void kmb_uart_close(struct tty_struct *tty, struct file *filp)
{
	struct kmb_uart_port *up = tty->driver_data;

	tty_port_close(&up->port, tty, filp);
}

static void kmb_uart_hangup(struct tty_struct *tty)
{
	struct kmb_uart_port *up = tty->driver_data;

	tty_port_hangup(&up->port);
}

static int kmb_uart_write(struct tty_struct *tty, const u8 *buf, int count)
{
	struct kmb_uart_port *up = tty->driver_data;
	struct circ_buf *xmit = &up->xmit;
	unsigned long flags;
	int c, ret = 0;

	spin_lock_irqsave(&up->lock, flags);
	if (!xmit->buf)
		goto out;

	while (count > 0) {
		c = CIRC_SPACE_TO_END(xmit->head, xmit->tail,
				      KMB_UART_XMIT_SIZE);
		if (count < c)
			c = count;
		if (c <= 0)
			break;
		memcpy(xmit->buf + xmit->head, buf, c);
		xmit->head = (xmit->head + c) & (KMB_UART_XMIT_SIZE - 1);
		buf += c;
		count -= c;
		ret += c;
	}

	if (ret)
		kmb_uart_start_tx_locked(up);
out:
	spin_unlock_irqrestore(&up->lock, flags);
	return ret;
}

static unsigned int kmb_uart_write_room(struct tty_struct *tty)
{
	struct kmb_uart_port *up = tty->driver_data;
	unsigned long flags;
	unsigned int room = 0;

	spin_lock_irqsave(&up->lock, flags);
	if (up->xmit.buf)
		room = CIRC_SPACE(up->xmit.head, up->xmit.tail,
				  KMB_UART_XMIT_SIZE);
	spin_unlock_irqrestore(&up->lock, flags);

	return room;
}

static unsigned int kmb_uart_chars_in_buffer(struct tty_struct *tty)
{
	struct kmb_uart_port *up = tty->driver_data;
	unsigned long flags;
	unsigned int cnt = 0;

	spin_lock_irqsave(&up->lock, flags);
	if (up->xmit.buf)
		cnt = CIRC_CNT(up->xmit.head, up->xmit.tail,
			       KMB_UART_XMIT_SIZE);
	spin_unlock_irqrestore(&up->lock, flags);

	return cnt;
}

static void kmb_uart_set_termios(struct tty_struct *tty,
				 const struct ktermios *old)
{
	struct kmb_uart_port *up = tty->driver_data;
	unsigned int cflag = tty->termios.c_cflag;
	unsigned long flags;
	bool reset;

	reset = !old || (old->c_cflag & (CSIZE | PARENB | CSTOPB)) !=
			(cflag & (CSIZE | PARENB | CSTOPB));

	spin_lock_irqsave(&up->lock, flags);
	up->ctrl &= ~(KMB_UART_CTRL_CS8 | KMB_UART_CTRL_PARENB |
		      KMB_UART_CTRL_CSTOPB);
	if ((cflag & CSIZE) == CS8)
		up->ctrl |= KMB_UART_CTRL_CS8;
	if (cflag & PARENB)
		up->ctrl |= KMB_UART_CTRL_PARENB;
	if (cflag & CSTOPB)
		up->ctrl |= KMB_UART_CTRL_CSTOPB;
	kmb_uart_set_baud_locked(up, tty_get_baud_rate(tty));
	kmb_uart_write_reg(up, KMB_UART_REG_CTRL, up->ctrl);
	spin_unlock_irqrestore(&up->lock, flags);

	/* a frame format change leaves garbage in the TX FIFO */
	if (reset)
		kmb_uart_reset_tx_fifo(up);
}

static int kmb_uart_get_stats(struct kmb_uart_port *up, void __user *argp)
{
	struct kmb_uart_stats *stats;
	unsigned long flags;
	int ret = 0;

	stats = kzalloc(sizeof(*stats), GFP_KERNEL);

	spin_lock_irqsave(&up->lock, flags);
	*stats = up->stats;
	spin_unlock_irqrestore(&up->lock, flags);

	if (copy_to_user(argp, stats, sizeof(*stats)))
		ret = -EFAULT;

	kfree(stats);
	return ret;
}

static int kmb_uart_get_config(struct kmb_uart_port *up, void __user *argp)
{
	struct kmb_uart_config *cfg;
	unsigned long flags;
	int ret = 0;

	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;

	spin_lock_irqsave(&up->lock, flags);
	*cfg = up->cfg;
	spin_unlock_irqrestore(&up->lock, flags);

	if (copy_to_user(argp, cfg, sizeof(*cfg)))
		ret = -EFAULT;

	kfree(cfg);
	return ret;
}

static int kmb_uart_set_config(struct kmb_uart_port *up, void __user *argp)
{
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	if (copy_from_user(&up->cfg, argp, sizeof(up->cfg))) {
		spin_unlock_irqrestore(&up->lock, flags);
		return -EFAULT;
	}
	if (up->cfg.rx_trigger >= KMB_UART_FIFO_SIZE)
		up->cfg.rx_trigger = KMB_UART_FIFO_SIZE / 2;
	kmb_uart_apply_config_locked(up);
	spin_unlock_irqrestore(&up->lock, flags);

	return 0;
}

static int kmb_uart_ioctl(struct tty_struct *tty, unsigned int cmd,
			  unsigned long arg)
{
	struct kmb_uart_port *up = tty->driver_data;
	void __user *argp = (void __user *)arg;
	unsigned long flags;

	switch (cmd) {
	case KMB_UART_IOC_GET_STATS:
		return kmb_uart_get_stats(up, argp);
	case KMB_UART_IOC_GET_CONFIG:
		return kmb_uart_get_config(up, argp);
	case KMB_UART_IOC_SET_CONFIG:
		return kmb_uart_set_config(up, argp);
	case KMB_UART_IOC_RESET_STATS:
		spin_lock_irqsave(&up->lock, flags);
		memset(&up->stats, 0, sizeof(up->stats));
		spin_unlock_irqrestore(&up->lock, flags);
		return 0;
	}

	return -ENOIOCTLCMD;
}

static const struct tty_operations kmb_uart_ops = {
	.install		= kmb_uart_install,
	.open			= kmb_uart_open,
	.close			= kmb_uart_close,
	.hangup			= kmb_uart_hangup,
	.write			= kmb_uart_write,
	.write_room		= kmb_uart_write_room,
	.chars_in_buffer	= kmb_uart_chars_in_buffer,
	.set_termios		= kmb_uart_set_termios,
	.ioctl			= kmb_uart_ioctl,
};

/* platform driver */

static int kmb_uart_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kmb_uart_port *up;
	struct device *tty_dev;
	unsigned int line;
	char *name;
	int ret;

	up = devm_kzalloc(dev, sizeof(*up), GFP_KERNEL);
	if (!up)
		return -ENOMEM;

	up->membase = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(up->membase))
		return PTR_ERR(up->membase);

	up->irq = platform_get_irq(pdev, 0);
	if (up->irq < 0)
		return up->irq;

	up->dev = dev;
	up->cfg.rx_trigger = KMB_UART_FIFO_SIZE / 2;
	up->cfg.tx_timeout_ms = jiffies_to_msecs(KMB_UART_TX_TIMEOUT);
	spin_lock_init(&up->lock);
	timer_setup(&up->tx_timer, kmb_uart_tx_timeout, 0);
	tty_port_init(&up->port);
	up->port.ops = &kmb_uart_port_ops;

	mutex_lock(&kmb_uart_ports_lock);
	for (line = 0; line < nr_ports; line++)
		if (!kmb_uart_ports[line])
			break;
	if (line == nr_ports) {
		mutex_unlock(&kmb_uart_ports_lock);
		ret = -EBUSY;
		goto err_destroy_port;
	}
	kmb_uart_ports[line] = up;
	mutex_unlock(&kmb_uart_ports_lock);
	up->line = line;

	name = kasprintf(GFP_KERNEL, "ttyKMB%u", line);
	if (!name) {
		ret = -ENOMEM;
		goto err_release_line;
	}

	kmb_uart_write_reg(up, KMB_UART_REG_CTRL, 0);
	platform_set_drvdata(pdev, up);

	tty_dev = tty_port_register_device(&up->port, kmb_uart_driver, line,
					   dev);
	if (IS_ERR(tty_dev)) {
		ret = PTR_ERR(tty_dev);
		dev_err(dev, "failed to register tty line %u: %d\n", line, ret);
		goto err_release_line;
	}
	up->irq_name = name;

	dev_info(dev, "%s at MMIO %p, irq %d\n", name, up->membase, up->irq);
	return 0;

err_release_line:
	mutex_lock(&kmb_uart_ports_lock);
	kmb_uart_ports[line] = NULL;
	mutex_unlock(&kmb_uart_ports_lock);
err_destroy_port:
	tty_port_destroy(&up->port);
	return ret;
}

static int kmb_uart_remove(struct platform_device *pdev)
{
	struct kmb_uart_port *up = platform_get_drvdata(pdev);
	unsigned int line = up->line;

	tty_port_unregister_device(&up->port, kmb_uart_driver, line);

	mutex_lock(&kmb_uart_ports_lock);
	kmb_uart_ports[line] = NULL;
	mutex_unlock(&kmb_uart_ports_lock);

	tty_port_destroy(&up->port);
	kfree(up->irq_name);
	kfree(up);
	return 0;
}

static const struct of_device_id kmb_uart_of_match[] = {
	{ .compatible = "kmb,uart" },
	{ }
};
MODULE_DEVICE_TABLE(of, kmb_uart_of_match);

static struct platform_driver kmb_uart_platform_driver = {
	.probe	= kmb_uart_probe,
	.remove	= kmb_uart_remove,
	.driver	= {
		.name		= "kmb-uart",
		.of_match_table	= kmb_uart_of_match,
	},
};

static int __init kmb_uart_init(void)
{
	struct tty_driver *drv;
	int ret;

	if (!nr_ports || nr_ports > KMB_UART_MAX_PORTS)
		return -EINVAL;

	kmb_uart_ports = kmalloc(nr_ports * sizeof(*kmb_uart_ports),
				 GFP_KERNEL);
	if (!kmb_uart_ports)
		return -ENOMEM;
	memset(kmb_uart_ports, 0, nr_ports * sizeof(*kmb_uart_ports));

	drv = tty_alloc_driver(nr_ports, TTY_DRIVER_REAL_RAW |
				TTY_DRIVER_DYNAMIC_DEV);
	if (IS_ERR(drv)) {
		ret = PTR_ERR(drv);
		goto err_free_ports;
	}

	drv->driver_name = "kmb_uart";
	drv->name = "ttyKMB";
	drv->major = 0;
	drv->type = TTY_DRIVER_TYPE_SERIAL;
	drv->subtype = SERIAL_TYPE_NORMAL;
	drv->init_termios = tty_std_termios;
	drv->init_termios.c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	tty_set_operations(drv, &kmb_uart_ops);

	ret = tty_register_driver(drv);
	if (ret)
		goto err_put_driver;
	kmb_uart_driver = drv;

	ret = platform_driver_register(&kmb_uart_platform_driver);
	if (ret)
		goto err_unregister;

	return 0;

err_unregister:
	kmb_uart_driver = NULL;
	tty_unregister_driver(drv);
err_put_driver:
	tty_driver_kref_put(drv);
err_free_ports:
	kfree(kmb_uart_ports);
	kmb_uart_ports = NULL;
	return ret;
}
module_init(kmb_uart_init);

static void __exit kmb_uart_exit(void)
{
	platform_driver_unregister(&kmb_uart_platform_driver);
	tty_unregister_driver(kmb_uart_driver);
	tty_driver_kref_put(kmb_uart_driver);
	kmb_uart_driver = NULL;
	kfree(kmb_uart_ports);
	kmb_uart_ports = NULL;
}
module_exit(kmb_uart_exit);

MODULE_AUTHOR("kmemlint bench");
MODULE_DESCRIPTION("KMB UART tty driver");
MODULE_LICENSE("GPL");
