# Classes: definition, instances, attributes, methods, class attributes,
# qualnames, reprs, docstrings, isinstance/issubclass, errors.


class Point:
    """A point in the plane."""

    dimensions = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return "Point(" + repr(self.x) + ", " + repr(self.y) + ")"


p = Point(3, 4)
print(p, p.x, p.y, p.norm2())
print(p.moved(1, 1), Point(7))
print(Point.dimensions, p.dimensions)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(Point, type(p), type(p) is Point, p.__class__ is Point)
print(type(Point), type(type(p)))
print(isinstance(p, Point), isinstance(p, object), isinstance(3, Point))
print(issubclass(Point, object), issubclass(Point, Point), issubclass(int, Point))
print(Point.__bases__, Point.__base__, Point.__mro__)
print(Point.mro())
print(Point.norm2.__qualname__, Point.__init__.__name__)
print(sorted(k for k in vars(p)))
print(p.__dict__)


# Instance attributes shadow class attributes; class attributes are shared.
class Counter:
    total = 0
    step = 1

    def bump(self):
        Counter.total += self.step
        return Counter.total


a = Counter()
b = Counter()
b.step = 10
print(a.bump(), b.bump(), a.bump(), Counter.total)
print(a.step, b.step, Counter.step)
del b.step
print(b.step)
Counter.step = 5
print(a.step, b.bump())

# Methods are functions on the class and bound methods on instances.
m = p.norm2
print(m(), Point.norm2(p), m.__self__ is p, m.__func__ is Point.norm2)
print(m == p.norm2, m == Point(3, 4).norm2)


# An empty class; attributes added from outside; hasattr/getattr/setattr.
class Empty:
    pass


e = Empty()
e.name = "box"
setattr(e, "size", 3)
print(e.name, getattr(e, "size"), hasattr(e, "size"), hasattr(e, "color"))
print(getattr(e, "color", "none"))
delattr(e, "size")
print(hasattr(e, "size"), e.__dict__)
print(Empty.__doc__, Empty.__name__)

# Methods stored on the instance are plain functions (no binding).
e.hello = lambda: "hi"
print(e.hello())


# Nested classes and classes in functions: qualnames.
class Outer:
    class Inner:
        def where(self):
            return "inner"

    def make(self):
        class Local:
            pass

        return Local


print(Outer.Inner.__qualname__, Outer.Inner.where.__qualname__, Outer.Inner().where())
print(Outer().make().__qualname__)
print(Outer.Inner, Outer().make())


def factory(n):
    class Made:
        value = n

        def get(self):
            return self.value * 2

    return Made


M1 = factory(1)
M2 = factory(21)
print(M1().get(), M2().get(), M1 is M2, M1.__qualname__)


# Closures through a class body: methods and the body itself see the
# enclosing function's variables.
def make_class(prefix):
    suffix = "!"

    class Greeter:
        greeting = prefix + " there"

        def greet(self, name):
            return prefix + ", " + name + suffix

    return Greeter


G = make_class("Hello")
print(G().greet("Ann"), G.greeting)


# Class decorators.
def register(cls):
    cls.registered = True
    return cls


@register
class Plugin:
    pass


print(Plugin.registered, Plugin.__name__)

# Private name mangling.
class Secret:
    def __init__(self):
        self.__hidden = 42
        self._visible = 1

    def reveal(self):
        return self.__hidden


s = Secret()
print(s.reveal(), sorted(vars(s)), s._Secret__hidden)

# Errors, like CPython.
try:
    p.z
except AttributeError as err:
    print("AttributeError:", err)
try:
    Point.z
except AttributeError as err:
    print("AttributeError:", err)
try:
    Point()
except TypeError as err:
    print("TypeError:", err)
try:
    Point(1, 2, 3)
except TypeError as err:
    print("TypeError:", err)
try:
    Empty(1)
except TypeError as err:
    print("TypeError:", err)
try:
    del e.nothing
except AttributeError as err:
    print("AttributeError:", err)
try:
    p()
except TypeError as err:
    print("TypeError:", err)


class BadInit:
    def __init__(self):
        return 5


try:
    BadInit()
except TypeError as err:
    print("TypeError:", err)

try:
    class Broken(3):
        pass
except TypeError as err:
    print("TypeError:", err)

# type() with three arguments.
T = type("T", (Point,), {"kind": "made", "norm2": lambda self: -1})
t = T(1, 2)
print(T.__name__, T.__mro__, t.kind, t.norm2(), t)
print(type(t).__name__, isinstance(t, Point))

# Identity, equality and hashing default to identity.
q = Point(3, 4)
print(p == q, p != q, p == p, p is q, hash(p) == hash(p))
d = {p: "p", q: "q"}
print(d[p], d[q], len(d))
