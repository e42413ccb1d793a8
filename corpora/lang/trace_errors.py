# Trace and profile functions that raise, in each kind of event.
import sys

def quiet(x):
    y = x + 1
    return y

def gen():
    yield 1
    yield 2

for when in ("call", "line", "return", "exception"):
    def bad(frame, event, arg, when=when):
        if frame.f_code.co_name in ("quiet", "raiser") and event == when:
            raise RuntimeError("tracer failed in " + event)
        return bad
    def raiser():
        raise KeyError("k")
    sys.settrace(bad)
    try:
        quiet(1)
        raiser()
    except (RuntimeError, KeyError) as e:
        print(when, type(e).__name__, e, sys.gettrace())
    sys.settrace(None)

for when in ("call", "return", "c_call", "c_return"):
    def badprof(frame, event, arg, when=when):
        if event == when and frame.f_code.co_name in ("quiet", "<module>"):
            raise ValueError("profiler failed in " + event)
    sys.setprofile(badprof)
    try:
        quiet(2)
        len("ab")
        sys.setprofile(None)
        print(when, "no error")
    except ValueError as e:
        print(when, "ValueError", e, sys.getprofile())
    sys.setprofile(None)

# Tracing a generator consumed by a builtin.
def t(frame, event, arg):
    if frame.f_code.co_name == "gen":
        print(event, frame.f_lineno, arg if event == "return" else "")
    return t
sys.settrace(t)
print(sum(gen()))
sys.settrace(None)
