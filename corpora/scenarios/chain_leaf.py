# Innermost module of the chain.py scenario: leaf() signals readiness and
# waits, holding locals of every type the renderer shows.
import time

import scenario_util


def leaf(values, scale, big):
    small = 42
    negative = -7
    text = "héllo 'world'"
    items = [1, "two", 3.0, None, True]
    mapping = {"a": 1, "b": [2, 3]}
    pair = (1, "x")
    nothing = None
    scenario_util.signal_ready()
    time.sleep(1000)
    return small
