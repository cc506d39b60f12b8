// SPDX-License-Identifier: GPL-2.0
/*
 * Driver for the KMB-1000 Gigabit Ethernet controller.
 *
 * The KMB-1000 is a simple single-queue PCIe NIC: one TX and one RX
 * descriptor ring in host memory, a 64-bit multicast hash filter, a set
 * of clear-on-read statistics counters and a small serial EEPROM that
 * holds the permanent MAC address.
 */

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/interrupt.h>
#include <linux/dma-mapping.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>
#include <linux/crc32.h>
#include <linux/io.h>
#include <linux/delay.h>
#include <linux/overflow.h>
#include <asm/unaligned.h>

#define DRV_NAME		"kmb_nic"

#define KMB_NIC_REG_CTRL	0x000
#define  KMB_NIC_CTRL_RESET	BIT(0)
#define  KMB_NIC_CTRL_TX_EN	BIT(1)
#define  KMB_NIC_CTRL_RX_EN	BIT(2)
#define  KMB_NIC_CTRL_PROMISC	BIT(3)
#define  KMB_NIC_CTRL_ALLMULTI	BIT(4)
#define KMB_NIC_REG_STATUS	0x004
#define  KMB_NIC_STATUS_LINK	BIT(0)
#define KMB_NIC_REG_IMASK	0x008
#define KMB_NIC_REG_ISTAT	0x00c
#define  KMB_NIC_INT_TX		BIT(0)
#define  KMB_NIC_INT_RX		BIT(1)
#define  KMB_NIC_INT_LINK	BIT(2)
#define  KMB_NIC_INT_ERR	BIT(3)
#define  KMB_NIC_INT_ALL	(KMB_NIC_INT_TX | KMB_NIC_INT_RX | \
				 KMB_NIC_INT_LINK | KMB_NIC_INT_ERR)
#define KMB_NIC_REG_TX_BASE_LO	0x010
#define KMB_NIC_REG_TX_BASE_HI	0x014
#define KMB_NIC_REG_TX_LEN	0x018
#define KMB_NIC_REG_TX_TAIL	0x01c
#define KMB_NIC_REG_RX_BASE_LO	0x020
#define KMB_NIC_REG_RX_BASE_HI	0x024
#define KMB_NIC_REG_RX_LEN	0x028
#define KMB_NIC_REG_RX_TAIL	0x02c
#define KMB_NIC_REG_MAC_LO	0x030
#define KMB_NIC_REG_MAC_HI	0x034
#define KMB_NIC_REG_MC_HASH_LO	0x040
#define KMB_NIC_REG_MC_HASH_HI	0x044
#define KMB_NIC_REG_EE_STATUS	0x050
#define  KMB_NIC_EE_VALID	BIT(0)
#define KMB_NIC_REG_FW_VER	0x058
#define KMB_NIC_REG_FIFO_TEST	0x060
#define KMB_NIC_REG_STATS	0x100
#define KMB_NIC_REG_EEPROM	0x200	/* shadow of the serial EEPROM */

#define KMB_NIC_DESC_OWN	BIT(15)
#define KMB_NIC_DESC_EOP	BIT(14)
#define KMB_NIC_DESC_ERR	BIT(13)

#define KMB_NIC_TX_RING_DEF	256
#define KMB_NIC_RX_RING_DEF	256

/* Jumbo-capable receive buffers: a 9 KiB frame needs an order-2 block. */
#define KMB_NIC_RX_BUF_SIZE	9216
#define KMB_NIC_RX_ORDER	2

#define KMB_NIC_EEPROM_SIZE	64
#define KMB_NIC_EEPROM_MAC_OFF	0
#define KMB_NIC_EEPROM_CSUM_OFF	62

#define KMB_NIC_MC_MAX		128
#define KMB_NIC_TEST_LEN	6000

static const char kmb_nic_stat_names[][ETH_GSTRING_LEN] = {
	"rx_frames",
	"rx_bytes",
	"rx_crc_errors",
	"rx_fifo_overruns",
	"tx_frames",
	"tx_bytes",
	"tx_collisions",
	"tx_underruns",
};

#define KMB_NIC_NUM_STATS	ARRAY_SIZE(kmb_nic_stat_names)

static const char kmb_nic_test_names[][ETH_GSTRING_LEN] = {
	"link (online)",
	"fifo (offline)",
};

#define KMB_NIC_NUM_TESTS	ARRAY_SIZE(kmb_nic_test_names)

struct kmb_nic_desc {
	__le64 addr;
	__le16 len;
	__le16 flags;
	__le32 status;
};

struct kmb_nic_tx_buf {
	struct sk_buff *skb;
	void *bounce;
	dma_addr_t dma;
	unsigned int len;
};

