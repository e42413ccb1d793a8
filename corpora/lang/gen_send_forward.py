# send() through a yield from chain reaches the innermost generator.
def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            return received
        received.append(v)


def middle():
    result = yield from echo()
    print("middle got", result)
    return len(result)


def top():
    n = yield from middle()
    yield "n=" + str(n)


g = top()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send(None))
try:
    g.send(1)
except StopIteration as e:
    print("done", e.value)


class Receiver:
    # a plain iterator with send: yield from uses send for non-None values
    def __init__(self):
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        if len(self.log) >= 3:
            raise StopIteration("recv-done")
        self.log.append("next")
        return len(self.log)

    def send(self, v):
        self.log.append(v)
        if len(self.log) >= 3:
            raise StopIteration("sent-done")
        return v * 2


def deleg(r):
    x = yield from r
    print("deleg result", x)


r = Receiver()
g = deleg(r)
print(next(g))
print(g.send(5))
try:
    g.send(6)
except StopIteration:
    print("stopped")
print(r.log)
