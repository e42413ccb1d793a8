# threading: the process waits for non-daemon threads at exit, not for
# daemon threads; an exception in a thread is printed to stderr and does
# not stop the program (stdout and the exit status are compared).
import threading
import time
import sys

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError:", e)
sys.setswitchinterval(0.005)


def fail():
    raise KeyError("in thread")


t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
print("main continues after the thread's exception")


def exit_quietly():
    sys.exit(3)


t = threading.Thread(target=exit_quietly)
t.start()
t.join()
print("SystemExit in a thread is silent")

# Busy threads all make progress (the GIL is handed over).
counts = [0, 0, 0]
stop = threading.Event()


def spin(i):
    while not stop.is_set():
        counts[i] += 1


spinners = [threading.Thread(target=spin, args=(i,)) for i in range(3)]
for s in spinners:
    s.start()
time.sleep(0.2)
stop.set()
for s in spinners:
    s.join()
print("all spun:", all(c > 0 for c in counts))

daemon = threading.Thread(target=time.sleep, args=(60,), daemon=True)
daemon.start()


def late():
    time.sleep(0.05)
    print("non-daemon thread finished before exit")


threading.Thread(target=late).start()
print("main body done")
