# Subclasses of the built-in types: list, dict, int, float, str, tuple.


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s[0], s[1:3], type(s).__name__, isinstance(s, list))
print(s == [1, 2, 3, 4], sum(s), sorted(s, reverse=True), 3 in s, list(s))
s.name = "stack"
print(s.name, s.pop(), s)
print(Stack(), Stack("ab"), repr(Stack((1,))))


class LoggedList(list):
    def __init__(self, items, label):
        super().__init__(items)
        self.label = label
        self.log = []

    def append(self, x):
        self.log.append("append " + repr(x))
        super().append(x)

    def __getitem__(self, i):
        self.log.append("get " + repr(i))
        return super().__getitem__(i)

    def __repr__(self):
        return self.label + super().__repr__()


ll = LoggedList([5, 6], "L")
ll.append(7)
print(ll[0], ll[-1], ll, ll.log, len(ll))


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key):
        self[key] = self[key] + 1


c = Counter()
for ch in "hello world":
    c.add(ch)
print(c["l"], c["o"], c["z"], len(c), isinstance(c, dict), sorted(c.items())[:3])


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


ad = AttrDict(a=1)
ad.b = 2
print(ad.a, ad.b, ad, dict(ad), "b" in ad, list(ad.keys()))


class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory

    def __getitem__(self, key):
        if key not in self:
            self[key] = self.factory()
        return super().__getitem__(key)


dd = DefaultDict(list)
dd["x"].append(1)
dd["x"].append(2)
dd["y"].append(3)
print(dd, dd.factory is list)


class Celsius(float):
    def to_f(self):
        return self * 9 / 5 + 32

    def __repr__(self):
        return "Celsius(" + super().__repr__() + ")"


t = Celsius(21.5)
print(t, t.to_f(), t + 1, type(t + 1).__name__, t > 20, float(t), round(t))


class Money(int):
    def __new__(cls, cents, currency="EUR"):
        obj = super().__new__(cls, cents)
        obj.currency = currency
        return obj

    def __add__(self, other):
        return Money(int(self) + int(other), self.currency)

    def __str__(self):
        return str(int(self) // 100) + "." + str(int(self) % 100).zfill(2) + " " + self.currency


m = Money(1050) + Money(275)
print(m, int(m), m * 2, type(m * 2).__name__, m.currency, m > 1000, m == 1325, hash(m) == hash(1325))
print(isinstance(m, int), Money(5) - 2, -Money(3), f"{Money(7):>5}", [10, 20, 30][Money(1)])


class Flag(int):
    pass


print(Flag(3) + Flag(4), Flag(10) // 3, Flag(1) << 4, bool(Flag(0)), Flag("12"), Flag("ff", 16))


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("ada")
print(n, n.shout(), n + " lovelace", len(n), n == "ada", n[0], n.capitalize(), isinstance(n, str))
print(repr(n), {n: 1}["ada"], "a" in n, f"{n:>5}|", str(n), n * 2)


class Pair(tuple):
    def first(self):
        return self[0]

    def swapped(self):
        return Pair((self[1], self[0]))


p = Pair((1, 2))
print(p, p.first(), p.swapped(), len(p), p == (1, 2), p + (3,), isinstance(p, tuple))
a, b = p
print(a, b, list(p), hash(p) == hash((1, 2)))

try:
    class Bad(bool):
        pass
except TypeError as err:
    print("TypeError:", err)
