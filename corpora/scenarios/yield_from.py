# Debugger scenario: a generator resumed through a `yield from` chain. A for
# loop resumes top(), which resumes middle() (yield from), which resumes
# leaf() (yield from); leaf waits. Each resumption is a new native
# eval_frame() activation, and each generator frame is owned by its
# generator object.
#
#   pyglass corpora/scenarios/yield_from.py [--ready FILE]
#
# Stack: yield_from.expected.
import time

import scenario_util


def leaf(limit):
    n = 0
    while n < limit:
        if n == 2:
            scenario_util.signal_ready()
            time.sleep(1000)
        yield n
        n += 1
    return n


def middle(limit):
    got = yield from leaf(limit)
    return got * 10


def top():
    total = yield from middle(5)
    yield total


def consume():
    seen = 0
    for item in top():
        seen += 1
    return seen


consume()
