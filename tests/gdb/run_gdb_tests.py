#!/usr/bin/env python3
"""End-to-end tests of the gdb extension (gdb-scripts/) against real gdb.

Usage:
  run_gdb_tests.py --repo DIR --pyglass BIN --build-dir DIR --lib SO
                   [--gdb GDB] [--stack PYGLASS_STACK] [--cmake CMAKE]
                   CHECK

CHECK is one of:
  live       chain.py, gdb attached (-p) to the build tree's binary, the
             extension auto-loaded from the build tree (add-auto-load-safe-path
             BUILD_DIR): every command with its exact output, `bt` with the
             Python frames under their eval_frame() frames, thread apply all
             py-bt, py-threads (= pyglass-stack's text when --stack is given),
             py-value, and the pretty printers when the binary has debug info
  gcore      the same (but py-threads vs pyglass-stack) on a core written by
             gdb's gcore, opened with the binary
  kcore      crash_segv.py and crash_abort.py crash with `ulimit -c unlimited`
             in a temporary cwd; gdb on the binary and the kernel's core
  stripped   a `strip --strip-all` copy: live with the loader placed next to
             it (auto-load), gcore with the extension sourced explicitly
             (`source gdb-scripts/pyglass_gdb.py`, PYGLASS_INSPECTOR_LIB)
  installed  the install rules (CMake install script, component pyglass_gdb,
             into a temporary prefix and gdb data directory); the installed
             binary is stripped; gdb must auto-load the extension from
             <data dir>/auto-load/<prefix>/bin/pyglass-gdb.py
  generator  generator.py: a generator's frame, its locals, bt pairing
  deep       deep.py 1000: 1000 frames, py-up/py-down through them
  scenario NAME
             corpora/scenarios/NAME.py (issue 6's frame kinds: closure,
             methods, yield_from, coroutine, except_block, class_body,
             importing): live, py-bt, py-locals (NAME.locals, innermost
             frame), py-up and bt pairing, then `gcore` from the same gdb
             session and py-bt and bt pairing on that core
  errors     gdb on /bin/sleep (a non-pyglass program), gdb with no process,
             bad arguments, a missing library: one clear line each, gdb
             exits 0

Expected stacks come from corpora/scenarios/NAME.expected and NAME.locals
(corpora/scenarios/README.md). Exit status: 0 pass, 1 fail, 77 skipped,
2 harness error. Every child runs in its own process group and is killed,
and every temporary file (cores included) removed, however we exit.
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
READY_TIMEOUT_S = 30
GDB_TIMEOUT_S = 60

NOT_PYGLASS = "not a pyglass process (no debug table)"


# Processes, readiness and errors: the debugger suite's helpers (the LLDB
# driver uses them too), so every front end starts and stops scenarios the
# same way.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "debugger"))
import run_scenario as rs  # noqa: E402

Skip = rs.Skip
HarnessError = rs.HarnessError
log = rs.log
spawn = rs.spawn
wait_ready = rs.wait_ready
kill_children = rs.kill_all_children


# ------------------------------------------------------------ gdb

def run_gdb(opts, target_args, steps, env_extra=None, init=(), timeout=GDB_TIMEOUT_S,
            auto_load=True):
    """Runs gdb in batch mode. `steps` is [(label, [command, ...])]; the
    output of each step is found between `@@label` markers. Returns
    (exit status, {label: [lines]}, whole stdout, stderr)."""
    argv = [opts.gdb, "-nx", "-batch"]
    if auto_load:
        argv += ["-iex", "add-auto-load-safe-path %s" % opts.build_dir]
    for cmd in init:
        argv += ["-iex", cmd]
    for label, commands in steps:
        argv += ["-ex", "echo @@%s\\n" % label]
        for c in commands:
            argv += ["-ex", c]
    argv += ["-ex", "echo @@end\\n"]
    argv += target_args
    env = dict(os.environ)
    env.pop("PYGLASS_INSPECTOR_LIB", None)
    env.update(env_extra or {})
    try:
        res = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=env,
                             timeout=timeout, start_new_session=True)
    except subprocess.TimeoutExpired:
        raise HarnessError("gdb timed out after %d s: %s" % (timeout, " ".join(argv)))
    out = res.stdout.decode("utf-8", "replace")
    sections, label = {}, None
    for line in out.splitlines():
        if line.startswith("@@"):
            label = line[2:]
            sections[label] = []
        elif label is not None:
            sections[label].append(line)
    return res.returncode, sections, out, res.stderr.decode("utf-8", "replace")


# ------------------------------------------------------------ expectations

EXPECT_FRAME = re.compile(r'^File "(.*)", line (\d+), in (\S+)(?:\s+\[repeat ([N0-9+\-* ]+)\])?'
                          r'(?:\s+\[(generator)\])?$')


class Frame:
    def __init__(self, path, line, function):
        self.path, self.line, self.function = path, line, function

    def lines(self):
        out = ['  File "%s", line %d, in %s' % (self.path, self.line, self.function)]
        src = source_line(self.path, self.line)
        if src:
            out.append("    " + src)
        return out


def source_line(path, line):
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return ""
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def load_expected(repo, name, n=None):
    """([[Frame, ...] per eval_frame activation], crash signal name or None)."""
    groups, crash = [], None
    with open(os.path.join(repo, "corpora", "scenarios", name + ".expected")) as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line == "[eval_frame]":
                groups.append([])
                continue
            if line.startswith("Crash: "):
                crash = line.split()[1]
                continue
            if line.startswith("Handled: "):
                continue  # rs.load_handled()
            m = EXPECT_FRAME.match(line)
            if not m:
                raise HarnessError("bad line in %s.expected: %s" % (name, line))
            count = 1
            if m.group(4):
                count = int(eval(m.group(4), {"__builtins__": {}}, {"N": n}))
            if not groups:
                groups.append([])
            frame = Frame(os.path.join(repo, m.group(1)), int(m.group(2)), m.group(3))
            groups[-1].extend([frame] * count)
    return [g for g in groups if g], crash


def load_locals(repo, name):
    """[(function, [local lines])] in stack order."""
    out = []
    path = os.path.join(repo, "corpora", "scenarios", name + ".locals")
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("in "):
                out.append((line[3:], []))
            else:
                out[-1][1].append(line)
    return out


class Checker:
    def __init__(self, what):
        self.what = what
        self.failures = []
        self.passed = 0

    def equal(self, label, got, want):
        if got == want:
            self.passed += 1
            return True
        diff = "\n".join(difflib.unified_diff(want, got, "expected", "gdb", lineterm=""))
        self.failures.append("%s: %s differs:\n%s" % (self.what, label, diff))
        return False

    def true(self, label, cond, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failures.append("%s: %s%s" % (self.what, label, (": " + detail) if detail else ""))
        return cond


def py_bt_lines(frames):
    out = ["Traceback (most recent call first):"]
    for f in frames:
        out.extend(f.lines())
    return out


def listing(path, first, last, current):
    """py-list's expected output: lines first..last, `>` on `current`."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    out = []
    for n in range(max(first, 1), min(last, len(lines)) + 1):
        label = (">" if n == current else "") + str(n)
        out.append("%4s    %s" % (label, lines[n - 1]))
    return out


