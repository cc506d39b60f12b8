#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Writes rules/core-<version>.summaries: the summaries of the core
# kernel's exported functions (EXPORT_SYMBOL*), so that a driver's call to
# usb_submit_urb() or kobject_put() is known to dereference, free or store
# an argument, to sleep, or to return NULL or an ERR_PTR
# (analyzer/engine/core_sums.h; docs/rules-format.md).
#
# usage: scripts/gen-core-summaries.sh [--kmemlint PATH] [--kdir DIR]
#            [-j N] [--timeout SEC] [--src TREE] [--out FILE] [DIR...]
#   --src TREE  a kernel source tree (default: the needed directories of
#               /usr/src/linux-source-*.tar.xz, extracted to a temporary
#               directory)
#   --kdir DIR  the kernel build directory whose flags are used (default:
#               the newest /usr/src/linux-headers-*-amd64); for another
#               kernel version give that version's --src and --kdir
#   --from-db F only write the file, from the database F of an earlier
#               run of this script (kept with KEEP=1), of the same --src
#   DIR...      directories of TREE (default: the core list below)
#
# Core files are built into vmlinux (obj-y), and kbuild with M= only
# compiles a tree as external modules: so the flags are those kbuild gives
# a module of drivers/usb/core (asked once with `kmemlint scan
# --list-files`), without -DMODULE and with each file's KBUILD_MODNAME, in
# a compilation database of the files of DIR... that export something.
# Files that fail to parse (code for another architecture or
# configuration) are counted and left out.  The summary pass runs with
# KMEMLINT_NO_CORE_SUMMARIES=1 (no older core file is read), under nice.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
kml=$top/build/kmemlint
kdir=${KDIR:-$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1)}
jobs=2
timeout=120
src=
out=
fromdb=
while [ $# -gt 0 ]; do
	case $1 in
	--kmemlint) kml=$2; shift 2 ;;
	--kdir) kdir=$2; shift 2 ;;
	-j) jobs=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--src) src=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--from-db) fromdb=$2; shift 2 ;;
	-*) echo "$0: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
if [ $# -eq 0 ]; then
	set -- drivers/base drivers/usb/core drivers/tty sound/core net/core \
		mm kernel lib
fi
[ -d "$kdir" ] || { echo "$0: no kernel build directory (--kdir)" >&2; exit 2; }
tmp=$(mktemp -d /tmp/kmemlint-core-sums.XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
if [ -z "$src" ] && [ -n "$fromdb" ]; then
	echo "$0: --from-db needs --src" >&2
	exit 2
fi
if [ -z "$src" ]; then
	tarball=$(ls /usr/src/linux-source-*.tar.xz | sort -V | tail -n 1)
	base=$(basename "$tarball" .tar.xz)
	echo "extracting $* and drivers/usb/core from $tarball" >&2
	# drivers/usb/core gives the flags; tar fails on a member named twice
	paths=
	for d in "$@" drivers/usb/core; do
		case " $paths " in *" $base/$d "*) ;; *) paths="$paths $base/$d" ;; esac
	done
	# shellcheck disable=SC2086
	nice tar -xJf "$tarball" -C "$tmp" $paths
	src=$tmp/$base
fi
src=$(cd "$src" && pwd)
version=$(make -s -C "$kdir" kernelversion 2>/dev/null || basename "$kdir")
major=$(echo "$version" | sed -n 's/^\([0-9]*\.[0-9]*\).*/\1/p')
out=${out:-$top/rules/core-$major.summaries}

if [ -n "$fromdb" ]; then
	db=$fromdb start=0 end=0
