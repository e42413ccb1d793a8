#!/usr/bin/env python3
"""End-to-end debugger test: run a scenario program, inspect it, compare.

Usage:
  run_scenario.py --repo DIR --pyglass BIN --stack BIN [--variant V]
                  [--checks LIST] [--skip REASON] SCENARIO [ARGS...]
  run_scenario.py --repo DIR --pyglass BIN --stack BIN [--padded BIN] --errors

SCENARIO is the stem of a program in corpora/scenarios/ (chain, deep, ...);
ARGS go to the program (deep.py takes its depth). The stack the tools must
print is in corpora/scenarios/SCENARIO.expected (see "Expected files" below).

--variant plain     run the scenario with BIN as given (the default)
          stripped  with a copy of BIN made by `strip --strip-all`
          padded    BIN is the runtime built with -DPYGLASS_DEBUG_PADDING=ON
                    (only a name in the report: the caller passes that BIN)

--checks, a comma-separated list (default: the ones that fit the scenario):
  live     `pyglass-stack pid PID` prints exactly the expected frames; the
           process is still running and not traced afterwards
  native   ... with --native: every run of Python frames comes right after
           the native eval_frame activation that runs it, in the order the
           expected file's [eval_frame] markers give
  json     ... with --json: parses, and names the same frames as the text
  locals   ... with --locals: the locals in SCENARIO.locals, exact reprs
  gcore    `gdb -p PID -ex 'gcore FILE'`, then every check above (but live)
           on `pyglass-stack core FILE --exe BIN`
  kcore    (crash scenarios) run with `ulimit -c unlimited` in a temporary
           cwd until the kernel writes its core, then every check above on
           `pyglass-stack core core --exe BIN`, and the Crash: line

--errors runs the exit-status checks instead of a scenario: 2 usage, 3 not a
pyglass process (live and core), 4 permission (as user nobody), 5 no such
process, 6 core/executable mismatch, 7 unsupported table version (a copy of
BIN whose table says major + 1), 8 truncated / not a core.

Exit status: 0 every check passed, 1 a check failed, 77 skipped (--skip,
kernel cores not written where we can find them, a missing runtime
feature), 2 harness error. Every child runs in its own process group and
is killed, and every file (cores included) removed, however we exit.

Expected files (corpora/scenarios/SCENARIO.expected), innermost first:
  File "corpora/scenarios/x.py", line N, in NAME     one frame; the path is
                                                     relative to the repo
  File "...", line N, in NAME [repeat N-1]           K identical frames; K is
                                                     an expression of N, the
                                                     scenario's first argument
  File "...", line N, in NAME [generator]            the frame is owned by a
                                                     generator (JSON owner 1)
  [eval_frame]                                       a native eval_frame
                                                     activation starts: the
                                                     frames below are the ones
                                                     it runs (--native check)
  Crash: SIGNAME                                     the core's crash line
  Handled: TYPE: MESSAGE                             the thread's "Exception
                                                     being handled:" line
                                                     (live and gcore text)
  # comment / empty line                             ignored
SCENARIO.locals: `in NAME` starts the next frame named NAME (in stack
order); the lines after it are its `name = repr` locals, in order, exactly.
Frames not listed are not checked.
"""

import argparse
import ctypes
import difflib
import json
import os
import re
import resource
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

SKIP_RC = 77
READY_TIMEOUT_S = 30
TOOL_TIMEOUT_S = 60
GCORE_TIMEOUT_S = 60
CRASH_TIMEOUT_S = 30
PR_SET_PDEATHSIG = 1

# pyglass-stack's exit statuses (cli/pyglass_stack.cpp, docs/debugging.md).
EXIT_OTHER, EXIT_USAGE, EXIT_NOT_PYGLASS, EXIT_PERMISSION = 1, 2, 3, 4
EXIT_NO_PROCESS, EXIT_MISMATCH, EXIT_VERSION, EXIT_CORRUPT = 5, 6, 7, 8

