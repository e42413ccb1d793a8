# A generator suspended inside an except block keeps its own handled
# exception: a bare raise after resumption re-raises it, and the caller's
# exceptions neither see it as context nor replace it.
def reraiser():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        raise


x = reraiser()
next(x)
try:
    raise ValueError("v")
except ValueError:
    try:
        next(x)
    except KeyError as e:
        print("caught", repr(e), repr(e.__context__))


def plain():
    yield 1
    raise TypeError("t")


y = plain()
next(y)
try:
    raise ValueError("outer")
except ValueError:
    try:
        next(y)
    except TypeError as e:
        print("context from the caller:", repr(e.__context__))


def suspended_in_except():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1


z = suspended_in_except()
next(z)
try:
    raise IndexError("after yield")
except IndexError as e:
    print("no leak:", repr(e.__context__))


def chained():
    try:
        raise KeyError("first")
    except KeyError:
        yield "suspended"
        raise RuntimeError("second")


w = chained()
next(w)
try:
    next(w)
except RuntimeError as e:
    print("own context:", repr(e.__context__))
