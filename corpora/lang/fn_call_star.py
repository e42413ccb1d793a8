# f(*iterable) at call sites.
def f(*a):
    return a

def g(a, b, c=0):
    return a, b, c

print(f(*[]), f(*()), f(*[1, 2]), f(*"ab"), f(*range(3)))
print(f(0, *[1, 2], 3, *(4,), *range(5, 7)))
print(g(*[1, 2]), g(1, *[2]), g(*[1], *[2], *[3]))
print(g(*(1, 2), c=9))
print(f(*{"k": 1, "j": 2}))
print(f(*(x * x for x in range(4))))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

class It:
    def __iter__(self):
        return iter([7, 8])

print(f(*Seq()), f(*It()))

# Errors name the callable as CPython does.
for args in (5, None, 1.5):
    try:
        f(*args)
    except TypeError as e:
        print(e)
try:
    f(1, *5)
except TypeError as e:
    print(e)
try:
    f(*[], *None)
except TypeError as e:
    print(e)
try:
    g(*[1, 2, 3, 4])
except TypeError as e:
    print(e)
try:
    g(*[1])
except TypeError as e:
    print(e)
try:
    g(*[1, 2], a=1)
except TypeError as e:
    print(e)

class C:
    def m(self, *a):
        return a

try:
    C().m(*1)
except TypeError as e:
    print(e)
try:
    len(*5)
except TypeError as e:
    print(e)
try:
    C(*3)
except TypeError as e:
    print(e)

# An iterator raising inside the unpacking propagates.
def boom():
    yield 1
    raise ValueError("from the iterator")

try:
    f(*boom())
except ValueError as e:
    print("ValueError:", e)

# Methods of built-in types are named by their type.
try:
    "a,b".split(*5)
except TypeError as e:
    print(e)
print("a".split.__qualname__, str.split.__qualname__, len.__qualname__)

# A callable instance is named by its str().
class Callable:
    def __call__(self, *a, **k):
        return a, k

    def __str__(self):
        return "<the callable>"

c = Callable()
print(c(*[1], **{"k": 2}))
try:
    c(*5)
except TypeError as e:
    print(e)
try:
    c(**5)
except TypeError as e:
    print(e)
