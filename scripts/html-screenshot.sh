#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Look at an HTML report in a real browser: headless Chromium (Debian's
# `chromium`) renders it and saves a PNG.  No network is used: the report
# is self-contained.
# usage: scripts/html-screenshot.sh REPORT.html OUT.png [WIDTHxHEIGHT]
set -eu
size=${3:-1280x2000}
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
	--window-size="$(echo "$size" | tr x ,)" \
	--screenshot="$(realpath -m "$2")" "file://$(realpath "$1")" 2>/dev/null
test -s "$2" && echo "wrote $2"
