#!/usr/bin/env python3
"""Benchmark runner: CPython vs pyglass.

Usage:
    python3 bench/run.py --pyglass PATH [--python PATH] [--rounds 5]
                         [--filter NAME[,NAME...]] [--markdown] [--timeout S]

For every benchmark program bench/*.py (except this file) the runner:

  * runs it under both interpreters, alternating them round by round
    (python3, pyglass, pyglass, python3, python3, pyglass, ...) so that both
    sides see the same machine noise and neither always goes first;
  * times the wall-clock duration of the whole process (start-up included);
  * checks that both interpreters printed exactly the same stdout, in every
    round, and flags any difference loudly;
  * reports the median time of each side and the ratio
        ratio = python3 median / pyglass median
    so a ratio > 1 means pyglass is faster;
  * adds a geometric-mean row over the benchmarks that ran cleanly.

By default the CPython side is the *real* interpreter binary, found by asking
`python3` on PATH for sys.executable once: on this machine `python3` is a
pyenv shim script that adds ~40 ms to every process start, which would skew
every measurement.

Benchmarks are measurements, not tests: the exit status is 0 even when
pyglass is slower. It is non-zero (1) only when an output mismatch, a crash
(non-zero exit status) or a timeout occurred, and 2 on usage errors.

Progress and diagnostics go to stderr; the table goes to stdout, so
`--markdown > table.md` captures just the table.
"""

import argparse
import math
import os
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
RUNNER_NAME = os.path.basename(os.path.abspath(__file__))


def log(*args):
    """Progress/diagnostic output: stderr, flushed immediately."""
    print(*args, file=sys.stderr, flush=True)


def resolve_real_python():
    """Return the real CPython binary behind `python3` on PATH.

    `python3` may be a shim (pyenv) that re-execs the real interpreter; ask it
    once for sys.executable and use that path directly for all timed runs.
    """
    try:
        out = subprocess.run(
            ["python3", "-c", "import sys; print(sys.executable)"],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        sys.exit("run.py: cannot resolve python3 on PATH (%s); use --python" % exc)
    if not out:
        sys.exit("run.py: python3 reported an empty sys.executable; use --python")
    return out


def check_executable(path, what):
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        log("run.py: %s is not an executable file: %s" % (what, path))
        sys.exit(2)


def python_version(python):
    try:
        return subprocess.run([python, "--version"], capture_output=True,
                              text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown version"


def discover(filters):
    """Benchmark names (file stems), sorted; optionally filtered by substring."""
    names = sorted(
        f[:-3] for f in os.listdir(BENCH_DIR)
        # *_bench.py are drivers of other benchmarks (e.g. stack_bench.py
        # times pyglass-stack), not programs for the VM.
        if f.endswith(".py") and f != RUNNER_NAME and not f.endswith("_bench.py")
    )
    if filters:
        names = [n for n in names if any(flt in n for flt in filters)]
    return names


class Result:
    """Outcome of one timed process run."""

    def __init__(self, seconds, stdout, stderr, returncode, timed_out):
        self.seconds = seconds
        self.stdout = stdout
        self.stderr = stderr
        self.returncode = returncode
        self.timed_out = timed_out

    @property
    def ok(self):
        return not self.timed_out and self.returncode == 0


def run_once(interp, script, timeout):
    """Run `interp script` once; time the whole process with a wall clock."""
    start = time.perf_counter()
    try:
        proc = subprocess.run([interp, script], capture_output=True,
                              timeout=timeout, cwd=BENCH_DIR)
    except subprocess.TimeoutExpired as exc:
        return Result(time.perf_counter() - start, exc.stdout or b"",
                      exc.stderr or b"", None, True)
    elapsed = time.perf_counter() - start
    return Result(elapsed, proc.stdout, proc.stderr, proc.returncode, False)


def describe_failure(side, res):
    if res.timed_out:
        return "%s timed out after %.1f s" % (side, res.seconds)
    return "%s exited with status %s" % (side, res.returncode)


def tail(data, lines=15):
    text = data.decode("utf-8", "replace").rstrip("\n")
    return "\n".join("    | " + l for l in text.splitlines()[-lines:])


def bench_one(name, python, pyglass, rounds, timeout):
    """Run one benchmark for `rounds` interleaved rounds.

    Returns a dict with the medians (or None) and a status string:
    "ok", "MISMATCH" or "CRASH".
    """
    script = os.path.join(BENCH_DIR, name + ".py")
    sides = {"python3": python, "pyglass": pyglass}
    times = {"python3": [], "pyglass": []}
    outputs = {"python3": None, "pyglass": None}  # stdout of the first round
    status = "ok"

    for rnd in range(rounds):
        # Alternate which interpreter goes first so neither is systematically
        # favoured by caches warmed (or machine load left) by the other.
        order = ["python3", "pyglass"] if rnd % 2 == 0 else ["pyglass", "python3"]
        for side in order:
            res = run_once(sides[side], script, timeout)
            if not res.ok:
                log("!!! CRASH in %s: %s" % (name, describe_failure(side, res)))
                if res.stderr:
                    log(tail(res.stderr))
                status = "CRASH"
                break
            times[side].append(res.seconds)
            if outputs[side] is None:
                outputs[side] = res.stdout
            elif res.stdout != outputs[side]:
                # Same interpreter, different output between rounds.
                log("!!! MISMATCH in %s: %s output changed between rounds"
                    % (name, side))
                status = "MISMATCH"
        if status == "CRASH":
            break  # no point re-running a crashing benchmark
        log("  %-14s round %d/%d: python3 %.3f s, pyglass %.3f s"
            % (name, rnd + 1, rounds, times["python3"][-1], times["pyglass"][-1]))

    if status != "CRASH" and outputs["python3"] != outputs["pyglass"]:
        log("!!! MISMATCH in %s: outputs differ" % name)
        log("    python3 printed:\n" + tail(outputs["python3"]))
        log("    pyglass printed:\n" + tail(outputs["pyglass"]))
        status = "MISMATCH"

    def med(side):
        return statistics.median(times[side]) if times[side] else None

    return {"name": name, "python3": med("python3"),
            "pyglass": med("pyglass"), "status": status}


def fmt_time(t):
    return "-" if t is None else "%.3f" % t


def fmt_ratio(row):
    # A mismatching or crashing benchmark did not do the same work on both
    # sides, so its ratio would be meaningless: show only the raw times.
    if row["status"] != "ok":
        return "-"
    if row["python3"] is None or row["pyglass"] is None or row["pyglass"] <= 0:
        return "-"
    return "%.2fx" % (row["python3"] / row["pyglass"])


def geomean_ratio(rows):
    """Geometric mean of python3/pyglass over rows that ran cleanly."""
    ratios = [r["python3"] / r["pyglass"] for r in rows
              if r["status"] == "ok" and r["pyglass"]]
    if not ratios:
        return None, 0
    return math.exp(sum(math.log(x) for x in ratios) / len(ratios)), len(ratios)


def print_table(rows, markdown, header_note):
    header = ["benchmark", "python3 (s)", "pyglass (s)", "ratio", "status"]
    body = [[r["name"], fmt_time(r["python3"]), fmt_time(r["pyglass"]),
             fmt_ratio(r), r["status"]] for r in rows]
    gm, n = geomean_ratio(rows)
    geo_note = ("all %d" % n if n == len(rows)
                else "%d of %d (failures excluded)" % (n, len(rows)))
    body.append(["geometric mean", "", "",
                 "-" if gm is None else "%.2fx" % gm, geo_note])

    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join(["---"] + ["---:"] * 3 + [":---:"]) + "|")
        for line in body:
            cells = list(line)
            if cells[0] == "geometric mean":
                cells = ["**" + c + "**" if c else c for c in cells[:4]] + [cells[4]]
            print("| " + " | ".join(cells) + " |")
        print()
        print("_" + header_note + "_")
    else:
        widths = [max(len(str(row[i])) for row in [header] + body)
                  for i in range(len(header))]
        def fmt(line):
            return "  ".join(
                str(c).ljust(w) if i in (0, 4) else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(line, widths))).rstrip()
        print(fmt(header))
        rule = "  ".join("-" * w for w in widths)
        print(rule)
        for line in body[:-1]:
            print(fmt(line))
        print(rule)
        print(fmt(body[-1]))
        print()
        print(header_note)


