# Special methods: operators (with reflection and in-place forms),
# comparisons, hashing, truth, containers, iteration, calls, str/repr/format.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vec(" + repr(self.x) + ", " + repr(self.y) + ")"

    def __str__(self):
        return "<" + str(self.x) + "," + str(self.y) + ">"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)

    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __invert__(self):
        return Vec(self.y, self.x)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return self.x != 0 or self.y != 0

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self


a = Vec(1, 2)
b = Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, b // 2, b % 3, a ** 2, a @ b)
print(-a, +a, abs(b), ~a)
print(repr(a), str(a), [a, b], (a,), {"k": a})
print(a == Vec(1, 2), a != Vec(1, 2), a == b, a != b, a == 5)
print(hash(a) == hash(Vec(1, 2)), len({a: 1, Vec(1, 2): 2, b: 3}))
print(bool(a), bool(Vec(0, 0)), not Vec(0, 0))
if Vec(0, 1):
    print("truthy")
c = a
c += b
print(c, a, c is a)
print(f"{a} {a!r} {b}")
try:
    a + 1
except TypeError as err:
    print("TypeError:", err)
try:
    1 + a
except TypeError as err:
    print("TypeError:", err)
try:
    a < b
except TypeError as err:
    print("TypeError:", err)
try:
    a * "s"
except TypeError as err:
    print("TypeError:", err)


# Rich comparisons, reflection and sorting.
class Version:
    def __init__(self, text):
        self.parts = [int(p) for p in text.split(".")]

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __repr__(self):
        return ".".join(str(p) for p in self.parts)


vs = [Version("1.10"), Version("1.2"), Version("0.9.1"), Version("1.2.0")]
print(sorted(vs), min(vs), max(vs))
print(Version("1.2") < Version("1.10"), Version("2.0") > Version("1.0"), Version("1.0") >= Version("1.0"))
print(Version("1") == Version("1"), Version("1") != Version("2"), Version("1") == "1")
try:
    hash(Version("1"))
except TypeError as err:
    print("TypeError:", err)


class Number:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return Number(other + self.v)

    def __rsub__(self, other):
        return Number(other - self.v)

    def __repr__(self):
        return "Number(" + str(self.v) + ")"


print(10 + Number(5), 10 - Number(3), sum([1, 2], Number(0).v))


# A subclass's reflected method wins when it overrides.
class Base:
    def __add__(self, other):
        return "Base.__add__"

    def __radd__(self, other):
        return "Base.__radd__"


class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__"


print(Base() + Derived(), Derived() + Base(), Base() + Base())


# Container protocol.
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        if isinstance(key, tuple):
            x, y = key
            if not (0 <= x < self.w and 0 <= y < self.h):
                raise IndexError("cell out of range")
            return self.cells.get(key, ".")
        raise TypeError("bad key")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()

    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield self[x, y]


g = Grid(3, 2)
g[0, 0] = "A"
g[2, 1] = "B"
print(len(g), g[0, 0], g[1, 1], "A" in g, "Z" in g, "Z" not in g)
print(list(g), "".join(g))
del g[0, 0]
print(g[0, 0], bool(g), bool(Grid(0, 5)))
try:
    g[5, 5]
except IndexError as err:
    print("IndexError:", err)


# Iteration protocol with __iter__/__next__.
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(4)), [x * x for x in Countdown(3)], sum(Countdown(10)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
for i, v in enumerate(Countdown(2)):
    print(i, v)


# Sequence protocol through __getitem__ alone (old-style iteration).
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), Squares()[3])


# Callable objects.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, times=1):
        return x + self.n * times


add5 = Adder(5)
print(add5(1), add5(1, times=3), callable(add5), callable(a), list(map(add5, [1, 2])))


# __len__ results are checked; __bool__ must return a bool.
class BadLen:
    def __len__(self):
        return -1


class BadBool:
    def __bool__(self):
        return 1


try:
    len(BadLen())
except ValueError as err:
    print("ValueError:", err)
try:
    bool(BadBool())
except TypeError as err:
    print("TypeError:", err)


# __format__, __index__ and __hash__ returning big ints.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return str(self.cents // 100) + "$"
        return str(self.cents / 100) + " dollars"

    def __index__(self):
        return self.cents

    def __hash__(self):
        return 2 ** 100


m = Money(1250)
print(format(m, "short"), f"{m}", f"{m:short}")
print([10, 20, 30][Money(1)], hex(Money(255)), hash(m) == hash(2 ** 100))


# __contains__ falls back to __iter__; __eq__ used by list methods.
class Token:
    def __init__(self, s):
        self.s = s

    def __eq__(self, other):
        return isinstance(other, Token) and other.s.lower() == self.s.lower()

    __hash__ = None


tokens = [Token("a"), Token("B")]
print(Token("b") in tokens, tokens.index(Token("A")), tokens.count(Token("b")))
try:
    {Token("a"): 1}
except TypeError as err:
    print("TypeError:", err)


# __getattr__ only for missing attributes; __setattr__ intercepts all.
class Record:
    def __init__(self):
        object.__setattr__(self, "data", {})

    def __getattr__(self, name):
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self.data[name] = value

    def __delattr__(self, name):
        del self.data[name]


r = Record()
r.a = 1
r.b = "two"
print(r.a, r.b, r.data, hasattr(r, "c"), getattr(r, "c", None))
del r.a
print(r.data)


# Dunders assigned after the class statement still work.
class Late:
    pass


Late.__len__ = lambda self: 7
Late.__repr__ = lambda self: "Late!"
print(len(Late()), repr(Late()), [Late()])


# What a plain class does not support, with CPython's messages.
class Plain:
    pass


pl = Plain()
checks = [
    lambda: pl[0],
    lambda: pl.__setitem__,
    lambda: len(pl),
    lambda: iter(pl),
    lambda: pl(),
    lambda: -pl,
    lambda: ~pl,
    lambda: abs(pl),
    lambda: pl + 1,
    lambda: 2 ** pl,
    lambda: pl < pl,
    lambda: pl @ pl,
    lambda: 5 in pl,
    lambda: next(pl),
    lambda: format(pl, "x"),
    lambda: [1, 2][pl],
]
for check in checks:
    try:
        check()
        print("no error")
    except (TypeError, AttributeError) as err:
        print(type(err).__name__ + ":", err)


def set_item():
    pl[0] = 1


def del_item():
    del pl[0]


for fn in [set_item, del_item]:
    try:
        fn()
    except TypeError as err:
        print("TypeError:", err)
print(pl == pl, pl != pl, pl == Plain(), bool(pl), hash(pl) == hash(pl), format(pl, "") == str(pl))