BT_NATIVE = re.compile(r"^#(\d+)\s+(.*)$")
BT_PYTHON = re.compile(r"^    \[python\] (\S+) \(\) at (.*):(\d+)$")


def bt_groups(lines):
    """[(native frame line, [(function, file, line)])] for the native frames
    of `bt` that have Python frames under them."""
    groups, current = [], None
    for line in lines:
        if BT_NATIVE.match(line):
            current = (line, [])
            groups.append(current)
        else:
            m = BT_PYTHON.match(line)
            if m and current is not None:
                current[1].append((m.group(1), m.group(2), int(m.group(3))))
    return [g for g in groups if g[1]]


def check_bt(check, lines, groups, symbols):
    got = bt_groups(lines)
    want = [[(f.function, f.path, f.line) for f in g] for g in groups]
    check.equal("bt: Python frames per native frame", [str(g[1]) for g in got],
                [str(g) for g in want])
    if symbols:
        bad = [g[0] for g in got if "eval_frame" not in g[0]]
        check.true("bt: Python frames follow eval_frame() frames", not bad, "\n".join(bad))


# ------------------------------------------------------------ the chain

def chain_steps(with_printers):
    steps = [
        ("py-bt", ["py-bt"]),
        ("py-bt-full", ["py-bt-full"]),
        ("down-at-start", ["py-down"]),
        ("locals-leaf", ["py-locals"]),
        ("print-small", ["py-print small"]),
        ("print-text", ["py-print text"]),
        ("list-leaf", ["py-list"]),
        ("list-5", ["py-list 5"]),
        ("list-10-12", ["py-list 10,12"]),
        ("up-1", ["py-up"]),
        ("print-count", ["py-print count"]),
        ("print-results", ["py-print results"]),
        ("print-name", ["py-print __name__"]),
        ("print-len", ["py-print len"]),
        ("print-nope", ["py-print nope"]),
        ("locals-transform", ["py-locals"]),
        ("list-transform", ["py-list"]),
        ("up-2", ["py-up"]),
        ("up-3", ["py-up"]),
        ("up-4", ["py-up"]),
        ("up-at-end", ["py-up"]),
        ("print-module-name", ["py-print __name__"]),
        ("down-3", ["py-down"]),
        ("locals-main", ["py-locals"]),
        ("frame-0", ["frame 0"]),
        ("after-frame-0", ["py-print small"]),
        ("py-threads", ["py-threads"]),
        ("bt", ["bt"]),
        ("bt-no-filters", ["bt -no-filters"]),
        ("thread-apply", ["thread apply all py-bt"]),
        ("value-small", ["py-value 85"]),
        ("value-negative", ["py-value -13"]),
        ("value-null", ["py-value 0"]),
        ("value-garbage", ["py-value 16"]),
        ("value-globals", ["python import pyglassgdb.stack as s; "
                           "print(s.selected().frame['globals'])"]),
    ]
    if with_printers:
        steps += [
            # (in a libc frame the language is C: no pg:: names)
            ("pp-none", ["set language c++",
                         "print (pg::Object*)pyglass_debug_table.types.none_object"]),
            ("pp-true", ["print *(pg::Value*)&pyglass_debug_table.types.true_object"]),
            ("pp-null", ["print (pg::Str*)0"]),
            ("pp-garbage", ["print (pg::List*)16"]),
            ("pp-callable", ["frame function pg::call", "print callable"]),
            ("pp-truncated", ["set print elements 10",
                              "print (pg::Object*)pyglass_debug_table.types.dict_type",
                              "set print elements 200"]),
        ]
    return steps


