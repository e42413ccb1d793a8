# Closures (nonlocal, late binding), lambda, list/dict comprehensions, generator
# expressions, f-strings (conversions, specs, nested fields, =), assert, walrus.
def make_counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter(10)
print(c(), c(5), c())

def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders()])

squares = [n * n for n in range(10) if n % 2 == 0]
print(squares)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
gen = (x * 2 for x in range(5))
print(type(gen).__name__, sum(gen), list(x for x in "abc"))
name = "world"
width = 8
print(f"hello {name}!", f"{name!r:>{width}}", f"{3.14159:.2f}", f"{42:05d}", f"{name=}")
print(f"{'nested {braces}'}", f"{{literal}}", f"{1+1} and {[1,2][0]}")
def outer():
    x = 1
    def middle():
        def inner():
            return x + 1
        return inner()
    return middle()
print(outer())
assert len(squares) == 5, "five squares"
key = sorted(["bb", "a", "ccc"], key=lambda s: len(s))
print(key)
try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
print(f"{'é'!a}", ascii_test := 1)
