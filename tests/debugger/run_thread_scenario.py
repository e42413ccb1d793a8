#!/usr/bin/env python3
"""End-to-end debugger test of a multi-threaded scenario (threads_*.py).

Usage:
  run_thread_scenario.py --repo DIR --pyglass BIN --stack BIN [--variant V]
                         [--checks LIST] SCENARIO

Like run_scenario.py (whose helpers it uses), but every thread is checked:
its name, its state and detail (holds / waits for the GIL, blocked on which
lock held by which thread) and its exact Python frames.

The scenario starts its threads, prints "ready" and waits; the threads get
into their states asynchronously, so the driver first polls
`pyglass-stack pid PID` until the report matches (up to 30 s), then:
  live     the text, --json (same frames; detail, holds_gil and the lock
           owner agree with the text), --native (every thread's Python frames
           grouped under their eval_frame activations as the [eval_frame]
           markers say), --no-block; the process is untraced afterwards
  gcore    a core written by gdb's gcore: text, text with the executable
           taken from the core, --json, --native
  kcore    the process is killed with SIGABRT (it runs with
           `ulimit -c unlimited` in a temporary cwd): the kernel's core,
           the same checks plus the "Crash: SIGABRT" line
At any instant at most one thread holds the GIL: checked on every report
taken with the threads stopped (not --no-block).

Expected files (corpora/scenarios/SCENARIO.expected): one section per
thread the VM knows, in any order:
  Thread "NAME" (STATE) [DETAIL]:   the thread's header line without its
                                    tid; `*` matches any text
  [eval_frame]                      as in run_scenario.py
  File "PATH", line N, in NAME      the thread's frames, innermost first
  # comment / empty line            ignored
Exactly the listed threads must be known to the VM (threads the VM does
not know, "(not a pyglass thread)", are allowed: none exist today).
"""

import argparse
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_scenario as rs  # noqa: E402

SETTLE_TIMEOUT_S = 30
EXPECT_THREAD_RE = re.compile(r'^Thread "(.*?)" (.*)$')
HELD_BY_RE = re.compile(r'held by thread (\d+)')


def pattern(text):
    """A header pattern (`*` = any text) as a compiled regex."""
    return re.compile("^" + ".*".join(re.escape(p) for p in text.split("*")) + "$")


class ExpectedThread:
    def __init__(self, name, header):
        self.name = name
        self.header = header            # 'Thread "NAME" (...) [...]:' as written
        self.regex = pattern(header)
        self.items = []                 # rs.Frame or rs.EVAL_MARK, innermost first

    def frames(self):
        return [f for f in self.items if f != rs.EVAL_MARK]


def load_expected(path, repo):
    threads = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            m = EXPECT_THREAD_RE.match(line)
            if m:
                threads.append(ExpectedThread(m.group(1), line))
                continue
            if not threads:
                raise rs.HarnessError("%s: %r before the first Thread line" % (path, line))
            if line == rs.EVAL_MARK:
                threads[-1].items.append(rs.EVAL_MARK)
                continue
            m = rs.EXPECT_FRAME_RE.match(line)
            if not m or m.group(4) or m.group(5):
                raise rs.HarnessError("%s: cannot parse %r" % (path, line))
            threads[-1].items.append(rs.Frame(os.path.join(repo, m.group(1)), int(m.group(2)),
                                              m.group(3)))
    if not threads:
        raise rs.HarnessError("%s: no Thread sections" % path)
    return threads


class ActualThread:
    def __init__(self, tid, name, state, detail, header):
        self.tid, self.name, self.state, self.detail = tid, name, state, detail
        self.header = header            # the header line with the tid removed
        self.items = []                 # ("py", rs.Frame) or ("native", text)

    def frames(self):
        return [it[1] for it in self.items if it[0] == "py"]


