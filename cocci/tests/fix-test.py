#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""kmemlint --fix end to end (see cocci/tests/README.md).

usage: fix-test.py KMEMLINT FILE.c...

Copies the files to a temporary kbuild module directory, runs
`kmemlint --format=json --fix-output=fix.diff` there, and checks that:
- the diff is not empty and every finding it fixes says "fix": true;
- it applies to a clean copy with `patch -p1 --dry-run`, then for real;
- the patched files build with kbuild against the installed headers
  (KDIR, else the newest /usr/src/linux-headers-*-amd64) without a
  warning;
- kmemlint no longer reports the fixed findings (same rule and function)
  on the patched files.
Exit 77 (skipped) without spatch, patch or kernel headers.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def kdir():
    k = os.environ.get('KDIR')
    if k:
        return k
    c = sorted(glob.glob('/usr/src/linux-headers-*-amd64'),
               key=lambda p: [int(x) if x.isdigit() else x
                              for x in p.replace('-', '.').split('.')])
    return c[-1] if c else None


def findings(kml, d, files, extra=()):
    p = subprocess.run([kml, '--format=json'] + list(extra) + files, cwd=d,
                       capture_output=True, text=True, timeout=900)
    if p.returncode not in (0, 1):
        sys.exit('kmemlint failed (%d): %s' % (p.returncode, p.stderr))
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    kml = os.path.abspath(sys.argv[1])
    srcs = [os.path.abspath(f) for f in sys.argv[2:]]
    k = kdir()
    if not shutil.which('spatch') or not shutil.which('patch') or \
       not k or not os.path.exists(os.path.join(k, 'Makefile')):
        print('spatch, patch or kernel headers missing: skipped')
        sys.exit(77)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        orig = os.path.join(tmp, 'orig', 'mod')
        os.makedirs(orig)
        names = [os.path.basename(s) for s in srcs]
        for s in srcs:
            shutil.copy(s, orig)
        before = findings(kml, os.path.join(tmp, 'orig'),
                          [os.path.join('mod', n) for n in names],
                          ['--fix-output=../fix.diff'])
        with open(os.path.join(tmp, 'fix.diff')) as f:
            diff = f.read()
        # (file, function, rule) keys whose findings all have a fix
        keys = {}
        for f in before:
            key = (os.path.basename(f['file']), f['function'], f['rule'])
            keys[key] = keys.get(key, True) and bool(f.get('fix'))
        fixed = {key for key, all_fixed in keys.items() if all_fixed}
        print('%d findings, %d with a fix; diff of %d lines' %
              (len(before), len(fixed), diff.count('\n')))
        if not diff or not fixed:
            print('FAIL: no fix was produced')
            sys.exit(1)
        clean = os.path.join(tmp, 'clean')
        shutil.copytree(os.path.join(tmp, 'orig'), clean)
        for a in (['--dry-run'], []):
            p = subprocess.run(['patch', '-p1'] + a, cwd=clean, input=diff,
                               capture_output=True, text=True)
            if p.returncode:
                print('FAIL: patch -p1 %s: %s%s' % (' '.join(a), p.stdout,
                                                   p.stderr))
                sys.exit(1)
        mod = os.path.join(clean, 'mod')
        with open(os.path.join(mod, 'Kbuild'), 'w') as f:
            f.write('obj-m += %s\n' % ' '.join(n[:-2] + '.o' for n in names))
        p = subprocess.run(['make', '-C', k, 'M=' + mod, 'modules'],
                           capture_output=True, text=True, timeout=900)
        out = p.stdout + p.stderr
        if p.returncode or 'warning:' in out or 'error:' in out:
            print('FAIL: the patched files do not build cleanly:\n' + out)
            ok = False
        after = findings(kml, clean, [os.path.join('mod', n) for n in names])
        left = {(os.path.basename(f['file']), f['function'], f['rule'])
                for f in after} & fixed
        for key in sorted(left):
            print('FAIL: still reported after the fix: %s %s() %s' % key)
            ok = False
    print('PASS' if ok else 'FAIL')
    sys.exit(0 if ok else 1)


main()
