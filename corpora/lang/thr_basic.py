# threading: Thread start/join, names, idents, daemon, is_alive, repr
# states, current_thread/main_thread/enumerate/active_count, _thread.
import threading
import _thread
import time

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.get_ident() == main.ident, threading.get_native_id() == main.native_id)
print(isinstance(threading.get_ident(), int), type(main).__name__)

seen = {}


def worker(key, value, extra=0):
    t = threading.current_thread()
    seen[key] = (t.name, value + extra, t is not main, t.ident == threading.get_ident())


t = threading.Thread(target=worker, args=("a", 1), kwargs={"extra": 10}, name="alpha")
print(t.name, t.ident, t.native_id, t.is_alive(), t.daemon)
print(repr(t))
t.start()
t.join()
print(seen["a"], t.is_alive(), t.ident is not None, isinstance(t.native_id, int))
print(repr(t).startswith("<Thread(alpha, stopped "))

# Default names: Thread-N, with the target's name in parentheses.
t1 = threading.Thread(target=worker, args=("b", 2))
t2 = threading.Thread()
print(t1.name.startswith("Thread-"), t1.name.endswith(" (worker)"), t2.name.startswith("Thread-"))
t1.start()
t1.join()
t2.start()
t2.join()
print(seen["b"][1:])

# Many threads, each joins.
results = [0] * 8


def square(i):
    total = 0
    for k in range(1000):
        total += i
    results[i] = total


threads = [threading.Thread(target=square, args=(i,)) for i in range(8)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(results)
print(threading.active_count(), len(threading.enumerate()), threading.enumerate()[0].name)

# A Thread subclass overriding run().
class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name="counter")
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


c = Counter(100)
c.start()
c.join()
print(c.total, c.name)

# join with a timeout on a thread that outlives it.
ev = threading.Event()
slow = threading.Thread(target=ev.wait, name="slow")
slow.start()
slow.join(0.01)
print("alive after timed join:", slow.is_alive())
ev.set()
slow.join()
print("alive after join:", slow.is_alive())

# daemon flag inheritance and setters.
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, d.isDaemon())
d.daemon = False
print(d.daemon)
d.start()
d.join()
try:
    d.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)

# name setter.
n = threading.Thread(target=lambda: None, name="first")
n.name = "second"
print(n.name, n.getName())

# _thread directly.
done = _thread.allocate_lock()
done.acquire()
box = []


def raw(a, b):
    box.append(a + b)
    done.release()


ident = _thread.start_new_thread(raw, (2, 3))
done.acquire()
print(box, isinstance(ident, int))

# Errors.
for bad in [lambda: threading.Thread(target=worker).join(),
            lambda: threading.current_thread().join(),
            lambda: _thread.start_new_thread(worker, [1]),
            lambda: _thread.start_new_thread(1, ())]:
    try:
        bad()
    except (RuntimeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
t = threading.Thread(target=lambda: None)
t.start()
t.join()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
print(threading.TIMEOUT_MAX > 0, threading.ThreadError is RuntimeError)
