# Cost of sys.settrace / sys.setprofile (issue 9). Not run by run.py (the
# runner skips *_bench.py). Run it under each interpreter:
#
#   build/release/runtime/pyglass bench/trace_bench.py
#   python3 bench/trace_bench.py
#
# It times the same workload (calls, a loop, a generator) with no tracer,
# with a global trace function whose local tracer counts line events, and
# with a profile function, and prints the seconds and the slowdown factor
# of each against the untraced run. The event counts are printed too, so
# the two interpreters can be checked to do the same amount of work.
import sys
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def loop(n):
    total = 0
    i = 0
    while i < n:
        total += i * 3 % 7
        i += 1
    return total


def squares(n):
    for i in range(n):
        yield i * i


def workload():
    return fib(20) + loop(200000) + sum(squares(200000))


counts = {}


def local_tracer(frame, event, arg):
    counts[event] = counts.get(event, 0) + 1
    return local_tracer


def global_tracer(frame, event, arg):
    counts[event] = counts.get(event, 0) + 1
    return local_tracer


def profiler(frame, event, arg):
    counts[event] = counts.get(event, 0) + 1


def timed(install, remove):
    start = time.perf_counter()
    install()
    result = workload()
    remove()
    return time.perf_counter() - start, result


def main():
    base, expected = timed(lambda: None, lambda: None)
    rows = [("off", base, expected)]
    counts.clear()
    t, r = timed(lambda: sys.settrace(global_tracer), lambda: sys.settrace(None))
    rows.append(("settrace", t, r))
    trace_counts = dict(counts)
    counts.clear()
    t, r = timed(lambda: sys.setprofile(profiler), lambda: sys.setprofile(None))
    rows.append(("setprofile", t, r))
    profile_counts = dict(counts)
    for name, seconds, result in rows:
        assert result == expected, name
        print(f"{name:11} {seconds:8.3f} s  x{seconds / base:6.1f}")
    print("trace events:", sorted(trace_counts.items()))
    print("profile events:", sorted(profile_counts.items()))


main()
