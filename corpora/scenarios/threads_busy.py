# Debugger scenario: three busy threads sharing the GIL while the main
# thread sleeps.
#
#   pyglass corpora/scenarios/threads_busy.py [--ready FILE]
#
# busy-1, busy-2 and busy-3 spin in spin(), a loop on one line (so every
# sample shows the same line), and take turns with the GIL: at any instant
# at most one of them holds it, the others wait for it
# (threads_busy.expected). The main thread sleeps in main().
import threading
import time

import scenario_util


def spin(counter):
    while True: counter[0] += 1


def main():
    workers = []
    for i in range(3):
        t = threading.Thread(target=spin, args=([0],), name="busy-" + str(i + 1), daemon=True)
        t.start()
        workers.append(t)
    scenario_util.signal_ready()
    time.sleep(1000)


main()
