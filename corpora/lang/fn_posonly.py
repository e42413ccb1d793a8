# Positional-only parameters (before /).
def f(a, b, /, c, d=4):
    return a, b, c, d

print(f(1, 2, 3))
print(f(1, 2, c=3))
print(f(1, 2, 3, d=5))

try:
    f(a=1, b=2, c=3)
except TypeError as e:
    print(e)
try:
    f(1, b=2, c=3)
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f(1, 2, 3, 4, 5)
except TypeError as e:
    print(e)

def g(x, /):
    return x

print(g(7))
try:
    g(x=1)
except TypeError as e:
    print(e)
try:
    g()
except TypeError as e:
    print(e)

def h(a=1, /, b=2, *, c=3):
    return a, b, c

print(h(), h(9), h(9, 8), h(b=0), h(c=0))

def pk(a, /, *args, **kw):
    return a, args, kw

print(pk(1, 2, a=3))
print(f.__code__.co_posonlyargcount, f.__code__.co_argcount)

class C:
    def m(self, x, /, y):
        return x, y

print(C().m(1, y=2))
try:
    C().m(x=1, y=2)
except TypeError as e:
    print(e)
