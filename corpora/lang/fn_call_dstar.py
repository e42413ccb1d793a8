# f(**mapping) at call sites.
def f(**kw):
    return kw

def g(a, b=2, *, c=3):
    return a, b, c

print(f(**{}), f(**{"a": 1}))
print(f(x=1, **{"y": 2}, z=3, **{"w": 4}))
print(g(**{"a": 1}), g(1, **{"c": 5}), g(**{"b": 0, "a": 1, "c": 2}))

class M:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k.upper()

print(f(**M()))
print(f(a=0, **M()))

# Duplicates between sources.
try:
    f(a=1, **{"a": 2})
except TypeError as e:
    print(e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(e)
try:
    g(1, **{"a": 2})
except TypeError as e:
    print(e)
# Not a mapping.
try:
    f(**[1])
except TypeError as e:
    print(e)
try:
    f(x=1, **None)
except TypeError as e:
    print(e)
try:
    f(**{"a": 1}, **5)
except TypeError as e:
    print(e)
# Keys must be strs.
try:
    f(**{1: 2})
except TypeError as e:
    print(e)
try:
    g(**{"d": 1, "a": 0})
except TypeError as e:
    print(e)

class C:
    def m(self, a):
        return a

try:
    C().m(1, **[])
except TypeError as e:
    print(e)
try:
    C().m(**{"a": 1}, **{"a": 1})
except TypeError as e:
    print(e)
print(C().m(**{"a": "via dict"}))

# The dict passed is not the one the callee sees.
d = {"k": 1}
got = f(**d)
got["k"] = 2
print(d, got)