def has_debug_info(opts, binary):
    res = subprocess.run([opts.gdb, "-nx", "-batch", "-ex", "ptype pg::Value", binary],
                         capture_output=True, timeout=GDB_TIMEOUT_S)
    return b"bits" in res.stdout


def check_chain(opts, check, target_args, binary, live, symbols=True, printers=False,
                env_extra=None, init=(), auto_load=True, pid=None):
    groups, _ = load_expected(opts.repo, "chain")
    frames = [f for g in groups for f in g]
    locals_ = load_locals(opts.repo, "chain")
    stack_text = None
    if opts.stack and live and pid:
        res = subprocess.run([opts.stack, "pid", str(pid)], capture_output=True,
                             timeout=GDB_TIMEOUT_S)
        if res.returncode == 0:
            stack_text = res.stdout.decode("utf-8", "replace").splitlines()[1:]
    rc, out, whole, err = run_gdb(opts, target_args, chain_steps(printers), env_extra, init,
                                  auto_load=auto_load)
    check.true("gdb exit status 0", rc == 0, "status %d, stderr: %s" % (rc, err[-2000:]))
    if "py-bt" not in out:
        check.true("gdb ran the commands", False, whole[-3000:] + err[-2000:])
        return
    check.equal("py-bt", out["py-bt"], py_bt_lines(frames))

    # py-bt-full: the frames, and under each the locals of chain.locals.
    full = out["py-bt-full"]
    check.equal("py-bt-full frames",
                [l for l in full if not l.startswith("      ")], py_bt_lines(frames))
    got_locals, current = [], None
    for line in full:
        if line.startswith('  File "'):
            current = (line.rsplit(" in ", 1)[1], [])
            got_locals.append(current)
        elif line.startswith("      "):
            current[1].append(line[6:])
    for function, want in locals_:
        have = [g for g in got_locals if g[0] == function]
        check.equal("py-bt-full locals of %s" % function, have[0][1] if have else [], want)
        got_locals = got_locals[got_locals.index(have[0]) + 1:] if have else got_locals

    want_locals = dict((fn, lines) for fn, lines in reversed(locals_))
    check.equal("py-down at the newest frame", out["down-at-start"],
                ["Unable to find a newer python frame"])
    check.equal("py-locals (leaf)", out["locals-leaf"], want_locals["leaf"])
    check.equal("py-print local", out["print-small"], ["local 'small' = 42"])
    check.equal("py-print local str", out["print-text"], ["local 'text' = \"h\u00e9llo 'world'\""])
    leaf, transform = frames[0], frames[1]
    check.equal("py-list", out["list-leaf"],
                listing(leaf.path, leaf.line - 5, leaf.line + 5, leaf.line))
    check.true("py-list marks the current line", any(
        l.startswith("%4s    " % (">%d" % leaf.line)) for l in out["list-leaf"]))
    check.equal("py-list 5", out["list-5"], listing(leaf.path, 5, 15, leaf.line))
    check.equal("py-list 10,12", out["list-10-12"], listing(leaf.path, 10, 12, leaf.line))
    check.equal("py-up to transform", out["up-1"], transform.lines())
    check.equal("py-print local (transform)", out["print-count"], ["local 'count' = 3"])
    check.equal("py-print unbound local", out["print-results"],
                ["local 'results' is unbound"])
    check.equal("py-print global", out["print-name"], ["global '__name__' = 'chain_helpers'"])
    check.true("py-print builtin", len(out["print-len"]) == 1 and
               out["print-len"][0].startswith("builtin 'len' = <"), str(out["print-len"]))
    check.equal("py-print not found", out["print-nope"], ["'nope' not found"])
    check.equal("py-locals (transform)", out["locals-transform"], want_locals["transform"])
    check.equal("py-list (transform)", out["list-transform"],
                listing(transform.path, transform.line - 5, transform.line + 5,
                        transform.line))
    for i, label in ((2, "up-2"), (3, "up-3"), (4, "up-4")):
        check.equal("py-up to frame %d" % i, out[label], frames[i].lines())
    check.equal("py-up at the oldest frame", out["up-at-end"],
                ["Unable to find an older python frame"])
    check.equal("py-print global in <module>", out["print-module-name"],
                ["global '__name__' = '__main__'"])
    check.equal("py-down to main", out["down-3"], frames[3].lines())
    check.equal("py-locals (main)", out["locals-main"], want_locals["main"])
    check.equal("selecting a native frame resets the Python frame", out["after-frame-0"],
                ["local 'small' = 42"])

    threads = out["py-threads"]
    check.true("py-threads names the thread",
               bool(threads) and re.match(r'^Thread \d+ "MainThread" \(\w+\)( \[.*\])?:$', threads[0]),
               str(threads[:1]))
    check.equal("py-threads frames", threads[1:], py_bt_lines(frames)[1:])
    if stack_text is not None:
        check.equal("py-threads = pyglass-stack pid", threads, stack_text)

    check_bt(check, out["bt"], groups, symbols)
    check.true("bt -no-filters has no Python frames",
               not bt_groups(out["bt-no-filters"]) and len(out["bt-no-filters"]) > 3)
    apply = out["thread-apply"]
    check.true("thread apply all py-bt: thread header",
               any(re.match(r"^Thread \d+ \(.*\):$", l) for l in apply), str(apply[:3]))
    check.equal("thread apply all py-bt: stack",
                [l for l in apply if l and not l.startswith("Thread ")], py_bt_lines(frames))

    check.equal("py-value small int", out["value-small"], ["42"])
    check.equal("py-value negative small int", out["value-negative"], ["-7"])
    check.equal("py-value null", out["value-null"], ["0x0"])
    check.equal("py-value garbage", out["value-garbage"], ["<unreadable at 0x10>"])
    globals_addr = (out["value-globals"] or ["0"])[0]
    if globals_addr.isdigit():
        rc2, out2, _, _ = run_gdb(opts, target_args, [("v", ["py-value %s" % globals_addr])],
                                  env_extra, init, auto_load=auto_load)
        check.true("py-value of a dict pointer", len(out2.get("v", [])) == 1 and
                   "'__name__': 'chain_leaf'" in out2["v"][0], str(out2.get("v")))
    else:
        check.true("selected frame's globals", False, str(out["value-globals"]))

    if printers:
        def values(label):
            return [l for l in out[label] if l.startswith("$")]
        check.equal("print pg::Object* (None)", values("pp-none"), ["$1 = None"])
        check.equal("print pg::Value (True)", values("pp-true"), ["$2 = True"])
        check.equal("print null pointer", values("pp-null"), ["$3 = 0x0"])
        check.equal("print bad pointer", values("pp-garbage"), ["$4 = <unreadable at 0x10>"])
        check.equal("print caps at `print elements`", values("pp-truncated"),
                    ["$6 = <class 'di...(truncated)"])
        callable_ = [l for l in out["pp-callable"] if l.startswith("$5 = ")]
        check.true("print pg::Value (a function)", callable_ and (
            callable_[0] == "$5 = <optimized out>" or
            re.match(r"^\$5 = <builtin_function_or_method object at 0x[0-9a-f]+>$",
                     callable_[0])), str(out["pp-callable"]))


