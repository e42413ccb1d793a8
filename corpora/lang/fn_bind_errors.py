# CPython's messages for calls that do not fit the parameters.
def show(fn, *args, **kw):
    try:
        fn(*args, **kw)
        print("ok")
    except TypeError as e:
        print(e)

def none():
    pass

def one(a):
    pass

def two(a, b):
    pass

def three(a, b, c):
    pass

def opt(a, b=1, c=2):
    pass

show(none, 1)
show(none, 1, 2)
show(one)
show(one, 1, 2)
show(two)
show(two, 1)
show(three)
show(three, 1)
show(three, b=1)
show(opt)
show(opt, 1, 2, 3, 4)
show(one, b=1)
show(one, 1, a=2)
show(two, 1, 2, a=3)
show(none, x=1)
show(opt, 1, d=3)

class C:
    def m(self, a):
        pass

    @staticmethod
    def s(a):
        pass

    @classmethod
    def k(cls, a):
        pass

    class Inner:
        def deep(self):
            pass

show(C().m)
show(C().m, 1, 2)
show(C.m, C())
show(C().s)
show(C.k, 1, 2)
show(C.Inner().deep, 1)
show(C().m, x=1)

def outer():
    def inner(a, *, b):
        pass
    return inner

show(outer())
show(outer(), 1)
show(outer(), 1, 2)
show(lambda: 0, 1)
show(lambda a, b: 0)
show(lambda *, k: 0)

# Generator functions bind when called, not when started.
def gen(a):
    yield a

show(gen)
show(gen, 1, 2)

# Class construction through __init__.
class P:
    def __init__(self, x, *, y=0):
        self.x = x

show(P)
show(P, 1, 2)
show(P, 1, z=2)
