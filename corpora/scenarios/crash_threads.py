# Crash scenario with threads: two workers wait (one on an Event that is
# never set, one sleeping in a loop) while the main thread dies of SIGSEGV
# in native code. With faulthandler on, the report lists every thread's
# Python stack; the kernel core shows the same threads to pyglass-stack.
# (tests/debugger/run_faulthandler.py compares both with python3's report.)
import faulthandler
import threading
import time

never_set = threading.Event()
started = threading.Barrier(3)


def wait_forever(event):
    started.wait()
    event.wait()


def doze():
    started.wait()
    while True:
        time.sleep(0.05)


def crash(reason):
    faulthandler._sigsegv()


def main():
    for name, target, args in (("waiter", wait_forever, (never_set,)), ("dozer", doze, ())):
        threading.Thread(target=target, args=args, name=name, daemon=True).start()
    started.wait()
    time.sleep(0.2)
    crash("all threads parked")


main()
