# timeit: string and callable statements, setup, globals=, repeat, a fake
# timer so the printed numbers are deterministic.
import timeit

calls = []


def work():
    calls.append(1)


ticks = iter(range(0, 1000, 3))


def fake_timer():
    return next(ticks)


print(timeit.timeit(work, number=7, timer=fake_timer), len(calls))
print(timeit.timeit("work()", setup="from __main__ import work", number=5, timer=fake_timer), len(calls))
print(timeit.timeit("x.append(n)", setup="x = []\nn = 4", number=3, timer=fake_timer))
print(timeit.repeat("work()", globals=globals(), repeat=3, number=2, timer=fake_timer), len(calls))
t = timeit.Timer("y = 1\nif y:\n    y += 1", timer=fake_timer)
print(t.timeit(10), type(timeit.timeit("pass", number=10)).__name__)
print(timeit.timeit(number=0) >= 0, timeit.default_timer is __import__("time").perf_counter)
for bad in (lambda: timeit.timeit(5), lambda: timeit.timeit("pass", setup=3),
            lambda: timeit.timeit("nope()", number=1)):
    try:
        bad()
    except (ValueError, NameError) as e:
        print(type(e).__name__, e)
try:
    timeit.timeit("x = ")
except SyntaxError as e:
    print("SyntaxError", e.msg)
