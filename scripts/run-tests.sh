#!/bin/sh
# Set everything up, then run the whole test suite (meson test) in build/,
# and again in build-asan/, built with -Db_sanitize=address,undefined,
# where any AddressSanitizer or UndefinedBehaviorSanitizer report fails
# the test that triggered it (halt_on_error).  The sanitized run leaves
# out the 'build' suite (kbuild and Sparse compiling the bench modules:
# no kmemlint code runs in it) and 'real'.  Leak detection is off:
# libclang keeps its caches to exit, as kmemlint keeps some of its tables
# (see docs/usage.md#sanitizers).  The last line counts the tests of both
# runs: "N passed, N failed" for CI.
set -u

cd "$(dirname "$0")/.."
sh scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

meson test -C build --print-errorlogs --num-processes 2
status=$?

asan=0
rm -f build-asan/meson-logs/testlog.json
if [ "${KMEMLINT_NO_ASAN:-}" != 1 ]; then
	{ [ -f build-asan/build.ninja ] ||
	  meson setup build-asan -Db_sanitize=address,undefined >/dev/null; } &&
	ninja -C build-asan >/dev/null || asan=1
	if [ "$asan" -eq 0 ]; then
		ASAN_OPTIONS=halt_on_error=1:detect_leaks=0 \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		KMEMLINT_ASAN=1 \
		meson test -C build-asan --print-errorlogs --num-processes 2 \
			--no-suite real --no-suite build || asan=1
	fi
	[ "$asan" -eq 0 ] || status=1
fi

python3 - build/meson-logs/testlog.json build-asan/meson-logs/testlog.json "$asan" <<'PY'
import json, os, sys
ok = bad = 0
for path in sys.argv[1:3]:
    if not os.path.exists(path):
        continue
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line).get("result")
            if r in ("OK", "EXPECTEDFAIL", "SKIP"):
                ok += 1
            else:
                bad += 1
if sys.argv[3] != "0" and not os.path.exists(sys.argv[2]):
    bad += 1        # the sanitized build itself failed
print(f"{ok} passed, {bad} failed")
PY
exit $status
