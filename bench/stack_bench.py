#!/usr/bin/env python3
"""pyglass-stack benchmark: how long one whole `pyglass-stack` run takes on
a deep stack, live and from a core.

Usage:
    python3 bench/stack_bench.py --pyglass build/release/runtime/pyglass
        [--stack build/release/cli/pyglass-stack] [--depths 1000,10000]
        [--rounds 11] [--markdown]

For each depth N it starts corpora/scenarios/deep.py N (recursion N deep,
waiting in the innermost frame), takes one core of it with gdb's gcore, then
times complete `pyglass-stack` processes (start-up, attach or core open,
table lookup, walk, formatting, detach, exit; stdout read through a pipe):

    live            pyglass-stack pid PID            (stops the process: ptrace)
    live --no-block pyglass-stack pid PID --no-block (no ptrace)
    live --native   pyglass-stack pid PID --native   (+ native unwind and merge)
    core            pyglass-stack core CORE --exe BIN
    core --native   pyglass-stack core CORE --exe BIN --native

The modes alternate round by round (so machine noise hits them alike) and
each cell is the median of --rounds runs (min and max shown too). Every run
must print N + 2 Python frames (recurse x N, main, <module>) and exit 0, or
the row is marked as failed. The goal is <= 100 ms for 10,000 frames.

Progress goes to stderr, the table to stdout. Exit status: 0, or 1 when a
run failed, 2 on usage errors. The scenario and the core are always cleaned
up.
"""

import argparse
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(REPO, "corpora", "scenarios", "deep.py")
MODES = [
    ("live", ["pid", "{pid}"]),
    ("live --no-block", ["pid", "{pid}", "--no-block"]),
    ("live --native", ["pid", "{pid}", "--native"]),
    ("core", ["core", "{core}", "--exe", "{exe}"]),
    ("core --native", ["core", "{core}", "--exe", "{exe}", "--native"]),
]


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def start_scenario(pyglass, depth, work):
    proc = subprocess.Popen([pyglass, SCENARIO, str(depth)], cwd=work,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    buf = b""
    while b"ready\n" not in buf:
        if time.monotonic() > deadline:
            raise RuntimeError("deep.py %d: not ready after 60 s" % depth)
        r, _, _ = select.select([proc.stdout], [], [], 0.5)
        if r:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                raise RuntimeError("deep.py %d exited: %s" % (depth, proc.stderr.read()))
            buf += chunk
    # "ready" is printed just before the scenario calls time.sleep(): wait
    # until the main thread really sleeps (x86-64 nanosleep/clock_nanosleep).
    while True:
        with open("/proc/%d/syscall" % proc.pid) as f:
            nr = f.read().split()[0]
        if nr in ("35", "230"):
            return proc
        if time.monotonic() > deadline:
            raise RuntimeError("deep.py %d: not asleep after 'ready'" % depth)
        time.sleep(0.002)


def stop(proc):
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    proc.stdout.close()
    proc.stderr.close()


def time_run(argv):
    start = time.perf_counter()
    res = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    frames = res.stdout.count(b'\n  File "')
    return elapsed, res.returncode, frames, res.stderr.decode("utf-8", "replace")


def bench_depth(args, depth, work):
    proc = start_scenario(args.pyglass, depth, work)
    core = os.path.join(work, "deep%d.core" % depth)
    try:
        g = subprocess.run(["gdb", "-nx", "-batch", "-iex", "set debuginfod enabled off",
                            "-p", str(proc.pid), "-ex", "gcore " + core],
                           capture_output=True, timeout=120)
        if g.returncode != 0 or not os.path.exists(core):
            raise RuntimeError("gcore failed: %s" % g.stderr.decode("utf-8", "replace"))
        subst = {"pid": str(proc.pid), "core": core, "exe": args.pyglass}
        times = {name: [] for name, _ in MODES}
        status = {name: "ok" for name, _ in MODES}
        for rnd in range(args.rounds):
            order = MODES if rnd % 2 == 0 else list(reversed(MODES))
            for name, tmpl in order:
                argv = [args.stack] + [a.format(**subst) for a in tmpl]
                elapsed, rc, frames, err = time_run(argv)
                if rc != 0 or frames != depth + 2:
                    if status[name] == "ok":
                        log("!!! %s at depth %d: exit %d, %d frames (want %d) %s"
                            % (name, depth, rc, frames, depth + 2, err.strip()))
                    status[name] = "FAILED"
                times[name].append(elapsed)
            log("  depth %d round %d/%d: %s" % (depth, rnd + 1, args.rounds, ", ".join(
                "%s %.1f ms" % (n, times[n][-1] * 1000) for n, _ in MODES)))
        rows = []
        for name, _ in MODES:
            t = times[name]
            rows.append({"depth": depth, "mode": name, "median": statistics.median(t),
                         "min": min(t), "max": max(t), "status": status[name]})
        return rows
    finally:
        stop(proc)
        if os.path.exists(core):
            os.unlink(core)


def print_table(rows, markdown):
    head = ["frames", "mode", "median ms", "min ms", "max ms", "status"]
    body = [["{:,}".format(r["depth"] + 2), r["mode"], "%.1f" % (r["median"] * 1000),
             "%.1f" % (r["min"] * 1000), "%.1f" % (r["max"] * 1000), r["status"]]
            for r in rows]
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---:" if i in (0, 2, 3, 4) else "---"
                             for i in range(len(head))) + "|")
        for b in body:
            print("| " + " | ".join(b) + " |")
        return
    widths = [max(len(x[i]) for x in [head] + body) for i in range(len(head))]
    for line in [head] + body:
        print("  ".join(c.rjust(w) if i in (0, 2, 3, 4) else c.ljust(w)
                        for i, (c, w) in enumerate(zip(line, widths))).rstrip())


def main():
    ap = argparse.ArgumentParser(description="Time pyglass-stack on deep stacks.")
    ap.add_argument("--pyglass", required=True, help="the pyglass runtime")
    ap.add_argument("--stack", help="pyglass-stack (default: next to the runtime's build)")
    ap.add_argument("--depths", default="1000,10000")
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    args.pyglass = os.path.abspath(args.pyglass)
    if not args.stack:
        args.stack = os.path.join(os.path.dirname(os.path.dirname(args.pyglass)), "cli",
                                  "pyglass-stack")
    args.stack = os.path.abspath(args.stack)
    for path in (args.pyglass, args.stack):
        if not os.access(path, os.X_OK):
            log("stack_bench.py: not an executable: %s" % path)
            return 2
    if shutil.which("gdb") is None:
        log("stack_bench.py: gdb is needed for the core measurements")
        return 2
    work = tempfile.mkdtemp(prefix="pyglass-stack-bench-")
    rows = []
    try:
        for depth in [int(d) for d in args.depths.split(",")]:
            rows += bench_depth(args, depth, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(rows, args.markdown)
    return 1 if any(r["status"] != "ok" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
