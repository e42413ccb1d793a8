# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, lookups,
# iteration, reprs, errors.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return "%s is %d" % (self.name, self.value)

    @property
    def warm(self):
        return self is Color.RED

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"])
print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color.CRIMSON, Color.__members__)
print(Color.RED.describe(), Color.RED.warm, Color.BLUE.warm, Color.default(), type(Color.RED))
print(isinstance(Color.RED, Color), Color.RED in Color, Color.RED == Color.RED, Color.RED == 1)
print(Color.RED != Color.GREEN, Color, [c.name for c in reversed(Color)], Color._member_names_)
print(f"{Color.RED}", format(Color.RED), "%s" % Color.GREEN, str(Color.BLUE), hash(Color.RED) == hash(Color.RED))
print({Color.RED: "r"}[Color.CRIMSON], sorted(Color, key=lambda c: c.value), dir(Color.RED)[:3])
for bad in (lambda: Color(9), lambda: Color["PINK"], lambda: Color.RED < Color.GREEN):
    try:
        bad()
    except (ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)


class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = 10
    LINE = auto()


print(list(Shape), Shape.LINE.value)


class Num(IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num.ONE < Num.TWO, Num(2))
print(sorted([Num.TWO, Num.ONE]), int(Num.TWO), f"{Num.TWO:>3}", [1, 2, 3][Num.ONE], isinstance(Num.ONE, int))


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6


print(Perm.R | Perm.W, Perm.R | Perm.X, repr(Perm.R | Perm.X), Perm(7), Perm(0), repr(Perm(0)))
print(list(Perm), list(Perm.R | Perm.X), ~Perm.R, Perm.R in Perm.RW, bool(Perm(0)), Perm.RW & Perm.W)
print((Perm.R | Perm.W) ^ Perm.W, len(Perm), Perm.RW.name, Perm)


class Opt(IntFlag):
    A = auto()
    B = auto()
    C = auto()


print(Opt.A | Opt.B, repr(Opt.A | Opt.C), Opt.A | 8, Opt.C + 1, repr(Opt(0)), Opt.B & 3, list(Opt))
print(Opt.A == 1, isinstance(Opt.A | Opt.B, Opt), [o.value for o in Opt])


class Weekday(enum.StrEnum):
    MON = auto()
    TUE = "tuesday"


print(Weekday.MON, repr(Weekday.MON), Weekday.TUE.upper(), Weekday("mon"), Weekday.MON == "mon")

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)


@unique
class Fine(Enum):
    A = 1
    B = 2


print(list(Fine))

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Pet = Enum("Pet", [("DOG", 5), ("FISH", 7)])
print(Pet.FISH, Pet(5))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 3), Planet((3.303e+23, 2.4397e6)))


class Missing(Enum):
    A = "a"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.lower() == "a":
            return cls.A
        return None


print(Missing("A"), Missing.A is Missing("a"))
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.RED])[0] is Color.RED)