struct kmb_nic_rx_buf {
	unsigned long page;
	dma_addr_t dma;
};

struct kmb_nic_priv {
	struct net_device *ndev;
	struct pci_dev *pdev;
	void __iomem *regs;
	struct napi_struct napi;

	/* protects the TX ring indices and the TX tail register */
	spinlock_t tx_lock;
	struct kmb_nic_desc *tx_desc;
	dma_addr_t tx_desc_dma;
	struct kmb_nic_tx_buf *tx_buf;
	unsigned int tx_count;
	unsigned int tx_head;
	unsigned int tx_tail;

	struct kmb_nic_desc *rx_desc;
	dma_addr_t rx_desc_dma;
	struct kmb_nic_rx_buf *rx_buf;
	unsigned int rx_count;
	unsigned int rx_next;

	/* protects CTRL, the multicast filter and the statistics block */
	spinlock_t hw_lock;
	u8 *mc_addrs;
	unsigned int mc_count;
	u64 *hw_stats;

	char *fw_version;
	u32 msg_enable;
};

static inline u32 kmb_nic_rd(struct kmb_nic_priv *priv, u32 reg)
{
	return ioread32(priv->regs + reg);
}

static inline void kmb_nic_wr(struct kmb_nic_priv *priv, u32 reg, u32 val)
{
	iowrite32(val, priv->regs + reg);
}

static unsigned int kmb_nic_tx_avail(const struct kmb_nic_priv *priv)
{
	return priv->tx_count - (priv->tx_head - priv->tx_tail);
}

static size_t kmb_nic_ring_bytes(unsigned int count)
{
	return array_size(count, sizeof(struct kmb_nic_desc));
}

static void kmb_nic_reset(struct kmb_nic_priv *priv)
{
	int i;

	kmb_nic_wr(priv, KMB_NIC_REG_IMASK, 0);
	kmb_nic_wr(priv, KMB_NIC_REG_CTRL, KMB_NIC_CTRL_RESET);
	for (i = 0; i < 100; i++) {
		if (!(kmb_nic_rd(priv, KMB_NIC_REG_CTRL) & KMB_NIC_CTRL_RESET))
			return;
		udelay(10);
	}
	dev_warn(&priv->pdev->dev, "reset did not complete\n");
}

static int kmb_nic_read_mac_addr(struct kmb_nic_priv *priv)
{
	struct net_device *ndev = priv->ndev;
	u16 csum = 0;
	u8 *eeprom;
	int i, err;

	if (!(kmb_nic_rd(priv, KMB_NIC_REG_EE_STATUS) & KMB_NIC_EE_VALID))
		return -ENODEV;

	eeprom = kmalloc(KMB_NIC_EEPROM_SIZE, GFP_KERNEL);
	if (!eeprom)
		return -ENOMEM;

	/* the shadow is byte-addressable only */
	for (i = 0; i < KMB_NIC_EEPROM_SIZE; i++)
		eeprom[i] = ioread8(priv->regs + KMB_NIC_REG_EEPROM + i);

	for (i = 0; i < KMB_NIC_EEPROM_CSUM_OFF; i++)
		csum += eeprom[i];
	if (csum != get_unaligned_le16(&eeprom[KMB_NIC_EEPROM_CSUM_OFF])) {
		netdev_warn(ndev, "EEPROM checksum mismatch\n");
		return -EIO;
	}

	if (!is_valid_ether_addr(&eeprom[KMB_NIC_EEPROM_MAC_OFF])) {
		err = -EADDRNOTAVAIL;
		goto out_free;
	}

	eth_hw_addr_set(ndev, &eeprom[KMB_NIC_EEPROM_MAC_OFF]);
	err = 0;
out_free:
	kfree(eeprom);
	return err;
}

static void kmb_nic_update_link(struct kmb_nic_priv *priv)
{
	if (kmb_nic_rd(priv, KMB_NIC_REG_STATUS) & KMB_NIC_STATUS_LINK)
		netif_carrier_on(priv->ndev);
	else
		netif_carrier_off(priv->ndev);
}

/* --- TX ring ---------------------------------------------------------- */

