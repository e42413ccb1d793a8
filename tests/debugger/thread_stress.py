#!/usr/bin/env python3
"""Stress test: threads start and end in a loop (threads_churn.py) while
`pyglass-stack pid PID --no-block` samples the process hundreds of times.

Usage:
  thread_stress.py --repo DIR --pyglass BIN --stack BIN [--seconds S]
                   [--min-samples N]

Checks: every sample exits 0 and is well formed (every line is a line the
formatter writes: Process, Thread headers, frames, source lines, natives,
warnings; every 10th sample is --json and must parse); the target never
crashes and keeps making progress (its round counter grows); at least
N samples (default 200) in S seconds (default 15). The thread list is
changing under the reader all the time: this is the test of the list
protocol in docs/frame-layout.md ("Thread list protocol").
"""

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_scenario as rs  # noqa: E402

LINE_RES = [
    re.compile(r'^Process (\d+|\?)( \(.*\))?(, .*)?$'),
    rs.THREAD_RE,
    rs.FRAME_RE,
    rs.NATIVE_RE,
    re.compile(r'^    \S.*$'),                      # a source line
    re.compile(r'^    \[error\] .*$'),
    re.compile(r'^  \[warning\] .*$'),
    re.compile(r'^\[warning\] .*$'),
    re.compile(r'^  \(no Python frames\)$'),
    re.compile(r'^  Exception in flight: .*$'),
    re.compile(r'^$'),
]


def malformed(text):
    return [l for l in text.splitlines() if not any(r.match(l) for r in LINE_RES)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--pyglass", required=True)
    ap.add_argument("--stack", required=True)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--min-samples", type=int, default=200)
    args = ap.parse_args()
    script = os.path.join(os.path.abspath(args.repo), "corpora", "scenarios", "threads_churn.py")
    work = tempfile.mkdtemp(prefix="pyglass-stress-")
    failures, samples, warnings, threads_seen, max_threads = [], 0, 0, 0, 0
    try:
        proc = rs.spawn([os.path.abspath(args.pyglass), script], work)
        deadline = time.monotonic() + rs.READY_TIMEOUT_S
        buf = b""
        while b"ready\n" not in buf and time.monotonic() < deadline:
            r, _, _ = rs.select.select([proc.stdout], [], [], 0.5)
            if r:
                chunk = os.read(proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                buf += chunk
        if b"ready\n" not in buf:
            raise rs.HarnessError("threads_churn.py did not get ready:\n%s"
                                  % proc.stderr.read().decode("utf-8", "replace")[-2000:])
        end = time.monotonic() + args.seconds
        while time.monotonic() < end and len(failures) < 5:
            as_json = samples % 10 == 9
            argv = [args.stack, "pid", str(proc.pid), "--no-block"] + (["--json"] if as_json else [])
            rc, out, err = rs.run_tool(argv)
            samples += 1
            if rc != 0:
                if proc.poll() is not None:
                    failures.append("the target died (status %s):\n%s" % (
                        proc.returncode, proc.stderr.read().decode("utf-8", "replace")[-3000:]))
                    break
                failures.append("sample %d: pyglass-stack exited with %d:\n%s"
                                % (samples, rc, rs.tail(err + out)))
                continue
            if as_json:
                try:
                    doc = json.loads(out)
                    n = len(doc["threads"])
                except (ValueError, KeyError, TypeError) as e:
                    failures.append("sample %d: bad JSON (%s):\n%s" % (samples, e, rs.tail(out)))
                    continue
            else:
                bad = malformed(out)
                if bad:
                    failures.append("sample %d: malformed lines %r in:\n%s"
                                    % (samples, bad[:5], rs.tail(out, 40)))
                    continue
                n = sum(1 for l in out.splitlines() if rs.THREAD_RE.match(l))
                warnings += sum(1 for l in out.splitlines() if "[warning]" in l or "[error]" in l)
            threads_seen += n
            max_threads = max(max_threads, n)
        if proc.poll() is not None:
            failures.append("the target exited (status %s)" % proc.returncode)
        # Progress: the target's round counter keeps growing.
        rounds = re.findall(rb"rounds (\d+)", buf + os.read(proc.stdout.fileno(), 1 << 16)
                            if rs.select.select([proc.stdout], [], [], 1.0)[0] else buf)
        rs.log("%d samples in %.0f s, up to %d threads in one sample, %d warning lines, "
               "last round %s" % (samples, args.seconds, max_threads, warnings,
                                  rounds[-1].decode() if rounds else "?"))
        if samples < args.min_samples:
            failures.append("only %d samples (want %d)" % (samples, args.min_samples))
        if max_threads < 2:
            failures.append("no sample saw more than one thread")
    except rs.HarnessError as e:
        rs.log("ERROR: %s" % e)
        return 2
    finally:
        rs.kill_all_children()
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        rs.log("FAIL %s" % f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
