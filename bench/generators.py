# generators.py -- generator-heavy loops: plain generators consumed by for,
# a two-level `yield from` pipeline, send() into a running generator, and
# coroutines awaiting each other, driven by send().
#
# Measures: generator creation, resumption (each next()/send() enters the
# eval loop again), delegation through SEND, StopIteration.value on return.
#
# Checksum: the four sums, which are fixed by N.

N = 300000


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return n


def evens(n):
    total = yield from count_up(n)
    return total


def pipeline(n):
    got = yield from evens(n)
    yield got


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


async def leaf(x):
    return x * 2


async def middle(x):
    a = await leaf(x)
    b = await leaf(a)
    return a + b


def plain_sum(n):
    total = 0
    for v in count_up(n):
        total += v
    return total


def pipeline_sum(n):
    total = 0
    for v in pipeline(n):
        total += v
    return total


def send_sum(n):
    acc = accumulator()
    next(acc)
    last = 0
    for i in range(n):
        last = acc.send(i)
    return last


def coroutine_sum(n):
    total = 0
    for i in range(n // 3):
        coro = middle(i)
        try:
            coro.send(None)
        except StopIteration as stop:
            total += stop.value
    return total


print("generators:", plain_sum(N), pipeline_sum(N), send_sum(N), coroutine_sum(N))
