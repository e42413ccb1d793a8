# throw() through yield from: the innermost generator sees it first.
def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", repr(e))
        yield "recovered"
    return "inner-ret"


def outer():
    try:
        r = yield from inner()
        print("outer result", r)
        yield "after"
    except ValueError as e:
        print("outer caught", repr(e))
        yield "outer-recovered"


g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
g = outer()
print(next(g))
print(g.throw(ValueError("v")))
g = outer()
next(g)
try:
    g.throw(TypeError, "t")
except TypeError as e:
    print("propagated", repr(e))
print(g.gi_frame)


def returns_on_throw():
    try:
        yield 1
    except RuntimeError:
        return "caught-and-returned"


def outer2():
    r = yield from returns_on_throw()
    yield "outer2 got " + r


g = outer2()
next(g)
print(g.throw(RuntimeError))


class NoThrow:
    def __iter__(self):
        return self

    def __next__(self):
        return 1


def outer3():
    try:
        yield from NoThrow()
    except ZeroDivisionError:
        yield "caught in outer3"


g = outer3()
print(next(g))
print(g.throw(ZeroDivisionError))
