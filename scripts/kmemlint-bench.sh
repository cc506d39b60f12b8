#!/bin/sh
# Set everything up, then run kmemlint over the bundled driver modules of
# kernel-bench/ through kbuild's CHECK interface: prints the findings and
# the precision/recall table per rule.
set -eu

cd "$(dirname "$0")/.."
sh scripts/setup.sh
exec kernel-bench/score --kmemlint "$PWD/build/kmemlint" "$@"
