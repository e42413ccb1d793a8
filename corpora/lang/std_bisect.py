# bisect: bisect_left/right, insort, lo/hi bounds, key= (3.10+).
import bisect
a = [1, 2, 2, 2, 5, 8, 13]
for x in [0, 1, 2, 3, 5, 13, 20]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect(a, 100, 2, 4))
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, v)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 4.0)
print(b)
people = [("ann", 21), ("bob", 30), ("cy", 45)]
print(bisect.bisect_left(people, 30, key=lambda p: p[1]), bisect.bisect_right(people, 30, key=lambda p: p[1]))
bisect.insort(people, ("dee", 33), key=lambda p: p[1])
print(people)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
from bisect import *
print(bisect_left("abcde", "c"), insort is insort_right)
