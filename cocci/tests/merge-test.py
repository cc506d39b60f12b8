#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""kmemlint --cocci: usage: merge-test.py KMEMLINT BOTH.c COCCI_ONLY.c

BOTH.c: every deprecated-api finding is found by both engines and listed
once (engines ["kmemlint", "coccinelle"], text "engines: kmemlint,
coccinelle").  COCCI_ONLY.c: a finding only the semantic patch makes is
listed with engines ["coccinelle"].  --spatch=/nonexistent: exit 2 and an
error naming spatch.  Exit 77 without spatch.
"""
import json
import shutil
import subprocess
import sys


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=600)


def main():
    kml, both, only = sys.argv[1:4]
    if not shutil.which('spatch'):
        print('spatch not found: skipped')
        sys.exit(77)
    ok = True
    p = run([kml, '--cocci', '--format=json', both])
    fs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    keys = [(f['line'], f['rule']) for f in fs]
    if not fs or len(keys) != len(set(keys)):
        print('FAIL: findings missing or listed twice: %s' % keys)
        ok = False
    for f in fs:
        if f.get('engines') != ['kmemlint', 'coccinelle']:
            print('FAIL: %s:%d found by %s' % (both, f['line'],
                                               f.get('engines')))
            ok = False
    p = run([kml, '--cocci', both])
    if p.stdout.count('(engines: kmemlint, coccinelle;') != len(fs):
        print('FAIL: text output does not name both engines:\n' + p.stdout)
        ok = False
    p = run([kml, '--cocci', '--format=json', only])
    fs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    if [f.get('engines') for f in fs] != [['coccinelle']]:
        print('FAIL: expected one coccinelle-only finding in %s: %s' %
              (only, fs))
        ok = False
    p = run([kml, '--cocci', '--spatch=/nonexistent/spatch', both])
    if p.returncode != 2 or 'spatch' not in p.stderr:
        print('FAIL: a missing spatch gave exit %d: %s' % (p.returncode,
                                                          p.stderr))
        ok = False
    print('PASS' if ok else 'FAIL')
    sys.exit(0 if ok else 1)


main()