def parse_report(text):
    """-> (known threads by name, unknown threads, crash lines, problems)."""
    known, unknown, crash, problems, cur = {}, [], [], [], None
    for line in text.splitlines():
        if line.startswith("Crash: "):
            crash.append(line)
            continue
        m = rs.THREAD_RE.match(line)
        if m:
            # The crash marker is checked through the Crash: line; the
            # expected header is the thread's state without it.
            header = re.sub(r"^Thread \d+ ", "Thread ", line).replace(", crashed)", ")", 1)
            cur = ActualThread(int(m.group(1)), m.group(2),
                               m.group(3).replace(", crashed", ""), m.group(4) or "", header)
            if "not a pyglass thread" in cur.state:
                unknown.append(cur)
            elif cur.name in known:
                problems.append("two threads named %r" % cur.name)
            else:
                known[cur.name] = cur
            continue
        if cur is None:
            continue
        m = rs.FRAME_RE.match(line)
        if m:
            ln = int(m.group(2)) if m.group(2) != "?" else 0
            cur.items.append(("py", rs.Frame(m.group(1), ln, m.group(3))))
            continue
        m = rs.NATIVE_RE.match(line)
        if m:
            cur.items.append(("native", m.group(2)))
    return known, unknown, crash, problems


def report_problems(text, expected, stopped=True):
    """Everything about `text` that differs from the expected threads."""
    known, _, _, problems = parse_report(text)
    want = {t.name for t in expected}
    if set(known) != want:
        problems.append("threads known to the VM: %s, expected %s"
                        % (sorted(known), sorted(want)))
    for exp in expected:
        act = known.get(exp.name)
        if act is None:
            continue
        if not exp.regex.match(act.header):
            problems.append("thread %r: header %r does not match %r"
                            % (exp.name, act.header, exp.header))
        if [f.key() for f in exp.frames()] != [f.key() for f in act.frames()]:
            problems.append("thread %r: frames differ:\n%s"
                            % (exp.name, rs.frames_diff(exp.frames(), act.frames())))
    if stopped:
        holders = [t.name for t in known.values() if t.detail == "holds the GIL"]
        if len(holders) > 1:
            problems.append("more than one thread holds the GIL: %s" % holders)
    return problems


class ThreadChecker(rs.Checker):
    def report(self, name, text, expected, stopped=True, crash=None):
        problems = report_problems(text, expected, stopped)
        if crash:
            _, _, crash_lines, _ = parse_report(text)
            if not any(l.startswith("Crash: " + crash) for l in crash_lines):
                problems.append("no 'Crash: %s' line" % crash)
        if problems:
            self.fail(name, "\n  ".join(problems) + "\n" + rs.tail(text, 80))
        else:
            self.ok(name)

    def json_report(self, name, js, text, expected, same_snapshot=True):
        """`same_snapshot`: the text and the JSON describe the same moment
        (a core). Live, they are two reports: threads taking turns with the
        GIL may have changed state in between."""
        try:
            doc = json.loads(js)
        except ValueError as e:
            self.fail(name, "not JSON: %s" % e)
            return
        known, _, _, _ = parse_report(text)
        problems = []
        by_name = {t.get("name"): t for t in doc.get("threads", []) if t.get("known_to_vm")}
        if set(by_name) != set(known):
            problems.append("JSON threads %s, text threads %s" % (sorted(by_name), sorted(known)))
        for tname, act in known.items():
            jt = by_name.get(tname)
            if jt is None:
                continue
            jframes = [(f.get("filename"), f.get("line"), f.get("function"))
                       for f in jt.get("frames", [])]
            if jframes != [f.key() for f in act.frames()]:
                problems.append("thread %r: JSON frames differ from the text" % tname)
            stable = same_snapshot or act.state in ("blocked", "sleeping")
            if stable and (jt.get("detail", "") != act.detail or jt.get("state") != act.state):
                problems.append("thread %r: JSON state/detail %r/%r, text %r/%r"
                                % (tname, jt.get("state"), jt.get("detail"), act.state,
                                   act.detail))
            if stable and jt.get("holds_gil") != (act.detail == "holds the GIL"):
                problems.append("thread %r: holds_gil %r" % (tname, jt.get("holds_gil")))
            m = HELD_BY_RE.search(act.detail)
            wait = jt.get("wait")
            if act.state == "blocked":
                if not wait or wait.get("kind") not in ("Lock", "RLock"):
                    problems.append("thread %r: blocked but JSON wait is %r" % (tname, wait))
                elif m and wait.get("owner_tid") != int(m.group(1)):
                    problems.append("thread %r: wait.owner_tid %r, text says %s"
                                    % (tname, wait.get("owner_tid"), m.group(1)))
                elif "%#x" % wait.get("address", 0) not in act.detail:
                    problems.append("thread %r: wait.address %#x not in %r"
                                    % (tname, wait.get("address", 0), act.detail))
        if problems:
            self.fail(name, "\n  ".join(problems))
        else:
            self.ok(name)

    def native_report(self, name, out, expected, symbols):
        known, _, _, problems = parse_report(out)
        for exp in expected:
            act = known.get(exp.name)
            if act is None:
                problems.append("no thread %r" % exp.name)
                continue
            want, got, prev = [], [], None
            for it in exp.items:
                if it == rs.EVAL_MARK:
                    want.append([])
                elif want:
                    want[-1].append(it.key())
            for it in act.items:
                if it[0] == "py":
                    if prev is None or prev[0] != "py":
                        if prev is None:
                            problems.append("%s: Python frame %s first" % (exp.name, it[1]))
                        elif symbols and "eval_frame" not in prev[1]:
                            problems.append("%s: Python frame %s follows %r"
                                            % (exp.name, it[1], prev[1]))
                        got.append([])
                    got[-1].append(it[1].key())
                prev = it
            if want != got:
                problems.append("%s: eval_frame groups differ:\n    expected %s\n    actual   %s"
                                % (exp.name, want, got))
        if "matched no native" in out:
            problems.append("merge warning in the output")
        if problems:
            self.fail(name, "\n  ".join(problems) + "\n" + rs.tail(out, 80))
        else:
            self.ok(name)


