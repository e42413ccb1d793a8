# Code objects describe the parameters as CPython's do.
def plain(a, b):
    pass

def full(p, /, a, b=1, *args, k, m=2, **kw):
    x = 1
    return x

def gen(*a):
    yield a

def outer():
    def nested(*, k):
        pass
    return nested

VARARGS, VARKEYWORDS = 0x04, 0x08
for fn in (plain, full, gen, outer(), lambda *a, **k: 0, lambda x, /, y: 0):
    c = fn.__code__
    print(fn.__name__, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount,
          bool(c.co_flags & VARARGS), bool(c.co_flags & VARKEYWORDS), c.co_varnames)

print(full.__code__.co_nlocals)

# Frames see the parameters as locals.
import sys

def look(a, *rest, key=None, **extra):
    return sorted(sys._getframe().f_locals.items())

print(look(1, 2, 3, key="k", other=4))
