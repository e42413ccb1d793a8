# cmath: every function on arguments with infinite and NaN parts (C99 Annex G
# special values as CPython gives them, signs of zeros included).
import cmath, math
inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, inf, -inf, nan]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
         "cosh", "tanh", "asinh", "acosh", "atanh", "phase", "polar"]
for name in names:
    fn = getattr(cmath, name)
    for a in vals:
        for b in vals:
            if math.isfinite(a) and math.isfinite(b): continue
            try: r = repr(fn(complex(a, b)))
            except (ValueError, OverflowError) as e: r = type(e).__name__
            print(name, complex(a, b), r)
