# dataclasses: InitVar, kw_only, KW_ONLY, make_dataclass, Field attributes,
# uncaught errors from generated methods.
import dataclasses
from dataclasses import dataclass, field, InitVar, KW_ONLY, fields


@dataclass
class Scaled:
    value: int
    factor: InitVar[int] = 2

    def __post_init__(self, factor):
        self.value *= factor


s = Scaled(3)
print(s, Scaled(3, 10), [f.name for f in fields(s)], s == Scaled(6, 1))
print(dataclasses.replace(s, factor=1))


@dataclass(kw_only=True)
class Opts:
    a: int
    b: int = 2


print(Opts(a=1), Opts(b=3, a=4))
try:
    Opts(1)
except TypeError as e:
    print("TypeError", e)


@dataclass
class Mixed:
    x: int
    _: KW_ONLY
    y: int = 0
    z: int = field(default=5, kw_only=False)


print(Mixed(1, 7, y=2), Mixed.__match_args__)

f = fields(Mixed)[0]
print(f.name, f.type, f.default is dataclasses.MISSING, f.init, f.repr, f.compare, f.hash, f.metadata)
g = field(default=3, metadata={"unit": "cm"})
print(g.default, g.metadata["unit"])

Pair = dataclasses.make_dataclass("Pair", [("a", int), ("b", int, 0)], order=True)
print(Pair(1), Pair(1) < Pair(2), Pair.__name__)


@dataclass
class Counter:
    n: int = 0
    log: list = field(default_factory=list)

    def bump(self):
        self.n += 1
        self.log.append(self.n)
        return self


print(Counter().bump().bump(), Counter())


class Plain:
    pass


@dataclass
class FromPlain(Plain):
    q: str = "q"


print(FromPlain(), isinstance(FromPlain(), Plain))


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1

    @property
    def total(self):
        return self.price * self.qty


items = [Item("b", 2.5, 4), Item("a", 1.0)]
print(sorted(items, key=lambda i: i.total), sum(i.total for i in items))
Item("x")
