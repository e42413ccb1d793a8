# Coroutine errors with CPython's messages.
async def simple():
    return 1


async def await_int():
    await 5


async def await_bad_iter():
    class A:
        def __await__(self):
            return 5
    await A()


async def await_coro_from_await():
    class B:
        def __await__(self):
            return simple()
    await B()


for f in (await_int, await_bad_iter, await_coro_from_await):
    try:
        f().send(None)
    except TypeError as e:
        print("TypeError:", e)

c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("first:", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def reuse(coro):
    await coro


inner = simple()


async def twice():
    await inner
    await inner


try:
    twice().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

c = simple()
try:
    c.send(1)
except TypeError as e:
    print("TypeError:", e)
c.close()
try:
    iter(simple())
except TypeError as e:
    print("TypeError:", e)
try:
    next(simple())
except TypeError as e:
    print("TypeError:", e)


def gen():
    yield from simple()


try:
    list(gen())
except TypeError as e:
    print("TypeError:", e)

c = simple()
try:
    c.throw(ValueError("thrown"))
except ValueError as e:
    print("ValueError:", e)
try:
    c.send(None)
except RuntimeError as e:
    print("after throw:", e)


async def raises():
    raise KeyError("k")


try:
    raises().send(None)
except KeyError as e:
    print("KeyError:", e)
