# Keyword-only parameters: after * or *args.
def f(a, *, b, c=3):
    return a, b, c

print(f(1, b=2))
print(f(1, b=2, c=4))
print(f(a=1, c=0, b=9))

def g(*args, key=None, reverse=False):
    return args, key, reverse

print(g(3, 1, 2, reverse=True))
print(g())

try:
    f(1)
except TypeError as e:
    print(e)
try:
    f(1, 2)
except TypeError as e:
    print(e)
try:
    f(1, 2, b=3)
except TypeError as e:
    print(e)

def h(*, x, y, z):
    return x + y + z

try:
    h()
except TypeError as e:
    print(e)
try:
    h(y=1)
except TypeError as e:
    print(e)
try:
    h(x=1, y=2)
except TypeError as e:
    print(e)
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
print(h(z=1, y=2, x=3))

def i(a, b=1, *, k):
    return a, b, k

try:
    i(1, 2, 3, k=4)
except TypeError as e:
    print(e)
try:
    i(1, 2, 3, 4)
except TypeError as e:
    print(e)

def one(a, *, k=1):
    return a, k

try:
    one(1, 2, k=5)
except TypeError as e:
    print(e)
try:
    one()
except TypeError as e:
    print(e)

# Keyword-only defaults are evaluated once, at def time.
n = 10
def later(*, v=n):
    return v

n = 20
print(later())
print(later.__kwdefaults__)

# A lambda with keyword-only parameters.
lk = lambda a, *, b=2: a * b
print(lk(3), lk(3, b=5))
try:
    lk(1, 2)
except TypeError as e:
    print(e)
