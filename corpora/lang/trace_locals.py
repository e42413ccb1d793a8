# A trace function changing the traced frame's variables through f_locals.
import sys

def tracer(frame, event, arg):
    if frame.f_code.co_name != "target":
        return None
    loc = frame.f_locals
    shown = sorted((k, v if isinstance(v, int) else type(v).__name__) for k, v in loc.items())
    print(event, frame.f_lineno, shown, frame.f_locals is loc)
    if event == "line" and frame.f_lineno == 17:
        loc["x"] = 100
    if event == "line" and frame.f_lineno == 20:
        del loc["y"]
    return tracer

def target(x):
    y = 2
    z = x + y
    try:
        print("y is", y)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    def inner():
        return z
    return inner()

sys.settrace(tracer)
print(target(1))
sys.settrace(None)