def wait_ready_line(proc, what):
    deadline = time.monotonic() + rs.READY_TIMEOUT_S
    buf = b""
    while b"ready\n" not in buf:
        left = deadline - time.monotonic()
        if left <= 0:
            raise rs.HarnessError("%s: no 'ready' within %d s" % (what, rs.READY_TIMEOUT_S))
        r, _, _ = rs.select.select([proc.stdout], [], [], min(left, 0.5))
        if r:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                proc.wait(timeout=10)
                raise rs.ScenarioDied(proc.returncode,
                                      proc.stderr.read().decode("utf-8", "replace"))
            buf += chunk


def settle(args, pid, expected):
    """Polls the live process until its report matches (the threads reach
    their states after "ready"). Returns the number of polls."""
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    polls, problems = 0, []
    while time.monotonic() < deadline:
        polls += 1
        rc, out, err = rs.run_tool([args.stack, "pid", str(pid)])
        if rc == 0:
            problems = report_problems(out, expected)
            if not problems:
                return polls
        else:
            problems = ["pyglass-stack exited with %d: %s" % (rc, rs.tail(err))]
        time.sleep(0.05)
    raise rs.HarnessError("the threads did not reach the expected states within %d s:\n  %s"
                          % (SETTLE_TIMEOUT_S, "\n  ".join(problems)))


def core_checks(c, label, core, exe, expected, checks, symbols, crash=None):
    base = ["core", core, "--exe", exe]
    text = c.stack("%s text" % label, base)
    if text is not None:
        c.report("%s text" % label, text, expected, crash=crash)
    out = c.stack("%s text, executable from the core" % label, ["core", core])
    if out is not None:
        c.report("%s text, executable from the core" % label, out, expected, crash=crash)
    if "json" in checks and text is not None:
        js = c.stack("%s --json" % label, base + ["--json"])
        if js is not None:
            c.json_report("%s --json" % label, js, text, expected)
    if "native" in checks:
        out = c.stack("%s --native" % label, base + ["--native"])
        if out is not None:
            c.native_report("%s --native" % label, out, expected, symbols)


