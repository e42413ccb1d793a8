# Line events for decorators, multi-line statements, comprehensions, assert/del/global, try/else/finally.
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer
def deco(f):
    return f
@deco
def decorated(a):
    return a
def multi(a, b):
    x = max(
        a,
        b,
    )
    d = {
        "k": a,
        "j": b,
    }
    s = [a,
         b]
    if (a and
            b):
        pass
    return x
def comps(n):
    g = (i for i in range(n))
    s = {i: i for i in range(n)}
    return sum(g) + len(s)
def assert_del(x):
    assert x, "msg"
    del x
    global G
    G = 1
    lam = lambda: 2
    return lam()
def with_try_else():
    try:
        v = 1
    except Exception:
        v = 2
    else:
        v = 3
    finally:
        v += 1
    return v
sys.settrace(tracer)
decorated(1)
multi(1, 2)
comps(2)
assert_del(1)
with_try_else()
sys.settrace(None)
