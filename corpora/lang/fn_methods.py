# Rich parameter lists on methods, class methods, static methods, __init__,
# __call__ and lambdas stored on classes.
class Shape:
    registry = []

    def __init__(self, name, /, *dims, unit="cm", **meta):
        self.name, self.dims, self.unit, self.meta = name, dims, unit, meta

    def describe(self, *, verbose=False, sep=" x "):
        text = sep.join(str(d) for d in self.dims) + " " + self.unit
        return self.name + ": " + text + (" " + str(self.meta) if verbose else "")

    @classmethod
    def square(cls, side, **kw):
        return cls("square", side, side, **kw)

    @staticmethod
    def area(*dims):
        result = 1
        for d in dims:
            result *= d
        return result

    def __call__(self, *args, **kwargs):
        return ("called", args, kwargs)

    scale = lambda self, k=2, *, offset=0: [d * k + offset for d in self.dims]

s = Shape("box", 1, 2, 3, unit="m", color="red")
print(s.describe(), "|", s.describe(verbose=True, sep="*"))
sq = Shape.square(4, unit="in")
print(sq.describe(), Shape.area(*sq.dims), Shape.area())
print(s(1, 2, k=3), s())
print(s.scale(), s.scale(3, offset=1))
try:
    Shape(name="x")
except TypeError as e:
    print(e)
try:
    s.describe(True)
except TypeError as e:
    print(e)
try:
    Shape.square()
except TypeError as e:
    print(e)
try:
    Shape.area(x=1)
except TypeError as e:
    print(e)
try:
    s.scale(1, 2)
except TypeError as e:
    print(e)
try:
    Shape.describe()
except TypeError as e:
    print(e)

# Subclasses forward through super() with unpacking.
class Box(Shape):
    def __init__(self, *dims, **kw):
        super().__init__("box3", *dims, **kw)

    def describe(self, **kw):
        return "[" + super().describe(**kw) + "]"

b = Box(5, 6, unit="mm", tag=1)
print(b.describe(), b.describe(verbose=True))

# Method objects keep working as values.
m = b.describe
print(m(sep="/"), getattr(b, "describe")(**{"sep": "+"}))
print(Shape.describe.__qualname__, Shape.square.__func__.__qualname__)

# Parameter names are mangled inside classes, like every private name.
class Private:
    def m(self, __p, *, __k=1):
        return __p, __k

print(Private.m.__code__.co_varnames, Private.m.__kwdefaults__)
print(Private().m(1, _Private__k=2), Private().m(_Private__p=3))
