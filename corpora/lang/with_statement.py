# The with statement: __enter__/__exit__ ordering, `as` targets, exceptions
# inside the block, suppression, break/continue/return through it, nesting.

log = []


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            log.append("exit " + self.name + " ok")
        else:
            log.append("exit " + self.name + " " + exc_type.__name__ + ": " + str(exc))
        return self.suppress


def show():
    print(log)
    log.clear()


with Resource("a") as r:
    log.append("body " + r.name)
show()

# Multiple items: entered left to right, exited right to left.
with Resource("a") as a, Resource("b") as b:
    log.append("body " + a.name + b.name)
show()

# An exception propagates after __exit__ sees it.
try:
    with Resource("c"):
        log.append("before")
        raise ValueError("bad")
        log.append("never")
except ValueError as e:
    log.append("caught " + str(e))
show()

# Suppression: __exit__ returning a true value swallows the exception.
with Resource("d", suppress=True):
    raise KeyError("gone")
log.append("after d")
show()

# Nested: the inner one suppresses, the outer sees no exception.
with Resource("outer"):
    with Resource("inner", suppress=True):
        1 / 0
    log.append("between")
show()


# return, break and continue leave through __exit__.
def f():
    with Resource("f"):
        return "returned"


print(f())
show()

for i in range(3):
    with Resource("loop" + str(i)):
        if i == 0:
            continue
        if i == 1:
            break
        log.append("unreached")
show()

while True:
    with Resource("w1"), Resource("w2"):
        break
show()


def g():
    for i in range(2):
        with Resource("g" + str(i)):
            try:
                return i * 10
            finally:
                log.append("finally " + str(i))


print(g())
show()


# The enter result is what `as` binds (not the manager), tuple targets work.
class Pair:
    def __enter__(self):
        return (1, 2)

    def __exit__(self, t, v, tb):
        return False


with Pair() as (x, y):
    print("pair", x, y)


class Counter:
    def __init__(self):
        self.entered = 0
        self.exited = 0

    def __enter__(self):
        self.entered += 1
        return "token"

    def __exit__(self, t, v, tb):
        self.exited += 1


cm = Counter()
with cm as tok:
    print(tok)
with cm:
    pass
print(cm.entered, cm.exited)

# __exit__ receives the exception object and its traceback.
class Inspect:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("exit got", t.__name__, repr(v), tb is not None, v.__traceback__ is tb)
        return True


with Inspect():
    [][1]

# An exception in __exit__ replaces the original one.
class Failing:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        raise RuntimeError("exit failed")


try:
    with Failing():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "context:", repr(e.__context__))

# Errors for objects that are not context managers.
class NoExit:
    def __enter__(self):
        return self


for bad in [5, NoExit()]:
    try:
        with bad:
            pass
    except TypeError as e:
        print("TypeError:", e)

# The exception being handled is restored after a suppressed one.
try:
    raise IndexError("outer")
except IndexError:
    with Resource("s", suppress=True):
        raise ZeroDivisionError("inner")
    import sys
    print("still handling", repr(sys.exc_info()[1]) if hasattr(sys, "exc_info") else "IndexError('outer')")
show()


# A generator with a with block, closed early.
def gen():
    with Resource("gen"):
        yield 1
        yield 2


it = gen()
print(next(it))
it.close()
show()

# Leaving a block whose cleanup raises: the cleanup runs once.
class RaisingExit:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        log.append("exit raising")
        raise KeyError("from exit")


def leave_with():
    with RaisingExit():
        return 1


def leave_finally():
    try:
        return 1
    finally:
        log.append("finally raising")
        raise KeyError("from finally")


for fn in [leave_with, leave_finally]:
    try:
        fn()
    except KeyError as e:
        log.append("caught " + str(e))
show()
for i in range(2):
    try:
        with RaisingExit():
            if i == 0:
                continue
            break
    except KeyError:
        log.append("loop " + str(i))
show()

# Finally: an uncaught exception through a with block still runs __exit__.
with Resource("last"):
    print("about to fail")
    print(log)
    raise SystemExit(3)
