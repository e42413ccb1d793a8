from typing import Generic, TypeVar, NamedTuple, Protocol
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
print(Box(1).v, Box[int](2).v)
class Pt(NamedTuple):
    x: int
    y: int = 0
print(Pt(1), Pt(1, 2)._asdict())
class Proto(Protocol):
    def go(self) -> int: ...
class Impl:
    def go(self): return 1
print(Impl().go())
class Emp(NamedTuple):
    """An employee."""
    name: str
    id: int = 3
    def tag(self): return f"{self.name}#{self.id}"
e = Emp("ann")
print(e, e.tag(), Emp._fields, Emp.__doc__, Emp._field_defaults, isinstance(e, tuple), Emp.__annotations__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as ex: print(ex)
P2 = NamedTuple("P2", [("a", int), ("b", str)])
print(P2(1, "x"), P2.__annotations__)
