#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Run one semantic patch of cocci/ on one input file, in report mode and
in patch mode, and check both (see cocci/tests/README.md).

usage: run-cocci-test.py SPATCH RULE.cocci INPUT.c [EXPECTED.patched.c]

- report mode: the lines reported must be exactly the lines of INPUT
  that carry a `/* report */` or `/* report-only */` comment;
- patch mode: the output must be EXPECTED (when given), or INPUT itself
  when the rule has nothing to patch;
- the patched output, run again in report mode, must report exactly its
  `/* report-only */` lines: what the patch fixed is no longer reported.

Exit 77 (meson's "skipped") when spatch is not installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPORT = re.compile(r'^(?P<file>[^:\s]+):(?P<line>\d+):\d+-\d+: (?P<msg>.*)$')
OPTS = ['--very-quiet', '--no-includes', '--include-headers',
        '--timeout', '120']


def annotated(path, kinds):
    lines = set()
    with open(path, encoding='utf-8') as f:
        for n, text in enumerate(f, 1):
            for k in kinds:
                if '/* %s */' % k in text:
                    lines.add(n)
    return lines


def report(spatch, cocci, path):
    p = subprocess.run([spatch] + OPTS + ['--no-show-diff', '-D', 'report',
                                          '--sp-file', cocci, path],
                       capture_output=True, text=True, timeout=300)
    if p.returncode:
        sys.exit('spatch failed on %s (%d): %s' % (path, p.returncode,
                                                   p.stderr.strip()))
    got = set()
    for text in p.stdout.splitlines():
        m = REPORT.match(text)
        if m:
            got.add(int(m.group('line')))
        elif text.strip():
            sys.exit('unexpected spatch output: %s' % text)
    return got


def compare(what, want, got):
    ok = want == got
    for n in sorted(want - got):
        print('%s: line %d expected, not reported' % (what, n))
    for n in sorted(got - want):
        print('%s: line %d reported, not expected' % (what, n))
    return ok


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    spatch, cocci, src = sys.argv[1:4]
    expected = sys.argv[4] if len(sys.argv) == 5 else None
    if not shutil.which(spatch):
        print('spatch not found: skipped')
        sys.exit(77)
    ok = compare('report', annotated(src, ('report', 'report-only')),
                 report(spatch, cocci, src))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, os.path.basename(src))
        shutil.copy(src, out)
        p = subprocess.run([spatch] + OPTS + ['-D', 'patch', '--in-place',
                                              '--sp-file', cocci, out],
                           capture_output=True, text=True, timeout=300)
        # a report-only semantic patch has no rule for patch mode
        if p.returncode and 'No rules apply' not in p.stderr:
            sys.exit('spatch -D patch failed (%d): %s' % (p.returncode,
                                                         p.stderr.strip()))
        with open(out, encoding='utf-8') as f:
            patched = f.read()
        with open(expected or src, encoding='utf-8') as f:
            want = f.read()
        if patched != want:
            ok = False
            print('patch mode: the output differs from %s:' %
                  (expected or 'the input (nothing to patch)'))
            d = subprocess.run(['diff', '-u', expected or src, out],
                               capture_output=True, text=True)
            print(d.stdout)
        ok = compare('report after patch', annotated(out, ('report-only',)),
                     report(spatch, cocci, out)) and ok
    print('%s %s on %s' % ('PASS' if ok else 'FAIL',
                           os.path.basename(cocci), os.path.basename(src)))
    sys.exit(0 if ok else 1)


main()
