# inspect: frames and the stack, predicates, signature(), getsource().
import inspect
import sys

def where():
    f = inspect.currentframe()
    info = inspect.getframeinfo(f)
    print(info.function, info.lineno, info.code_context, info.index, info.filename == __file__)
    print(info[2], len(info))
    outer = inspect.getouterframes(f)
    print([(fi.function, fi.lineno) for fi in outer])
    print([fi.code_context for fi in outer])
    st = inspect.stack()
    print([(fi.function, fi.lineno, fi.index) for fi in st])
    print(st[0].frame is f, st[1].frame is f.f_back, st[0][3])
    return f

def caller():
    return where()

f = caller()
print(f.f_code.co_name, f.f_back is None or f.f_back.f_code.co_name)
print(inspect.getframeinfo(sys._getframe(), context=3).code_context)
print(inspect.getframeinfo(sys._getframe(), context=0).code_context)

# Frame attributes.
def frame_attrs(a, b=2):
    c = a + b
    fr = sys._getframe()
    print(sorted(fr.f_locals), fr.f_lineno, fr.f_code is frame_attrs.__code__)
    print(fr.f_globals is globals(), type(fr.f_builtins).__name__, isinstance(fr.f_lasti, int))
    print(fr.f_back.f_code.co_name, fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
    fr.f_trace_lines = False
    print(fr.f_trace_lines)
    try:
        fr.f_trace_lines = 1
    except TypeError as e:
        print("TypeError", e)
    try:
        fr.f_code = None
    except AttributeError as e:
        print("AttributeError", e)
frame_attrs(1)

# Generators' frames.
def gen():
    x = yield 1
    yield x

g = gen()
print(g.gi_running, g.gi_frame.f_lineno, g.gi_code.co_name, g.gi_yieldfrom)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals)
g.send(5)
print(g.gi_frame.f_locals)
list(g)
print(g.gi_frame)

# Predicates.
async def coro():
    pass

async def agen():
    yield 1

class C:
    def method(self):
        pass

c = coro()
checks = [gen, gen(), coro, c, agen, C, C(), C().method, C.method, len, sys, inspect.currentframe()]
for name in ["isfunction", "ismethod", "isclass", "ismodule", "isbuiltin", "isgenerator",
             "isgeneratorfunction", "iscoroutine", "iscoroutinefunction", "isasyncgenfunction",
             "isframe", "isroutine"]:
    pred = getattr(inspect, name)
    print(name, [pred(x) for x in checks])
c.close()

# signature().
def plain(a, b, c=3, *args, d, e=5, **kw):
    pass

def posonly(x, y=1, /, z=2, *, w):
    pass

def annotated(n: int, s: str = "hi", *rest: float, flag: bool = False) -> list:
    pass

def empty():
    pass

class Point:
    def __init__(self, x, y=0):
        self.x = x
    def move(self, dx, *, dy=0):
        pass

for fn in (plain, posonly, annotated, empty, Point, Point(1).move, lambda q, *, r=None: q):
    sig = inspect.signature(fn)
    print(str(sig))
    for p in sig.parameters.values():
        print("  ", p.name, p.kind, p.kind.description, p.default is inspect.Parameter.empty,
              p.annotation is inspect.Parameter.empty, str(p))
sig = inspect.signature(annotated)
print(sig.return_annotation, sig.parameters["s"].default, repr(sig.parameters["n"]))
print(inspect.Parameter.KEYWORD_ONLY, int(inspect.Parameter.VAR_KEYWORD))
try:
    inspect.signature(42)
except TypeError as e:
    print("TypeError", e)

# getsource / getmembers / getdoc.
def documented(x):
    """Return x.

    More text here.
    """
    return x
print(inspect.getsource(documented), end="")
print(inspect.getsource(Point.move), end="")
print(inspect.getsourcelines(empty)[1], inspect.getdoc(documented))
print(inspect.getfile(documented) == __file__, inspect.getsourcefile(documented) == __file__)
class M:
    a = 1
    def b(self):
        pass
print([n for n, v in inspect.getmembers(M) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(M, inspect.isfunction)])
print(inspect.cleandoc("  first\n    second\n      third\n"))