static int kmb_nic_alloc_tx_ring(struct kmb_nic_priv *priv)
{
	struct device *dev = &priv->pdev->dev;
	unsigned int i;

	priv->tx_desc = dma_alloc_coherent(dev, kmb_nic_ring_bytes(priv->tx_count),
					   &priv->tx_desc_dma, GFP_KERNEL);
	if (!priv->tx_desc)
		return -ENOMEM;

	priv->tx_buf = kmalloc_array(priv->tx_count, sizeof(*priv->tx_buf),
				     GFP_KERNEL);
	if (!priv->tx_desc) {
		dma_free_coherent(dev, kmb_nic_ring_bytes(priv->tx_count),
				  priv->tx_desc, priv->tx_desc_dma);
		priv->tx_desc = NULL;
		return -ENOMEM;
	}

	for (i = 0; i < priv->tx_count; i++) {
		priv->tx_buf[i].skb = NULL;
		priv->tx_buf[i].bounce = NULL;
		priv->tx_desc[i].flags = 0;
	}
	priv->tx_head = 0;
	priv->tx_tail = 0;
	return 0;
}

static void kmb_nic_free_tx_ring(struct kmb_nic_priv *priv)
{
	struct device *dev = &priv->pdev->dev;
	unsigned int i;

	for (i = 0; i < priv->tx_count; i++) {
		struct kmb_nic_tx_buf *buf = &priv->tx_buf[i];

		if (!buf->skb)
			continue;
		dma_unmap_single(dev, buf->dma, buf->len, DMA_TO_DEVICE);
		kfree(buf->bounce);
		buf->bounce = NULL;
		dev_kfree_skb_any(buf->skb);
		buf->skb = NULL;
	}
	kfree(priv->tx_buf);
	priv->tx_buf = NULL;

	dma_free_coherent(dev, kmb_nic_ring_bytes(priv->tx_count),
			  priv->tx_desc, priv->tx_desc_dma);
	priv->tx_desc = NULL;
}

/*
 * The DMA engine can only fetch linear frames that start on a 4-byte
 * boundary; anything else is copied into a bounce buffer first.
 */
static void *kmb_nic_tx_bounce(struct kmb_nic_priv *priv, struct sk_buff *skb)
{
	void *buf;

	buf = kmalloc(skb->len, GFP_KERNEL);
	if (!buf)
		return NULL;

	if (skb_copy_bits(skb, 0, buf, skb->len)) {
		kfree(buf);
		return NULL;
	}
	return buf;
}

static netdev_tx_t kmb_nic_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct kmb_nic_priv *priv = netdev_priv(ndev);
	struct device *dev = &priv->pdev->dev;
	struct kmb_nic_tx_buf *buf;
	struct kmb_nic_desc *desc;
	void *data, *bounce = NULL;
	unsigned long flags;
	unsigned int idx;
	dma_addr_t dma;

	if (skb_put_padto(skb, ETH_ZLEN)) {
		ndev->stats.tx_dropped++;
		return NETDEV_TX_OK;
	}

	spin_lock_irqsave(&priv->tx_lock, flags);
	if (unlikely(!kmb_nic_tx_avail(priv))) {
		netif_stop_queue(ndev);
		spin_unlock_irqrestore(&priv->tx_lock, flags);
		return NETDEV_TX_BUSY;
	}

	data = skb->data;
	if (skb_is_nonlinear(skb) || !IS_ALIGNED((unsigned long)skb->data, 4)) {
		bounce = kmb_nic_tx_bounce(priv, skb);
		if (!bounce)
			goto drop;
		data = bounce;
	}

	dma = dma_map_single(dev, data, skb->len, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, dma)) {
		kfree(bounce);
		goto drop;
	}

	idx = priv->tx_head % priv->tx_count;
	buf = &priv->tx_buf[idx];
	buf->skb = skb;
	buf->bounce = bounce;
	buf->dma = dma;
	buf->len = skb->len;

	desc = &priv->tx_desc[idx];
	desc->addr = cpu_to_le64(dma);
	desc->len = cpu_to_le16(skb->len);
	desc->status = 0;
	dma_wmb();
	desc->flags = cpu_to_le16(KMB_NIC_DESC_OWN | KMB_NIC_DESC_EOP);

	priv->tx_head++;
	skb_tx_timestamp(skb);
	kmb_nic_wr(priv, KMB_NIC_REG_TX_TAIL, priv->tx_head % priv->tx_count);

	if (!kmb_nic_tx_avail(priv))
		netif_stop_queue(ndev);
	spin_unlock_irqrestore(&priv->tx_lock, flags);
	return NETDEV_TX_OK;

drop:
	spin_unlock_irqrestore(&priv->tx_lock, flags);
	dev_kfree_skb_any(skb);
	ndev->stats.tx_dropped++;
	return NETDEV_TX_OK;
}

