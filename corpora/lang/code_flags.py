# co_flags carries CPython's CO_* bits, and functions that combine features
# (varargs with return values, coroutines, async generators) compile.
def plain(a):
    return a


def star(*args, **kwargs):
    return len(args) + len(kwargs)


def kwonly(a, *, b=2):
    return a + b


def gen():
    yield 1
    return 2


async def coro():
    return 3


async def agen():
    yield 4


def outer():
    def inner():
        return 5
    return inner


print(star(1, 2, x=3), kwonly(1), plain(0))
for f in (plain, star, kwonly, gen, coro, agen, outer, outer()):
    print(f.__name__, hex(f.__code__.co_flags))


class Shim:
    def parse(self, *a, **k):
        return Shim()

    def value(self):
        return 42


print(Shim().parse(1, k=2).value())
