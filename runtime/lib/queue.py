# queue: pyglass's bundled implementation (Queue, LifoQueue, PriorityQueue,
# SimpleQueue), written over threading.Condition. Same names, errors and
# behaviour as CPython 3.11's module; the code is pyglass's own.
import threading


class Empty(Exception):
    "Exception raised by Queue.get(block=0)/get_nowait()."
    pass


class Full(Exception):
    "Exception raised by Queue.put(block=0)/put_nowait()."
    pass


def _monotonic():
    import time
    return time.monotonic()


class Queue:
    """FIFO queue. maxsize <= 0 means no limit."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError("task_done() called too many times")
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = _monotonic() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - _monotonic()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = _monotonic() + timeout
                while not self._qsize():
                    remaining = endtime - _monotonic()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The container; subclasses override these four.
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)


class LifoQueue(Queue):
    """Last in, first out."""

    def _get(self):
        return self.queue.pop()


class PriorityQueue(Queue):
    """Lowest first (entries are usually (priority, data) tuples). Kept
    sorted by insertion; equal entries leave in insertion order."""

    def _put(self, item):
        q = self.queue
        lo = 0
        hi = len(q)
        while lo < hi:
            mid = (lo + hi) // 2
            if item < q[mid]:
                hi = mid
            else:
                lo = mid + 1
        q.insert(lo, item)

    def _get(self):
        return self.queue.pop(0)


class SimpleQueue:
    """Unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._queue = []
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout):
            raise Empty
        return self._queue.pop(0)

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)