static void kmb_nic_clean_tx(struct kmb_nic_priv *priv)
{
	struct net_device *ndev = priv->ndev;
	struct device *dev = &priv->pdev->dev;
	unsigned int pkts = 0, bytes = 0;

	spin_lock(&priv->tx_lock);
	while (priv->tx_tail != priv->tx_head) {
		unsigned int idx = priv->tx_tail % priv->tx_count;
		struct kmb_nic_desc *desc = &priv->tx_desc[idx];
		struct kmb_nic_tx_buf *buf = &priv->tx_buf[idx];

		if (le16_to_cpu(desc->flags) & KMB_NIC_DESC_OWN)
			break;
		dma_rmb();

		dma_unmap_single(dev, buf->dma, buf->len, DMA_TO_DEVICE);
		kfree(buf->bounce);
		buf->bounce = NULL;
		bytes += buf->len;
		pkts++;
		dev_consume_skb_any(buf->skb);
		buf->skb = NULL;
		priv->tx_tail++;
	}

	if (netif_queue_stopped(ndev) && kmb_nic_tx_avail(priv) > priv->tx_count / 4)
		netif_wake_queue(ndev);
	spin_unlock(&priv->tx_lock);

	ndev->stats.tx_packets += pkts;
	ndev->stats.tx_bytes += bytes;
}

/* --- RX ring ---------------------------------------------------------- */

static int kmb_nic_alloc_rx_page(struct kmb_nic_priv *priv, struct kmb_nic_rx_buf *buf)
{
	struct device *dev = &priv->pdev->dev;
	unsigned long page;
	dma_addr_t dma;

	page = __get_free_pages(GFP_KERNEL, KMB_NIC_RX_ORDER);
	if (!page)
		return -ENOMEM;

	dma = dma_map_single(dev, (void *)page, KMB_NIC_RX_BUF_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, dma)) {
		free_page(page);
		return -ENOMEM;
	}

	buf->page = page;
	buf->dma = dma;
	return 0;
}

static void kmb_nic_post_rx(struct kmb_nic_priv *priv, unsigned int idx)
{
	struct kmb_nic_desc *desc = &priv->rx_desc[idx];

	desc->addr = cpu_to_le64(priv->rx_buf[idx].dma);
	desc->len = cpu_to_le16(KMB_NIC_RX_BUF_SIZE);
	desc->status = 0;
	dma_wmb();
	desc->flags = cpu_to_le16(KMB_NIC_DESC_OWN);
}

static void kmb_nic_free_rx_ring(struct kmb_nic_priv *priv)
{
	struct device *dev = &priv->pdev->dev;
	unsigned int i;

	for (i = 0; i < priv->rx_count; i++) {
		struct kmb_nic_rx_buf *buf = &priv->rx_buf[i];

		if (!buf->page)
			continue;
		dma_unmap_single(dev, buf->dma, KMB_NIC_RX_BUF_SIZE, DMA_FROM_DEVICE);
		free_pages(buf->page, KMB_NIC_RX_ORDER);
		buf->page = 0;
	}
	kfree(priv->rx_buf);
	priv->rx_buf = NULL;

	dma_free_coherent(dev, kmb_nic_ring_bytes(priv->rx_count),
			  priv->rx_desc, priv->rx_desc_dma);
	priv->rx_desc = NULL;
}

static int kmb_nic_alloc_rx_ring(struct kmb_nic_priv *priv)
{
	struct device *dev = &priv->pdev->dev;
	unsigned int i;
	int err;

	priv->rx_desc = dma_alloc_coherent(dev, kmb_nic_ring_bytes(priv->rx_count),
					   &priv->rx_desc_dma, GFP_KERNEL);
	if (!priv->rx_desc)
		return -ENOMEM;

	priv->rx_buf = kzalloc(priv->rx_count * sizeof(*priv->rx_buf), GFP_KERNEL);
	if (!priv->rx_buf) {
		err = -ENOMEM;
		goto err_free_desc;
	}

	for (i = 0; i < priv->rx_count; i++) {
		err = kmb_nic_alloc_rx_page(priv, &priv->rx_buf[i]);
		if (err)
			goto err_free_ring;
		kmb_nic_post_rx(priv, i);
	}
	priv->rx_next = 0;
	return 0;

err_free_ring:
	/* releases the pages posted so far, the array and the descriptors */
	kmb_nic_free_rx_ring(priv);
	return err;

err_free_desc:
	dma_free_coherent(dev, kmb_nic_ring_bytes(priv->rx_count),
			  priv->rx_desc, priv->rx_desc_dma);
	priv->rx_desc = NULL;
	return err;
}

