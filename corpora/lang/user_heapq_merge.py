# heapq.merge: lazy, stable, key= and reverse=.
import heapq

print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge()), list(heapq.merge([], [1], [])))
print(list(heapq.merge(["b", "dd"], ["a", "ccc"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
print(list(heapq.merge([(1, "x"), (2, "a")], [(1, "y")], key=lambda t: t[0])))
m = heapq.merge(iter([1, 3]), (x * 2 for x in range(3)))
print(next(m), next(m), list(m))
try:
    list(heapq.merge([1], ["a"]))
except TypeError as e:
    print("TypeError:", e)