else
# one module's flags, as kbuild gives them
KMEMLINT_NO_CORE_SUMMARIES=1 "$kml" scan --kdir="$kdir" --list-files \
	"$src/drivers/usb/core" >"$tmp/flags" 2>"$tmp/err" || {
	cat "$tmp/err" >&2
	exit 2
}
mkdir "$tmp/db"
python3 - "$src" "$kdir" "$tmp/flags" "$tmp/db/compile_commands.json" "$@" <<'EOF'
import json, os, re, shlex, sys
src, kdir, flags, outp, dirs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
line = open(flags).readline().split()
# drop the file, -DMODULE and the module names; they are set per file
tmpl = [a for a in line[1:] if a != '-DMODULE' and not
        re.match(r'-D(KBUILD_BASENAME|KBUILD_MODNAME|__KBUILD_MODNAME)=', a)]
cmds = []
for d in dirs:
    for root, _, files in os.walk(os.path.join(src, d)):
        for f in sorted(files):
            p = os.path.join(root, f)
            if not f.endswith('.c'):
                continue
            with open(p, errors='replace') as fh:
                if 'EXPORT_SYMBOL' not in fh.read():
                    continue
            b = re.sub(r'[^A-Za-z0-9_]', '_', f[:-2])
            rel = os.path.relpath(p, src)[:-2]
            args = ['clang'] + tmpl + ['-I' + root,
                    '-DKBUILD_MODFILE="%s"' % rel,
                    '-DKBUILD_BASENAME="%s"' % b, '-DKBUILD_MODNAME="%s"' % b,
                    '-D__KBUILD_MODNAME=kmod_' + b, '-c', p]
            cmds.append({'directory': kdir, 'file': p, 'arguments': args})
cmds.sort(key=lambda c: c['file'])
json.dump(cmds, open(outp, 'w'), indent=0)
print('%d files export something' % len(cmds), file=sys.stderr)
EOF

start=$(date +%s)
KMEMLINT_NO_CORE_SUMMARIES=1 XDG_CACHE_HOME=$tmp/cache nice "$kml" scan \
	--kdir="$kdir" -j"$jobs" --timeout="$timeout" --format=json \
	--output="$tmp/findings.json" "$tmp/db/compile_commands.json" \
	2>"$tmp/scan.err" || [ $? -eq 1 ]
end=$(date +%s)
grep -v '^\[' "$tmp/scan.err" | tail -n 20 >&2
db=$(find "$tmp" -name '*.db' | head -n 1)
[ -n "$db" ] || { echo "$0: the scan wrote no database" >&2; exit 2; }
fi

python3 - "$db" "$src" "$out" "$version" "$end" "$start" "$@" <<'EOF'
import os, re, sqlite3, sys
db, src, outp, version, end, start, dirs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), sys.argv[7:]
exp = re.compile(r'\bEXPORT_SYMBOL(?:_GPL|_NS|_NS_GPL)?\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)')
con = sqlite3.connect(db)
files = {p: i for p, i in con.execute('SELECT path, id FROM files')}
exported = set()
for p in files:
    try:
        with open(p, errors='replace') as fh:
            exported.update(exp.findall(fh.read()))
    except OSError as e:
        print('%s: %s' % (p, e), file=sys.stderr)
# The facts the checkers use at a call of a core function: what it does to
# its arguments ($N), whether it sleeps, what it returns.  Places behind
# an argument ($0->f), must facts on arguments (sets, and null but where
# every path of a return class found the argument not NULL:
# snd_ctl_add() succeeds only for a control that snd_ctl_new1() did not
# fail to allocate, so a caller that returns on its error uses a
# control that is not NULL) and field
# writes are left out: they are about the callee's own objects, and they
# make the file large.  ret-null-absent and ret-null-chosen say what a
# NULL result means besides a failed allocation (v4l2_ctrl_new_custom()
# returns NULL for an error already recorded in the handler, which the
# driver tests once after the batch).  ret-null-gfp ($N, the gfp_t
# argument): the result may be NULL unless the caller's mask has
# __GFP_NOFAIL (bitmap_zalloc(), a kmalloc_array() of its gfp argument);
# without it such a function would never return NULL for its callers.
keep_any = {'may-sleep', 'ret-null', 'ret-alloc', 'ret-nonnull', 'ret-neg',
            'lock-delta', 'ret-null-absent', 'ret-null-chosen'}