static int kmb_nic_rx(struct kmb_nic_priv *priv, int budget)
{
	struct net_device *ndev = priv->ndev;
	struct device *dev = &priv->pdev->dev;
	int done = 0;

	while (done < budget) {
		unsigned int idx = priv->rx_next;
		struct kmb_nic_desc *desc = &priv->rx_desc[idx];
		struct kmb_nic_rx_buf *buf = &priv->rx_buf[idx];
		struct sk_buff *skb;
		unsigned int len;
		u16 flags;

		flags = le16_to_cpu(desc->flags);
		if (flags & KMB_NIC_DESC_OWN)
			break;
		dma_rmb();

		len = le16_to_cpu(desc->len);
		if ((flags & KMB_NIC_DESC_ERR) || len < ETH_HLEN ||
		    len > KMB_NIC_RX_BUF_SIZE) {
			ndev->stats.rx_errors++;
			goto next;
		}

		skb = napi_alloc_skb(&priv->napi, len);
		if (unlikely(!skb)) {
			ndev->stats.rx_dropped++;
			goto next;
		}

		dma_sync_single_for_cpu(dev, buf->dma, len, DMA_FROM_DEVICE);
		skb_put_data(skb, (void *)buf->page, len);
		dma_sync_single_for_device(dev, buf->dma, len, DMA_FROM_DEVICE);

		skb->protocol = eth_type_trans(skb, ndev);
		ndev->stats.rx_packets++;
		ndev->stats.rx_bytes += len;
		napi_gro_receive(&priv->napi, skb);
next:
		kmb_nic_post_rx(priv, idx);
		priv->rx_next = (idx + 1) % priv->rx_count;
		done++;
	}

	if (done)
		kmb_nic_wr(priv, KMB_NIC_REG_RX_TAIL, priv->rx_next);
	return done;
}

static int kmb_nic_poll(struct napi_struct *napi, int budget)
{
	struct kmb_nic_priv *priv = container_of(napi, struct kmb_nic_priv, napi);
	int done;

	kmb_nic_clean_tx(priv);
	done = kmb_nic_rx(priv, budget);

	if (done < budget && napi_complete_done(napi, done))
		kmb_nic_wr(priv, KMB_NIC_REG_IMASK, KMB_NIC_INT_ALL);
	return done;
}

static irqreturn_t kmb_nic_interrupt(int irq, void *data)
{
	struct kmb_nic_priv *priv = data;
	u32 status;

	status = kmb_nic_rd(priv, KMB_NIC_REG_ISTAT);
	if (!status)
		return IRQ_NONE;
	kmb_nic_wr(priv, KMB_NIC_REG_ISTAT, status);

	if (status & KMB_NIC_INT_LINK)
		kmb_nic_update_link(priv);
	if (status & KMB_NIC_INT_ERR)
		netif_err(priv, intr, priv->ndev, "bus error, status %#x\n", status);

	if (status & (KMB_NIC_INT_TX | KMB_NIC_INT_RX)) {
		kmb_nic_wr(priv, KMB_NIC_REG_IMASK, KMB_NIC_INT_LINK | KMB_NIC_INT_ERR);
		napi_schedule(&priv->napi);
	}
	return IRQ_HANDLED;
}

/* --- net_device_ops --------------------------------------------------- */

static void kmb_nic_hw_start(struct kmb_nic_priv *priv)
{
	unsigned long flags;

	kmb_nic_wr(priv, KMB_NIC_REG_TX_BASE_LO, lower_32_bits(priv->tx_desc_dma));
	kmb_nic_wr(priv, KMB_NIC_REG_TX_BASE_HI, upper_32_bits(priv->tx_desc_dma));
	kmb_nic_wr(priv, KMB_NIC_REG_TX_LEN, priv->tx_count);
	kmb_nic_wr(priv, KMB_NIC_REG_TX_TAIL, 0);
	kmb_nic_wr(priv, KMB_NIC_REG_RX_BASE_LO, lower_32_bits(priv->rx_desc_dma));
	kmb_nic_wr(priv, KMB_NIC_REG_RX_BASE_HI, upper_32_bits(priv->rx_desc_dma));
	kmb_nic_wr(priv, KMB_NIC_REG_RX_LEN, priv->rx_count);
	kmb_nic_wr(priv, KMB_NIC_REG_RX_TAIL, priv->rx_count - 1);
	kmb_nic_wr(priv, KMB_NIC_REG_MAC_LO, get_unaligned_le32(priv->ndev->dev_addr));
	kmb_nic_wr(priv, KMB_NIC_REG_MAC_HI, get_unaligned_le16(priv->ndev->dev_addr + 4));

	spin_lock_irqsave(&priv->hw_lock, flags);
	kmb_nic_wr(priv, KMB_NIC_REG_CTRL, kmb_nic_rd(priv, KMB_NIC_REG_CTRL) |
		   KMB_NIC_CTRL_TX_EN | KMB_NIC_CTRL_RX_EN);
	spin_unlock_irqrestore(&priv->hw_lock, flags);

	kmb_nic_wr(priv, KMB_NIC_REG_IMASK, KMB_NIC_INT_ALL);
}

