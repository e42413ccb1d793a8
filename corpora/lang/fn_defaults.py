# __defaults__ and __kwdefaults__: read, replaced, and used by calls.
def f(a, b=2, c=3, *, k=4, j=5):
    return a, b, c, k, j

print(f.__defaults__, f.__kwdefaults__)
print(f(1))
f.__defaults__ = (20, 30)
f.__kwdefaults__ = {"k": 40, "j": 50}
print(f(1))
f.__defaults__ = (99,)
print(f(1, 2))
try:
    f(1)
except TypeError as e:
    print(e)
f.__defaults__ = None
print(f.__defaults__)
try:
    f(1, 2)
except TypeError as e:
    print(e)
f.__kwdefaults__ = {"k": 0}
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
f.__kwdefaults__ = None
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(e)
try:
    f.__kwdefaults__ = [1]
except TypeError as e:
    print(e)

def g(x):
    return x

print(g.__defaults__, g.__kwdefaults__)
g.__defaults__ = (7,)
print(g())

# Defaults are evaluated once: the classic shared-list surprise.
def append(v, acc=[]):
    acc.append(v)
    return acc

print(append(1), append(2), append.__defaults__)

# Default expressions run at def time, left to right.
order = []
def note(v):
    order.append(v)
    return v

def h(a=note(1), b=note(2), *, c=note(3), d=note(4)):
    return a, b, c, d

print(order, h())
lam = lambda a=1, *, b=2: (a, b)
print(lam.__defaults__, lam.__kwdefaults__, lam())
