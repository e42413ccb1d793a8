# Debugger scenario: waiting inside an `except` block while an exception is
# being handled (risky()'s frame is gone; the handled ValueError is not).
#
#   pyglass corpora/scenarios/except_block.py [--ready FILE]
#
# Stack: except_block.expected.
import time

import scenario_util


def risky(value):
    raise ValueError("bad value " + str(value))


def handle(value):
    try:
        risky(value)
    except ValueError as err:
        scenario_util.signal_ready()
        time.sleep(1000)
        return str(err)


handle(7)