static int kmb_nic_open(struct net_device *ndev)
{
	struct kmb_nic_priv *priv = netdev_priv(ndev);
	int err;

	err = kmb_nic_alloc_tx_ring(priv);
	if (err)
		return err;

	err = kmb_nic_alloc_rx_ring(priv);
	if (err)
		goto err_free_tx;

	err = request_irq(priv->pdev->irq, kmb_nic_interrupt, IRQF_SHARED,
			  ndev->name, priv);
	if (err) {
		netdev_err(ndev, "cannot request irq %d: %d\n", priv->pdev->irq, err);
		goto err_free_rx;
	}

	kmb_nic_hw_start(priv);
	napi_enable(&priv->napi);
	netif_start_queue(ndev);
	kmb_nic_update_link(priv);
	return 0;

err_free_rx:
	kmb_nic_free_rx_ring(priv);
err_free_tx:
	kmb_nic_free_tx_ring(priv);
	return err;
}

static int kmb_nic_stop(struct net_device *ndev)
{
	struct kmb_nic_priv *priv = netdev_priv(ndev);
	unsigned long flags;

	netif_stop_queue(ndev);
	napi_disable(&priv->napi);

	kmb_nic_wr(priv, KMB_NIC_REG_IMASK, 0);
	spin_lock_irqsave(&priv->hw_lock, flags);
	kmb_nic_wr(priv, KMB_NIC_REG_CTRL, kmb_nic_rd(priv, KMB_NIC_REG_CTRL) &
		   ~(KMB_NIC_CTRL_TX_EN | KMB_NIC_CTRL_RX_EN));
	spin_unlock_irqrestore(&priv->hw_lock, flags);
	free_irq(priv->pdev->irq, priv);
	netif_carrier_off(ndev);

	kmb_nic_free_rx_ring(priv);
	kmb_nic_free_tx_ring(priv);
	return 0;
}

static void kmb_nic_load_mc_hash(struct kmb_nic_priv *priv, const u8 *addrs,
				 unsigned int count)
{
	u32 hash[2] = { 0, 0 };
	unsigned int i, bit;

	for (i = 0; i < count; i++) {
		bit = ether_crc(ETH_ALEN, addrs + i * ETH_ALEN) >> 26;
		hash[bit >> 5] |= BIT(bit & 31);
	}
	kmb_nic_wr(priv, KMB_NIC_REG_MC_HASH_LO, hash[0]);
	kmb_nic_wr(priv, KMB_NIC_REG_MC_HASH_HI, hash[1]);
}

/*
 * Called with the address list lock held.  The list is kept so that the
 * filter can be restored after a controller reset.
 */
static void kmb_nic_set_rx_mode(struct net_device *ndev)
{
	struct kmb_nic_priv *priv = netdev_priv(ndev);
	struct netdev_hw_addr *ha;
	u8 *addrs = NULL, *old = NULL;
	unsigned int count, i = 0;
	unsigned long flags;
	u32 ctrl;

	spin_lock_irqsave(&priv->hw_lock, flags);
	ctrl = kmb_nic_rd(priv, KMB_NIC_REG_CTRL);
	ctrl &= ~(KMB_NIC_CTRL_PROMISC | KMB_NIC_CTRL_ALLMULTI);

	if (ndev->flags & IFF_PROMISC) {
		ctrl |= KMB_NIC_CTRL_PROMISC;
		goto out;
	}

	count = netdev_mc_count(ndev);
	if ((ndev->flags & IFF_ALLMULTI) || count > KMB_NIC_MC_MAX) {
		ctrl |= KMB_NIC_CTRL_ALLMULTI;
		goto out;
	}

	if (count) {
		addrs = kcalloc(count, ETH_ALEN, GFP_ATOMIC);
		if (unlikely(!addrs)) {
			ctrl |= KMB_NIC_CTRL_ALLMULTI;
			goto out;
		}
		netdev_for_each_mc_addr(ha, ndev) {
			memcpy(addrs + i * ETH_ALEN, ha->addr, ETH_ALEN);
			i++;
		}
	}
	kmb_nic_load_mc_hash(priv, addrs, count);

	old = priv->mc_addrs;
	priv->mc_addrs = addrs;
	priv->mc_count = count;
out:
	kmb_nic_wr(priv, KMB_NIC_REG_CTRL, ctrl);
	spin_unlock_irqrestore(&priv->hw_lock, flags);
	kfree(old);
}

