# fractions.Fraction: construction, arithmetic with int/float/complex,
# comparisons, hashing (CPython's values), limit_denominator, rounding.
import math
from fractions import Fraction as F

print(F(3, 4), repr(F(6, -8)), F(5), F(), F(-0), F(F(1, 3)), F(F(1, 2), F(3, 4)), F(2.5), F(-0.1))
for s in ["3/4", " -3/4 ", "0.25", "1e3", "-1.5e-2", "7", "+2/6", "1_000/3", ".5", "5.", "2E2"]:
    print(repr(s), F(s))
for bad in ["", "3/", "/4", "1/2/3", "abc", "1.2.3", "1__0", "3 / 4", "e5"]:
    try:
        F(bad)
    except ValueError as e:
        print("ValueError", e)
for args in [(1, 0), (1.5, 2), ("1", 2), ([],)]:
    try:
        F(*args)
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)

a, b = F(1, 3), F(3, 4)
print(a + b, a - b, a * b, a / b, a // b, b // a, a % b, b % a, divmod(b, a), -a, +a, abs(-b))
print(a + 1, 1 + a, a - 2, 2 - a, a * 3, 3 * a, a / 2, 2 / a, 7 // a, 7 % b, divmod(7, b))
print(a + 0.5, 0.5 + a, a * 1.5, a / 2.0, b ** 2, b ** -2, F(-2, 3) ** -3, F(4) ** F(1, 2), 2 ** F(3), 2 ** F(1, 2))
print(a + 1j, F(0) ** 0, F(1, 2) ** 0.5, b ** F(2))
try:
    a / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    F(0) ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

print(a < b, a > b, a <= a, a >= b, a == F(2, 6), a == 1, F(2) == 2, F(1, 2) == 0.5, F(1, 3) == 1 / 3)
print(F(1, 2) < 0.6, F(1, 2) > 1, 2 > F(3, 2), F(1) < math.inf, F(1) > -math.inf, F(1) == math.nan, F(1) < math.nan)
print(sorted([F(1, 2), F(1, 3), 0.4, 1, F(-1)]), max(F(7, 3), 2), min(F(1, 10), 0.05))

for x in [F(1, 2), F(-1, 2), F(3), F(-7, 3), F(10**20, 3), F(1, 2**61 - 1), F(0)]:
    print(x, hash(x), hash(x) == hash(float(x)) if x.denominator < 2**53 else "-")
print(hash(F(5)) == hash(5), hash(F(-1)), {F(1, 2): "half"}[0.5], {F(4, 2)} == {2})

pi = F(math.pi)
print(pi, pi.limit_denominator(10), pi.limit_denominator(100), pi.limit_denominator(), F(1, 3).limit_denominator(2))
print(F("0.333").limit_denominator(10), F(-22, 7).limit_denominator(5), F(3, 7).limit_denominator(7))
try:
    pi.limit_denominator(0)
except ValueError as e:
    print("ValueError", e)

x = F(-7, 2)
print(math.floor(x), math.ceil(x), math.trunc(x), int(x), float(x), round(x), round(F(5, 2)), round(F(7, 2)))
print(round(F(1234, 100), 1), round(F(1234, 100), -1), round(F(-5, 2)), bool(F(0)), bool(F(1, 9)))
print(x.numerator, x.denominator, x.as_integer_ratio(), F.from_float(0.125), F.from_float(3), F(1, 3).__reduce__())
print(sum([F(1, n) for n in range(1, 8)]), math.fsum([0.1] * 3) == float(F(3, 10)))
print(str(F(10**30, 7)), F(1, 10**12) * 10**12, F(2, 4) is not F(1, 2), isinstance(F(1), F))
