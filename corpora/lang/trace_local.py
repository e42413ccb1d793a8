# Tracing: local trace protocol, f_trace_lines, tracer errors, nesting.
import sys

def show(frame, event, arg):
    name = frame.f_code.co_name
    print(f"{event:9} {name:10} {frame.f_lineno:3} {type(arg).__name__}")

def global_tracer(frame, event, arg):
    show(frame, event, arg)
    if frame.f_code.co_name == "quiet":
        return None          # no local tracing for quiet()
    return local_tracer

def local_tracer(frame, event, arg):
    show(frame, event, arg)
    return local_tracer

def quiet(x):
    y = x + 1
    return y

def loud(x):
    y = quiet(x)
    for i in range(2):
        if i:
            y += i
        else:
            continue
    return y

def comp(n):
    return [i * 2 for i in range(n) if i]

def deep(n):
    if n == 0:
        raise ValueError("bottom")
    return deep(n - 1)

def catcher():
    try:
        deep(2)
    except ValueError as e:
        r = str(e)
    finally:
        r = r + "!"
    return r

class K:
    attr = 1
    def m(self):
        return self.attr

sys.settrace(global_tracer)
loud(3)
comp(3)
catcher()
K().m()
f = lambda a: a * 2
f(4)
sys.settrace(None)
print("gettrace after:", sys.gettrace())

# f_trace_lines = False: only call/return/exception reach the local tracer.
def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    show(frame, event, arg)
    return no_lines

sys.settrace(no_lines)
loud(1)
sys.settrace(None)

# A local tracer that returns None keeps the old one (CPython's trampoline).
calls = []
def once(frame, event, arg):
    calls.append(event)
    return None if event == "line" else once
sys.settrace(once)
quiet(1)
sys.settrace(None)
print(calls)

# A tracer that raises is removed; the exception propagates from the frame.
def bad_tracer(frame, event, arg):
    if event == "line" and frame.f_lineno == 21:
        raise RuntimeError("tracer failed")
    return bad_tracer

sys.settrace(bad_tracer)
try:
    quiet(5)
except RuntimeError as e:
    print("caught", e, sys.gettrace())
sys.settrace(None)

# settrace inside a function: the caller is not traced, callees are.
def starter():
    sys.settrace(global_tracer)
    quiet(2)
    x = 1
    sys.settrace(None)
    return x
starter()

# Assigning f_trace on the current frame starts line tracing here.
def self_traced():
    sys.settrace(lambda *a: None)
    sys._getframe().f_trace = local_tracer
    a = 1
    b = 2
    sys.settrace(None)
    return a + b
self_traced()
print(sys._getframe().f_trace, sys._getframe().f_trace_lines, sys._getframe().f_trace_opcodes)
