# Generators: yield, send, next with a default, exhaustion, frames inside generators,
# and an exception raised inside a generator body.
import sys
def count(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            print("got", got)
        i += 1
    return "done"

for x in count(3):
    print(x)
g = count(5)
print(next(g), next(g), g.send("hello"))
print(list(count(4)), sum(count(10)))
def where():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name
for name in where():
    print(name)
g2 = count(1)
print(next(g2))
print(next(g2, "exhausted"))
g3 = count(3)
print(type(g3).__name__, g3.__name__)
def bad():
    yield 1
    return 1 // 0
for v in bad():
    print(v)
