# Unpacking into builtins, classes, bound methods and super().
xs = [3, 1, 2]
print(max(*xs), min(*xs, 0), len(*[xs]))
print(sorted(*[xs], **{"reverse": True}))
print(*xs)
print(*xs, sep=",", end="!\n")
print(*["a", "b"], **{"sep": "-"})
print(dict(*[[("a", 1)]], **{"b": 2}))
print(list(*[range(3)]), tuple(*["xy"]))
print(int(*["ff"], **{"base": 16}))
print(str(*[5]), "|".join(*[["p", "q"]]))
print(isinstance(*[1, int]))

class Point:
    def __init__(self, x=0, y=0, *rest, **opts):
        self.x, self.y, self.rest, self.opts = x, y, rest, opts

    def move(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)

p = Point(*[1, 2], **{"color": "red"})
print(p.x, p.y, p.rest, p.opts)
q = Point(*range(4))
print(q.x, q.y, q.rest)
m = p.move
print(m(*[1]).x, m(**{"dx": 5, "dy": 1}).y)
print(Point.move(p, *(2, 2)).x)

class Base:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

class Derived(Base):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra = True

d = Derived(1, 2, k=3)
print(d.args, d.kwargs, d.extra)

class MyList(list):
    def __init__(self, *args):
        super().__init__(*args)

print(MyList("abc"), MyList())

class MyErr(Exception):
    def __init__(self, *args, code=0):
        super().__init__(*args)
        self.code = code

e = MyErr("bad", "worse", code=7)
print(e.args, e.code, str(e))

# A decorator that forwards everything.
def logged(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper

@logged
def add(a, b, *, scale=1):
    return (a + b) * scale

print(add(1, 2))
print(add(1, b=2, scale=10))
try:
    add(1)
except TypeError as e:
    print(e)

# Methods looked up on instances, classes and through getattr.
s = "a,b"
print(s.split(*[","]), getattr(s, "replace")(*["a", "z"]))
print(str.upper(*["x"]))
try:
    print(**{"nope": 1})
except TypeError as e:
    print(e)
try:
    len(**{"obj": 1})
except TypeError as e:
    print(e)
