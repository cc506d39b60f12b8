#!/bin/sh
# Set everything up, then run the whole test suite (meson test).  The last
# line is "N passed, N failed" for CI.
set -u

cd "$(dirname "$0")/.."
sh scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

meson test -C build --print-errorlogs --num-processes 2
status=$?

python3 - build/meson-logs/testlog.json <<'PY'
import json, sys
ok = bad = 0
with open(sys.argv[1]) as f:
    for line in f:
        line = line.strip()
        if not line:
            continue
        r = json.loads(line).get("result")
        if r in ("OK", "EXPECTEDFAIL", "SKIP"):
            ok += 1
        else:
            bad += 1
print(f"{ok} passed, {bad} failed")
PY
exit $status
