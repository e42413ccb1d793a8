# math: float functions, with the values CPython gives (libm) and its errors.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
vals = [0.0, -0.0, 0.5, 1.0, 2.0, 3.7, -2.5, 10, 1e-300, 1e300, 123456789]
names = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
         "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
         "erf", "erfc", "gamma", "lgamma", "fabs", "cbrt", "degrees", "radians"]
for name in names:
    f = getattr(math, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))
for v in [math.inf, -math.inf, math.nan]:
    row = []
    for name in names:
        try:
            row.append(repr(getattr(math, name)(v)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(v, " ".join(row))
for x in [0.1, 1.5, 4.5, 7.25, 20.5, 171.5, -0.5, -3.5, 1e-10]:
    print("gamma", x, math.gamma(x), math.lgamma(x))
print(math.log(8, 2), math.log(100, 10), math.log(2, 0.5), math.log(10**1000), math.log2(2**2000 + 1))
print(math.log10(10**400), math.log(10**400, 10), math.log(7 ** 500, 7))
for thunk in [lambda: math.log(0), lambda: math.log(-1), lambda: math.log(-(10**400)),
              lambda: math.log(1, 1), lambda: math.log(2, 0)]:
    try:
        print(thunk())
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1/3) if False else 0, math.pow(0.0, 0), math.pow(math.inf, -1))
print(math.pow(-math.inf, 3), math.pow(-math.inf, 2), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(0.5, math.inf))
for thunk in [lambda: math.pow(0.0, -1), lambda: math.pow(-8, 1/3), lambda: math.pow(10, 400)]:
    try:
        print(thunk())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(math.inf, math.inf))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(5, math.inf))
try:
    math.fmod(math.inf, 2)
except ValueError as e:
    print("ValueError", e)
print(math.remainder(7, 3), math.remainder(7.5, 2), math.remainder(-7, 3))
print(math.nextafter(1, 2), math.nextafter(0, -1), math.ulp(1), math.ulp(1e300), math.ulp(0), math.ulp(math.inf))
print(math.frexp(8), math.frexp(0.3), math.frexp(0), math.frexp(-math.inf))
print(math.ldexp(0.5, 4), math.ldexp(1, -1080), math.ldexp(1, -(10**30)), math.ldexp(0, 10**30))
for thunk in [lambda: math.ldexp(1, 1024), lambda: math.ldexp(1, 10**30)]:
    try:
        thunk()
    except OverflowError as e:
        print("OverflowError", e)
try:
    math.ldexp(1, 2.0)
except TypeError as e:
    print("TypeError", e)
print(math.modf(3.25), math.modf(-2.5), math.modf(math.inf), math.modf(-math.inf))
print(math.isfinite(1), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(2))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2),
      math.isclose(0, 1e-12, abs_tol=1e-11), math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308))
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3), math.hypot(1e300, 1e300),
      math.hypot(1e-320, 1e-320), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1))
print(math.hypot(0.1, 0.2, 0.3, 0.4, 0.5), math.hypot(1.5, 2.25, 3.125))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((1.1,), (2.2,)))
try:
    math.dist((1, 2), (1,))
except ValueError as e:
    print("ValueError", e)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum(range(10)), math.fsum([1, 2**-60, 2**-60]), math.fsum([math.inf, 1]))
print(math.fsum([1e308, -1e308, 1e308]), math.fsum([0.5, 2**-53]))
for data in [[math.inf, -math.inf], [1e308, 1e308]]:
    try:
        math.fsum(data)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in ["x", None, [1]]:
    try:
        math.sqrt(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    math.sqrt(10**400)
except OverflowError as e:
    print("OverflowError", e)
class F:
    def __float__(self):
        return 2.25
class I:
    def __index__(self):
        return 9
print(math.sqrt(F()), math.sqrt(I()), math.sqrt(True))
