#!/usr/bin/env python3
"""LLDB plugin benchmark: what `py-bt` adds to an lldb-16 session on a deep
stack, live and from a core.

Usage:
    python3 bench/lldb_bench.py --pyglass build/release/runtime/pyglass
        --plugin build/release/lldb-plugin/libpyglass-lldb.so
        [--lldb lldb-16] [--depths 1000] [--rounds 11] [--markdown]

For each depth N it starts corpora/scenarios/deep.py N (recursion N deep,
waiting in the innermost frame), takes one core of it with gdb's gcore, then
times complete lldb processes in batch mode (-b, no ~/.lldbinit), stdout
read through a pipe:

    live bare       lldb -p PID                                    (attach, detach)
    live py-bt      lldb -o 'plugin load SO' -p PID -o py-bt
    core bare       lldb BIN -c CORE
    core py-bt      lldb -o 'plugin load SO' BIN -c CORE -o py-bt

"bare" is lldb's own start, attach or core load and exit; the difference
py-bt - bare is what the plugin costs (loading it, finding the table,
walking N + 2 frames, formatting, printing). The modes alternate round by
round and each cell is the median of --rounds runs (min and max too). Every
py-bt run must print N + 2 Python frames. The goal is a difference of at
most 0.2 s for N = 1000.

Progress goes to stderr, the table to stdout. Exit status 0, 1 when a run
failed, 2 on usage errors. The scenario and the core are always removed.
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
            raise RuntimeError("deep.py %d: no 'ready' in 60 s" % depth)
        r, _, _ = select.select([proc.stdout], [], [], 0.5)
        if r:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                raise RuntimeError("deep.py %d exited: %s" % (depth, proc.stderr.read()[-500:]))
            buf += chunk
    # Wait until it sleeps (the ready line comes just before the sleep call).
    while True:
        with open("/proc/%d/syscall" % proc.pid) as f:
            first = f.read().split()[:1]
        if first and first[0] in ("35", "230"):
            return proc
        time.sleep(0.005)


def kill(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def timed(argv):
    t0 = time.monotonic()
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=120)
    return time.monotonic() - t0, p.returncode, p.stdout.decode("utf-8", "replace")


def count_frames(text):
    return sum(1 for line in text.splitlines() if line.startswith('  File "'))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pyglass", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--lldb", default="lldb-16")
    ap.add_argument("--depths", default="1000")
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    pyglass = os.path.abspath(args.pyglass)
    plugin = os.path.abspath(args.plugin)
    lldb = [args.lldb, "-b", "-x"]
    load = ["-o", "plugin load " + plugin]
    rows, failed = [], False
    for depth in [int(d) for d in args.depths.split(",")]:
        work = tempfile.mkdtemp(prefix="pyglass-lldb-bench-")
        proc = None
        try:
            proc = start_scenario(pyglass, depth, work)
            core = os.path.join(work, "deep.core")
            subprocess.run(["gdb", "-nx", "-batch", "-iex", "set debuginfod enabled off",
                            "-p", str(proc.pid), "-ex", "gcore " + core],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            modes = [
                ("live bare", lldb + ["-p", str(proc.pid)], False),
                ("live py-bt", lldb + load + ["-p", str(proc.pid), "-o", "py-bt"], True),
                ("core bare", lldb + [pyglass, "-c", core], False),
                ("core py-bt", lldb + load + [pyglass, "-c", core, "-o", "py-bt"], True),
            ]
            times = {name: [] for name, _, _ in modes}
            status = {name: "ok" for name, _, _ in modes}
            for r in range(args.rounds):
                log("depth %d: round %d/%d" % (depth, r + 1, args.rounds))
                for name, argv, bt in modes:
                    t, rc, out = timed(argv)
                    times[name].append(t)
                    if rc != 0 or (bt and count_frames(out) != depth + 2):
                        status[name] = "FAILED (exit %d, %d frames)" % (rc, count_frames(out))
            med = {n: statistics.median(v) for n, v in times.items()}
            for name, _, _ in modes:
                v = times[name]
                extra = ""
                if name.endswith("py-bt"):
                    base = name.replace("py-bt", "bare")
                    extra = "%+.0f" % ((med[name] - med[base]) * 1000)
                rows.append((depth + 2, name, med[name] * 1000, min(v) * 1000, max(v) * 1000,
                             extra, status[name]))
                failed |= status[name] != "ok"
        finally:
            if proc is not None:
                kill(proc)
            shutil.rmtree(work, ignore_errors=True)
    if args.markdown:
        print("| frames | mode | median ms | min ms | max ms | py-bt - bare (median) ms | status |")
        print("|---:|---|---:|---:|---:|---:|---|")
        for f, name, m, lo, hi, extra, st in rows:
            print("| {:,} | {} | {:.0f} | {:.0f} | {:.0f} | {} | {} |".format(
                f, name, m, lo, hi, extra, st))
    else:
        for f, name, m, lo, hi, extra, st in rows:
            print("%7d  %-11s median %6.0f ms  min %6.0f  max %6.0f  %6s  %s"
                  % (f, name, m, lo, hi, extra, st))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
