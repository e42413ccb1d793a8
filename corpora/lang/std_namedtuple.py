# collections.namedtuple and typing.NamedTuple (functional form).
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2), isinstance(p, tuple), Point._fields)
print(p._replace(x=10), p._asdict(), Point._make([5, 6]), tuple(p), Point.__name__)
x, y = p
print(x + y, p + (3,), sorted([Point(2, 1), Point(1, 5)]))
P3 = namedtuple("P3", "a b c", defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
R = namedtuple("R", "ok def _x ok", rename=True)
print(R._fields)
for thunk in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2, z=3), lambda: namedtuple("Bad", "a a"),
              lambda: namedtuple("Bad", "class"), lambda: namedtuple("Bad", "_a"), lambda: p._replace(z=1),
              lambda: Point._make([1])]:
    try:
        thunk()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Named(namedtuple("Base", "name age")):
    def greet(self):
        return "hi " + self.name
n = Named("ann", 30)
print(n.greet(), n, n.age)
