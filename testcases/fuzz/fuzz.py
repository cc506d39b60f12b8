#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Fuzz kmemlint with mutated bench and testcase files.

Each input is one of kernel-bench/drivers/*.c or testcases/<rule>/*.c,
mutated: lines deleted, duplicated or swapped, tokens deleted, duplicated
or swapped, the file truncated, deep nesting (blocks, parentheses, long
operator chains) or a huge function added; often several at once.
kmemlint runs on each with the flags kbuild compiles an external module
with (asked once) and must exit 0, 1 or 2 within the time limit, without
a signal and without a sanitizer report.  Inputs that fail are kept in
--save DIR; fixed ones go to testcases/fuzz/regress/, which --replay runs.

The seed makes a run deterministic: input i is the same in every run.
Ends with "N passed, N failed"; exit 77 (meson: skipped) without kernel
headers.
"""
import argparse
import concurrent.futures
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = re.compile(r"[A-Za-z_]\w*|\d\w*|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|->|\+\+|--|&&|\|\||[<>=!]=|<<|>>|\S")
SANITIZER = ("AddressSanitizer", "UndefinedBehaviorSanitizer", "runtime error:",
             "LeakSanitizer")


def sources():
    files = sorted(glob.glob(os.path.join(ROOT, "kernel-bench", "drivers", "*.c")))
    files += sorted(glob.glob(os.path.join(ROOT, "testcases", "*", "*.c")))
    return [f for f in files if "/fuzz/" not in f and "/engine/" not in f]


def headers():
    hs = sorted(glob.glob(os.path.join(ROOT, "kernel-bench", "drivers", "*.h")))
    hs += sorted(glob.glob(os.path.join(ROOT, "testcases", "*", "*.h")))
    return hs


# ---------------------------------------------------------------- mutators

def pick(r, lines):
    """A line: mostly a statement of a function body (the mutated file
    then often still compiles and reaches the engine), else any line."""
    ks = body_lines(lines)
    if ks and r.random() < 0.85:
        return r.choice(ks)
    return r.randrange(len(lines))


def m_del_lines(r, lines):
    i = pick(r, lines)
    del lines[i:i + r.choice([1, 1, 1, 2, 4])]


def m_dup_line(r, lines):
    i = pick(r, lines)
    lines[i:i] = [lines[i]] * r.randint(1, 3)


def m_swap_lines(r, lines):
    i, j = pick(r, lines), pick(r, lines)
    lines[i], lines[j] = lines[j], lines[i]


def tok_edit(r, lines, how):
    i = pick(r, lines)
    toks = [m for m in TOKEN.finditer(lines[i])]
    if not toks:
        return
    line = lines[i]
    t = r.choice(toks)
    if how == "del":
        lines[i] = line[:t.start()] + line[t.end():]
    elif how == "dup":
        lines[i] = line[:t.end()] + " " + t.group() + line[t.end():]
    else:  # swap with a token of another line
        j = pick(r, lines)
        other = [m for m in TOKEN.finditer(lines[j])]
        if not other:
            return
        u = r.choice(other)
        if i == j:
            a, b = sorted([t, u], key=lambda m: m.start())
            if a.end() > b.start():
                return
            lines[i] = (line[:a.start()] + b.group() + line[a.end():b.start()] +
                        a.group() + line[b.end():])
        else:
            lines[i] = line[:t.start()] + u.group() + line[t.end():]
            lines[j] = lines[j][:u.start()] + t.group() + lines[j][u.end():]


DECL = re.compile(r"^\s+(struct|union|enum|int|unsigned|signed|long|short|char|void|bool|"
                  r"const|static|size_t|ssize_t|gfp_t|dma_addr_t|[us](8|16|32|64)|__[lb]e\d+)\b")


def body_lines(lines):
    """Indices of the statement lines (not declarations) of function
    bodies: between a "{" and a "}" in column 0 after a ")" line."""
    out, inside = [], False
    for k, l in enumerate(lines):
        if l.startswith("{") and k and lines[k - 1].rstrip().endswith(")"):
            inside = True
        elif l.startswith("}"):
            inside = False
        elif inside and l.startswith("\t") and l.rstrip().endswith(";") and not DECL.match(l):
            out.append(k)
    return out


def m_nest_blocks(r, lines):
    ks = body_lines(lines)
    if not ks:
        return
    k = r.choice(ks)
    d = r.choice([20, 100, 250, 400])
    kind = r.choice(["{", "if (x) {", "while (x) {", "do {", "switch (x) { case 1: {"])
    close = {"{": "}", "if (x) {": "}", "while (x) {": "}", "do {": "} while (x);",
             "switch (x) { case 1: {": "} }"}[kind]
    lines[k] = "\t{ int x = 1;" + kind * d + lines[k] + close * d + "}"


def m_nest_parens(r, lines):
    ks = body_lines(lines)
    if not ks:
        return
    k = r.choice(ks)
    d = r.choice([50, 200, 300, 1000])
    lines[k] = "\t{ long y = " + "(" * d + "1" + ")" * d + "; (void)y; }" + lines[k]


def m_long_chain(r, lines):
    ks = body_lines(lines)
    if not ks:
        return
    k = r.choice(ks)
    n = r.choice([500, 3000, 20000])
    op = r.choice([" + ", " && ", " || ", " , ", " ? 1 : "])
    expr = op.join(["y"] * n) if op != " ? 1 : " else "y" + (" ? 1 : y" * n)
    lines[k] = "\t{ long y = 1; y = " + expr + "; (void)y; }" + lines[k]


def m_huge_function(r, lines):
    n = r.choice([300, 2000, 8000])
    body = ["void *kml_fuzz_huge(int n, int m);",
            "void *kml_fuzz_huge(int n, int m)", "{", "\tvoid *p = NULL, *q = NULL;"]
    for i in range(n):
        c = r.randrange(6)
        if c == 0:
            body.append("\tp = kmalloc(%d, GFP_KERNEL);" % (i + 1))
        elif c == 1:
            body.append("\tif (n > %d) kfree(p);" % i)
        elif c == 2:
            body.append("\tif (m == %d) { q = p; p = NULL; }" % i)
        elif c == 3:
            body.append("\tif (p) *(char *)p = %d;" % (i & 127))
        elif c == 4:
            body.append("\tif (n == %d) goto out;" % i)
        else:
            body.append("\tn += m;")
    body += ["out:", "\tkfree(q);", "\treturn p;", "}"]
    lines += body


def m_truncate(r, text):
    return text[:r.randrange(len(text) + 1)]


LINE_MUTATORS = [m_del_lines, m_dup_line, m_swap_lines] * 3 + [
                 lambda r, l: tok_edit(r, l, "del"),
                 lambda r, l: tok_edit(r, l, "dup"),
                 lambda r, l: tok_edit(r, l, "swap")]
BIG_MUTATORS = [m_nest_blocks, m_nest_parens, m_long_chain, m_huge_function]


def mutate(seed, i, srcs):
    r = random.Random("%d:%d" % (seed, i))
    src = srcs[r.randrange(len(srcs))]
    with open(src, errors="replace") as f:
        lines = f.read().split("\n")
    what = []
    for _ in range(r.choice([1, 1, 1, 2, 3, 8])):
        m = r.choice(LINE_MUTATORS)
        m(r, lines)
        what.append("lines")
    if r.random() < 0.3:
        m = r.choice(BIG_MUTATORS)
        m(r, lines)
        what.append(m.__name__[2:])
    text = "\n".join(lines)
    if r.random() < 0.15:
        text = m_truncate(r, text)
        what.append("truncate")
    return os.path.relpath(src, ROOT), ",".join(what), text


# ------------------------------------------------------------------ running

def kbuild_flags(kmemlint, tmp):
    d = os.path.join(tmp, "flags")
    os.makedirs(d)
    with open(os.path.join(d, "Kbuild"), "w") as f:
        f.write("obj-m += kml_fuzz.o\n")
    with open(os.path.join(d, "kml_fuzz.c"), "w") as f:
        f.write("int kml_fuzz;\n")
    p = subprocess.run([kmemlint, "scan", "--list-files", d], capture_output=True,
                       text=True, env=dict(os.environ, XDG_CACHE_HOME=os.path.join(tmp, "cache")))
    line = p.stdout.strip().split("\n")[0] if p.returncode == 0 else ""
    if not line:
        return None
    return line.split(" ")[1:]


def find_kdir():
    k = os.environ.get("KDIR")
    if k and os.path.exists(os.path.join(k, "include/config/auto.conf")):
        return k
    ds = sorted(glob.glob("/usr/src/linux-headers-*-amd64"),
                key=lambda s: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", s)])
    for d in reversed(ds):
        if os.path.exists(os.path.join(d, "include/config/auto.conf")):
            return d
    return None


def run_one(kmemlint, kdir, flags, path, timeout):
    """(verdict, exit status, seconds, stderr tail); verdict "" is a pass."""
    t0 = time.monotonic()
    try:
        p = subprocess.run([kmemlint, "--werror", "--strict"] + flags + [path], cwd=kdir,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return "hang", None, time.monotonic() - t0, (e.stderr or b"")[-2000:].decode(errors="replace")
    dt = time.monotonic() - t0
    err = p.stderr.decode(errors="replace")
    if p.returncode < 0:
        return "signal %d" % -p.returncode, p.returncode, dt, err[-2000:]
    if any(s in err for s in SANITIZER):
        return "sanitizer", p.returncode, dt, err[-4000:]
    if p.returncode not in (0, 1, 2):
        return "exit %d" % p.returncode, p.returncode, dt, err[-2000:]
    return "", p.returncode, dt, ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kmemlint")
    ap.add_argument("-n", type=int, default=300, help="inputs (300)")
    ap.add_argument("--seed", type=int, default=1, help="seed (1)")
    ap.add_argument("--start", type=int, default=0, help="first input index (0)")
    ap.add_argument("-j", type=int, default=2, help="parallel runs (2)")
    ap.add_argument("--timeout", type=float, default=120,
                    help="seconds one run may take before it counts as a hang (120)")
    ap.add_argument("--save", help="keep failing inputs in this directory")
    ap.add_argument("--replay", help="run the .c files of this directory instead")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    kmemlint = os.path.abspath(a.kmemlint)
    kdir = find_kdir()
    if not kdir:
        print("no kernel headers: skipped")
        return 77
    tmp = tempfile.mkdtemp(prefix="kmemlint-fuzz.")
    try:
        flags = kbuild_flags(kmemlint, tmp)
        if not flags:
            print("kbuild gave no flags: skipped")
            return 77
        srcs = sources()
        if a.replay:
            jobs = [(os.path.relpath(f, ROOT), "replay", open(f, errors="replace").read())
                    for f in sorted(glob.glob(os.path.join(a.replay, "*.c")))]
        else:
            jobs = [mutate(a.seed, i, srcs) for i in range(a.start, a.start + a.n)]
        # a directory per input: the bench's local headers beside it
        hs = headers()
        counts = {0: 0, 1: 0, 2: 0}
        bad = []
        slowest = (0.0, None)
        t0 = time.monotonic()

        def work(k):
            src, what, text = jobs[k]
            d = os.path.join(tmp, "in%d" % k)
            os.makedirs(d)
            for h in hs:
                shutil.copy(h, d)
            path = os.path.join(d, "kml_fuzz.c")
            with open(path, "w") as f:
                f.write(text)
            res = run_one(kmemlint, kdir, flags, path, a.timeout)
            if not res[0]:
                shutil.rmtree(d, ignore_errors=True)
            return k, res

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.j)) as ex:
            for k, (verdict, status, dt, err) in ex.map(work, range(len(jobs))):
                idx = a.start + k
                if dt > slowest[0]:
                    slowest = (dt, idx)
                if verdict:
                    src, what, text = jobs[k]
                    bad.append((idx, verdict, src, what))
                    print("FAIL: input %d (%s; %s): %s\n%s" % (idx, src, what, verdict, err))
                    if a.save:
                        os.makedirs(a.save, exist_ok=True)
                        name = "seed%d-%d.c" % (a.seed, idx) if not a.replay else os.path.basename(src)
                        with open(os.path.join(a.save, name), "w") as f:
                            f.write(text)
                else:
                    counts[status] += 1
                    if not a.quiet and (k + 1) % 100 == 0:
                        print("%d inputs, %.0f s" % (k + 1, time.monotonic() - t0), flush=True)
        print("%d inputs in %.0f s: %d exit 0, %d exit 1, %d exit 2; %d failed; slowest %.1f s (input %s)"
              % (len(jobs), time.monotonic() - t0, counts[0], counts[1], counts[2],
                 len(bad), slowest[0], slowest[1]))
        print("%d passed, %d failed" % (len(jobs) - len(bad), len(bad)))
        return 1 if bad else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
