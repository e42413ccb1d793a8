#!/usr/bin/env python3
"""faulthandler's crash report, checked against CPython and against the core.

Usage:
  run_faulthandler.py --repo DIR --pyglass BIN --stack BIN --python PY
                      --enable {xoption,env} SCENARIO

Runs corpora/scenarios/SCENARIO.py (a crash scenario: it ends in
faulthandler._sigsegv() or _sigabrt(), which CPython has too) in a temporary
directory with `ulimit -c unlimited`, faulthandler enabled by `-X
faulthandler` or by PYGLASSFAULTHANDLER=1 (PYTHONFAULTHANDLER=1 for CPython),
and checks:
  1. pyglass dies of the scenario's signal, like python3 does;
  2. stderr starts with CPython's "Fatal Python error: <what>", then one
     "Thread 0x..." / "Current thread 0x... (most recent call first):" block
     per thread, newest first, whose frame lines in the scenario's files are
     exactly python3's (thread ids aside; the threading module's own frames
     differ between the two and are not compared);
  3. then the native stack: "Current thread's C stack trace", with the
     eval loop's frames among them (found through libunwind, not debug info);
  4. the kernel still wrote a core, and `pyglass-stack core` on it prints
     the same threads with the same Python frames as the report, the
     crashed thread being the report's current one.
Exit status: 0 pass, 1 fail, 77 skip (no kernel core where we can find it).
"""

import argparse
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

THREAD_LINE = re.compile(r"^(Current thread|Thread) 0x[0-9a-f]{16} \(most recent call first\):$")
FRAME_LINE = re.compile(r'^  File "(.*)", line (\d+) in (.*)$')
STACK_FRAME = re.compile(r'^  File "(.*)", line (\d+), in (.*)$')


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def allow_cores():
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def run_crash(argv, env, cwd):
    proc = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=60, preexec_fn=allow_cores)
    return proc.returncode, proc.stderr


def report_threads(stderr, who):
    """(header, [(is_current, frames)], lines) from a faulthandler report,
    threads in the report's order; frames are (file, line, name)."""
    lines = stderr.splitlines()
    if not lines or not lines[0].startswith("Fatal Python error: "):
        fail("%s: stderr does not start with 'Fatal Python error:':\n%s" % (who, stderr))
    threads = []
    frames = None
    for line in lines[1:]:
        if line.startswith("Current thread's C stack"):
            break
        m = THREAD_LINE.match(line)
        if m:
            frames = []
            threads.append((m.group(1) == "Current thread", frames))
            continue
        m = FRAME_LINE.match(line)
        if m and frames is not None:
            frames.append((m.group(1), int(m.group(2)), m.group(3)))
        elif line.startswith("Thread ") or line.startswith("Current thread "):
            fail("%s: bad thread line %r" % (who, line))
    if sum(1 for current, _ in threads if current) != 1:
        fail("%s: want exactly one 'Current thread 0x...' block:\n%s" % (who, stderr))
    if any(not f for _, f in threads):
        fail("%s: a thread block without frames:\n%s" % (who, stderr))
    return lines[0], threads, lines


