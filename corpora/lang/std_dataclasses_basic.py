# dataclasses: generated __init__/__repr__/__eq__, defaults, factories,
# order, frozen, post-init, inheritance, helpers.
from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError
import dataclasses
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__hash__, Point.__match_args__)
try:
    Point()
except TypeError as e:
    print("TypeError", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError", e)


@dataclass()
class Inventory:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    count: int = field(default=0, compare=False)
    total: ClassVar[int] = 0


a = Inventory("a")
b = Inventory("b")
a.items.append(1)
print(a, b, a.items is not b.items, Inventory("a", [1], count=9) == a)
print([f.name for f in fields(Inventory)], [f.name for f in fields(a)], Inventory.total)
print(asdict(a), astuple(a), replace(a, name="z"))
print(dataclasses.is_dataclass(a), dataclasses.is_dataclass(Inventory), dataclasses.is_dataclass(1))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(1, 0, "x"), Version(0, 9)]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 5), max(vs))
try:
    Version(1) < 3
except TypeError as e:
    print("TypeError", e)


@dataclass(frozen=True)
class Frozen:
    a: int
    b: tuple = ()


fz = Frozen(1, (2,))
print(fz, hash(fz) == hash(Frozen(1, (2,))), {fz: 1}[Frozen(1, (2,))])
for action in ("set", "del", "new"):
    try:
        if action == "set":
            fz.a = 2
        elif action == "del":
            del fz.a
        else:
            fz.c = 3
    except FrozenInstanceError as e:
        print(action, type(e).__name__, e, isinstance(e, AttributeError))


@dataclass
class WithPost:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        self.area = self.w * self.h


print(WithPost(2, 3), WithPost(2, 3).area)


@dataclass
class Base:
    x: int
    y: int = 1

    def total(self):
        return self.x + self.y


@dataclass
class Child(Base):
    z: int = 2
    x: int = 10


c = Child()
print(c, c.total(), [f.name for f in fields(c)], isinstance(c, Base), Child(1, 2, 3))


@dataclass
class Nested:
    p: Point
    pts: List[Point]
    d: dict


n = Nested(Point(1), [Point(2, 3)], {"k": Point(4)})
print(asdict(n), astuple(n))


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), NoEq(1).__hash__ is not None)


@dataclass(repr=False)
class NoRepr:
    v: int

    def __repr__(self):
        return "custom"


print(NoRepr(1), repr(NoRepr(2)))

for bad in ("mutable", "order", "nondefault"):
    try:
        if bad == "mutable":
            @dataclass
            class Bad:
                x: list = []
        elif bad == "order":
            @dataclass
            class Bad2:
                x: int = 0
                y: int
        else:
            field(default=1, default_factory=list)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

try:
    replace(WithPost(1, 2), area=3)
except ValueError as e:
    print("ValueError", e)
try:
    fields(1)
except TypeError as e:
    print("TypeError", e)


@dataclass
class Empty:
    pass


print(Empty(), Empty() == Empty(), fields(Empty))


@dataclass
class Rec:
    name: str
    child: "Rec" = None


r = Rec("a")
r.child = r
print(r)


@dataclass(unsafe_hash=True)
class Hashy:
    a: int
    b: int = field(default=0, hash=False)


print(hash(Hashy(1, 2)) == hash(Hashy(1, 3)), Hashy(1) == Hashy(1))