# 'Thread TID "NAME" (STATE) [DETAIL]:' (the detail is optional: "holds the
# GIL", "blocked on Lock 0x... held by thread TID "NAME"", ...).
THREAD_RE = re.compile(r'^Thread (\d+) "(.*?)" \(([^()]*)\)(?: \[(.*)\])?:?$')
FRAME_RE = re.compile(r'^  File "(.*)", line (\d+|\?), in (.*)$')
NATIVE_RE = re.compile(r'^  Native (0x[0-9a-fA-F]+) in (.*)$')
LOCAL_RE = re.compile(r'^      (\S+) = (.*)$')
EXPECT_FRAME_RE = re.compile(
    r'^File "(.*)", line (\d+), in (\S+)(?:\s+\[repeat ([N0-9+\-* ]+)\])?'
    r'(?:\s+\[(generator)\])?$')
OWNER_GENERATOR = 1  # PG_OWNED_BY_GENERATOR


class Skip(Exception):
    pass


class HarnessError(Exception):
    pass


def log(*args):
    print(*args, flush=True)


# ----------------------------------------------------------------- children

_children = []  # Popen objects, each the leader of its own process group


def _child_setup(core_unlimited=False, as_nobody=False):
    """preexec_fn: die with the driver; optionally allow cores / drop root."""
    def setup():
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except OSError:
            pass
        if core_unlimited:
            resource.setrlimit(resource.RLIMIT_CORE,
                               (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        else:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if as_nobody:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
    return setup


def spawn(argv, cwd, core_unlimited=False):
    proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True,
                            preexec_fn=_child_setup(core_unlimited))
    _children.append(proc)
    return proc


def kill_all_children():
    for proc in _children:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()
    _children.clear()


def wait_ready(proc, what):
    """Waits for the scenario's "ready" line on stdout (the readiness
    protocol of corpora/scenarios/scenario_util.py)."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    buf = b""
    while b"ready\n" not in buf:
        left = deadline - time.monotonic()
        if left <= 0:
            raise HarnessError("%s: no 'ready' within %d s" % (what, READY_TIMEOUT_S))
        r, _, _ = select.select([proc.stdout], [], [], min(left, 0.5))
        if r:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                proc.wait(timeout=10)
                err = proc.stderr.read().decode("utf-8", "replace")
                raise ScenarioDied(proc.returncode, err)
            buf += chunk
    wait_sleeping(proc, what)


SLEEP_SYSCALLS = (35, 230)  # x86-64 nanosleep, clock_nanosleep


def wait_sleeping(proc, what):
    """Waits until the scenario's main thread is blocked in its sleep. The
    "ready" line is written just before the scenario returns from the
    helper that printed it and calls time.sleep(): a tool that attached in
    that window would rightly see the helper's frame."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    path = "/proc/%d/syscall" % proc.pid
    while True:
        try:
            with open(path) as f:
                fields = f.read().split()
        except OSError as e:
            raise HarnessError("%s: cannot read %s: %s" % (what, path, e))
        if fields and fields[0].isdigit() and int(fields[0]) in SLEEP_SYSCALLS:
            return
        if proc.poll() is not None:
            raise HarnessError("%s exited (status %s) after 'ready'" % (what, proc.returncode))
        if time.monotonic() > deadline:
            raise HarnessError("%s: not asleep %d s after 'ready' (syscall: %s)"
                               % (what, READY_TIMEOUT_S, " ".join(fields[:1])))
        time.sleep(0.002)


class ScenarioDied(Exception):
    def __init__(self, rc, stderr):
        super().__init__("scenario exited with status %s before it was ready:\n%s"
                         % (rc, tail(stderr)))
        self.rc = rc
        self.stderr = stderr


def tail(text, lines=20):
    return "\n".join("    | " + l for l in text.rstrip("\n").splitlines()[-lines:])


def run_tool(argv, as_nobody=False, timeout=TOOL_TIMEOUT_S):
    """Runs a short-lived tool; returns (rc, stdout, stderr) as text."""
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout, start_new_session=True,
                              preexec_fn=_child_setup(as_nobody=as_nobody))
    except subprocess.TimeoutExpired:
        raise HarnessError("timed out after %d s: %s" % (timeout, " ".join(argv)))
    return (proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"))


def task_states(pid):
    """{tid: (state letter, tracer pid)} of every thread of a live process."""
    out = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        state, tracer = "?", -1
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                for line in f:
                    if line.startswith("State:"):
                        state = line.split()[1]
                    elif line.startswith("TracerPid:"):
                        tracer = int(line.split()[1])
        except OSError:
            continue
        out[int(tid)] = (state, tracer)
    return out


# ----------------------------------------------------------------- parsing

class Frame:
    def __init__(self, filename, line, function, owner=None):
        self.filename, self.line, self.function = filename, line, function
        self.owner = owner  # expected owner, when the expected file says

    def key(self):
        return (self.filename, self.line, self.function)

    def __str__(self):
        return 'File "%s", line %s, in %s' % self.key()


EVAL_MARK = "[eval_frame]"


def load_expected(path, repo, n):
    """-> (items, crash): items are Frame or EVAL_MARK, innermost first."""
    items, crash = [], None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line == EVAL_MARK:
                items.append(EVAL_MARK)
                continue
            if line.startswith("Crash: "):
                crash = line.split()[1]
                continue
            if line.startswith("Handled: "):
                continue  # load_handled()
            m = EXPECT_FRAME_RE.match(line)
            if not m:
                raise HarnessError("%s: cannot parse %r" % (path, line))
            count = 1
            if m.group(4):
                if n is None:
                    raise HarnessError("%s: [repeat] needs the scenario's N argument" % path)
                count = int(eval(m.group(4), {"__builtins__": {}}, {"N": n}))
            fr = Frame(os.path.join(repo, m.group(1)), int(m.group(2)), m.group(3),
                       OWNER_GENERATOR if m.group(5) else None)
            items.extend([fr] * count)
    return items, crash


def load_handled(path):
    """The `Handled: TYPE: MESSAGE` of an expected file, or None."""
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if raw.startswith("Handled: "):
                return raw.strip()[len("Handled: "):]
    return None


def check_handled(c, name, text, handled):
    line = "  Exception being handled: %s" % handled
    c.expect(name, line in text.splitlines(), "no %r line in:\n%s" % (line, tail(text)))


def load_locals(path):
    """-> [(function, [ "name = repr", ...]), ...] in stack order."""
    frames = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("in "):
                frames.append((line[3:].strip(), []))
            elif frames:
                frames[-1][1].append(line.strip())
            else:
                raise HarnessError("%s: a local before the first 'in NAME'" % path)
    return frames


class ThreadText:
    def __init__(self, tid):
        self.tid = tid
        self.items = []   # ("py", Frame, [locals]) or ("native", text)


def parse_text(text):
    """-> (threads {tid: ThreadText}, crash lines, thread order)."""
    threads, order, crash, cur = {}, [], [], None
    for line in text.splitlines():
        if line.startswith("Crash: "):
            crash.append(line)
            continue
        m = THREAD_RE.match(line)
        if m:
            cur = ThreadText(int(m.group(1)))
            threads[cur.tid] = cur
            order.append(cur.tid)
            continue
        if cur is None:
            continue
        m = FRAME_RE.match(line)
        if m:
            ln = int(m.group(2)) if m.group(2) != "?" else 0
            cur.items.append(["py", Frame(m.group(1), ln, m.group(3)), []])
            continue
        m = NATIVE_RE.match(line)
        if m:
            cur.items.append(["native", m.group(2)])
            continue
        m = LOCAL_RE.match(line)
        if m and cur.items and cur.items[-1][0] == "py":
            cur.items[-1][2].append("%s = %s" % (m.group(1), m.group(2)))
    return threads, crash, order


def pick_thread(threads, order, tid):
    """The thread the checks look at: the main thread, whose tid is the
    process id (a report that lacks it fails the check)."""
    return threads.get(tid)


def py_frames(thread):
    return [it[1] for it in thread.items if it[0] == "py"]


def frames_diff(expected, actual, limit=40):
    exp = [str(f) for f in expected if f != EVAL_MARK]
    act = [str(f) for f in actual]
    diff = list(difflib.unified_diff(exp, act, "expected", "actual", lineterm="", n=2))
    if len(diff) > limit:
        diff = diff[:limit] + ["... (%d more diff lines)" % (len(diff) - limit)]
    return "\n".join("    " + d for d in diff)


# ----------------------------------------------------------------- checks

class Checker:
    def __init__(self, args):
        self.args = args
        self.passed = 0
        self.failed = []

    def ok(self, name):
        self.passed += 1
        log("ok   %s" % name)

    def fail(self, name, detail):
        self.failed.append(name)
        log("FAIL %s: %s" % (name, detail))

    def expect(self, name, cond, detail):
        if cond:
            self.ok(name)
        else:
            self.fail(name, detail)
        return cond

    # One pyglass-stack run, its exit status checked; -> stdout or None.
    def stack(self, name, argv):
        rc, out, err = run_tool([self.args.stack] + argv)
        if rc != 0:
            self.fail(name, "pyglass-stack %s exited with %d\n%s"
                      % (" ".join(argv), rc, tail(err + out)))
            return None
        return out

    def check_frames(self, name, out, tid, expected, crash=None):
        threads, crash_lines, order = parse_text(out)
        th = pick_thread(threads, order, tid)
        if th is None:
            self.fail(name, "no thread %d in the output:\n%s" % (tid, tail(out)))
            return
        want = [f for f in expected if f != EVAL_MARK]
        got = py_frames(th)
        good = [f.key() for f in want] == [f.key() for f in got]
        if not good:
            self.fail(name, "frames differ (thread %d):\n%s" % (th.tid, frames_diff(want, got)))
        elif crash:
            lines = [l for l in crash_lines if l.startswith("Crash: %s" % crash)]
            self.expect(name, bool(lines), "no 'Crash: %s' line in:\n%s" % (crash, tail(out)))
        else:
            self.ok(name)

    def check_native(self, name, out, tid, expected, symbols):
        """Every run of Python frames directly follows a native frame that
        is an eval_frame activation, and the runs are exactly the groups the
        [eval_frame] markers of the expected file make."""
        threads, _, order = parse_text(out)
        th = pick_thread(threads, order, tid)
        if th is None:
            self.fail(name, "no thread %d in the output:\n%s" % (tid, tail(out)))
            return
        # Expected groups.
        want_groups = []
        for it in expected:
            if it == EVAL_MARK:
                want_groups.append([])
            elif want_groups:
                want_groups[-1].append(it.key())
            else:
                raise HarnessError("expected file: frames before the first [eval_frame]")
        # Actual groups: Python runs, each with the native line before it.
        got_groups, problems, prev = [], [], None
        for it in th.items:
            if it[0] == "py":
                if prev is None or prev[0] != "py":
                    if prev is None:
                        problems.append("Python frame %s has no native frame before it" % it[1])
                    elif symbols and "eval_frame" not in prev[1]:
                        problems.append("Python frame %s follows %r, not an eval_frame frame"
                                        % (it[1], prev[1]))
                    got_groups.append([])
                got_groups[-1].append(it[1].key())
            prev = it
        if not any(it[0] == "native" for it in th.items):
            problems.append("no native frames at all")
        if got_groups != want_groups:
            problems.append("eval_frame groups differ:\n    expected %s\n    actual   %s"
                            % (want_groups, got_groups))
        if "matched no native" in out:
            problems.append("merge warning in the output")
        if problems:
            self.fail(name, "\n  ".join(problems) + "\n" + tail(out, 60))
        else:
            self.ok(name)

    def check_json(self, name, out_json, out_text, tid, expected, crash=None):
        try:
            doc = json.loads(out_json)
        except ValueError as e:
            self.fail(name, "not JSON: %s" % e)
            return
        threads, _, order = parse_text(out_text)
        th = pick_thread(threads, order, tid)
        jth = None
        for t in doc.get("threads", []):
            if th is not None and t.get("tid") == th.tid:
                jth = t
        if th is None or jth is None:
            self.fail(name, "thread %s not in both outputs" % tid)
            return
        text_frames = [f.key() for f in py_frames(th)]
        json_frames = [(f.get("filename"), f.get("line"), f.get("function"))
                       for f in jth.get("frames", [])]
        problems = []
        if text_frames != json_frames:
            problems.append("JSON frames differ from the text:\n" + frames_diff(
                py_frames(th), [Frame(*k) for k in json_frames]))
        want = [f for f in expected if f != EVAL_MARK]
        if len(want) == len(jth.get("frames", [])):
            for f, j in zip(want, jth["frames"]):
                if f.owner is not None and j.get("owner") != f.owner:
                    problems.append("frame %s: owner %r, expected %d"
                                    % (f, j.get("owner"), f.owner))
        if doc.get("pid") != tid:
            problems.append("pid %r, expected %d" % (doc.get("pid"), tid))
        if crash:
            c = doc.get("crash") or {}
            if c.get("signal_name") != crash:
                problems.append("crash %r, expected signal_name %s" % (c, crash))
        if problems:
            self.fail(name, "\n  ".join(problems))
        else:
            self.ok(name)

    def check_locals(self, name, out, tid, want):
        threads, _, order = parse_text(out)
        th = pick_thread(threads, order, tid)
        if th is None:
            self.fail(name, "no thread in the output")
            return
        frames = [it for it in th.items if it[0] == "py"]
        problems, i = [], 0
        for fn, locs in want:
            while i < len(frames) and frames[i][1].function != fn:
                i += 1
            if i == len(frames):
                problems.append("no frame %s (in order) in the output" % fn)
                break
            if frames[i][2] != locs:
                diff = difflib.unified_diff(locs, frames[i][2], "expected", "actual",
                                            lineterm="", n=20)
                problems.append("locals of %s differ:\n%s"
                                % (fn, "\n".join("    " + d for d in diff)))
            i += 1
        if problems:
            self.fail(name, "\n  ".join(problems))
        else:
            self.ok(name)

    def check_untouched(self, name, proc):
        """The scenario still runs, and no thread is traced or stopped."""
        if proc.poll() is not None:
            self.fail(name, "the scenario exited (status %s)" % proc.returncode)
            return
        # A detach is complete when the call returns; allow the scheduler a
        # moment to move a just-resumed thread out of a stop state.
        for _ in range(20):
            states = task_states(proc.pid)
            bad = {t: s for t, s in states.items() if s[1] != 0 or s[0] in ("t", "T")}
            if not bad:
                break
            time.sleep(0.05)
        self.expect(name, states and not bad,
                    "threads traced or stopped: %s" % {t: s for t, s in bad.items()})


# ----------------------------------------------------------------- scenarios

def kernel_core_location():
    """Where a kernel core of a process lands relative to its cwd, or raises
    Skip when core_pattern sends cores elsewhere."""
    try:
        with open("/proc/sys/kernel/core_pattern") as f:
            pattern = f.read().strip()
    except OSError as e:
        raise Skip("cannot read /proc/sys/kernel/core_pattern: %s" % e)
    if pattern.startswith("|"):
        raise Skip("kernel cores are piped to %r (core_pattern), not written to the cwd"
                   % pattern)
    if "%" in pattern or "/" in pattern:
        raise Skip("core_pattern is %r: cores do not land in the cwd as a known name" % pattern)
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    if hard != resource.RLIM_INFINITY:
        raise Skip("the core size hard limit is %d bytes (ulimit -H -c); kernel cores "
                   "need it unlimited" % hard)
    uses_pid = False
    try:
        with open("/proc/sys/kernel/core_uses_pid") as f:
            uses_pid = f.read().strip() == "1"
    except OSError:
        pass
    return pattern, uses_pid


def gcore(pid, path):
    rc, out, err = run_tool(["gdb", "-nx", "-batch", "-iex", "set debuginfod enabled off",
                             "-p", str(pid), "-ex", "gcore " + path],
                            timeout=GCORE_TIMEOUT_S)
    if rc != 0 or not os.path.exists(path):
        raise HarnessError("gcore of %d failed (status %d):\n%s" % (pid, rc, tail(err + out)))


def core_checks(c, label, core, exe, tid, expected, crash, checks, locals_want, symbols):
    base = ["core", core, "--exe", exe]
    text = c.stack("%s text" % label, base)
    if text is not None:
        c.check_frames("%s text" % label, text, tid, expected, crash)
    out = c.stack("%s text, executable from the core" % label, ["core", core])
    if out is not None:
        c.check_frames("%s text, executable from the core" % label, out, tid, expected, crash)
    if "json" in checks and text is not None:
        js = c.stack("%s --json" % label, base + ["--json"])
        if js is not None:
            c.check_json("%s --json" % label, js, text, tid, expected, crash)
    if "locals" in checks and locals_want:
        out = c.stack("%s --locals" % label, base + ["--locals"])
        if out is not None:
            c.check_locals("%s --locals" % label, out, tid, locals_want)
    if "native" in checks:
        out = c.stack("%s --native" % label, base + ["--native"])
        if out is not None:
            c.check_native("%s --native" % label, out, tid, expected, symbols)


def run_scenario(args, c, work):
    scen_dir = os.path.join(args.repo, "corpora", "scenarios")
    script = os.path.join(scen_dir, args.scenario + ".py")
    if not os.path.exists(script):
        raise HarnessError("no scenario %s" % script)
    n = None
    if args.scenario_args:
        try:
            n = int(args.scenario_args[0])
        except ValueError:
            pass
    if n is None and args.scenario == "deep":
        n = 1000
    expected, crash = load_expected(os.path.join(scen_dir, args.scenario + ".expected"),
                                    args.repo, n)
    handled = load_handled(os.path.join(scen_dir, args.scenario + ".expected"))
    locals_path = os.path.join(scen_dir, args.scenario + ".locals")
    locals_want = load_locals(locals_path) if os.path.exists(locals_path) else None

    binary = os.path.abspath(args.pyglass)
    if not os.path.exists(binary):
        raise HarnessError("no runtime binary %s" % binary)
    symbols = True
    if args.variant == "stripped":
        stripped = os.path.join(work, "pyglass-stripped")
        rc, out, err = run_tool(["strip", "--strip-all", "-o", stripped, binary])
        if rc != 0:
            raise HarnessError("strip failed: %s" % err)
        rc, out, err = run_tool(["readelf", "-S", "-W", stripped])
        if ".symtab" in out or ".pyglass_debug" not in out:
            raise HarnessError("the stripped copy still has .symtab, or lost .pyglass_debug")
        binary, symbols = stripped, False

    checks = set(args.checks.split(",")) if args.checks else None
    if checks is None:
        checks = {"kcore", "json", "native"} if crash else {"live", "json", "native", "gcore"}
        if locals_want:
            checks.add("locals")
    argv = [binary, script] + args.scenario_args + ["--ready", os.path.join(work, "ready")]

    if "kcore" in checks:
        pattern, uses_pid = kernel_core_location()
        cwd = os.path.join(work, "crash")
        os.mkdir(cwd)
        proc = spawn(argv, cwd, core_unlimited=True)
        try:
            _, err = proc.communicate(timeout=CRASH_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise HarnessError("the crash scenario did not crash within %d s" % CRASH_TIMEOUT_S)
        err = err.decode("utf-8", "replace")
        if proc.returncode >= 0:
            if "faulthandler" in err and ("ModuleNotFoundError" in err or "AttributeError" in err):
                raise Skip("the runtime has no faulthandler._sigsegv() yet:\n" + tail(err, 3))
            raise HarnessError("the scenario exited with status %d instead of a signal:\n%s"
                               % (proc.returncode, tail(err)))
        sig = signal.Signals(-proc.returncode).name
        c.expect("kcore killed by %s" % (crash or "a signal"), crash in (None, sig),
                 "killed by %s" % sig)
        core = os.path.join(cwd, pattern + (".%d" % proc.pid if uses_pid else ""))
        if not os.path.exists(core):
            raise HarnessError("no core at %s after %s (ls: %s)"
                               % (core, sig, os.listdir(cwd)))
        core_checks(c, "kcore", core, binary, proc.pid, expected, crash, checks,
                    locals_want, symbols)
        return

    proc = spawn(argv, work)
    wait_ready(proc, args.scenario)
    pid = proc.pid
    if "live" in checks:
        text = c.stack("live text", ["pid", str(pid)])
        if text is not None:
            c.check_frames("live text", text, pid, expected)
            if handled:
                check_handled(c, "live text: the handled exception", text, handled)
            if "json" in checks:
                js = c.stack("live --json", ["pid", str(pid), "--json"])
                if js is not None:
                    c.check_json("live --json", js, text, pid, expected)
        if "locals" in checks and locals_want:
            out = c.stack("live --locals", ["pid", str(pid), "--locals"])
            if out is not None:
                c.check_locals("live --locals", out, pid, locals_want)
        if "native" in checks:
            out = c.stack("live --native", ["pid", str(pid), "--native"])
            if out is not None:
                c.check_native("live --native", out, pid, expected, symbols)
        out = c.stack("live --no-block", ["pid", str(pid), "--no-block"])
        if out is not None:
            c.check_frames("live --no-block", out, pid, expected)
        c.check_untouched("live: process running, not traced", proc)
    if "gcore" in checks:
        core = os.path.join(work, "gcore.core")
        gcore(pid, core)
        c.check_untouched("gcore: process running, not traced", proc)
        core_checks(c, "gcore", core, binary, pid, expected, None, checks, locals_want,
                    symbols)
        if handled:
            out = c.stack("gcore handled", ["core", core, "--exe", binary])
            if out is not None:
                check_handled(c, "gcore text: the handled exception", out, handled)
        os.unlink(core)


# ----------------------------------------------------------------- errors

def elf_section(path, name):
    """(file offset, size) of a section of a 64-bit little-endian ELF file."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise HarnessError("%s: not a 64-bit little-endian ELF file" % path)
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    def sh(i):
        return struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
    strtab = sh(shstrndx)
    for i in range(shnum):
        s = sh(i)
        start = strtab[4] + s[0]
        sname = data[start:data.index(b"\0", start)].decode()
        if sname == name:
            return s[4], s[5]
    raise HarnessError("%s has no %s section" % (path, name))


def run_errors(args, c, work):
    stack = args.stack
    binary = os.path.abspath(args.pyglass)
    chain = os.path.join(args.repo, "corpora", "scenarios", "chain.py")
    deep = os.path.join(args.repo, "corpora", "scenarios", "deep.py")

    def expect_rc(name, argv, want, must_say=(), as_nobody=False):
        rc, out, err = run_tool([stack] + argv, as_nobody=as_nobody)
        lines = err.rstrip("\n").splitlines()
        problems = []
        if rc != want:
            problems.append("exit status %d, expected %d" % (rc, want))
        if len(lines) != 1 or not lines[0].startswith("pyglass-stack: "):
            problems.append("stderr is not one 'pyglass-stack: ...' line")
        for word in must_say:
            if not re.search(word, err):
                problems.append("the message does not say %r" % word)
        if out:
            problems.append("something on stdout")
        if problems:
            c.fail(name, "; ".join(problems) + "\n" + tail(err + out))
        else:
            c.ok("%s (exit %d: %s)" % (name, rc, lines[0][len("pyglass-stack: "):]))

    # 2: usage.
    expect_rc("no subcommand", [], EXIT_USAGE)
    expect_rc("bad pid", ["pid", "abc"], EXIT_USAGE)
    expect_rc("unknown option", ["pid", "1", "--frobnicate"], EXIT_USAGE)

    # 5: no such process (a child we started and reaped: its pid is free).
    gone = subprocess.Popen(["true"])
    gone.wait()
    expect_rc("no such process", ["pid", str(gone.pid)], EXIT_NO_PROCESS)

    # 3: a process that is not pyglass, live and as a core.
    sleeper = spawn(["sleep", "100"], work)
    time.sleep(0.05)
    expect_rc("not pyglass (live)", ["pid", str(sleeper.pid)], EXIT_NOT_PYGLASS)
    sleep_core = os.path.join(work, "sleep.core")
    gcore(sleeper.pid, sleep_core)
    expect_rc("not pyglass (core)", ["core", sleep_core], EXIT_NOT_PYGLASS)

    # A pyglass process for 4, and its core for 6 and 8.
    proc = spawn([binary, chain, "--ready", os.path.join(work, "ready")], work)
    wait_ready(proc, "chain")
    expect_rc("permission (as nobody)", ["pid", str(proc.pid)], EXIT_PERMISSION,
              must_say=("root|CAP_SYS_PTRACE",), as_nobody=True)
    rc, out, err = run_tool([stack, "pid", str(proc.pid), "--tid", str(proc.pid)])
    c.expect("--tid of the main thread", rc == 0 and 'Thread %d "MainThread"' % proc.pid in out,
             "exit %d:\n%s" % (rc, tail(err + out)))
    expect_rc("--tid of no thread of the process (1)", ["pid", str(proc.pid), "--tid", "1"],
              EXIT_OTHER, must_say=("no thread 1",))
    core = os.path.join(work, "chain.core")
    gcore(proc.pid, core)
    proc.kill()
    expect_rc("core with /bin/sleep as --exe", ["core", core, "--exe", "/bin/sleep"],
              EXIT_MISMATCH, must_say=("build",))
    if args.padded:
        expect_rc("core with the padded runtime as --exe",
                  ["core", core, "--exe", os.path.abspath(args.padded)], EXIT_MISMATCH)
    size = os.path.getsize(core)
    truncated = os.path.join(work, "truncated.core")
    with open(core, "rb") as src, open(truncated, "wb") as dst:
        dst.write(src.read(size // 2))
    expect_rc("truncated core", ["core", truncated, "--exe", binary], EXIT_CORRUPT,
              must_say=("truncated",))
    with open(truncated, "wb") as dst:
        dst.write(b"\x7fELF" + b"\0" * 60)
    expect_rc("corrupt core (bare ELF header)", ["core", truncated], EXIT_CORRUPT)
    expect_rc("not a core (a text file)", ["core", chain], EXIT_CORRUPT)
    os.unlink(truncated)
    os.unlink(core)

    # 7: a copy of the runtime whose table claims the next major version.
    off, size = elf_section(binary, ".pyglass_debug")
    patched = os.path.join(work, "pyglass-next-major")
    with open(binary, "rb") as f:
        data = bytearray(f.read())
    cookie = data.find(b"PYGLASS-DBG-TBL\0", off, off + size)
    if cookie < 0:
        raise HarnessError("no cookie in .pyglass_debug")
    major, = struct.unpack_from("<H", data, cookie + 16)
    struct.pack_into("<H", data, cookie + 16, major + 1)
    with open(patched, "wb") as f:
        f.write(data)
    os.chmod(patched, 0o755)
    proc = spawn([patched, deep, "3", "--ready", os.path.join(work, "ready")], work)
    wait_ready(proc, "deep (patched major)")
    expect_rc("table version %d (reader knows %d)" % (major + 1, major),
              ["pid", str(proc.pid)], EXIT_VERSION,
              must_say=(r"\b%d\b" % (major + 1), r"\b%d\b" % major))
    proc.kill()


# ----------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--pyglass", required=True)
    ap.add_argument("--stack", required=True)
    ap.add_argument("--padded")
    ap.add_argument("--variant", default="plain", choices=("plain", "stripped", "padded"))
    ap.add_argument("--checks")
    ap.add_argument("--skip")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("scenario", nargs="?")
    ap.add_argument("scenario_args", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    args.repo = os.path.abspath(args.repo)
    args.stack = os.path.abspath(args.stack)
    if args.skip:
        log("SKIP: %s" % args.skip)
        return SKIP_RC
    if not args.errors and not args.scenario:
        ap.error("a SCENARIO or --errors is required")

    # ctest stops a test that runs too long with SIGTERM (or SIGKILL, which
    # the children's PDEATHSIG covers): turn it into an exception so the
    # cleanup below runs.
    def on_term(signum, frame):
        raise HarnessError("terminated by signal %d" % signum)
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    c = Checker(args)
    work = tempfile.mkdtemp(prefix="pyglass-dbg-")
    start = time.monotonic()
    try:
        if args.errors:
            run_errors(args, c, work)
        else:
            run_scenario(args, c, work)
    except Skip as e:
        log("SKIP: %s" % e)
        return SKIP_RC
    except (HarnessError, ScenarioDied) as e:
        log("ERROR: %s" % e)
        return 2
    finally:
        kill_all_children()
        shutil.rmtree(work, ignore_errors=True)
    log("%d checks passed, %d failed (%.1f s)" % (c.passed, len(c.failed),
                                                  time.monotonic() - start))
    if c.failed:
        log("failed: " + ", ".join(c.failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
