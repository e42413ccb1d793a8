"""Heap queue (pyglass's bundled `heapq` module).

The same sift algorithms as CPython's heapq, so heaps hold their items in
the same order (programs print heap lists). merge() is lazy and stable
like CPython's (ties keep the order of the iterables).
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "nlargest", "nsmallest",
           "heappushpop", "merge"]


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
    """Lazily merges sorted iterables into one sorted stream. Ties go to
    the earlier iterable: each heap entry carries the iterable's index."""
    entries = []
    for index, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            entries.append(_MergeEntry(value if key is None else key(value), index, value, it, reverse))
            break
    heapify(entries)
    while entries:
        top = entries[0]
        yield top.value
        for value in top.it:
            top.value = value
            top.sort_key = value if key is None else key(value)
            heapreplace(entries, top)
            break
        else:
            heappop(entries)


class _MergeEntry:
    """One iterable's current item inside merge()'s heap."""

    def __init__(self, sort_key, index, value, it, reverse):
        self.sort_key = sort_key
        self.index = index
        self.value = value
        self.it = it
        self.reverse = reverse

    def __lt__(self, other):
        if self.sort_key == other.sort_key:
            return self.index < other.index
        if self.reverse:
            return other.sort_key < self.sort_key
        return self.sort_key < other.sort_key
