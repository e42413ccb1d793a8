# **kwargs: extra keyword arguments arrive as a dict, in call order.
def opts(**kw):
    return kw

print(opts())
print(opts(a=1, b=2))
print(opts(b=2, a=1))
print(type(opts(x=1)).__name__)

def mixed(a, b=2, **kw):
    return a, b, kw

print(mixed(1))
print(mixed(1, c=3))
print(mixed(a=1, b=5, z=0))
print(mixed(1, 2, b2=3))

def everything(a, *args, k=0, **kw):
    return a, args, k, kw

print(everything(1, 2, 3, k=4, m=5))
print(everything(a=1))

# Names of parameters go to the parameter, not to **kw.
print(mixed(b=9, a=8, q=7))

# A fresh dict each call.
def collect(**kw):
    kw["seen"] = True
    return kw

d = {"x": 1}
r = collect(**d)
print(r, d)

# Errors.
try:
    mixed(1, a=2)
except TypeError as e:
    print(e)
try:
    mixed(b=1)
except TypeError as e:
    print(e)

def positional_only(a, /, **kw):
    return a, kw

# With **kw, a positional-only name passed by keyword lands in kw.
print(positional_only(1, a=2))
lam = lambda **k: sorted(k)
print(lam(z=1, y=2))
