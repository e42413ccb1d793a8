# threading: Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event,
# Barrier, local; blocking and timeouts; CPython's errors.
import threading
import time

lock = threading.Lock()
print(type(lock).__name__, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01))
print(repr(lock).startswith("<locked _thread.lock object at 0x"))
lock.release()
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with lock:
    print("in with:", lock.locked())
print("after with:", lock.locked())
for blocking, timeout in [(False, 1), (True, -2), (True, float("nan"))]:
    try:
        lock.acquire(blocking, timeout)
    except ValueError as e:
        print("ValueError:", e)
for timeout in [1e10, 1e20, float("inf")]:
    try:
        lock.acquire(True, timeout)
    except OverflowError as e:
        print("OverflowError:", e)

# Counter protected by a lock across threads.
counter = [0]


def bump(n):
    for i in range(n):
        with lock:
            counter[0] += 1


ts = [threading.Thread(target=bump, args=(2000,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("counter:", counter[0])

# RLock.
r = threading.RLock()
print(type(r).__name__, r.acquire(), r.acquire(), r._is_owned())
print(repr(r).startswith("<locked _thread.RLock object owner="), "count=2" in repr(r))
r.release()
r.release()
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested with ok")


def other_release():
    try:
        r.release()
    except RuntimeError as e:
        print("other thread:", e)


r.acquire()
t = threading.Thread(target=other_release)
t.start()
t.join()
r.release()

# Condition: producer / consumer.
cond = threading.Condition()
items = []
got = []


def consumer():
    for i in range(5):
        with cond:
            while not items:
                cond.wait()
            got.append(items.pop(0))


c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        items.append(i * i)
        cond.notify()
    time.sleep(0.001)
c.join()
print("consumed:", got)
with cond:
    print("wait timeout:", cond.wait(0.01))
    print("wait_for:", cond.wait_for(lambda: True))
try:
    cond.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
plain = threading.Condition(threading.Lock())
with plain:
    plain.notify_all()
print("plain-lock condition ok")

# Semaphores.
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(blocking=False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)
b = threading.BoundedSemaphore(1)
with b:
    print("bounded in with")
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)

# Event.
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
order = []


def waiter(i):
    ev.wait()
    with lock:
        order.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for w in ws:
    w.start()
ev.set()
for w in ws:
    w.join()
print(sorted(order), ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set())

# Barrier.
bar = threading.Barrier(3, action=lambda: print("barrier action"))
idx = []


def at_barrier():
    i = bar.wait()
    with lock:
        idx.append(i)


bs = [threading.Thread(target=at_barrier) for i in range(3)]
for t in bs:
    t.start()
for t in bs:
    t.join()
print(sorted(idx), bar.parties, bar.n_waiting, bar.broken)
bar.abort()
print(bar.broken)
try:
    bar.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError")
bar.reset()
print(bar.broken)

# local.
data = threading.local()
data.x = "main"
seen = []


def use_local(v):
    seen.append(hasattr(data, "x"))
    data.x = v
    seen.append(data.x)


t = threading.Thread(target=use_local, args=("thread",))
t.start()
t.join()
print(seen, data.x)
