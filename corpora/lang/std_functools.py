# functools: reduce, partial, wraps, lru_cache, cache, cmp_to_key, total_ordering, cached_property.
import functools
from functools import reduce, partial, wraps, lru_cache, cache, cmp_to_key, total_ordering

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError", e)
def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base ** exp
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=7)
print(square(5), cube_mod(4), partial(power, 2)(10), partial(partial(power, 3), 4)(), square.func is power, square.args, square.keywords)
try:
    partial(3)
except TypeError as e:
    print("TypeError", e)
def deco(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return f(*args, **kwargs) * 2
    return wrapper
@deco
def add(a, b):
    """Adds."""
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(2, 3), add.__qualname__)
calls = []
@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n
print(slow(1), slow(2), slow(1), slow(3), slow(2), calls, slow.cache_info())
slow.cache_clear()
print(slow.cache_info(), slow.cache_info().hits, slow.cache_info()._fields)
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(30), fact.cache_info().currsize)
@lru_cache(maxsize=None, typed=True)
def ident(x):
    return x
print(ident(1), ident(1.0), ident(x=2), ident.cache_info())
def compare(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 9, 1], key=cmp_to_key(compare)), sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(b) - len(a))))
@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
print(Version(1) < Version(2), Version(1) <= Version(1), Version(3) > Version(2), Version(2) >= Version(3))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)
class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("computing")
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
