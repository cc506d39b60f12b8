// SPDX-License-Identifier: GPL-2.0
/*
 * A connector's .get_modes duplicating a fixed mode: drm_mode_duplicate()
 * and drm_cvt_mode() return NULL when their kzalloc() fails, and the
 * kernel's fixes after 6.1 add the check (gma500
 * psb_intel_lvds_get_modes(), CVE-2024-42309; nouveau
 * nv17_tv_get_ld_modes(), CVE-2024-41095).  foo sets a field of the
 * unchecked mode; bar hands an unchecked cvt mode to
 * drm_mode_probed_add(), which links it into the connector's list; baz
 * and qux check first.  drm_mode_set_crtcinfo() and drm_mode_destroy()
 * begin with their own NULL test: quux passes them an unchecked mode
 * (gma500 psb_intel_sdvo.c), silent.
 */
#include <linux/module.h>
#include <drm/drm_connector.h>
#include <drm/drm_modes.h>

struct foo_panel {
	struct drm_connector connector;
	struct drm_display_mode fixed;
};

int foo_get_modes(struct foo_panel *p)
{
	struct drm_display_mode *mode;

	mode = drm_mode_duplicate(p->connector.dev, &p->fixed);
	mode->type |= DRM_MODE_TYPE_PREFERRED; /* expect: unchecked-alloc */
	drm_mode_probed_add(&p->connector, mode);
	return 1;
}
EXPORT_SYMBOL_GPL(foo_get_modes);

int bar_get_modes(struct foo_panel *p)
{
	struct drm_display_mode *mode;

	mode = drm_cvt_mode(p->connector.dev, 1024, 768, 60, false, false,
			    false);
	drm_mode_probed_add(&p->connector, mode); /* expect: unchecked-alloc */
	return 1;
}
EXPORT_SYMBOL_GPL(bar_get_modes);

int baz_get_modes(struct foo_panel *p)
{
	struct drm_display_mode *mode;

	mode = drm_mode_duplicate(p->connector.dev, &p->fixed);
	if (!mode)
		return 0;
	mode->type |= DRM_MODE_TYPE_PREFERRED;
	drm_mode_probed_add(&p->connector, mode);
	return 1;
}
EXPORT_SYMBOL_GPL(baz_get_modes);

int qux_get_modes(struct foo_panel *p, bool skip)
{
	struct drm_display_mode *mode;

	mode = drm_cvt_mode(p->connector.dev, 1024, 768, 60, false, false,
			    false);
	if (!mode)
		return 0;
	if (skip) {
		drm_mode_destroy(p->connector.dev, mode);
		return 0;
	}
	drm_mode_probed_add(&p->connector, mode);
	return 1;
}
EXPORT_SYMBOL_GPL(qux_get_modes);

int quux_fixed_timings(struct foo_panel *p)
{
	struct drm_display_mode *mode;
	int clock = 0;

	mode = drm_mode_duplicate(p->connector.dev, &p->fixed);
	drm_mode_set_crtcinfo(mode, 0);
	if (mode)
		clock = mode->crtc_clock;
	drm_mode_destroy(p->connector.dev, mode);
	return clock;
}

MODULE_LICENSE("GPL");