def run(args, c, work):
    scen_dir = os.path.join(args.repo, "corpora", "scenarios")
    script = os.path.join(scen_dir, args.scenario + ".py")
    expected = load_expected(os.path.join(scen_dir, args.scenario + ".expected"), args.repo)
    binary = os.path.abspath(args.pyglass)
    symbols = True
    if args.variant == "stripped":
        stripped = os.path.join(work, "pyglass-stripped")
        rc, out, err = rs.run_tool(["strip", "--strip-all", "-o", stripped, binary])
        if rc != 0:
            raise rs.HarnessError("strip failed: %s" % err)
        binary, symbols = stripped, False
    checks = set((args.checks or "live,json,native,gcore,kcore").split(","))

    kcore_where = None
    if "kcore" in checks:
        try:
            kcore_where = rs.kernel_core_location()
        except rs.Skip as e:
            rs.log("kcore checks skipped: %s" % e)
    cwd = os.path.join(work, "run")
    os.mkdir(cwd)
    proc = rs.spawn([binary, script, "--ready", os.path.join(work, "ready")], cwd,
                    core_unlimited=kcore_where is not None)
    wait_ready_line(proc, args.scenario)
    pid = proc.pid
    polls = settle(args, pid, expected)
    rs.log("settled after %d report(s)" % polls)

    if "live" in checks:
        text = c.stack("live text", ["pid", str(pid)])
        if text is not None:
            c.report("live text", text, expected)
            if "json" in checks:
                js = c.stack("live --json", ["pid", str(pid), "--json"])
                if js is not None:
                    c.json_report("live --json", js, text, expected, same_snapshot=False)
        if "native" in checks:
            out = c.stack("live --native", ["pid", str(pid), "--native"])
            if out is not None:
                c.native_report("live --native", out, expected, symbols)
        out = c.stack("live --no-block", ["pid", str(pid), "--no-block"])
        if out is not None:
            c.report("live --no-block", out, expected, stopped=False)
        c.check_untouched("live: process running, not traced", proc)
    if "gcore" in checks:
        core = os.path.join(work, "gcore.core")
        rs.gcore(pid, core)
        c.check_untouched("gcore: process running, not traced", proc)
        core_checks(c, "gcore", core, binary, expected, checks, symbols)
        os.unlink(core)
    if kcore_where is not None:
        core_pattern, uses_pid = kcore_where
        os.kill(pid, signal.SIGABRT)
        try:
            proc.wait(timeout=rs.CRASH_TIMEOUT_S)
        except rs.subprocess.TimeoutExpired:
            raise rs.HarnessError("SIGABRT did not end the scenario")
        c.expect("kcore killed by SIGABRT", proc.returncode == -signal.SIGABRT,
                 "status %s" % proc.returncode)
        core = os.path.join(cwd, core_pattern + (".%d" % pid if uses_pid else ""))
        if not os.path.exists(core):
            raise rs.HarnessError("no core at %s (ls: %s)" % (core, os.listdir(cwd)))
        core_checks(c, "kcore", core, binary, expected, checks, symbols, crash="SIGABRT")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--pyglass", required=True)
    ap.add_argument("--stack", required=True)
    ap.add_argument("--variant", default="plain", choices=("plain", "stripped", "padded"))
    ap.add_argument("--checks")
    ap.add_argument("scenario")
    args = ap.parse_args()
    args.repo = os.path.abspath(args.repo)
    args.stack = os.path.abspath(args.stack)

    def on_term(signum, frame):
        raise rs.HarnessError("terminated by signal %d" % signum)
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    c = ThreadChecker(args)
    work = tempfile.mkdtemp(prefix="pyglass-thr-")
    start = time.monotonic()
    try:
        run(args, c, work)
    except rs.Skip as e:
        rs.log("SKIP: %s" % e)
        return rs.SKIP_RC
    except (rs.HarnessError, rs.ScenarioDied) as e:
        rs.log("ERROR: %s" % e)
        return 2
    finally:
        rs.kill_all_children()
        shutil.rmtree(work, ignore_errors=True)
    rs.log("%d checks passed, %d failed (%.1f s)" % (c.passed, len(c.failed),
                                                  time.monotonic() - start))
    if c.failed:
        rs.log("failed: " + ", ".join(c.failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
