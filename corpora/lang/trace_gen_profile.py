# Tracing generators and coroutines; profiling with setprofile.
import sys

def show(frame, event, arg):
    a = arg.__name__ if event.startswith("c_") else type(arg).__name__
    print(f"{event:11} {frame.f_code.co_name:10} {frame.f_lineno:3} {a}")

def tracer(frame, event, arg):
    show(frame, event, arg)
    return tracer

def gen(n):
    for i in range(n):
        got = yield i
        if got:
            print("got", got)
    return "done"

def delegator():
    r = yield from gen(2)
    yield r

async def inner():
    return 5

async def outer():
    v = await inner()
    return v + 1

def run_coro(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

def thrower():
    g = gen(3)
    next(g)
    try:
        g.throw(KeyError("k"))
    except KeyError:
        pass

sys.settrace(tracer)
g = gen(2)
next(g)
g.send("x")
try:
    next(g)
except StopIteration as e:
    pass
list(delegator())
print(run_coro(outer()))
thrower()
sys.settrace(None)

def prof(frame, event, arg):
    show(frame, event, arg)

def work(xs):
    xs.append(len(xs))
    s = sorted(xs)
    try:
        int("z")
    except ValueError:
        pass
    try:
        max([])
    except ValueError:
        pass
    return sum(s)

sys.setprofile(prof)
work([3, 1])
list(gen(1))
print(sys.getprofile() is prof)
sys.setprofile(None)
print(sys.getprofile())

# Both at once.
sys.setprofile(prof)
sys.settrace(tracer)
work([2])
sys.settrace(None)
sys.setprofile(None)
