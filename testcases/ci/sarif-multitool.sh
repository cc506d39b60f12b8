#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Print the path of the SARIF Multitool, installing it with npm into
# ~/.cache/kmemlint/sarif-multitool (or $KMEMLINT_CACHE) the first time.
# $SARIF_MULTITOOL, when set, is used as it is.  Exit 1 when there is no
# npm to install it with.  scripts/setup.sh calls this too.
set -eu

if [ -n "${SARIF_MULTITOOL:-}" ]; then
	echo "$SARIF_MULTITOOL"
	exit 0
fi
dir="${KMEMLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kmemlint}/sarif-multitool"
bin="$dir/node_modules/.bin/sarif-multitool"
if [ ! -x "$bin" ]; then
	command -v npm >/dev/null 2>&1 || {
		echo "sarif-multitool: npm not found (apt-get install npm)" >&2
		exit 1
	}
	mkdir -p "$dir"
	npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
		@microsoft/sarif-multitool >&2
fi
# the platform package's postinstall makes its binary executable; npm
# may not have run it
for exe in "$dir"/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool; do
	[ -f "$exe" ] && [ ! -x "$exe" ] && chmod u+x "$exe"
done
echo "$bin"
