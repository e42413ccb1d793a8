# Annotations: evaluated at def time (parameters, then return).
def f(a: int, b: "text" = 1, *args: float, k: list = None, **kw: dict) -> bool:
    return True

print(f.__annotations__)

def g(x, y):
    pass

print(g.__annotations__)
g.__annotations__["x"] = str
print(g.__annotations__)
g.__annotations__ = {"new": 1}
print(g.__annotations__)
try:
    g.__annotations__ = 5
except TypeError as e:
    print(e)

order = []
def note(v):
    order.append(v)
    return v

def h(a: note("a") = note("default"), *, b: note("b") = note("kwdefault")) -> note("ret"):
    pass

print(order)
print(h.__annotations__)

lam = lambda x: x
print(lam.__annotations__)

# Module and class variable annotations.
count: int = 0
name: str
print(__annotations__)
print(count)
try:
    print(name)
except NameError as e:
    print(e)

class Point:
    x: int
    y: int = 0
    label: "str" = "p"

    def method(self) -> None:
        pass

print(Point.__annotations__, Point.y, Point.label)
print(hasattr(Point, "x"))
print(Point.method.__annotations__)

class Empty:
    pass

print("__annotations__" in Empty.__dict__)

# Annotations inside functions are not evaluated (and not stored).
def local_ann():
    v: undefined_name = 5
    w: also_undefined
    return v

print(local_ann())

# Annotated attribute and subscript targets.
class Obj:
    pass

o = Obj()
o.attr: int = 3
d = {}
d["k"]: str = "v"
print(o.attr, d)

if True:
    inside_if: float = 1.5
print(__annotations__)

class Mangle:
    __private: int = 1

print(Mangle.__annotations__)
