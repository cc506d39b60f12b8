#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check kmemlint's findings on one testcase against its expectations.

usage: run-test.py KMEMLINT FILE.c [more kmemlint args]

Runs `KMEMLINT --format=json [args] FILE.c`, reads one JSON finding per
line from its stdout, and compares the set of (line, rule) it reports in
FILE.c with the set the testcase expects: a line expects a finding of
RULE when it carries the comment

    /* expect: RULE */            or    /* expect: RULE, OTHER-RULE */

and every other line expects none. RULE:high or RULE:medium also requires
the finding's confidence to be that one. A line carrying

    /* expect-note: RULE */

must be the location of a note of some finding of RULE in the file (the
branch that led to a leak, say); notes on other lines are not checked. RULE must be one of the ids
`KMEMLINT --list-rules` prints. Prints each missing and each
unexpected finding; exits 0 on exact agreement, 1 otherwise (including a
tool error, exit status 2, whose stderr is shown).
"""

import json
import os
import re
import subprocess
import sys

RULE_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
RULE_ID_RE = re.compile(RULE_ID + r"$")
EXPECTED = RULE_ID + r"(?::(?:high|medium))?"
EXPECT_RE = re.compile(r"/\*\s*expect:\s*(" + EXPECTED + r"(?:\s*,\s*" +
                       EXPECTED + r")*)\s*\*/")
NOTE_RE = re.compile(r"/\*\s*expect-note:\s*(" + RULE_ID + r")\s*\*/")
# Anything that looks like an attempt at an expectation, to catch typos
# such as "/* expect unchecked-alloc */" or "// expect: ...".
EXPECT_LIKE_RE = re.compile(r"\bexpect(?:ed|s)?\s*:|/[*/]\s*expect\b")


def known_rules(kmemlint):
    """The rule ids kmemlint knows: the first word of each line of
    `KMEMLINT --list-rules` (analyzer/report/rules.c, the one list).

    An expectation naming something else is almost surely a typo; it is
    reported, not silently never matched. Raises RuntimeError when the
    list cannot be had."""
    try:
        proc = subprocess.run([kmemlint, "--list-rules"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              check=False)
    except OSError as e:
        raise RuntimeError("cannot run %s: %s" % (kmemlint, e))
    if proc.returncode != 0:
        raise RuntimeError("%s --list-rules: exit status %d: %s"
                           % (kmemlint, proc.returncode,
                              proc.stderr.decode("utf-8", "replace").strip()))
    rules = set()
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        words = line.split()
        if words and RULE_ID_RE.match(words[0]):
            rules.add(words[0])
    if not rules:
        raise RuntimeError("%s --list-rules listed no rule id" % kmemlint)
    return rules


def parse_expectations(path, known, notes=None):
    """Return ({(line, rule): confidence or None}, [problems]) for the
    testcase; the (line, rule) of its expect-note comments are added to
    the set notes."""
    expected = {}
    problems = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, text in enumerate(f, 1):
            for m in NOTE_RE.finditer(text):
                if m.group(1) not in known:
                    problems.append("%s:%d: unknown rule id '%s' in "
                                    "expectation" % (path, lineno,
                                                     m.group(1)))
                if notes is not None:
                    notes.add((lineno, m.group(1)))
            text = NOTE_RE.sub("", text)
            matches = list(EXPECT_RE.finditer(text))
            rest = EXPECT_RE.sub("", text)
            if EXPECT_LIKE_RE.search(rest):
                problems.append("%s:%d: malformed expectation comment: %s"
                                % (path, lineno, text.strip()))
            for m in matches:
                for item in re.split(r"\s*,\s*", m.group(1)):
                    rule, _, conf = item.partition(":")
                    if rule not in known:
                        problems.append("%s:%d: unknown rule id '%s' in "
                                        "expectation" % (path, lineno, rule))
                    expected[(lineno, rule)] = conf or None
    return expected, problems


def same_file(reported, testcase):
    """Does the path kmemlint reported name the testcase?"""
    if not reported:
        return False
    try:
        return os.path.samefile(reported, testcase)
    except OSError:
        # Not reachable from here (relative to another directory, say):
        # fall back to the trailing path components.
        rep = os.path.normpath(reported).split(os.sep)
        tc = os.path.normpath(os.path.abspath(testcase)).split(os.sep)
        n = min(len(rep), len(tc))
        return rep[-n:] == tc[-n:]


def describe(finding):
    where = "%s:%s:%s" % (finding.get("file", "?"), finding.get("line", "?"),
                          finding.get("column", "?"))
    text = "%s: [%s] %s" % (where, finding.get("rule", "?"),
                            finding.get("message", ""))
    if finding.get("function"):
        text += " (in %s)" % finding["function"]
    for note in finding.get("trace") or []:
        if isinstance(note, dict):
            text += "\n      note: %s:%s:%s: %s" % (
                note.get("file", "?"), note.get("line", "?"),
                note.get("column", "?"), note.get("message", ""))
    return text


def source_line(path, lineno):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for n, text in enumerate(f, 1):
                if n == lineno:
                    return text.strip()
    except OSError:
        pass
    return ""


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: %s KMEMLINT FILE.c [more kmemlint args]\n"
                         % os.path.basename(argv[0]))
        return 2
    kmemlint, testcase, extra = argv[1], argv[2], argv[3:]
    name = testcase

    try:
        known = known_rules(kmemlint)
    except RuntimeError as e:
        print("FAIL %s: %s" % (name, e))
        return 1
    try:
        notes_expected = set()
        expected, problems = parse_expectations(testcase, known,
                                                notes_expected)
    except OSError as e:
        print("FAIL %s: cannot read testcase: %s" % (name, e))
        return 1

    cmd = [kmemlint, "--format=json"] + extra + [testcase]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=False)
    except OSError as e:
        print("FAIL %s: cannot run %s: %s" % (name, kmemlint, e))
        return 1
    stdout = proc.stdout.decode("utf-8", errors="replace")
    stderr = proc.stderr.decode("utf-8", errors="replace")

    if proc.returncode not in (0, 1):
        if proc.returncode < 0:
            why = "killed by signal %d" % -proc.returncode
        elif proc.returncode == 2:
            why = "tool error (exit status 2)"
        else:
            why = "unexpected exit status %d" % proc.returncode
        print("FAIL %s: %s: %s" % (name, " ".join(cmd), why))
        if stderr.strip():
            print("stderr:\n" + stderr.rstrip())
        return 1

    findings = []
    for n, text in enumerate(stdout.splitlines(), 1):
        if not text.strip():
            continue
        try:
            finding = json.loads(text)
        except ValueError as e:
            problems.append("output line %d is not JSON (%s): %s"
                            % (n, e, text))
            continue
        if not isinstance(finding, dict) or \
                not isinstance(finding.get("line"), int) or \
                not isinstance(finding.get("rule"), str):
            problems.append("output line %d is not a finding (needs an "
                            "integer \"line\" and a string \"rule\"): %s"
                            % (n, text))
            continue
        findings.append(finding)

    # one finding per rule and place: several paths to one bug (two
    # origins of the object one free releases twice) are one report
    places = {}
    for finding in findings:
        key = (finding.get("file"), finding["line"], finding.get("column"),
               finding["rule"])
        if key in places:
            problems.append("two findings of one rule at one place: %s"
                            % describe(finding))
        places[key] = finding

    if proc.returncode == 0 and findings:
        problems.append("exit status 0 but %d finding(s) printed"
                        % len(findings))
    if proc.returncode == 1 and not findings and not problems:
        problems.append("exit status 1 but no finding printed")

    # (line, rule) -> first finding; findings in other files are never
    # expected (a testcase is self-contained).
    reported = {}
    foreign = []
    for finding in findings:
        if not same_file(finding.get("file"), testcase):
            foreign.append(finding)
            continue
        reported.setdefault((finding["line"], finding["rule"]), finding)

    missing = sorted(k for k in expected if k not in reported)
    unexpected = sorted(k for k in reported if k not in expected)

    for lineno, rule in missing:
        print("missing    %s:%d: [%s] expected, not reported: %s"
              % (name, lineno, rule, source_line(testcase, lineno)))
    for key in unexpected:
        print("unexpected " + describe(reported[key]))
    for finding in foreign:
        print("unexpected (other file) " + describe(finding))
    # the confidence, where the expectation names one: the highest of the
    # findings on that line (the report keeps the surest of duplicates)
    wrong_conf = []
    for key, conf in sorted(expected.items()):
        if conf is None or key not in reported:
            continue
        got = sorted({f.get("confidence") for f in findings
                      if same_file(f.get("file"), testcase) and
                      (f["line"], f["rule"]) == key},
                     key=lambda c: c != "high")
        if got[0] != conf:
            wrong_conf.append(key)
            print("confidence %s:%d: [%s] expected %s, reported %s"
                  % (name, key[0], key[1], conf, got[0]))
    # expect-note: a note of a finding of the rule on that line
    noted = set()
    for f in findings:
        if not same_file(f.get("file"), testcase):
            continue
        for note in f.get("trace") or []:
            if isinstance(note, dict) and isinstance(note.get("line"), int) \
                    and same_file(note.get("file"), testcase):
                noted.add((note["line"], f["rule"]))
    missing_notes = sorted(notes_expected - noted)
    for lineno, rule in missing_notes:
        print("missing    %s:%d: [%s] note expected here, no finding "
              "carries one: %s" % (name, lineno, rule,
                                   source_line(testcase, lineno)))
    for problem in problems:
        print("error      " + problem)

    ok = not (missing or unexpected or foreign or problems or wrong_conf or
              missing_notes)
    if stderr.strip() and not ok:
        print("stderr:\n" + stderr.rstrip())
    print("%s %s: %d expected, %d reported, %d missing, %d unexpected"
          % ("PASS" if ok else "FAIL", name, len(expected),
             len(reported) + len(foreign), len(missing),
             len(unexpected) + len(foreign)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
