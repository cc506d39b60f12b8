// SPDX-License-Identifier: GPL-2.0
/*
 * use-after-free of a mac80211 device's private area: hw->priv points
 * into the block ieee80211_alloc_hw() returned, so ieee80211_free_hw()
 * frees it too.  The bad probe's unwind releases the firmware through
 * priv after freeing the device; the good one before.
 */
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/firmware.h>
#include <net/mac80211.h>

struct foo_priv {
	struct ieee80211_hw *hw;
	struct usb_device *udev;
	const struct firmware *fw;
	struct ieee80211_supported_band band;
	struct ieee80211_channel channels[1];
	struct ieee80211_rate rates[1];
};

static void foo_tx(struct ieee80211_hw *hw, struct ieee80211_tx_control *control,
		   struct sk_buff *skb)
{
	ieee80211_free_txskb(hw, skb);
}

static int foo_start(struct ieee80211_hw *hw)
{
	return 0;
}

static void foo_stop(struct ieee80211_hw *hw)
{
}

static int foo_add_interface(struct ieee80211_hw *hw, struct ieee80211_vif *vif)
{
	return 0;
}

static void foo_remove_interface(struct ieee80211_hw *hw,
				 struct ieee80211_vif *vif)
{
}

static int foo_config(struct ieee80211_hw *hw, u32 changed)
{
	return 0;
}

static void foo_configure_filter(struct ieee80211_hw *hw, unsigned int changed,
				 unsigned int *total, u64 multicast)
{
	*total = 0;
}

static const struct ieee80211_ops foo_ops = {
	.tx = foo_tx,
	.start = foo_start,
	.stop = foo_stop,
	.add_interface = foo_add_interface,
	.remove_interface = foo_remove_interface,
	.config = foo_config,
	.configure_filter = foo_configure_filter,
};

static void foo_setup(struct foo_priv *priv)
{
	priv->channels[0].band = NL80211_BAND_2GHZ;
	priv->channels[0].center_freq = 2412;
	priv->rates[0].bitrate = 10;
	priv->band.channels = priv->channels;
	priv->band.n_channels = 1;
	priv->band.bitrates = priv->rates;
	priv->band.n_bitrates = 1;
	priv->hw->wiphy->bands[NL80211_BAND_2GHZ] = &priv->band;
	priv->hw->wiphy->interface_modes = BIT(NL80211_IFTYPE_STATION);
}

static int foo_probe_bad(struct usb_interface *intf,
			 const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct ieee80211_hw *hw;
	struct foo_priv *priv;
	int err;

	hw = ieee80211_alloc_hw(sizeof(*priv), &foo_ops);
	if (!hw)
		return -ENOMEM;
	priv = hw->priv;
	priv->hw = hw;
	priv->udev = udev;
	SET_IEEE80211_DEV(hw, &intf->dev);
	err = request_firmware(&priv->fw, "foo/fw.bin", &udev->dev);
	if (err)
		goto err_free_hw;
	foo_setup(priv);
	err = ieee80211_register_hw(hw);
	if (err)
		goto err_release_fw;
	usb_set_intfdata(intf, hw);
	return 0;

err_release_fw:
	ieee80211_free_hw(hw);
	release_firmware(priv->fw); /* expect: use-after-free */
	return err;
err_free_hw:
	ieee80211_free_hw(hw);
	return err;
}

static int foo_probe_good(struct usb_interface *intf,
			  const struct usb_device_id *id)
{
	struct usb_device *udev = interface_to_usbdev(intf);
	struct ieee80211_hw *hw;
	struct foo_priv *priv;
	int err;

	hw = ieee80211_alloc_hw(sizeof(*priv), &foo_ops);
	if (!hw)
		return -ENOMEM;
	priv = hw->priv;
	priv->hw = hw;
	priv->udev = udev;
	SET_IEEE80211_DEV(hw, &intf->dev);
	err = request_firmware(&priv->fw, "foo/fw.bin", &udev->dev);
	if (err)
		goto err_free_hw;
	foo_setup(priv);
	err = ieee80211_register_hw(hw);
	if (err)
		goto err_release_fw;
	usb_set_intfdata(intf, hw);
	return 0;

err_release_fw:
	release_firmware(priv->fw);
err_free_hw:
	ieee80211_free_hw(hw);
	return err;
}

static void foo_disconnect(struct usb_interface *intf)
{
	struct ieee80211_hw *hw = usb_get_intfdata(intf);
	struct foo_priv *priv = hw->priv;

	ieee80211_unregister_hw(hw);
	release_firmware(priv->fw);
	ieee80211_free_hw(hw);
}

static const struct usb_device_id foo_ids[] = {
	{ USB_DEVICE(0xffff, 0x0001) },
	{ }
};
MODULE_DEVICE_TABLE(usb, foo_ids);

static struct usb_driver foo_bad_driver = {
	.name = "foo-wlan-bad",
	.id_table = foo_ids,
	.probe = foo_probe_bad,
	.disconnect = foo_disconnect,
};

static struct usb_driver foo_good_driver = {
	.name = "foo-wlan-good",
	.id_table = foo_ids,
	.probe = foo_probe_good,
	.disconnect = foo_disconnect,
};

static int __init foo_init(void)
{
	int err = usb_register(&foo_bad_driver);

	if (err)
		return err;
	err = usb_register(&foo_good_driver);
	if (err)
		usb_deregister(&foo_bad_driver);
	return err;
}

static void __exit foo_exit(void)
{
	usb_deregister(&foo_good_driver);
	usb_deregister(&foo_bad_driver);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
