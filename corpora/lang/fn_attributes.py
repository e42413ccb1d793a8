# Function objects carry attributes: their own and the special ones.
def f(a, b=1):
    "The doc."
    return a + b

f.calls = 0
f.calls += 1
f.tag = "x"
print(f.calls, f.tag, sorted(f.__dict__))
print(f.__dict__ is f.__dict__, "calls" in f.__dict__)
f.__dict__["direct"] = True
print(f.direct)
del f.tag
print(hasattr(f, "tag"), sorted(vars(f)))
try:
    del f.tag
except AttributeError as e:
    print("AttributeError:", e)
try:
    f.missing
except AttributeError as e:
    print("AttributeError:", e)

print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
f.__name__ = "renamed"
f.__qualname__ = "Outer.renamed"
f.__module__ = "elsewhere"
f.__doc__ = "New doc."
print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__code__.co_name)
try:
    f.__name__ = 3
except TypeError as e:
    print("TypeError:", e)
try:
    f.__qualname__ = None
except TypeError as e:
    print("TypeError:", e)
try:
    f.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
f.__dict__ = {"fresh": 1}
print(f.fresh, hasattr(f, "calls"))
f.__module__ = None
print(f.__module__)
try:
    f.__globals__ = {}
except AttributeError as e:
    print("AttributeError:", e)

# A wrapper copies what it needs (what functools.wraps does).
def wraps(wrapped):
    def deco(wrapper):
        for name in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(wrapper, name, getattr(wrapped, name))
        wrapper.__dict__.update(wrapped.__dict__)
        wrapper.__wrapped__ = wrapped
        return wrapper
    return deco

def original(x):
    "Original doc."
    return x * 2

original.marker = "m"

@wraps(original)
def wrapper(*args, **kwargs):
    return original(*args, **kwargs)

print(wrapper.__name__, wrapper.__doc__, wrapper.marker, wrapper.__wrapped__ is original)
print(wrapper(21))
print(wrapper.__wrapped__.__name__)

# Closures and globals.
def make(n):
    def add(x):
        return x + n
    return add

g = make(5)
print(type(g.__closure__).__name__, len(g.__closure__), f.__closure__)
print(g.__globals__["make"] is make, g.__name__, g.__qualname__)

# Methods read attributes through the bound method.
class C:
    def m(self):
        "method doc"

C.m.flag = 1
print(C().m.flag, C().m.__doc__, C().m.__name__, C.m.__qualname__)
try:
    C().m.flag = 2
except AttributeError as e:
    print("AttributeError:", e)

lam = lambda: 0
lam.note = "lambda attr"
print(lam.__name__, lam.note, lam.__doc__)

# __code__ can be swapped for one with the same free variables.
def one():
    return 1

def two():
    return 2

one.__code__ = two.__code__
print(one(), one.__name__, one.__code__.co_name)
try:
    one.__code__ = g.__code__
except ValueError as e:
    print("ValueError:", e)
try:
    one.__code__ = 5
except TypeError as e:
    print("TypeError:", e)
