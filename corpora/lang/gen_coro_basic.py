# Coroutines driven by hand: send(None), StopIteration.value, await chains.
async def add(a, b):
    return a + b


async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(run(compute()))
c = add(2, 3)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_frame is not None, c.cr_code.co_name)
print(run(c))
print(c.cr_frame)


class Awaitable:
    def __init__(self, steps):
        self.steps = steps

    def __await__(self):
        total = 0
        for i in range(self.steps):
            got = yield i
            total += got
        return total


async def uses_awaitable():
    r = await Awaitable(3)
    return "total " + str(r)


c = uses_awaitable()
print(c.send(None))
print(type(c.cr_await).__name__)
print(c.send(10))
print(c.send(20))
try:
    c.send(30)
except StopIteration as e:
    print(e.value)


async def nested(n):
    if n == 0:
        return 0
    return 1 + await nested(n - 1)


print(run(nested(50)))


class Outer:
    async def method(self, v):
        return v * 2


o = Outer()
c = o.method(4)
print(c.__qualname__, run(c))


async def no_return():
    await add(1, 1)


print(run(no_return()))
print(repr(add(1, 2)).startswith("<coroutine object add at 0x"))
