// SPDX-License-Identifier: GPL-2.0
/*
 * alloc-leak of a cfg80211 wiphy: the "fix memory leak in probe" fixes
 * for full-MAC wireless drivers.  wiphy_new() returns the wiphy with the
 * driver's private area inside it (wiphy_priv()); the driver releases it
 * with wiphy_free(), also after wiphy_register() succeeded (it
 * unregisters first).  Storing the wiphy into its own private area keeps
 * nothing alive.  The bad probe returns without wiphy_free() when the
 * firmware request or wiphy_register() fails; the good probe unwinds.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/firmware.h>
#include <net/cfg80211.h>

struct foo_wl {
	struct wiphy *wiphy;
	struct device *dev;
	const struct firmware *fw;
	u32 cipher;
};

static const struct cfg80211_ops foo_cfg_ops;

static void foo_wiphy_setup(struct wiphy *wiphy, struct foo_wl *wl)
{
	wiphy->interface_modes = BIT(NL80211_IFTYPE_STATION);
	wiphy->max_scan_ssids = 1;
	wl->cipher = WLAN_CIPHER_SUITE_CCMP;
	wiphy->cipher_suites = &wl->cipher;
	wiphy->n_cipher_suites = 1;
}

static int foo_probe_bad(struct platform_device *pdev)
{
	struct wiphy *wiphy;
	struct foo_wl *wl;
	int err;

	wiphy = wiphy_new(&foo_cfg_ops, sizeof(*wl));
	if (!wiphy)
		return -ENOMEM;
	wl = wiphy_priv(wiphy);
	wl->wiphy = wiphy;
	wl->dev = &pdev->dev;
	set_wiphy_dev(wiphy, &pdev->dev);
	err = request_firmware(&wl->fw, "foo/wl.bin", &pdev->dev);
	if (err)
		return err; /* expect: alloc-leak */
	wiphy->interface_modes = BIT(NL80211_IFTYPE_STATION);
	err = wiphy_register(wiphy);
	if (err) {
		release_firmware(wl->fw);
		return err; /* expect: alloc-leak */
	}
	platform_set_drvdata(pdev, wl);
	return 0;
}

static int foo_probe_good(struct platform_device *pdev)
{
	struct wiphy *wiphy;
	struct foo_wl *wl;
	int err;

	wiphy = wiphy_new(&foo_cfg_ops, sizeof(*wl));
	if (!wiphy)
		return -ENOMEM;
	wl = wiphy_priv(wiphy);
	wl->wiphy = wiphy;
	wl->dev = &pdev->dev;
	set_wiphy_dev(wiphy, &pdev->dev);
	err = request_firmware(&wl->fw, "foo/wl.bin", &pdev->dev);
	if (err)
		goto err_free;
	foo_wiphy_setup(wiphy, wl);
	err = wiphy_register(wiphy);
	if (err)
		goto err_release;
	platform_set_drvdata(pdev, wl);
	return 0;

err_release:
	release_firmware(wl->fw);
err_free:
	wiphy_free(wiphy);
	return err;
}

static int foo_remove(struct platform_device *pdev)
{
	struct foo_wl *wl = platform_get_drvdata(pdev);
	struct wiphy *wiphy = wl->wiphy;

	wiphy_unregister(wiphy);
	release_firmware(wl->fw);
	wiphy_free(wiphy);
	return 0;
}

static struct platform_driver foo_bad_driver = {
	.probe = foo_probe_bad,
	.remove = foo_remove,
	.driver = { .name = "foo-wl-bad" },
};

static struct platform_driver foo_good_driver = {
	.probe = foo_probe_good,
	.remove = foo_remove,
	.driver = { .name = "foo-wl-good" },
};

static struct platform_driver * const foo_drivers[] = {
	&foo_bad_driver, &foo_good_driver,
};

static int __init foo_init(void)
{
	return platform_register_drivers(foo_drivers, ARRAY_SIZE(foo_drivers));
}

static void __exit foo_exit(void)
{
	platform_unregister_drivers(foo_drivers, ARRAY_SIZE(foo_drivers));
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");
