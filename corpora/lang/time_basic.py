# time module: only types and orderings are printed, never values.
import time
t0 = time.time()
p0 = time.perf_counter()
print(type(t0), type(p0))
print(t0 > 1600000000, p0 >= 0 or p0 < 0)
time.sleep(0.01)
t1 = time.time()
p1 = time.perf_counter()
print(t1 >= t0, p1 > p0, p1 - p0 >= 0.005)
r = time.sleep(0)
print(r)
print(isinstance(time.time(), float), isinstance(time.perf_counter(), float))
total = 0
i = 0
while i < 1000:
    total += i
    i += 1
p2 = time.perf_counter()
print(total, p2 >= p1, type(p2 - p1))
print(type(time.sleep))
