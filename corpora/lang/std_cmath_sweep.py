# cmath: every function on a grid of arguments (small, large, tiny,
# negative zero, on the branch cuts, infinities, nans); results and errors
# compared with CPython bit for bit through repr().
import cmath
import math

inf, nan = math.inf, math.nan
values = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -3.7, 1e-310, 1e-200, 1e10, 1e200, 1e308, -1e308,
          0.7, 1.2, 720.0, -720.0]
args = [complex(a, b) for a in values[:12] for b in values[:9]]
args += [complex(x, y) for x in values for y in (0.0, -0.0, 1.0, 1e308)]
args += [1, -2, 0.25, complex(inf, 0), complex(-inf, 1), complex(0, inf), complex(1, -inf),
         complex(inf, inf), complex(nan, 0), complex(0, nan), complex(nan, nan), complex(inf, nan),
         complex(1, 1e-320), complex(1, 0), complex(-1, -0.0), complex(0, 1), complex(0, -1)]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
         "cosh", "tanh", "asinh", "acosh", "atanh", "phase", "polar", "isfinite", "isinf", "isnan"]

for name in names:
    fn = getattr(cmath, name)
    out = []
    for z in args:
        try:
            out.append(repr(fn(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

for z in [2, 1j, complex(3, 4), 0.5, complex(-1, -1)]:
    for base in [2, 10, complex(1, 1), 0.5, math.e]:
        print("log", z, base, cmath.log(z, base))
for bad in [(0,), (2, 1), (2, 0), (-0.0, 10)]:
    try:
        print(cmath.log(*bad))
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)

for r in [0.0, -0.0, 1.0, -2.5, 1e308, inf, -inf, nan]:
    row = []
    for phi in [0.0, -0.0, 1.0, -2.0, math.pi, inf, nan]:
        try:
            row.append(repr(cmath.rect(r, phi)))
        except ValueError as e:
            row.append("ValueError")
    print("rect", r, " ".join(row))

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(1j, 1.1j, rel_tol=0.2),
      cmath.isclose(0, 1e-10, abs_tol=1e-9), cmath.isclose(complex(inf, 0), complex(inf, 0)), cmath.isclose(nan, nan))


class C:
    def __complex__(self):
        return 3 + 4j


class Fl:
    def __float__(self):
        return 2.0


print(cmath.sqrt(C()), cmath.exp(Fl()), cmath.phase(-1), cmath.polar(C()), cmath.sqrt(-1), cmath.sqrt(True))
for bad in [lambda: cmath.sqrt("x"), lambda: cmath.exp(1000), lambda: cmath.cosh(1000),
            lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2),
            lambda: cmath.polar(complex(1e308, 1e308)), lambda: cmath.rect(1j, 1), lambda: cmath.acos(None)]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