def main():
    ap = argparse.ArgumentParser(
        description="Time bench/*.py under CPython and pyglass (interleaved "
                    "rounds, medians; ratio = python3 time / pyglass time).")
    ap.add_argument("--pyglass", required=True, help="path to the pyglass binary")
    ap.add_argument("--python", help="CPython binary (default: the real "
                    "interpreter behind `python3` on PATH, not a pyenv shim)")
    ap.add_argument("--rounds", type=int, default=5,
                    help="timed runs per interpreter per benchmark (default 5)")
    ap.add_argument("--filter", default="",
                    help="only benchmarks whose name contains NAME "
                         "(comma-separated list allowed)")
    ap.add_argument("--markdown", action="store_true",
                    help="print the table as markdown (for README)")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="per-process timeout in seconds (default 300); "
                         "a timeout counts as a crash")
    args = ap.parse_args()

    if args.rounds < 1:
        ap.error("--rounds must be >= 1")
    pyglass = os.path.abspath(args.pyglass)
    python = args.python or resolve_real_python()
    check_executable(pyglass, "--pyglass")
    check_executable(python, "--python")

    filters = [f.strip() for f in args.filter.split(",") if f.strip()]
    names = discover(filters)
    if not names:
        log("run.py: no benchmark matches --filter %r" % args.filter)
        return 2

    version = python_version(python)
    log("python3: %s (%s)" % (python, version))
    log("pyglass: %s" % pyglass)
    log("rounds:  %d, benchmarks: %s" % (args.rounds, ", ".join(names)))

    rows = [bench_one(n, python, pyglass, args.rounds, args.timeout)
            for n in names]

    note = ("Median wall-clock of %d interleaved run(s) per interpreter; "
            "ratio = python3 / pyglass (>1 means pyglass is faster); "
            "python3 = %s." % (args.rounds, version))
    log("")
    print_table(rows, args.markdown, note)

    bad = [r["name"] + " (" + r["status"] + ")" for r in rows if r["status"] != "ok"]
    if bad:
        log("")
        log("!!! FAILED: " + ", ".join(bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
