# heapq (same heap order as CPython) and copy (copy, deepcopy with memo).
import heapq
import copy

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 0]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(4)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 10), data, heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print(heapq.nlargest(3, [1, 8, 2, 9, 3]), heapq.nsmallest(2, "zebra"), heapq.nlargest(2, ["aa", "b", "ccc"], key=len))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "test"))
print([heapq.heappop(tasks)[1] for _ in range(3)])
for thunk in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1)]:
    try:
        thunk()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(s, d, s[1] is a[1], d[1] is a[1])
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[0], dc is cyc)
class P:
    def __init__(self, x, items):
        self.x = x
        self.items = items
p = P(1, [1, 2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.items.append(3)
print(p2.x, p2.items, p3.items, type(p3).__name__, p3 is p)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Custom("copied " + str(self.v))
    def __deepcopy__(self, memo):
        return Custom("deep " + str(self.v))
print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(2)).v, copy.deepcopy([Custom(3)])[0].v)
t = (1, "a", (2, 3))
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
print(copy.copy({"a": 1}), copy.deepcopy({"a": {"b": 2}}), copy.copy(5), copy.copy("s"), copy.deepcopy(None))
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(id(x) in memo, y[0] is y[1])
