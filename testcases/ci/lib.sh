# SPDX-License-Identifier: GPL-2.0
# Shared by the ci suite's scripts: check NAME CMD... counts and prints.
FAILED=0
check() {
	name=$1
	shift
	if "$@"; then
		echo "ok   $name"
	else
		echo "FAIL $name"
		FAILED=$((FAILED + 1))
	fi
}
finish() {
	if [ "$FAILED" -ne 0 ]; then
		echo "$FAILED check(s) failed"
		exit 1
	fi
	echo "all checks passed"
	exit 0
}
