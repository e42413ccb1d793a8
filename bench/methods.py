# methods.py -- method calls on user classes.
#
# Measures: `obj.method(args)` (method lookup through the class, no bound
# method allocated), attribute reads and writes on instances, calls through
# an inherited method and `super()`, a property getter, and instance creation
# with `__init__`.
#
# Checksum: the accumulated values of the objects.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k):
        self.n += k
        return self

    @property
    def value(self):
        return self.n


class LoudCounter(Counter):
    def add(self, k):
        return super().add(k * 2)


def run():
    p = Point(0, 0)
    for i in range(300000):
        p = p.moved(1, -1)
    total = p.norm1()
    c = Counter()
    for i in range(1000000):
        c.add(i & 3)
    total += c.value
    lc = LoudCounter()
    for i in range(400000):
        lc.add(1)
    total += lc.value
    return total


print("methods:", run())
