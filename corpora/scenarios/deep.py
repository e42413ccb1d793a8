# Debugger scenario: recursion N frames deep (default 1000), waiting in the
# innermost frame. Also the 10,000-frame target of bench/stack_bench.py.
#
#   pyglass corpora/scenarios/deep.py [N] [--ready FILE]
#
# Stack (deep.expected): recurse(1) at the sleep, N - 1 more recurse frames
# at the recursive call, main, <module>.
import sys
import time

import scenario_util


def recurse(n):
    if n <= 1:
        scenario_util.signal_ready()
        time.sleep(1000)
        return 0
    return recurse(n - 1) + 1


def main():
    depth = scenario_util.positional(0, 1000)
    sys.setrecursionlimit(depth + 100)
    return recurse(depth)


main()
