"""Module docstring."""
print(__doc__)

def f():
    """Function docstring."""
    return 1

def g():
    return 2

def h():
    x = 1
    "not a docstring"
    return x

def multi():
    """First line.

    More lines.
    """

print(f.__doc__, g.__doc__, h.__doc__)
print(repr(multi.__doc__))
lam = lambda: "x"
print(lam.__doc__)

class C:
    "Class doc."

    def m(self):
        "Method doc."

    @staticmethod
    def s():
        "Static doc."

    @property
    def p(self):
        "Property doc."
        return 1

print(C.__doc__, C.m.__doc__, C().m.__doc__, C.s.__doc__, C.p.__doc__)

def gen():
    "Generator doc."
    yield 1

print(gen.__doc__)

def with_consts():
    "Doc."
    return "Doc."

print(with_consts(), with_consts.__code__.co_consts[0])
f.__doc__ = None
print(f.__doc__)
del g.__doc__
print(g.__doc__)
