# close() through yield from closes the delegate first.
def inner(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("inner finally")


def outer(log):
    try:
        yield from inner(log)
    finally:
        log.append("outer finally")


log = []
g = outer(log)
next(g)
g.close()
print(log)
print(g.gi_frame, g.gi_running)
g.close()


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


def wraps():
    yield from stubborn()


g = wraps()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def raises_on_close():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")


def wraps2():
    try:
        yield from raises_on_close()
    except ValueError as e:
        print("outer sees", repr(e))
        raise


g = wraps2()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised", repr(e))


class Closeable:
    def __init__(self):
        self.closed = False

    def __iter__(self):
        return self

    def __next__(self):
        return "item"

    def close(self):
        self.closed = True


c = Closeable()


def wraps3():
    yield from c


g = wraps3()
print(next(g))
g.close()
print("closed:", c.closed)
