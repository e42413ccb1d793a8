"""Heap queue (pyglass's bundled `heapq` module).

The same sift algorithms as CPython's heapq, so heaps hold their items in
the same order (programs print heap lists). merge() is not provided yet
(it needs *iterables).
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest",
           "heappushpop"]


def _check_list(heap, fname, one_arg=False):
    if not isinstance(heap, list):
        which = "argument" if one_arg else "argument 1"
        raise TypeError(f"{fname}() {which} must be list, not {type(heap).__name__}")


def heappush(heap, item):
    """Pushes item onto heap, keeping the heap invariant."""
    _check_list(heap, "heappush")
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pops the smallest item off the heap."""
    _check_list(heap, "heappop", True)
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pops the smallest item, then pushes item (one sift)."""
    _check_list(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Pushes item, then pops the smallest (faster than both)."""
    _check_list(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Turns list x into a heap, in place, in linear time."""
    _check_list(x, "heapify", True)
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)


# The item at pos moves up towards startpos while it is smaller than its
# parent.
def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


# The hole at pos moves down to a leaf, always towards the smaller child;
# the item then moves back up into place (fewer comparisons than the
# textbook sift, and the order CPython produces).
def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def nsmallest(n, iterable, key=None):
    """The n smallest items: sorted(iterable, key=key)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items: sorted(iterable, key=key, reverse=True)[:n]."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted iterator (lazily).

    Ties keep the order of the inputs: each heap entry carries its input's
    index, which decides between equal keys."""
    entries = []
    for index, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            k = value if key is None else key(value)
            entries.append([_Ordered(k, reverse), index, value, it])
            break
    heapify(entries)
    while entries:
        top = entries[0]
        _, index, value, it = top
        yield value
        for nxt in it:
            top[0] = _Ordered(nxt if key is None else key(nxt), reverse)
            top[2] = nxt
            heapreplace(entries, top)
            break
        else:
            heappop(entries)


class _Ordered:
    """A key compared in merge's direction (reverse=True flips it)."""
    __slots__ = ("key", "reverse")

    def __init__(self, key, reverse):
        self.key = key
        self.reverse = reverse

    def __lt__(self, other):
        return other.key < self.key if self.reverse else self.key < other.key

    def __eq__(self, other):
        return self.key == other.key
