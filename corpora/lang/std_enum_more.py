# enum: Flag auto(), extending enums, custom __str__, members as dict keys,
# lookups and errors.
from enum import Enum, IntEnum, Flag, auto


class Access(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    ALL = READ | WRITE | EXEC if False else 7


print([a.value for a in Access], Access.ALL, Access.READ | Access.WRITE, Access(3).name)
rw = Access.READ | Access.WRITE
print(Access.READ in rw, Access.EXEC in rw, list(rw), rw & Access.EXEC, bool(rw & Access.EXEC))


class Base(Enum):
    def label(self):
        return self.name.title()


class Fruit(Base):
    APPLE = "apple"
    PEAR = "pear"

    def __str__(self):
        return self.value


print(Fruit.APPLE, repr(Fruit.PEAR), Fruit.PEAR.label(), Fruit("pear") is Fruit.PEAR)
try:
    class MoreFruit(Fruit):
        KIWI = "kiwi"
except TypeError as e:
    print("TypeError", e)

counts = {Fruit.APPLE: 3, Fruit.PEAR: 1}
print(counts[Fruit.APPLE], sorted(counts, key=lambda f: f.value), Fruit.APPLE in counts)


class Level(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10


print(max(Level), min(Level), sum(Level), Level(5) > Level.LOW, [l for l in Level if l >= 5])
print({1: "one"}[Level.LOW], Level.HIGH // 3, Level["MID"])


def describe(level):
    if level is Level.LOW:
        return "low"
    if level in (Level.MID, Level.HIGH):
        return "not low"


print(describe(Level.LOW), describe(Level.HIGH))
print(Level.__members__.keys(), list(Level.__members__.items())[0])
try:
    Level(3)
except ValueError as e:
    print("ValueError", e)
