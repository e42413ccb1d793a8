# Starred assignment targets.
a, *b = [1, 2, 3]
print(a, b)
*a, b = (1, 2, 3)
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = "xy"
print(a, b, c)
[a, *b] = "q"
print(a, b)
*a, = {1: "x", 2: "y"}
print(a)
(a, *b), c = "hey", 7
print(a, b, c)
a, (b, *c), *d = 1, (2, 3, 4), 5, 6
print(a, b, c, d)
first, *_, last = [10, 20, 30, 40]
print(first, _, last)

# The starred name always gets a list.
x, *y = (1,)
print(type(y).__name__, y)

# Into attributes and subscripts.
class Box:
    pass

box = Box()
items = [0, 0, 0]
box.head, *items[1:], box.tail = [1, 2, 3, 4]
print(box.head, items, box.tail)

# From iterators and generators.
def gen():
    yield "g1"
    yield "g2"
    yield "g3"

h, *t = gen()
print(h, t)
h, *t = iter([])  if False else iter([9])
print(h, t)

# In for loops and comprehensions.
for first, *rest in [(1, 2, 3), (4,), "ab"]:
    print(first, rest)
print([r for _, *r in [(1, 2), (3, 4, 5)]])

# Swap-like tricks.
xs = [1, 2, 3, 4]
*xs[:2], last = xs
print(xs, last)

# Errors.
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b, *c = []
except ValueError as e:
    print(e)
try:
    *a, b = []
except ValueError as e:
    print(e)
try:
    a, *b = 5
except TypeError as e:
    print(e)
try:
    a, *b = None
except TypeError as e:
    print(e)
try:
    for a, *b, c in [(1, 2), (3,)]:
        print(a, b, c)
except ValueError as e:
    print(e)