static const struct net_device_ops kmb_nic_netdev_ops = {
	.ndo_open		= kmb_nic_open,
	.ndo_stop		= kmb_nic_stop,
	.ndo_start_xmit		= kmb_nic_start_xmit,
	.ndo_set_rx_mode	= kmb_nic_set_rx_mode,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

/* --- ethtool ---------------------------------------------------------- */

static void kmb_nic_get_drvinfo(struct net_device *ndev,
				struct ethtool_drvinfo *info)
{
	struct kmb_nic_priv *priv = netdev_priv(ndev);

	strscpy(info->driver, DRV_NAME, sizeof(info->driver));
	strscpy(info->fw_version, priv->fw_version, sizeof(info->fw_version));
	strscpy(info->bus_info, pci_name(priv->pdev), sizeof(info->bus_info));
}

static int kmb_nic_get_sset_count(struct net_device *ndev, int sset)
{
	switch (sset) {
	case ETH_SS_STATS:
		return KMB_NIC_NUM_STATS;
	case ETH_SS_TEST:
		return KMB_NIC_NUM_TESTS;
	default:
		return -EOPNOTSUPP;
	}
}

static void kmb_nic_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	switch (sset) {
	case ETH_SS_STATS:
		memcpy(data, kmb_nic_stat_names, sizeof(kmb_nic_stat_names));
		break;
	case ETH_SS_TEST:
		memcpy(data, kmb_nic_test_names, sizeof(kmb_nic_test_names));
		break;
	}
}

/* The hardware counters clear on read, so they are accumulated here. */
static void kmb_nic_get_ethtool_stats(struct net_device *ndev,
				      struct ethtool_stats *stats, u64 *data)
{
	struct kmb_nic_priv *priv = netdev_priv(ndev);
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&priv->hw_lock, flags);
	for (i = 0; i < KMB_NIC_NUM_STATS; i++)
		priv->hw_stats[i] += kmb_nic_rd(priv, KMB_NIC_REG_STATS + 4 * i);
	memcpy(data, priv->hw_stats, sizeof(u64) * KMB_NIC_NUM_STATS);
	spin_unlock_irqrestore(&priv->hw_lock, flags);
}

static int kmb_nic_fifo_test(struct kmb_nic_priv *priv, const u8 *frame,
			     unsigned int len)
{
	unsigned int i;
	u32 word;

	for (i = 0; i + 4 <= len; i += 4)
		kmb_nic_wr(priv, KMB_NIC_REG_FIFO_TEST, get_unaligned_le32(frame + i));

	for (i = 0; i + 4 <= len; i += 4) {
		word = kmb_nic_rd(priv, KMB_NIC_REG_FIFO_TEST);
		if (word != get_unaligned_le32(frame + i))
			return -EIO;
	}
	return 0;
}

static void kmb_nic_self_test(struct net_device *ndev, struct ethtool_test *test,
			      u64 *data)
{
	struct kmb_nic_priv *priv = netdev_priv(ndev);
	unsigned int order = get_order(KMB_NIC_TEST_LEN);
	unsigned long page;
	unsigned int i;
	u8 *frame;

	memset(data, 0, sizeof(u64) * KMB_NIC_NUM_TESTS);

	if (!(kmb_nic_rd(priv, KMB_NIC_REG_STATUS) & KMB_NIC_STATUS_LINK)) {
		data[0] = 1;
		test->flags |= ETH_TEST_FL_FAILED;
	}

	if (!(test->flags & ETH_TEST_FL_OFFLINE))
		return;

	page = __get_free_pages(GFP_KERNEL, order);
	if (!page) {
		data[1] = 1;
		test->flags |= ETH_TEST_FL_FAILED;
		return;
	}

	frame = (u8 *)page;
	eth_broadcast_addr(frame);
	memcpy(frame + ETH_ALEN, ndev->dev_addr, ETH_ALEN);
	for (i = 2 * ETH_ALEN; i < KMB_NIC_TEST_LEN; i++)
		frame[i] = i & 0xff;

	if (kmb_nic_fifo_test(priv, frame, KMB_NIC_TEST_LEN)) {
		data[1] = 1;
		test->flags |= ETH_TEST_FL_FAILED;
	}

	free_pages(page, order);
}

static const struct ethtool_ops kmb_nic_ethtool_ops = {
	.get_drvinfo		= kmb_nic_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_sset_count		= kmb_nic_get_sset_count,
	.get_strings		= kmb_nic_get_strings,
	.get_ethtool_stats	= kmb_nic_get_ethtool_stats,
	.self_test		= kmb_nic_self_test,
};

/* --- PCI glue --------------------------------------------------------- */

