// SPDX-License-Identifier: GPL-2.0
/*
 * FP class (mcp251xfd-ring.c mcp251xfd_rx_irq_timer(), drivers/net/can
 * scan): an hrtimer callback starts a transfer with spi_async(), which
 * may be called in atomic context.  Its __spi_validate() splits
 * transfers with GFP_KERNEL only for a device in SPI_CS_WORD mode on a
 * controller without it, a mode such drivers do not use
 * (rules/sleep.rules: spi_split_transfers_maxsize() context=nonatomic).
 * foo_timer() is silent.  bar_timer() calls spi_sync(), which waits for
 * the transfer (rules/subsys-6.1.summaries): a sleep in the timer.
 */
#include <linux/module.h>
#include <linux/hrtimer.h>
#include <linux/spi/spi.h>

struct foo_priv {
	struct spi_device *spi;
	struct spi_message msg;
	struct hrtimer timer;
};

static enum hrtimer_restart foo_timer(struct hrtimer *t)
{
	struct foo_priv *priv = container_of(t, struct foo_priv, timer);

	spi_async(priv->spi, &priv->msg);
	return HRTIMER_NORESTART;
}

void foo_start(struct foo_priv *priv)
{
	hrtimer_init(&priv->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	priv->timer.function = foo_timer;
}

struct bar_priv {
	struct spi_device *spi;
	struct spi_message msg;
	struct hrtimer timer;
};

static enum hrtimer_restart bar_timer(struct hrtimer *t)
{
	struct bar_priv *priv = container_of(t, struct bar_priv, timer);

	spi_sync(priv->spi, &priv->msg); /* expect: sleep-in-atomic */
	return HRTIMER_NORESTART;
}

void bar_start(struct bar_priv *priv)
{
	hrtimer_init(&priv->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	priv->timer.function = bar_timer;
}

MODULE_LICENSE("GPL");
