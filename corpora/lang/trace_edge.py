# Tracing edge cases: with, class bodies, nested exceptions, break/continue,
# opcode events, tracers switching on and off inside a traced frame.
import sys

log = []

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    extra = ""
    if event == "exception":
        extra = arg[0].__name__ + ":" + str(arg[1])
    elif event == "return":
        extra = repr(arg) if isinstance(arg, (int, str, list, type(None))) else type(arg).__name__
    log.append(f"{event} {frame.f_code.co_name} {frame.f_lineno} {extra}".rstrip())
    return tracer

class Manager:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return True

def with_block():
    with Manager() as m:
        x = 1
        raise KeyError("swallowed")
    return x

def loops():
    out = []
    for i in range(4):
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    else:
        out.append(-1)
    j = 0
    while True:
        j += 1
        if j > 1:
            break
    return out

def nested_handlers():
    try:
        try:
            raise ValueError("inner")
        finally:
            y = 2
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
    return y

def uncaught_two_levels():
    def level2():
        raise LookupError("up")
    def level1():
        level2()
    try:
        level1()
    except LookupError:
        return "ok"

def make_class():
    class Inner:
        a = 1
        def f(self):
            return self.a
    return Inner().f()

def multi_line_call(a,
                    b):
    return (a +
            b)

def conditional(x):
    if x:
        return "yes"
    else:
        return "no"

sys.settrace(tracer)
with_block()
loops()
nested_handlers()
uncaught_two_levels()
make_class()
multi_line_call(1,
                2)
conditional(0)
sys.settrace(None)
print("\n".join(log))

# f_trace_opcodes: opcode events arrive (their number is pyglass's own).
seen = set()
def op_tracer(frame, event, arg):
    frame.f_trace_opcodes = True
    seen.add(event)
    return op_tracer
sys.settrace(op_tracer)
conditional(1)
sys.settrace(None)
print(sorted(seen))

# Turning the tracer off from inside a traced function stops everything.
log.clear()
def stopper():
    a = 1
    sys.settrace(None)
    b = 2
    return a + b
sys.settrace(tracer)
stopper()
print(log, sys.gettrace())
