# collections: deque, defaultdict, OrderedDict, Counter, ChainMap, abc mixins.
from collections import deque, defaultdict, OrderedDict, Counter, ChainMap
import collections.abc

d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, d.pop(), d.popleft(), d)
d.extend("ab"); d.extendleft([9, 8])
print(d, d.count(2), d.index(2))
d.rotate(2); print(d); d.rotate(-3); print(d)
d.remove("a"); d.insert(1, "X"); d.reverse(); print(d, list(reversed(d)))
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.appendleft(-1); print(m)
print(deque() == deque([]), deque([1]) < deque([2]), deque([1, 2]) + deque([3]), deque([1]) * 3, bool(deque()))
d2 = d.copy(); d2[0] = "first"; del d2[1]; print(d2, d)
for thunk in [lambda: deque().pop(), lambda: deque([1])[5], lambda: deque([1]).remove(2),
              lambda: deque([1]).index(7), lambda: deque(maxlen=-1), lambda: deque().popleft()]:
    try:
        thunk()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
dd = deque([1, 2, 3])
try:
    for x in dd:
        dd.append(x)
except RuntimeError as e:
    print(e)
class Q(deque):
    def push(self, x):
        self.append(x)
q = Q([1]); q.push(2); print(len(q), list(q), isinstance(q, deque))
queue = deque([(0, 0)])
seen = {(0, 0): 0}
while queue:
    x, y = queue.popleft()
    for nx, ny in ((x + 1, y), (x, y + 1)):
        if nx < 4 and ny < 4 and (nx, ny) not in seen:
            seen[(nx, ny)] = seen[(x, y)] + 1
            queue.append((nx, ny))
print("bfs", seen[(3, 3)], len(seen))

dl = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dl[k].append(v)
print(dl, dl["a"], dl["zz"], len(dl), dict(dl))
di = defaultdict(int, {"x": 5})
di["y"] += 2
print(di, di.default_factory, defaultdict(), defaultdict(lambda: "d")["k"])
try:
    defaultdict()["missing"]
except KeyError as e:
    print("KeyError", e)
print(isinstance(dl, dict), dl.copy(), type(dl.copy()).__name__)

od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([("x", 1), ("y", 2), ("z", 3)])
od2.move_to_end("x"); print(list(od2)); od2.move_to_end("z", last=False); print(list(od2))
print(OrderedDict([(1, 2), (3, 4)]) == OrderedDict([(3, 4), (1, 2)]), OrderedDict([(1, 2), (3, 4)]) == {3: 4, 1: 2})
print(OrderedDict(), OrderedDict.fromkeys("ab", 0), list(reversed(OrderedDict.fromkeys("xyz"))))

c = Counter("abracadabra")
print(c, c["a"], c["zz"], c.most_common(2), c.most_common(), c.total())
print(sorted(c.elements()), len(c))
c.update("aaz"); c.subtract({"a": 10}); print(c)
c2 = Counter({"a": 3, "b": 1})
c3 = Counter(["a", "b", "b", "c"])
print(c2 + c3, c2 - c3, c2 | c3, c2 & c3, +Counter({"a": -1, "b": 2}), -Counter({"a": -1, "b": 2}))
print(Counter() == Counter(), Counter("ab") == Counter("ba"), Counter("a") <= Counter("aa"), Counter())
words = "the quick the lazy the end quick".split()
print(Counter(words).most_common(2), Counter(len(w) for w in words))
c4 = Counter("aab"); c4 += Counter("bc"); print(c4); c4 -= Counter("aaaa"); print(c4)
del c4["zzz"]; print(c4)

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), "b" in cm, cm.get("q", 0), cm)
cm["c"] = 4
print(cm.maps, cm.new_child({"a": 0})["a"], cm.parents["a"])
try:
    cm["nope"]
except KeyError as e:
    print("KeyError", e)

class Bag(collections.abc.MutableMapping):
    def __init__(self):
        self.data = {}
    def __getitem__(self, k):
        return self.data[k]
    def __setitem__(self, k, v):
        self.data[k] = v
    def __delitem__(self, k):
        del self.data[k]
    def __iter__(self):
        return iter(self.data)
    def __len__(self):
        return len(self.data)
b = Bag()
b["x"] = 1
b.update({"y": 2})
print(b.get("x"), b.get("q", "none"), "y" in b, sorted(b.keys()), sorted(b.items()), b.pop("x"), b.setdefault("z", 9), len(b))
class Seq(collections.abc.Sequence):
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
    def __len__(self):
        return 3
s = Seq()
print(list(s), 20 in s, s.index(20), s.count(10), list(reversed(s)))
