# Async generators: async for over them, asend/athrow/aclose, awaits inside,
# StopAsyncIteration at the end, CPython's errors.
class Suspend:
    def __await__(self):
        yield "suspend"


async def ticker(n):
    for i in range(n):
        await Suspend()
        yield i
    print("ticker done")


async def plain(n):
    for i in range(n):
        yield i * 10


async def main():
    async for v in ticker(3):
        print("tick", v)
    out = []
    async for v in plain(4):
        if v == 30:
            break
        out.append(v)
    print(out)
    return "main"


def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        print("steps", steps)
        return e.value


print(run(main()))
ag = plain(2)
print(type(ag).__name__, ag.__name__, ag.__qualname__, ag.ag_code.co_name, ag.ag_running, ag.ag_await)
print(repr(ag).startswith("<async_generator object plain at 0x"))
step = ag.__anext__()
print(type(step).__name__)
try:
    step.send(None)
except StopIteration as e:
    print("first value", e.value)
try:
    step.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("second value", e.value)
try:
    ag.__anext__().send(None)
except StopAsyncIteration:
    print("StopAsyncIteration")


async def echo():
    received = None
    while True:
        received = yield received


e = echo()
try:
    e.asend(None).send(None)
except StopIteration as s:
    print("primed", s.value)
try:
    e.asend("hello").send(None)
except StopIteration as s:
    print("echo", s.value)


async def guarded():
    try:
        yield 1
    except ValueError as exc:
        print("guarded caught", exc)
        yield 2
    finally:
        print("guarded finally")


g = guarded()
try:
    g.__anext__().send(None)
except StopIteration as s:
    print("got", s.value)
try:
    g.athrow(ValueError("v")).send(None)
except StopIteration as s:
    print("athrow ->", s.value)
try:
    g.aclose().send(None)
except StopIteration:
    print("closed")
print(g.ag_frame)


async def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2


i = ignores()
try:
    i.__anext__().send(None)
except StopIteration:
    pass
try:
    i.aclose().send(None)
except RuntimeError as exc:
    print("RuntimeError:", exc)


async def leaks():
    yield 1
    raise StopAsyncIteration


lk = leaks()
try:
    lk.__anext__().send(None)
except StopIteration:
    pass
try:
    lk.__anext__().send(None)
except RuntimeError as exc:
    print("RuntimeError:", exc)
