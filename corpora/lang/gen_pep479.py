# PEP 479: StopIteration escaping a generator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration("oops")


g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", repr(e.__cause__))
    print("context is cause:", e.__context__ is e.__cause__)
    print(e.__suppress_context__)


def leaky():
    it = iter([])
    yield next(it)


try:
    list(leaky())
except RuntimeError as e:
    print("leaky:", e, type(e.__cause__).__name__)


def fine():
    try:
        raise StopIteration
    except StopIteration:
        yield "caught inside"


print(list(fine()))


async def coro():
    raise StopIteration


try:
    coro().send(None)
except RuntimeError as e:
    print("coroutine:", e)


def deleg():
    yield from bad()


try:
    list(deleg())
except RuntimeError as e:
    print("through yield from:", e)
