# Debugger scenario: a closure (a nested function whose free variable lives
# in a cell of its enclosing function) waits inside the inner function.
#
#   pyglass corpora/scenarios/closure.py [--ready FILE]
#
# Stack: closure.expected.
import time

import scenario_util


def make_counter(start):
    count = start

    def step(delta):
        nonlocal count
        count += delta
        if count >= 3:
            scenario_util.signal_ready()
            time.sleep(1000)
        return count

    return step


def run():
    step = make_counter(1)
    step(1)
    return step(1)


run()
