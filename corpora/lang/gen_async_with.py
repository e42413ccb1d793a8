# async with: __aenter__/__aexit__, suppression, errors.
class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("enter", self.name)
        return self.name.upper()

    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress


async def main():
    async with Manager("a") as v:
        print("body", v)
    async with Manager("b", True):
        raise ValueError("suppressed")
    print("after suppress")
    async with Manager("c") as c, Manager("d") as d:
        print("two", c, d)
    try:
        async with Manager("e"):
            raise KeyError("kept")
    except KeyError as e:
        print("caught", repr(e))
    for i in range(3):
        async with Manager("loop" + str(i)):
            if i == 1:
                continue
            if i == 2:
                break
            print("loop body", i)
    return await inner_return()


async def inner_return():
    async with Manager("ret"):
        return "returned from with"


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(run(main()))


async def not_manager():
    async with 5:
        pass


async def no_aexit():
    class M:
        async def __aenter__(self):
            return 1
    async with M():
        pass


async def sync_manager():
    class S:
        def __enter__(self):
            return 1

        def __exit__(self, t, v, tb):
            return False
    async with S():
        pass


async def aenter_not_awaitable():
    class N:
        def __aenter__(self):
            return 1

        async def __aexit__(self, t, v, tb):
            return False
    async with N():
        pass


for f in (not_manager, no_aexit, sync_manager, aenter_not_awaitable):
    try:
        run(f())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
