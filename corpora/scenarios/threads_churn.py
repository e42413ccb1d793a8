# Stress target (tests/debugger/thread_stress.py): threads start and end in
# a loop, forever, while a tool samples the process without stopping it.
#
#   pyglass corpora/scenarios/threads_churn.py [--ready FILE]
#
# Each round starts a few short-lived threads (some named, some with a
# little recursion so their stacks have depth), joins them, and counts the
# rounds; every 0.5 s the main thread prints a progress line.
import threading
import time

import scenario_util


def dig(n, box):
    if n == 0:
        box.append(1)
        return 0
    return dig(n - 1, box) + 1


def short_life(i, box):
    total = 0
    for k in range(50):
        total += k
    dig(i % 7, box)
    if i % 3 == 0:
        time.sleep(0.0005)
    return total


def main():
    rounds = 0
    box = []
    last = time.monotonic()
    scenario_util.signal_ready()
    while True:
        threads = []
        for i in range(4):
            t = threading.Thread(target=short_life, args=(rounds + i, box),
                                 name="churn-" + str(rounds % 100) + "-" + str(i))
            t.start()
            threads.append(t)
        for t in threads:
            t.join()
        rounds += 1
        if time.monotonic() - last > 0.5:
            last = time.monotonic()
            print("rounds", rounds, "threads", threading.active_count(), flush=True)


main()
