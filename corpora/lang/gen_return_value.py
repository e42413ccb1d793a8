# return in a generator: StopIteration.value, next(), send(), for loops.
def g1():
    yield 1
    return "finished"


g = g1()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value, e.args)


def g2():
    x = yield
    return x * 2


g = g2()
next(g)
try:
    g.send(21)
except StopIteration as e:
    print("send ->", e.value)


def g3():
    return None
    yield


try:
    next(g3())
except StopIteration as e:
    print("None value:", e.value, e.args)


def g4():
    yield 1
    return (1, 2)


try:
    g = g4()
    next(g)
    next(g)
except StopIteration as e:
    print("tuple value:", e.value)
print(list(g4()))
print(next(g1(), "x"), next(g3(), "default"))


def g5():
    return [1, 2]
    yield


print(next(g5(), "dflt"))
