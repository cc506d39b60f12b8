#!/bin/sh
# Install what kmemlint needs on Debian 12 and build it in build/.
# Idempotent: packages already there are not reinstalled, an existing
# build directory is reused.
set -eu

cd "$(dirname "$0")/.."

PKGS="libclang-19-dev llvm-19-dev clang-19 meson ninja-build pkg-config \
gcc make python3 linux-headers-amd64 sparse coccinelle bc flex bison \
libelf-dev libssl-dev time linux-source-6.1 xz-utils \
libsqlite3-dev sqlite3 git pre-commit patch"
# npm (for the SARIF Multitool): Debian's nodejs and npm, unless a Node.js
# with its npm is there already (a NodeSource nodejs ships npm, and
# Debian's npm package conflicts with it)
if ! command -v npm > /dev/null 2>&1; then
	PKGS="$PKGS nodejs npm"
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
	SUDO=sudo
fi

missing=
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	$SUDO apt-get update
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y $missing
fi

# the SARIF Multitool the ci suite validates SARIF with (npm, into
# ~/.cache/kmemlint/sarif-multitool; nothing is done when it is there)
sh testcases/ci/sarif-multitool.sh > /dev/null

if [ ! -f build/build.ninja ]; then
	meson setup build
fi
ninja -C build
