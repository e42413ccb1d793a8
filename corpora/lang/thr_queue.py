# queue: Queue between threads (put/get/task_done/join), maxsize and
# timeouts, LifoQueue, PriorityQueue, SimpleQueue, Empty and Full.
import queue
import threading

q = queue.Queue()
results = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * 2)
        q.task_done()


ts = [threading.Thread(target=worker) for i in range(3)]
for t in ts:
    t.start()
for i in range(20):
    q.put(i)
q.join()
for t in ts:
    q.put(None)
for t in ts:
    t.join()
print(sorted(results))
print(q.qsize(), q.empty(), q.full())

b = queue.Queue(maxsize=2)
b.put(1)
b.put_nowait(2)
print(b.full(), b.qsize())
try:
    b.put_nowait(3)
except queue.Full:
    print("Full")
try:
    b.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(b.get(), b.get_nowait())
try:
    b.get_nowait()
except queue.Empty:
    print("Empty")
try:
    b.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    b.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    b.task_done()
    b.task_done()
    b.task_done()
except ValueError as e:
    print("ValueError:", e)

# A bounded queue makes the producer wait for the consumer.
small = queue.Queue(1)
out = []


def consume():
    for i in range(10):
        out.append(small.get())


c = threading.Thread(target=consume)
c.start()
for i in range(10):
    small.put(i)
c.join()
print(out)

lq = queue.LifoQueue()
for i in range(4):
    lq.put(i)
print([lq.get() for i in range(4)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2")]:
    pq.put(item)
print([pq.get() for i in range(4)])
sq = queue.SimpleQueue()
sq.put("x")
print(sq.qsize(), sq.get(), sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
