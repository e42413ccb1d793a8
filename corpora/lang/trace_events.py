# Tracing: call/line/return/exception events, then a profiler with c_call events.
import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, type(arg).__name__)
    return tracer
def one(): return 1
def f(n):
    total = 0
    for i in range(n):
        total += i
    while n > 0:
        n -= 1
    return total
def g():
    yield 1
    x = 2
    yield x
def h():
    try:
        raise ValueError("x")
    except ValueError:
        pass
    return 3
def bad():
    raise KeyError(1)
sys.settrace(tracer)
one()
f(2)
for v in g(): pass
h()
try:
    bad()
except KeyError:
    pass
sys.settrace(None)
print(sys.gettrace())
def prof(frame, event, arg):
    print("P", event, frame.f_code.co_name, frame.f_lineno, type(arg).__name__)
sys.setprofile(prof)
f(1)
len([1])
[].append(1)
try:
    int("x")
except ValueError:
    pass
sys.setprofile(None)
