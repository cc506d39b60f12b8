#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""One output pipeline for every way in (analyzer/cli/output.c):

- kmemlint scan --format=sarif on a copy of the kernel-bench drivers
  validates with the SARIF Multitool and has one result per finding of
  scan --format=json;
- scan --write-baseline, then scan --baseline exits 0; a new bug added to
  a module fails the next scan with that finding only;
- scan honours a kmemlint-ignore comment and reports one that matches
  nothing;
- kbuild's C=2 with --format=json --output=F (a process per file) into
  JSON Lines, then kmemlint report --format=sarif validates, has every
  finding, carries the trace, confidence and fix; report --format=json
  gives back the lines it read.

usage: pipeline.py KMEMLINT
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import sarif  # noqa: E402  (validate(), check())

NEW_BUG = """
struct kmb_new_rec {
	int id;
};

int kmb_new_bug(int id)
{
	struct kmb_new_rec *r = kmalloc(sizeof(*r), GFP_KERNEL);

	r->id = id;
	kfree(r);
	return 0;
}
EXPORT_SYMBOL_GPL(kmb_new_bug);
"""


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def jsonl(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def kdir():
    env = os.environ.get("KDIR")
    if env:
        return env
    dirs = sorted(glob.glob("/usr/src/linux-headers-*-amd64"))
    return dirs[-1] if dirs else None


def main():
    k = os.path.abspath(sys.argv[1])
    check = sarif.check
    p = subprocess.run([os.path.join(HERE, "sarif-multitool.sh")],
                       stdout=subprocess.PIPE)
    tool = p.stdout.decode().strip() if p.returncode == 0 else None
    kd = kdir()
    if not kd or not os.path.exists(os.path.join(kd, "include/config/auto.conf")):
        print("SKIP: no kernel headers")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        d = os.path.join(tmp, "drivers")
        shutil.copytree(os.path.join(TOP, "kernel-bench/drivers"), d)
        scan = [k, "scan", "-j2", "--kdir", kd]

        # SARIF of a scan
        rc, out, err = run(scan + ["--format=sarif", "."], d)
        check("scan --format=sarif exits 1 (findings)", rc == 1, err[-2000:])
        doc = json.loads(out)
        res = doc["runs"][0]["results"]
        rc, out, err = run(scan + ["--format=json", "."], d)
        found = jsonl(out)
        check("scan: one SARIF result per JSON finding (%d)" % len(found),
              len(res) == len(found) and len(res) > 0,
              "%d results, %d findings" % (len(res), len(found)))
        check("scan SARIF: every result says whether a fix is available",
              all(isinstance(r["properties"].get("fixAvailable"), bool)
                  for r in res))
        if tool:
            path = os.path.join(tmp, "scan.sarif")
            with open(path, "w") as f:
                json.dump(doc, f)
            errors = sarif.validate(tool, path, tmp)
            check("scan: the Multitool validates the SARIF with no error",
                  not errors, "\n".join(errors))
        else:
            print("SKIP Multitool validation: no npm")

        # --min-confidence
        rc, out, err = run(scan + ["--format=json", "--min-confidence=high", "."], d)
        high = jsonl(out)
        check("scan --min-confidence=high keeps only high findings",
              all(f["confidence"] == "high" for f in high) and
              len(high) == sum(f["confidence"] == "high" for f in found))

        # baseline
        base = os.path.join(tmp, "base.txt")
        rc, out, err = run(scan + ["--write-baseline", base, "."], d)
        check("scan --write-baseline exits 0", rc == 0, err[-2000:])
        rc, out, err = run(scan + ["--baseline", base, "."], d)
        check("scan --baseline: exit 0 and no finding", rc == 0 and not out,
              out[:2000])

        # a suppression with a reason, above one finding
        f0 = next(f for f in found if f["file"].endswith(".c"))
        src = os.path.join(d, f0["file"])
        lines = open(src).read().split("\n")
        lines.insert(f0["line"] - 1,
                     "/* kmemlint-ignore %s: checked by the test */" % f0["rule"])
        lines.append("/* kmemlint-ignore double-free: matches nothing */")
        lines.append(NEW_BUG)
        with open(src, "w") as f:
            f.write("\n".join(lines))
        rc, out, err = run(scan + ["--format=json", "--baseline", base, "."], d)
        new = jsonl(out)
        check("scan --baseline after a new bug: exit 1", rc == 1, err[-2000:])
        check("... only the new bug is reported",
              [(f["function"], f["rule"]) for f in new] ==
              [("kmb_new_bug", "unchecked-alloc")], json.dumps(new))
        rc, out, err = run(scan + ["--format=json", "."], d)
        now = jsonl(out)
        check("scan honours the kmemlint-ignore comment",
              not any(f["file"] == f0["file"] and f["function"] == f0["function"]
                      and f["rule"] == f0["rule"] and f["line"] == f0["line"] + 1
                      for f in now) and len(now) == len(found),
              "%d findings now, %d before (+1 new, -1 suppressed)" % (len(now), len(found)))
        check("scan reports the suppression that matches nothing",
              "kmemlint-ignore double-free matches no finding" in err, err[-2000:])

        # C=2: a process per file into JSON Lines, then one SARIF
        m = os.path.join(tmp, "mod")
        shutil.copytree(os.path.join(TOP, "kernel-bench/drivers"), m)
        shutil.rmtree(os.path.join(m, ".kmemlint"), ignore_errors=True)
        fj = os.path.join(tmp, "findings.jsonl")
        p = subprocess.run(["make", "-C", kd, "M=" + m, "C=2",
                            "CHECK=%s --format=json --output=%s" % (k, fj),
                            "modules"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        check("make C=2 CHECK='kmemlint --format=json --output=F' exits 0",
              p.returncode == 0, p.stdout.decode()[-2000:])
        lines_c2 = jsonl(open(fj).read()) if os.path.exists(fj) else []
        rc, out, err = run([k, "report", "--format=sarif", fj], tmp)
        check("kmemlint report exits 1 (findings)", rc == 1, err)
        doc = json.loads(out) if out else {"runs": [{"results": []}]}
        res = doc["runs"][0]["results"]
        check("report: one SARIF result per JSON line (%d)" % len(lines_c2),
              len(res) == len(lines_c2) and len(res) > 0)
        check("report: the traces and confidence carried over",
              sorted((r["ruleId"], len(r.get("codeFlows", [{"threadFlows": [{"locations": []}]}])[0]["threadFlows"][0]["locations"]),
                      r["properties"]["confidence"]) for r in res) ==
              sorted((f["rule"], len(f["trace"]), f["confidence"]) for f in lines_c2))
        fixable = [f for f in lines_c2 if "replace" in f]
        check("report: each engine fix of the JSON is a SARIF fix (%d)" % len(fixable),
              sum("fixes" in r for r in res) == len(fixable) and
              sum(r["properties"]["fixAvailable"] for r in res) ==
              sum(f["fix_available"] for f in lines_c2))
        if tool:
            path = os.path.join(tmp, "c2.sarif")
            with open(path, "w") as f:
                f.write(out)
            errors = sarif.validate(tool, path, tmp)
            check("C=2 + report: the Multitool validates the SARIF with no error",
                  not errors, "\n".join(errors))
        rc, out, err = run([k, "report", "--format=json", fj], tmp)
        key = lambda f: (f["file"], f["line"], f["column"], f["rule"])
        check("report --format=json gives back the findings it read",
              sorted(jsonl(out), key=key) == sorted(lines_c2, key=key))
        rc, out, err = run([k, "report", "--format=html", "--output",
                            os.path.join(tmp, "r.html"), fj], tmp)
        check("report --format=html writes a page", rc == 1 and
              open(os.path.join(tmp, "r.html")).read().count("<html") == 1)
        bad = os.path.join(tmp, "bad.jsonl")
        with open(bad, "w") as f:
            f.write(open(fj).readline() + '{"file": "x.c", "line": }\n')
        rc, out, err = run([k, "report", bad], tmp)
        check("report on a bad line: exit 2 naming file and line",
              rc == 2 and "bad.jsonl:2:" in err, err)
    print("%d check(s) failed" % sarif.failed if sarif.failed else "all checks passed")
    return 1 if sarif.failed else 0


if __name__ == "__main__":
    sys.exit(main())
