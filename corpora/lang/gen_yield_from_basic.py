# yield from: values pass through, the delegate's return value is the result.
def inner(n):
    for i in range(n):
        yield i
    return n * 100


def outer():
    a = yield from inner(2)
    print("a =", a)
    b = yield from inner(0)
    print("b =", b)
    c = yield from [7, 8]
    print("c =", c)
    d = yield from (x * 2 for x in range(3))
    print("d =", d)
    e = yield from "hi"
    print("e =", e)
    return a + b


print(list(outer()))
g = outer()
for v in g:
    print("got", v)


def nested(depth):
    if depth == 0:
        yield "leaf"
        return 0
    r = yield from nested(depth - 1)
    yield "level " + str(depth)
    return r + 1


g = nested(4)
print(list(g))


def total():
    r = yield from nested(3)
    return r


try:
    g = total()
    while True:
        next(g)
except StopIteration as e:
    print("total returned", e.value)