def core_threads(text):
    """[(crashed, frames)] from `pyglass-stack core` output, in its order."""
    threads = []
    frames = None
    for line in text.splitlines():
        if line.startswith("Thread "):
            frames = []
            threads.append(("crashed" in line, frames))
            continue
        m = STACK_FRAME.match(line)
        if m and frames is not None:
            frames.append((m.group(1), int(m.group(2)), m.group(3)))
    return threads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", required=True)
    ap.add_argument("--pyglass", required=True)
    ap.add_argument("--stack", required=True)
    ap.add_argument("--python", required=True)
    ap.add_argument("--enable", choices=["xoption", "env"], required=True)
    ap.add_argument("scenario")
    args = ap.parse_args()
    for name in ("repo", "pyglass", "stack", "python"):
        setattr(args, name, os.path.abspath(getattr(args, name)))

    script = os.path.join(args.repo, "corpora", "scenarios", args.scenario + ".py")
    work = tempfile.mkdtemp(prefix="pg-faulthandler-")
    try:
        env = dict(os.environ)
        env.pop("PYTHONFAULTHANDLER", None)
        env.pop("PYGLASSFAULTHANDLER", None)
        py_env = dict(env)
        if args.enable == "xoption":
            pg_argv = [args.pyglass, "-X", "faulthandler", script]
            py_argv = [args.python, "-X", "faulthandler", script]
        else:
            env["PYGLASSFAULTHANDLER"] = "1"
            py_env["PYTHONFAULTHANDLER"] = "1"
            pg_argv = [args.pyglass, script]
            py_argv = [args.python, script]

        py_dir = os.path.join(work, "python")
        os.mkdir(py_dir)
        py_status, py_err = run_crash(py_argv, py_env, py_dir)
        pg_status, pg_err = run_crash(pg_argv, env, work)

        # 1. Same death.
        if pg_status >= 0 or pg_status != py_status:
            fail("pyglass exit status %d, python3 %d (want the same fatal signal)\nstderr:\n%s"
                 % (pg_status, py_status, pg_err))
        # 2. Same header, threads and Python frames as CPython. CPython's
        # own library frames (threading.py, ctypes) do not exist in pyglass,
        # and pyglass's bundled threading.py differs: compare the frames of
        # the scenario's files.
        def mine(frames):
            return [f for f in frames if f[0].startswith(os.path.dirname(script))]
        py_head, py_threads, _ = report_threads(py_err, "python3")
        pg_head, pg_threads, pg_lines = report_threads(pg_err, "pyglass")
        if pg_head != py_head:
            fail("header %r, python3 says %r" % (pg_head, py_head))
        want = [(cur, mine(frames)) for cur, frames in py_threads]
        got = [(cur, mine(frames)) for cur, frames in pg_threads]
        if got != want:
            fail("threads differ from python3's report:\n pyglass: %s\n python3: %s"
                 % (got, want))
        pg_frames = next(frames for cur, frames in pg_threads if cur)
        # 3. The native stack, with the eval loop in it.
        if "Current thread's C stack trace (most recent call first):" not in pg_lines:
            fail("no native stack in the report:\n" + pg_err)
        native = pg_lines[pg_lines.index(
            "Current thread's C stack trace (most recent call first):") + 1:]
        if not any("eval_frame" in l for l in native):
            fail("the native stack does not show eval_frame:\n" + "\n".join(native))
        if not all(l.startswith('  Binary file "') for l in native if l):
            fail("malformed native frame lines:\n" + "\n".join(native))
        # 4. The core is still written and still readable.
        core = os.path.join(work, "core")
        if not os.path.exists(core):
            cores = [f for f in os.listdir(work) if f.startswith("core")]
            if not cores:
                print("SKIP: no kernel core in the working directory (core_pattern: %s)"
                      % open("/proc/sys/kernel/core_pattern").read().strip())
                return 77
            core = os.path.join(work, cores[0])
        out = subprocess.run([args.stack, "core", core, "--exe", args.pyglass],
                             capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            fail("pyglass-stack core failed (%d): %s" % (out.returncode, out.stderr))
        # Every thread of the report, with the same frames; the crashed one
        # is the report's current thread (pyglass-stack lists oldest first).
        in_core = sorted((crashed, frames) for crashed, frames in core_threads(out.stdout))
        in_report = sorted(pg_threads)
        if in_core != in_report:
            fail("the core's threads differ from the report:\n core:   %s\n report: %s"
                 % (in_core, in_report))
        signame = signal.Signals(-pg_status).name
        print("ok: %s (%s): %d thread(s), %d frames in the crashing one, like python3; "
              "native stack; core read back (%s)"
              % (args.scenario, args.enable, len(pg_threads), len(pg_frames), signame))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
