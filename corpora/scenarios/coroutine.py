# Debugger scenario: a coroutine driven by send(None): handler() awaits
# fetch(), which waits. Both coroutine frames are embedded in their
# coroutine objects, like generator frames; the send() and the await each
# start a native eval_frame() activation.
#
#   pyglass corpora/scenarios/coroutine.py [--ready FILE]
#
# Stack: coroutine.expected.
import time

import scenario_util


async def fetch(key):
    scenario_util.signal_ready()
    time.sleep(1000)
    return key * 2


async def handler(key):
    value = await fetch(key)
    return value + 1


def drive():
    coro = handler(20)
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value


drive()
