# Debugger scenario: a generator consumed by a for loop, waiting inside the
# generator's frame (which is embedded in the generator object and linked
# into the thread's chain while it runs).
#
#   pyglass corpora/scenarios/generator.py [--ready FILE]
#
# Stack and locals: generator.expected, generator.locals.
import time

import scenario_util


def numbers(limit):
    i = 0
    while i < limit:
        if i == 3:
            scenario_util.signal_ready()
            time.sleep(1000)
        yield i
        i += 1


def consume():
    total = 0
    for value in numbers(10):
        total += value
    return total


consume()
