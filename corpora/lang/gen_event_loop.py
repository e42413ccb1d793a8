# A tiny round-robin scheduler over coroutines: custom awaitables that
# suspend, coroutine.__await__() delegation, results collected in order.
class Yield:
    def __await__(self):
        yield "yield"


class Wrapper:
    # delegates to a coroutine through its __await__ iterator
    def __init__(self, coro):
        self.coro = coro

    def __await__(self):
        return self.coro.__await__()


async def worker(name, steps, log):
    for i in range(steps):
        log.append(name + str(i))
        await Yield()
    return name + " done"


async def boss(log):
    r = await Wrapper(worker("w", 2, log))
    log.append("boss got " + r)
    return r.upper()


def run_all(coros):
    results = {}
    queue = list(coros.items())
    while queue:
        name, coro = queue.pop(0)
        try:
            coro.send(None)
            queue.append((name, coro))
        except StopIteration as e:
            results[name] = e.value
    return results


log = []
res = run_all({"a": worker("a", 3, log), "b": worker("b", 1, log), "boss": boss(log)})
print(log)
print(res)
w = worker("x", 0, []).__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print("wrapper stop", e.value)
it = worker("y", 1, []).__await__()
print(next(it))
try:
    it.send(None)
except StopIteration as e:
    print("send stop", e.value)
