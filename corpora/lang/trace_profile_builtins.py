# setprofile: builtins that call back into Python, methods of built-in
# types, type calls (no c_call), and exceptions from builtins.
import sys

def prof(frame, event, arg):
    name = arg.__name__ if event.startswith("c_") else ""
    print(event, frame.f_code.co_name, frame.f_lineno, name)

class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "P(%d)" % self.v
    def __lt__(self, other):
        return self.v < other.v

def work():
    items = [P(3), P(1)]
    items.sort()
    s = sorted([2, 1], key=lambda x: -x)
    m = map(abs, [-1])
    list(m)
    "abc".upper()
    r = repr(items[0])
    d = dict(a=1)
    d.get("a")
    try:
        [].pop()
    except IndexError:
        pass
    isinstance(d, dict)
    return len(s)

sys.setprofile(prof)
work()
sys.setprofile(None)
