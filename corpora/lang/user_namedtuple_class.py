# typing.NamedTuple class syntax: fields from annotations, defaults,
# methods and docstrings copied, plus __mro_entries__ on a plain object.
from typing import NamedTuple


class Point(NamedTuple):
    """A point."""
    x: int
    y: int = 0

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def __str__(self):
        return f"<{self.x},{self.y}>"


p = Point(3, -4)
print(p, repr(p), p.norm1(), p._fields, Point(1), Point(x=2, y=5))
print(p == (3, -4), p[0], tuple(p), p._replace(y=1), p._asdict())
print(Point.__doc__, Point.__name__, Point.__annotations__)
a, b = p
print(a, b, isinstance(p, tuple))

try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e:
    print("TypeError:", e)


class Entries:
    def __mro_entries__(self, bases):
        print("bases seen:", len(bases))
        return (dict,)


class D(Entries(), object.__class__.__base__ if False else object):
    pass


print(D.__mro__, D.__orig_bases__[1])