keep_arg = {'deref', 'free', 'unlinks', 'refs', 'gives-up', 'ret-null-gfp'}
arg = re.compile(r'^\$\d+$')
# may-sleep: one fact per chain the summary pass found (2,500 for
# get_user_pages_remote(), one per way through its gup_flags tests).  Per
# subject ('*', or the gfp argument '$N'), a function that may sleep
# whatever its arguments needs one fact, the shortest chain; otherwise
# the shortest chain of each of at most 8 argument conditions (the |Q:
# parts) is kept.  Leaving a condition out can only hide a sleep, never
# report one.
MAX_COND_SLEEPS = 8
def trim_sleeps(facts):
    sleeps = [f for f in facts if f.split('\t')[1] == 'may-sleep']
    if not sleeps:
        return facts
    def conds(f):
        return '|'.join(p for p in f.split('\t')[5].split('|')
                        if p.startswith('Q:'))
    def length(f):
        return (len(f.split('\t')[5]), f)
    kept = set()
    # per subject: '*' sleeps whatever the arguments, '$N' when argument
    # N (a gfp mask) allows it
    for subj in sorted(set(f.split('\t')[3] for f in sleeps)):
        mine = [f for f in sleeps if f.split('\t')[3] == subj]
        plain = [f for f in mine if not conds(f)]
        if plain:
            kept.add(min(plain, key=length))
            continue
        best = {}
        for f in sorted(mine, key=length):
            best.setdefault((f.split('\t')[4], conds(f)), f)
        kept.update(sorted(best.values(), key=length)[:MAX_COND_SLEEPS])
    return [f for f in facts if f.split('\t')[1] != 'may-sleep' or f in kept]
rows = con.execute('SELECT s.name, f.path, s.body FROM summaries s JOIN files f'
                   ' ON f.id = s.file WHERE s.static = 0 ORDER BY s.name, f.path')
out, seen, counts, nfn = [], set(), {}, 0
for name, path, body in rows:
    if name not in exported or name in seen:
        continue
    seen.add(name)
    rel = os.path.relpath(path, src)
    head, facts = None, []
    for line in body.split('\n'):
        v = line.split('\t')
        if v[0] == 'sum':
            head = line
        elif v[0] == 'fact' and len(v) == 10:
            kind, subj, s = v[1], v[3], v[5]
            if kind in keep_any:
                pass
            elif kind in keep_arg and arg.match(subj):
                pass
            elif kind == 'gives-up' and subj == '$ret':
                pass		# registers what it returns
            elif kind == 'null' and arg.match(subj) and v[4] == '0':
                pass		# returns so only for a non-NULL argument
            elif kind == 'points' and arg.match(s):
                kind = kind		# stores argument s in the caller's memory
            else:
                continue
            v[7] = rel
            v[5] = v[5].replace(src + '/', '')
            facts.append('\t'.join(v))
    facts = trim_sleeps(facts)
    for f in facts:
        counts[f.split('\t')[1]] = counts.get(f.split('\t')[1], 0) + 1
    sv = head.split('\t') if head else []
    # a function with no fact kept still says how it fails (sum line)
    if not facts and (len(sv) < 6 or (sv[4] == '0' and sv[5] == '0')):
        continue
    nfn += 1
    out.append(head)
    out.extend(facts)
with open(outp, 'w') as fh:
    fh.write('# Generated by scripts/gen-core-summaries.sh from linux %s (%s);\n'
             '# do not edit: regenerate it (docs/rules-format.md).\n' % (version, ' '.join(dirs)))
    fh.write('# %d exported functions of %d files, %d with records; facts: %s\n'
             % (len(seen), len(files), nfn,
                ', '.join('%s %d' % kv for kv in sorted(counts.items()))))
    fh.write('\n'.join(out) + '\n')
print('%s: %d functions, %s; %d s' % (outp, nfn, counts, end - start), file=sys.stderr)
EOF
