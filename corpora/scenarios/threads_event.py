# Debugger scenario: a thread waiting on an Event that is never set, while
# the main thread sleeps.
#
#   pyglass corpora/scenarios/threads_event.py [--ready FILE]
#
# "event-waiter" blocks in Event.wait(), which waits on the lock of a
# Condition waiter (runtime/lib/threading.py): the tools show it blocked on
# that Lock, held by the waiting thread itself, with the threading frames
# under it (threads_event.expected).
import threading
import time

import scenario_util

never_set = threading.Event()


def wait_for_go(event):
    if event.wait():
        return "go"
    return "timeout"


def main():
    waiter = threading.Thread(target=wait_for_go, args=(never_set,), name="event-waiter",
                              daemon=True)
    waiter.start()
    scenario_util.signal_ready()
    time.sleep(1000)


main()
