# async for: __aiter__/__anext__, StopAsyncIteration, else, break, continue.
class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Ticker:
    # __anext__ returning a custom awaitable that suspends once
    def __init__(self):
        self.count = 0

    def __aiter__(self):
        return self

    def __anext__(self):
        return Tick(self)


class Tick:
    def __init__(self, owner):
        self.owner = owner

    def __await__(self):
        yield "tick"
        self.owner.count += 1
        if self.owner.count > 2:
            raise StopAsyncIteration
        return self.owner.count


async def main():
    async for x in Counter(3):
        print("x", x)
    else:
        print("else ran")
    async for x in Counter(5):
        if x == 2:
            continue
        if x == 4:
            break
        print("y", x)
    else:
        print("not printed")
    total = 0
    async for a in Counter(4):
        async for b in Counter(a):
            total += b
    print("total", total)
    async for t in Ticker():
        print("t", t)
    return "main done"


def run(coro):
    suspended = 0
    try:
        while True:
            coro.send(None)
            suspended += 1
    except StopIteration as e:
        print("suspensions", suspended)
        return e.value


print(run(main()))


async def bad_aiter():
    async for x in 5:
        pass


async def bad_anext():
    class C:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 5
    async for x in C():
        pass


async def no_anext():
    class D:
        def __aiter__(self):
            return 7
    async for x in D():
        pass


for f in (bad_aiter, bad_anext, no_anext):
    try:
        f().send(None)
    except TypeError as e:
        print("TypeError:", e)


async def raises_inside():
    class E:
        def __aiter__(self):
            return self

        async def __anext__(self):
            raise KeyError("from anext")
    async for x in E():
        pass


try:
    raises_inside().send(None)
except KeyError as e:
    print("KeyError:", e)


async def returns_in_loop():
    async for x in Counter(10):
        if x == 3:
            return x * 100


print(run(returns_in_loop()))