def start_chain(opts, binary, tmp):
    proc = spawn([binary, os.path.join(opts.repo, "corpora", "scenarios", "chain.py")],
                 cwd=tmp)
    wait_ready(proc, "chain.py")
    return proc


def gcore(opts, pid, path):
    res = subprocess.run([opts.gdb, "-nx", "-batch", "-p", str(pid), "-ex", "gcore %s" % path],
                         capture_output=True, timeout=GDB_TIMEOUT_S)
    if not os.path.isfile(path):
        raise HarnessError("gcore wrote no core: %s" % res.stderr.decode("utf-8", "replace"))


# ------------------------------------------------------------ checks

def check_live(opts, check, tmp):
    proc = start_chain(opts, opts.pyglass, tmp)
    printers = has_debug_info(opts, opts.pyglass)
    log("pretty printers: %s" % ("tested (debug info)" if printers else
                                 "no debug info in this build: py-value only"))
    check_chain(opts, check, ["-p", str(proc.pid)], opts.pyglass, live=True, printers=printers,
                pid=proc.pid)
    check.true("the process still runs after gdb detached", proc.poll() is None)


def check_gcore(opts, check, tmp):
    proc = start_chain(opts, opts.pyglass, tmp)
    core = os.path.join(tmp, "chain.core")
    gcore(opts, proc.pid, core)
    kill_children()
    check_chain(opts, check, [opts.pyglass, core], opts.pyglass, live=False,
                printers=has_debug_info(opts, opts.pyglass))


