# Debugger scenario: two named threads deadlocked on two locks, the main
# thread joining the first of them.
#
#   pyglass corpora/scenarios/threads_deadlock.py [--ready FILE]
#
# worker-a takes lock_a, then waits for lock_b; worker-b takes lock_b, then
# waits for lock_a. The barrier makes sure each holds its first lock before
# either asks for the second, so the deadlock always happens. The tools must
# show both workers blocked, each on the lock the other holds
# (threads_deadlock.expected).
import threading

import scenario_util

lock_a = threading.Lock()
lock_b = threading.Lock()
both_hold_one = threading.Barrier(2)


def take_second(second):
    with second:
        return 1


def transfer(first, second):
    with first:
        both_hold_one.wait()
        return take_second(second)


def main():
    a = threading.Thread(target=transfer, args=(lock_a, lock_b), name="worker-a", daemon=True)
    b = threading.Thread(target=transfer, args=(lock_b, lock_a), name="worker-b", daemon=True)
    a.start()
    b.start()
    scenario_util.signal_ready()
    a.join(1000)


main()
