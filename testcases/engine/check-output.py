#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Run kmemlint with some options on a file and check its output.

usage: check-output.py EXPECTED KMEMLINT [kmemlint args...]

Every non-comment line of EXPECTED must be the start of a line kmemlint
prints on stdout.  Lines that share their first two words (the event and
the function, or "fact" and the function) must appear in the order
EXPECTED gives them; lines of different functions may interleave, since
the engine explores paths depth first.  The directory of the last argument
(the file analysed) is removed from the output first, so static functions'
keys read "file.c:name".  A line prefixed with '!' must NOT
start any output line.  Exit 0 when all hold, 1 otherwise (each failure
printed), 2 when kmemlint itself failed.
"""
import os
import subprocess
import sys


def main():
    expected_path, cmd = sys.argv[1], sys.argv[2:]
    with open(expected_path) as f:
        wanted = [l.rstrip("\n") for l in f
                  if l.strip() and not l.startswith("#")]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode not in (0, 1):
        print("kmemlint failed (exit %d):\n%s" % (res.returncode, res.stderr))
        return 2
    here = os.path.dirname(os.path.abspath(cmd[-1])) + "/"
    out = [l.replace(here, "") for l in res.stdout.splitlines()]
    failures = 0
    pos = {}
    for w in wanted:
        if w.startswith("!"):
            bad = [l for l in out if l.startswith(w[1:])]
            if bad:
                print("unexpected: %s" % bad[0])
                failures += 1
            continue
        key = " ".join(w.split()[:2]).split(":")[0]
        start = pos.get(key, 0)
        for i in range(start, len(out)):
            if out[i].startswith(w):
                pos[key] = i + 1
                break
        else:
            print("missing (in order): %s" % w)
            failures += 1
    print("%d checked, %d failed" % (len(wanted), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
