# setprofile: c_call/c_return around f(*args, **kwargs) calls of builtins.
import sys
def prof(frame, event, arg):
    if event.startswith("c_"):
        print(event, frame.f_code.co_name, frame.f_lineno, arg.__name__)
    else:
        print(event, frame.f_code.co_name, frame.f_lineno)
args = [3, 1, 2]
kw = {"reverse": True}
def f(*a, **k):
    return sorted(*a, **k)
sys.setprofile(prof)
max(*args)
sorted(args, **kw)
f(args, **kw)
"a,b".split(*[","])
sys.setprofile(None)
