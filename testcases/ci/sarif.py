#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""SARIF output: kmemlint --format=sarif on testcases of every rule and on
the kernel-bench drivers, validated by the SARIF Multitool (any error it
reports fails), then checked for what a CI upload needs: rule metadata
from the one rule list, one result per finding of the JSON output, the
trace as a codeFlow, fingerprints, confidence and a fix.

usage: sarif.py KMEMLINT
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
TESTCASES = [
    "unchecked-alloc/if-not.c", "unchecked-alloc/callee-derefs.c",
    "page-order-mismatch/helper-free.c", "free-mismatch/kmalloc-vfree.c",
    "free-mismatch/field-vmalloc-kfree.c", "double-free/goto-unwind.c",
    "use-after-free/wrapper-free.c", "sleep-in-atomic/irq-helper.c",
]
failed = 0


def check(name, ok, detail=""):
    global failed
    print("%s %s%s" % ("ok  " if ok else "FAIL", name,
                       (": " + detail) if detail and not ok else ""))
    if not ok:
        failed += 1


def run(kmemlint, fmt, files, cwd):
    p = subprocess.run([kmemlint, "--format=" + fmt] + files, cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit("kmemlint exited %d: %s" % (p.returncode, p.stderr.decode()))
    return p.stdout.decode()


def validate(tool, path, tmp):
    """The Multitool's errors on path (a list of messages)."""
    out = os.path.join(tmp, "validation.sarif")
    env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1",
               DOTNET_CLI_TELEMETRY_OPTOUT="1")
    if os.path.exists(out):
        os.unlink(out)
    p = subprocess.run([tool, "validate", path, "-o", out],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       env=env)
    text = p.stdout.decode("utf-8", "replace")
    errors = [l for l in text.splitlines() if ": error " in l]
    if p.returncode != 0:
        errors.append("sarif-multitool exited %d:\n%s" % (p.returncode, text))
    with open(out) as f:
        log = json.load(f)
    for r in log["runs"][0].get("results", []):
        if r.get("level") == "error":
            errors.append(r["message"].get("text", str(r["message"])))
    return errors


def main():
    kmemlint = os.path.abspath(sys.argv[1])
    p = subprocess.run([os.path.join(HERE, "sarif-multitool.sh")],
                       stdout=subprocess.PIPE)
    if p.returncode != 0:
        print("SKIP: no SARIF Multitool and no npm to install it")
        return 77
    tool = p.stdout.decode().strip()
    rules = [l.split()[0] for l in
             subprocess.run([kmemlint, "--list-rules"], stdout=subprocess.PIPE)
             .stdout.decode().splitlines()]

    with tempfile.TemporaryDirectory() as tmp:
        files = [os.path.join("testcases", t) for t in TESTCASES]
        bench = sorted(os.path.join("kernel-bench/drivers", f)
                       for f in os.listdir(os.path.join(TOP, "kernel-bench/drivers"))
                       if f.endswith(".c"))
        for name, group in (("testcases", files), ("kernel-bench", bench)):
            sarif = run(kmemlint, "sarif", group, TOP)
            path = os.path.join(tmp, name + ".sarif")
            with open(path, "w") as f:
                f.write(sarif)
            errors = validate(tool, path, tmp)
            check("%s: the Multitool validates the SARIF with no error" % name,
                  not errors, "\n".join(errors))
            doc = json.loads(sarif)
            jsonl = [json.loads(l) for l in
                     run(kmemlint, "json", group, TOP).splitlines() if l]
            res = doc["runs"][0]["results"]
            check("%s: one result per finding (%d)" % (name, len(jsonl)),
                  len(res) == len(jsonl) and len(res) > 0,
                  "%d results, %d findings" % (len(res), len(jsonl)))
            check("%s: results carry rule, location, confidence, fingerprint, codeFlow" % name,
                  all(r["ruleId"] == j["rule"] and
                      r["locations"][0]["physicalLocation"]["region"]["startLine"] == j["line"] and
                      r["properties"]["confidence"] == j["confidence"] and
                      len(r["partialFingerprints"]["kmemlintFingerprint/v1"]) == 16 and
                      len(r["codeFlows"][0]["threadFlows"][0]["locations"]) == len(j["trace"])
                      for r, j in zip(res, jsonl)))
            check("%s: function as a logical location" % name,
                  all(r["locations"][0]["logicalLocations"][0]["name"] == j["function"]
                      for r, j in zip(res, jsonl)))
        drv = doc["runs"][0]["tool"]["driver"]
        check("tool name and version", drv["name"] == "kmemlint" and
              drv["version"] and doc["version"] == "2.1.0")
        check("rule metadata for every id of --list-rules",
              [r["id"] for r in drv["rules"]] == rules and
              all(r["shortDescription"]["text"] and r["fullDescription"]["text"]
                  and "How to fix" in r["help"]["text"] and
                  r["defaultConfiguration"]["level"] in ("error", "warning")
                  for r in drv["rules"]))
        check("relative paths under SRCROOT",
              all(r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId") == "SRCROOT"
                  for r in res) and
              doc["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file:///"))
        # the fix of kmalloc-vfree.c: vfree -> kfree at the release
        doc = json.loads(run(kmemlint, "sarif",
                             ["testcases/free-mismatch/kmalloc-vfree.c"], TOP))
        fixes = doc["runs"][0]["results"][0].get("fixes", [])
        rep = fixes[0]["artifactChanges"][0]["replacements"][0] if fixes else {}
        src = open(os.path.join(TOP, "testcases/free-mismatch/kmalloc-vfree.c")).read().splitlines()
        reg = rep.get("deletedRegion", {})
        old = src[reg["startLine"] - 1][reg["startColumn"] - 1:reg["endColumn"] - 1] if reg else ""
        check("free-mismatch: a fix replaces vfree with kfree",
              old == "vfree" and rep["insertedContent"]["text"] == "kfree",
              json.dumps(fixes))
    print("%d check(s) failed" % failed if failed else "all checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
