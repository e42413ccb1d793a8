# math: floor/ceil/trunc, and the integer functions on ints of any size.
import math

for v in [2.5, -2.5, 3, -0.0, 1e20, True, 10**30, 7.0]:
    print(repr(v), math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
class Floorable:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
    def __float__(self):
        return 1.5
print(math.floor(Floorable()), math.ceil(Floorable()), math.trunc(Floorable()))
class OnlyFloat:
    def __float__(self):
        return -1.5
print(math.floor(OnlyFloat()), math.ceil(OnlyFloat()))
for thunk in [lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.floor("3"),
              lambda: math.trunc("x"), lambda: math.trunc(OnlyFloat())]:
    try:
        print(thunk())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math.gcd(), math.gcd(12), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(12, 18, 27), math.gcd(2**100, 6**50))
print(math.lcm(), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(2, 3, 4, 5), math.lcm(10**20, 15**10))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10**50), math.isqrt(2**201 + 5), math.isqrt(True))
print(math.factorial(0), math.factorial(5), math.factorial(30), len(str(math.factorial(1000))))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50), math.comb(10**20, 2), math.comb(10**6, 3))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(20, 10), math.perm(5, None), math.perm(10**20, 2))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 4]), math.prod(range(1, 21)), math.prod([2, 3], start=10))
print(math.prod([[1], [2]][:1], start=[0]) if False else math.prod(["ab"], start=1))
for thunk in [lambda: math.isqrt(-1), lambda: math.factorial(-3), lambda: math.factorial(2.5),
              lambda: math.factorial(10**30), lambda: math.comb(-1, 2), lambda: math.comb(5, -1),
              lambda: math.perm(-2, 1), lambda: math.perm(2, -1), lambda: math.gcd(2.0, 4),
              lambda: math.comb(2.0, 1), lambda: math.lcm("a"), lambda: math.factorial("5"),
              lambda: math.prod(5), lambda: math.prod([1, "a", 2])]:
    try:
        print(thunk())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 12
print(math.gcd(Idx(), 8), math.isqrt(Idx()), math.factorial(Idx()), math.comb(Idx(), 3))
print(math.floor(-7 // 2), math.ceil(7 / 2), math.floor(2**70 + 0.0))