static int kmb_nic_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct kmb_nic_priv *priv;
	struct net_device *ndev;
	u32 ver;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;

	err = pci_request_regions(pdev, DRV_NAME);
	if (err)
		goto err_disable;

	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err) {
		dev_err(&pdev->dev, "no usable DMA configuration\n");
		goto err_release;
	}
	pci_set_master(pdev);

	ndev = alloc_etherdev(sizeof(*priv));
	if (!ndev) {
		err = -ENOMEM;
		goto err_release;
	}
	SET_NETDEV_DEV(ndev, &pdev->dev);
	pci_set_drvdata(pdev, ndev);

	priv = netdev_priv(ndev);
	priv->ndev = ndev;
	priv->pdev = pdev;
	priv->msg_enable = netif_msg_init(-1, NETIF_MSG_DRV | NETIF_MSG_PROBE |
					  NETIF_MSG_LINK);
	priv->tx_count = KMB_NIC_TX_RING_DEF;
	priv->rx_count = KMB_NIC_RX_RING_DEF;
	spin_lock_init(&priv->tx_lock);
	spin_lock_init(&priv->hw_lock);

	priv->regs = pci_iomap(pdev, 0, 0);
	if (!priv->regs) {
		err = -ENOMEM;
		goto err_free_netdev;
	}

	priv->hw_stats = devm_kcalloc(&pdev->dev, KMB_NIC_NUM_STATS,
				      sizeof(*priv->hw_stats), GFP_KERNEL);
	if (!priv->hw_stats) {
		err = -ENOMEM;
		goto err_unmap;
	}

	kmb_nic_reset(priv);

	ver = kmb_nic_rd(priv, KMB_NIC_REG_FW_VER);
	priv->fw_version = kasprintf(GFP_KERNEL, "%u.%u.%u", ver >> 16,
				     (ver >> 8) & 0xff, ver & 0xff);
	if (!priv->fw_version) {
		err = -ENOMEM;
		goto err_unmap;
	}

	err = kmb_nic_read_mac_addr(priv);
	if (err) {
		dev_warn(&pdev->dev, "no valid MAC address (%d), using a random one\n", err);
		eth_hw_addr_random(ndev);
	}

	ndev->netdev_ops = &kmb_nic_netdev_ops;
	ndev->ethtool_ops = &kmb_nic_ethtool_ops;
	ndev->watchdog_timeo = 5 * HZ;
	ndev->min_mtu = ETH_MIN_MTU;
	ndev->max_mtu = KMB_NIC_RX_BUF_SIZE - ETH_HLEN - ETH_FCS_LEN;
	netif_napi_add(ndev, &priv->napi, kmb_nic_poll);
	netif_carrier_off(ndev);

	err = register_netdev(ndev);
	if (err) {
		dev_err(&pdev->dev, "failed to register net device: %d\n", err);
		kfree(priv->fw_version);
		goto err_del_napi;
	}

	netif_info(priv, probe, ndev, "KMB-1000 at %s, firmware %s, MAC %pM\n",
		   pci_name(pdev), priv->fw_version, ndev->dev_addr);
	return 0;

err_del_napi:
	netif_napi_del(&priv->napi);
	kfree(priv->fw_version);
err_unmap:
	pci_iounmap(pdev, priv->regs);
err_free_netdev:
	free_netdev(ndev);
err_release:
	pci_release_regions(pdev);
err_disable:
	pci_disable_device(pdev);
	return err;
}

static void kmb_nic_remove(struct pci_dev *pdev)
{
	struct net_device *ndev = pci_get_drvdata(pdev);
	struct kmb_nic_priv *priv = netdev_priv(ndev);

	unregister_netdev(ndev);
	netif_napi_del(&priv->napi);

	kfree(priv->mc_addrs);
	kfree(priv->fw_version);
	kfree(priv->hw_stats);
	pci_iounmap(pdev, priv->regs);
	free_netdev(ndev);

	pci_release_regions(pdev);
	pci_disable_device(pdev);
}

static const struct pci_device_id kmb_nic_pci_tbl[] = {
	{ PCI_DEVICE(0x1d6a, 0x1000) },
	{ PCI_DEVICE(0x1d6a, 0x1001) },
	{ }
};
MODULE_DEVICE_TABLE(pci, kmb_nic_pci_tbl);

static struct pci_driver kmb_nic_driver = {
	.name		= DRV_NAME,
	.id_table	= kmb_nic_pci_tbl,
	.probe		= kmb_nic_probe,
	.remove		= kmb_nic_remove,
};
module_pci_driver(kmb_nic_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KMB-1000 Gigabit Ethernet driver");
MODULE_AUTHOR("kmemlint bench");
