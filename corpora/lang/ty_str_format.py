# str.format and format_map: fields, conversions, nested specs, errors.
class P:
    x = 5
    def __init__(self): self.items = [10, 20]
    def __format__(self, spec): return 'P<' + spec + '>'
cases = [
 ('{0[}]}', lambda f: f.format({'}': 1})),
 ('{', lambda f: f.format()),
 ('}', lambda f: f.format()),
 ('{0', lambda f: f.format(1)),
 ('a{}b}', lambda f: f.format(1)),
 ('{{}}', lambda f: f.format()),
 ('{0!}', lambda f: f.format(1)),
 ('{0!x}', lambda f: f.format(1)),
 ('{0!rx}', lambda f: f.format(1)),
 ('{!r:>5}', lambda f: f.format('a')),
 ('{0.}', lambda f: f.format(1)),
 ('{0[}', lambda f: f.format([1])),
 ('{0[0]x}', lambda f: f.format([1])),
 ('{0[]}', lambda f: f.format([1])),
 ('{} {1}', lambda f: f.format(1, 2)),
 ('{1} {}', lambda f: f.format(1, 2)),
 ('{2}', lambda f: f.format(1)),
 ('{}', lambda f: f.format()),
 ('{x}', lambda f: f.format()),
 ('{x}', lambda f: f.format(y=1)),
 ('{.x}', lambda f: f.format(P())),
 ('{0.items[1]}', lambda f: f.format(P())),
 ('{a[k]}', lambda f: f.format(a={'k': 'v'})),
 ('{a[0]}', lambda f: f.format(a={0: 'int'})),
 ('{:{w}.{p}f}', lambda f: f.format(3.14159, w=10, p=2)),
 ('{:{}}', lambda f: f.format('x', 5)),
 ('{:{:{}}}', lambda f: f.format('x', 5, 1)),
 ('{0:}', lambda f: f.format(P())),
 ('{0:abc}', lambda f: f.format(P())),
 ('{!a}', lambda f: f.format('é')),
 ('{0:d}', lambda f: f.format('x')),
 ('{0:x}', lambda f: f.format(255)),
 ('{:,}', lambda f: f.format(1234567)),
 ('{:_b}', lambda f: f.format(255)),
 ('{:^9}', lambda f: f.format('mid')),
 ('{:*<6}', lambda f: f.format(1)),
 ('{0}{0}', lambda f: f.format('r')),
 ('{00}', lambda f: f.format('z')),
 ('{0:.3g}', lambda f: f.format(2.0 / 3)),
 ('{:.3g}', lambda f: f.format(1234567.0)),
 ('{!z}', lambda f: f.format(1)),
 ('{0:{1}}', lambda f: f.format('a', 'b')),
 ('{:>{}}', lambda f: f.format('a')),
 ('{0.__class__}', lambda f: f.format(3)),
 ('{0[-1]}', lambda f: f.format([1, 2])),
 ('{0[a b]}', lambda f: f.format({'a b': 'sp'})),
 ('{x.__class__.__name__}', lambda f: f.format(x=1)),
 ('{:s}', lambda f: f.format(1)),
 ('{0.nope}', lambda f: f.format(1)),
 ('{:%}', lambda f: f.format(0.25)),
 ('{:e}', lambda f: f.format(0.0001)),
 ('{:10}', lambda f: f.format(None)),
 ('{:>10}', lambda f: f.format(None)),
]
for fmt, fn in cases:
    try:
        print(repr(fmt), repr(fn(fmt)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print("{a}-{b}".format_map({'a': 1, 'b': 2}))
class D(dict):
    def __missing__(self, k): return '<' + k + '>'
print("{a}-{zz}".format_map(D(a=1)))
for fmt in ["{}", "{0}", "{a"]:
    try: print("x".format_map({}), fmt.format_map({'a': 1}))
    except Exception as e: print(type(e).__name__, e)
try: "{}".format_map()
except Exception as e: print(type(e).__name__, e)