def kernel_core(opts, name, binary, tmp):
    """Runs a crash scenario in its own empty cwd; returns the core's path."""
    try:
        with open("/proc/sys/kernel/core_pattern") as f:
            pattern = f.read().strip()
    except OSError:
        pattern = "?"
    if pattern.startswith("|") or "/" in pattern:
        raise Skip("kernel cores go elsewhere (core_pattern %r)" % pattern)
    cwd = os.path.join(tmp, name)
    os.mkdir(cwd)
    proc = spawn([binary, os.path.join(opts.repo, "corpora", "scenarios", name + ".py")],
                 cwd=cwd, core_unlimited=True)
    try:
        proc.wait(timeout=READY_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise HarnessError("%s did not crash" % name)
    cores = [f for f in os.listdir(cwd) if f == "core" or f.startswith("core.")]
    if not cores:
        raise Skip("%s died with status %s but no core appeared in its cwd" %
                   (name, proc.returncode))
    return os.path.join(cwd, cores[0])


def check_kcore(opts, check, tmp):
    for name in ("crash_segv", "crash_abort"):
        core = kernel_core(opts, name, opts.pyglass, tmp)
        groups, crash = load_expected(opts.repo, name)
        frames = [f for g in groups for f in g]
        steps = [("py-bt", ["py-bt"]), ("bt", ["bt"]), ("list", ["py-list"]),
                 ("locals", ["py-locals"]), ("up", ["py-up"]), ("print", ["py-print x"])]
        rc, out, whole, err = run_gdb(opts, [opts.pyglass, core], steps)
        c = Checker("%s kernel core" % name)
        c.true("gdb exit status 0", rc == 0, err[-2000:])
        c.true("gdb names the signal", "Program terminated with signal %s" % crash in whole)
        if "py-bt" in out:
            c.equal("py-bt", out["py-bt"], py_bt_lines(frames))
            check_bt(c, out["bt"], groups, symbols=True)
            f0 = frames[0]
            c.equal("py-list", out["list"], listing(f0.path, f0.line - 5, f0.line + 5, f0.line))
            c.true("py-locals", len(out["locals"]) == 1 and
                   re.match(r"^(where|reason) = 'x=\d+'$", out["locals"][0]), str(out["locals"]))
            c.equal("py-up", out["up"], frames[1].lines())
            c.true("py-print", len(out["print"]) == 1 and
                   re.match(r"^local 'x' = \d+$", out["print"][0]), str(out["print"]))
        else:
            c.true("gdb ran the commands", False, whole[-3000:] + err[-2000:])
        check.failures += c.failures
        check.passed += c.passed
        os.unlink(core)


def stripped_copy(binary, tmp, name="pyglass"):
    path = os.path.join(tmp, name)
    shutil.copy2(binary, path)
    subprocess.run(["strip", "--strip-all", path], check=True)
    return path


def check_stripped(opts, check, tmp):
    bindir = os.path.join(tmp, "bin")
    os.mkdir(bindir)
    binary = stripped_copy(opts.pyglass, bindir)
    # Live, auto-loaded: the build tree's loader copied next to the copy.
    loader = os.path.join(os.path.dirname(opts.pyglass), "pyglass-gdb.py")
    shutil.copy(loader, binary + "-gdb.py")
    proc = start_chain(opts, binary, tmp)
    live = Checker("stripped, live, auto-loaded")
    check_chain(opts, live, ["-p", str(proc.pid)], binary, live=True, symbols=False,
                init=["add-auto-load-safe-path %s" % bindir], pid=proc.pid)
    # A core, the extension sourced explicitly (no auto-load).
    core = os.path.join(tmp, "chain.core")
    gcore(opts, proc.pid, core)
    kill_children()
    os.unlink(binary + "-gdb.py")
    explicit = Checker("stripped, gcore, sourced")
    check_chain(opts, explicit, [binary, core], binary, live=False, symbols=False,
                env_extra={"PYGLASS_INSPECTOR_LIB": opts.lib}, auto_load=False,
                init=["source %s" % os.path.join(opts.repo, "gdb-scripts", "pyglass_gdb.py")])
    for c in (live, explicit):
        check.failures += c.failures
        check.passed += c.passed


def check_installed(opts, check, tmp):
    if not opts.cmake:
        raise Skip("no --cmake")
    prefix = os.path.join(tmp, "prefix")
    datadir = os.path.join(tmp, "gdbdata")
    res = subprocess.run([opts.cmake, "-DCMAKE_INSTALL_PREFIX=%s" % prefix,
                          "-DGDB_DATA_DIR=%s" % datadir, "-DCMAKE_INSTALL_COMPONENT=pyglass_gdb",
                          "-P", os.path.join(opts.build_dir, "cmake_install.cmake")],
                         capture_output=True, timeout=120)
    if res.returncode != 0:
        raise HarnessError("install failed: %s" % res.stderr.decode("utf-8", "replace"))
    binary = os.path.join(prefix, "bin", "pyglass")
    loader = os.path.join(datadir, "auto-load") + binary + "-gdb.py"
    check.true("installed binary", os.path.isfile(binary), binary)
    check.true("installed auto-load loader", os.path.isfile(loader), loader)
    check.true("installed extension", os.path.isfile(
        os.path.join(prefix, "share", "pyglass", "gdb", "pyglassgdb", "commands.py")))
    if check.failures:
        return
    subprocess.run(["strip", "--strip-all", binary], check=True)
    proc = start_chain(opts, binary, tmp)
    groups, _ = load_expected(opts.repo, "chain")
    frames = [f for g in groups for f in g]
    scripts = os.path.join(datadir, "auto-load")
    rc, out, whole, err = run_gdb(
        opts, ["-p", str(proc.pid)],
        [("py-bt", ["py-bt"]), ("lib", ["python import pyglassgdb.inspector as i; "
                                        "print(i.library().pyglass_library_path)"]),
         ("bt", ["bt"])],
        auto_load=False,
        init=["set auto-load scripts-directory %s" % scripts,
              "add-auto-load-safe-path %s" % scripts])
    check.true("gdb exit status 0", rc == 0, err[-2000:])
    check.equal("py-bt (installed, stripped, auto-loaded)", out.get("py-bt", [whole]),
                py_bt_lines(frames))
    check.true("the installed library is used", out.get("lib", [""])[0].startswith(prefix),
               str(out.get("lib")))
    check_bt(check, out.get("bt", []), groups, symbols=False)


def check_generator(opts, check, tmp):
    proc = spawn([opts.pyglass, os.path.join(opts.repo, "corpora", "scenarios", "generator.py")],
                 cwd=tmp)
    wait_ready(proc, "generator.py")
    groups, _ = load_expected(opts.repo, "generator")
    frames = [f for g in groups for f in g]
    want = dict(load_locals(opts.repo, "generator"))
    rc, out, whole, err = run_gdb(opts, ["-p", str(proc.pid)], [
        ("py-bt", ["py-bt"]), ("locals", ["py-locals"]), ("print", ["py-print i"]),
        ("up", ["py-up"]), ("locals-up", ["py-locals"]), ("bt", ["bt"])])
    check.true("gdb exit status 0", rc == 0, err[-2000:])
    if "py-bt" not in out:
        check.true("gdb ran the commands", False, whole[-3000:] + err[-2000:])
        return
    check.equal("py-bt", out["py-bt"], py_bt_lines(frames))
    check.equal("py-locals (generator frame)", out["locals"], want["numbers"])
    check.equal("py-print in the generator frame", out["print"], ["local 'i' = 3"])
    check.equal("py-up out of the generator", out["up"], frames[1].lines())
    check.equal("py-locals (consumer)", out["locals-up"], want["consume"])
    check_bt(check, out["bt"], groups, symbols=True)


def check_scenario(opts, check, tmp):
    name = opts.scenario
    if not name:
        raise HarnessError("the scenario check needs a scenario name")
    proc = spawn([opts.pyglass, os.path.join(opts.repo, "corpora", "scenarios", name + ".py")],
                 cwd=tmp)
    wait_ready(proc, name + ".py")
    groups, _ = load_expected(opts.repo, name)
    frames = [f for g in groups for f in g]
    want_bt = py_bt_lines(frames)
    handled = rs.load_handled(os.path.join(opts.repo, "corpora", "scenarios", name + ".expected"))
    if handled:
        want_bt.append("  Exception being handled: %s" % handled)
    locals_path = os.path.join(opts.repo, "corpora", "scenarios", name + ".locals")
    want_locals = dict(load_locals(opts.repo, name)) if os.path.exists(locals_path) else {}
    core = os.path.join(tmp, name + ".core")
    # One gdb session on the live process, ending with a gcore of it.
    rc, out, whole, err = run_gdb(opts, ["-p", str(proc.pid)], [
        ("py-bt", ["py-bt"]), ("locals", ["py-locals"]), ("up", ["py-up"]), ("bt", ["bt"]),
        ("gcore", ["gcore %s" % core])])
    check.true("live: gdb exit status 0", rc == 0, err[-2000:])
    if "py-bt" not in out:
        check.true("live: gdb ran the commands", False, whole[-3000:] + err[-2000:])
        return
    check.equal("live: py-bt", out["py-bt"], want_bt)
    if frames[0].function in want_locals:
        check.equal("live: py-locals (innermost)", out["locals"], want_locals[frames[0].function])
    check.equal("live: py-up", out["up"], frames[1].lines())
    check_bt(check, out["bt"], groups, symbols=True)
    check.true("the process still runs after gdb detached", proc.poll() is None)
    kill_children()
    if not os.path.isfile(core):
        raise HarnessError("gcore wrote no core: %s" % err[-2000:])
    rc, out, whole, err = run_gdb(opts, [opts.pyglass, core], [("py-bt", ["py-bt"]), ("bt", ["bt"])])
    check.true("gcore: gdb exit status 0", rc == 0, err[-2000:])
    if "py-bt" not in out:
        check.true("gcore: gdb ran the commands", False, whole[-3000:] + err[-2000:])
        return
    check.equal("gcore: py-bt", out["py-bt"], want_bt)
    check_bt(check, out["bt"], groups, symbols=True)
    os.unlink(core)


def check_deep(opts, check, tmp):
    n = 1000
    proc = spawn([opts.pyglass, os.path.join(opts.repo, "corpora", "scenarios", "deep.py"),
                  str(n)], cwd=tmp)
    wait_ready(proc, "deep.py")
    groups, _ = load_expected(opts.repo, "deep", n)
    frames = [f for g in groups for f in g]
    steps = [("py-bt", ["py-bt"]), ("bt", ["bt"])]
    steps += [("up", ["py-up"] * (n - 1))]  # to recurse(1000)
    steps += [("print-n", ["py-print n"]), ("up-main", ["py-up"]), ("up-module", ["py-up"]),
              ("up-end", ["py-up"]), ("down", ["py-down"])]
    start = time.monotonic()
    rc, out, whole, err = run_gdb(opts, ["-p", str(proc.pid)], steps)
    elapsed = time.monotonic() - start
    log("deep: gdb with %d commands over %d frames took %.1f s" % (n + 8, len(frames), elapsed))
    check.true("gdb exit status 0", rc == 0, err[-2000:])
    if "py-bt" not in out:
        check.true("gdb ran the commands", False, whole[-3000:] + err[-2000:])
        return
    check.equal("py-bt (%d frames)" % len(frames), out["py-bt"], py_bt_lines(frames))
    check_bt(check, out["bt"], groups, symbols=True)
    check.equal("py-print n at the outermost recurse", out["print-n"], ["local 'n' = %d" % n])
    check.equal("py-up to main", out["up-main"], frames[-2].lines())
    check.equal("py-up to <module>", out["up-module"], frames[-1].lines())
    check.equal("py-up at the end", out["up-end"], ["Unable to find an older python frame"])
    check.equal("py-down", out["down"], frames[-2].lines())


def check_errors(opts, check, tmp):
    sleeper = spawn(["sleep", "1000"], cwd=tmp)
    time.sleep(0.05)
    commands = ["py-bt", "py-bt-full", "py-list", "py-up", "py-down", "py-print x",
                "py-locals", "py-threads", "py-value 85"]
    source = "source %s" % os.path.join(opts.repo, "gdb-scripts", "pyglass_gdb.py")
    env = {"PYGLASS_INSPECTOR_LIB": opts.lib}
    steps = [(c, [c]) for c in commands] + [("bt", ["bt"])]
    rc, out, whole, err = run_gdb(opts, ["-p", str(sleeper.pid)], steps, env, [source],
                                  auto_load=False)
    c = Checker("gdb on /bin/sleep")
    c.true("gdb exit status 0", rc == 0, "status %d: %s" % (rc, err[-2000:]))
    for cmd in commands:
        name = cmd.split()[0]
        c.equal(cmd, out.get(cmd, []), ["%s: %s" % (name, NOT_PYGLASS)])
    c.true("bt is gdb's own", len(out.get("bt", [])) > 1 and
           not any("[python]" in l for l in out["bt"]), str(out.get("bt")))
    kill_children()

    # No process at all; then a program that is not started.
    rc, out, whole, err = run_gdb(opts, [], [("py-bt", ["py-bt"]), ("py-list", ["py-list"])],
                                  env, [source], auto_load=False)
    c.true("no process: exit status 0", rc == 0, err[-2000:])
    c.equal("no process: py-bt", out.get("py-bt", []), [
        "py-bt: no thread (start the program, attach to a process or open a core file)"])
    c.equal("no process: py-list", out.get("py-list", []), [
        "py-list: no thread (start the program, attach to a process or open a core file)"])

    # Bad arguments, bad expressions: on a real pyglass process.
    proc = start_chain(opts, opts.pyglass, tmp)
    rc, out, whole, err = run_gdb(opts, ["-p", str(proc.pid)], [
        ("list-bad", ["py-list x"]), ("print-bad", ["py-print 1+"]),
        ("print-empty", ["py-print"]), ("value-empty", ["py-value"]),
        ("value-bad", ["py-value no_such_symbol_here"])])
    c.true("bad arguments: exit status 0", rc == 0, err[-2000:])
    c.equal("py-list x", out.get("list-bad", []), ["py-list: usage: py-list [START[,END]]"])
    c.equal("py-print 1+", out.get("print-bad", []), ["py-print: usage: py-print NAME"])
    c.equal("py-print", out.get("print-empty", []), ["py-print: usage: py-print NAME"])
    c.equal("py-value", out.get("value-empty", []), ["py-value: usage: py-value EXPRESSION"])
    c.equal("py-value no_such_symbol_here", out.get("value-bad", []),
            ['py-value: No symbol "no_such_symbol_here" in current context.'])

    # A library that is not there: still one line, gdb still fine.
    rc, out, whole, err = run_gdb(opts, ["-p", str(proc.pid)], [("py-bt", ["py-bt"])],
                                  {"PYGLASS_INSPECTOR_LIB": "/nonexistent/libx.so"}, [source],
                                  auto_load=False)
    c.true("missing library: exit status 0", rc == 0, err[-2000:])
    c.true("missing library: one line", len(out.get("py-bt", [])) == 1 and
           out["py-bt"][0].startswith("py-bt: cannot find libpyglass-inspector.so"),
           str(out.get("py-bt")))
    check.failures += c.failures
    check.passed += c.passed


def check_threads(opts, check, tmp):
    """A thread scenario (threads_deadlock by default; threads_event,
    threads_busy), live and on a gcore: py-threads prints every thread with
    its tid, name and state and matches SCENARIO.expected, exactly as
    pyglass-stack does for the same target (live only for scenarios whose
    threads are parked: the two attach in turn); `thread apply all py-bt`
    prints each thread's traceback under gdb's header, which carries the
    Python thread name (the runtime names OS threads after Python threads)."""
    import run_thread_scenario as rts
    if not opts.stack:
        raise Skip("no pyglass-stack (--stack) to compare with")
    scenario = opts.scenario or "threads_deadlock"
    expected = rts.load_expected(os.path.join(opts.repo, "corpora", "scenarios",
                                              scenario + ".expected"), opts.repo)
    proc = spawn([opts.pyglass, os.path.join(opts.repo, "corpora", "scenarios",
                                             scenario + ".py")], cwd=tmp)
    rts.wait_ready_line(proc, scenario + ".py")
    rts.settle(opts, proc.pid, expected)
    parked = scenario != "threads_busy"
    rc, stack_text, err = rs.run_tool([opts.stack, "pid", str(proc.pid)])
    check.true("pyglass-stack exit status 0", rc == 0, err)
    live_lines = stack_text.splitlines()[1:]  # without the Process line
    core = os.path.join(tmp, "threads.core")
    gcore(opts, proc.pid, core)
    rc, core_text, err = rs.run_tool([opts.stack, "core", core, "--exe", opts.pyglass])
    check.true("pyglass-stack core exit status 0", rc == 0, err)
    core_lines = core_text.splitlines()[1:]
    steps = [("py-threads", ["py-threads"]), ("apply", ["thread apply all py-bt"])]
    for label, target, want in (("live", ["-p", str(proc.pid)], live_lines if parked else None),
                                ("gcore", [opts.pyglass, core], core_lines)):
        rc, out, whole, err = run_gdb(opts, target, steps)
        check.true("%s: gdb exit status 0" % label, rc == 0, err[-2000:])
        if "py-threads" not in out:
            check.true("%s: gdb ran the commands" % label, False, whole[-3000:] + err[-2000:])
            continue
        text = "\n".join(out["py-threads"])
        problems = rts.report_problems(text, expected)
        check.true("%s: py-threads matches %s.expected" % (label, scenario), not problems,
                   "\n".join(problems) + "\n" + text)
        if want is not None:
            check.equal("%s: py-threads = pyglass-stack" % label, out["py-threads"], want)
        known, _, _, _ = rts.parse_report(text)
        apply_text = "\n".join(out["apply"])
        for exp in expected:
            act = known.get(exp.name)
            if act is None:
                continue
            want = ["Traceback (most recent call first):"]
            for f in exp.frames():
                want.extend(Frame(f.filename, f.line, f.function).lines())
            # gdb names threads live (from the kernel), not on cores.
            header = re.compile(r'^Thread \d+ \(Thread 0x[0-9a-f]+ \(LWP %d\)(?: "([^"]*)")?\):$'
                                % act.tid, re.M)
            m = header.search(apply_text)
            check.true("%s: thread apply all: a header for LWP %d" % (label, act.tid),
                       m is not None, apply_text[:2000])
            if m is None:
                continue
            os_name = "pyglass" if exp.name == "MainThread" else exp.name[:15]
            if label == "live":
                check.true("%s: thread apply all: OS name of %s" % (label, exp.name),
                           m.group(1) == os_name, "%r, expected %r" % (m.group(1), os_name))
            block = apply_text[m.end():].lstrip("\n").split("\n\n")[0].splitlines()
            check.equal("%s: thread apply all: py-bt of %s" % (label, exp.name), block, want)
    check.true("the process still runs after gdb detached", proc.poll() is None)


CHECKS = {"live": check_live, "gcore": check_gcore, "kcore": check_kcore,
          "stripped": check_stripped, "installed": check_installed,
          "generator": check_generator, "deep": check_deep, "errors": check_errors,
          "scenario": check_scenario, "threads": check_threads}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--pyglass", required=True)
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--lib", required=True)
    ap.add_argument("--gdb", default="gdb")
    ap.add_argument("--stack")
    ap.add_argument("--cmake")
    ap.add_argument("check", choices=sorted(CHECKS))
    ap.add_argument("scenario", nargs="?", help="for the scenario check")
    opts = ap.parse_args()
    opts.repo = os.path.abspath(opts.repo)
    opts.pyglass = os.path.abspath(opts.pyglass)
    if not shutil.which(opts.gdb):
        log("SKIP: no gdb")
        return SKIP
    check = Checker(opts.check)
    tmp = tempfile.mkdtemp(prefix="pyglass-gdb-")
    try:
        CHECKS[opts.check](opts, check, tmp)
    except Skip as e:
        log("SKIP: %s" % e)
        return SKIP
    except (HarnessError, rs.ScenarioDied) as e:
        log("HARNESS ERROR: %s" % e)
        return 2
    finally:
        kill_children()
        shutil.rmtree(tmp, ignore_errors=True)
    for f in check.failures:
        log("FAIL %s\n" % f)
    log("%s: %d checks passed, %d failed" % (opts.check, check.passed, len(check.failures)))
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
