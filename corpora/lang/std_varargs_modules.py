import heapq
import os.path, threading
from collections import Counter, ChainMap
print(os.path.join("a", "b", "c", "d", "e", "f", "g", "h"))
print(os.path.join("a", "/b", "c"))
c = Counter("abca", z=3)
print(sorted(c.items()))
c.update(a=5)
c.subtract("b", z=1)
print(sorted(c.items()))
m = ChainMap({1: 1}, {2: 2}, {3: 3}, {4: 4}, {5: 5})
print(len(m.maps), m[5])
out = []
def work(a, b, *, c):
    out.append(a + b + c)
t = threading.Thread(target=work, args=(1, 2), kwargs={"c": 3})
t.start(); t.join()
print(out)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 9, 10])))
print(list(heapq.merge([3, 2, 1], [5, 0], reverse=True)))
print(list(heapq.merge(["bb", "a"], ["ccc"], key=len, reverse=True)))
print(list(heapq.merge([(1, "x"), (2, "y")], [(1, "a"), (3, "b")], key=lambda t: t[0])))
print(list(heapq.merge()), list(heapq.merge([], [1])))
