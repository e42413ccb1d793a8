# printf-style str % args: flags, widths, precisions, every type, errors.
tests = [
 ("%5%|", ()), ("%-5%|", ()), ("%s %(a)s", {'a': 1}), ("%(a)s %s", {'a': 1}), ("%(a)s", {'a': 1, 'b': 2}),
 ("%*d|", (-5, 1)), ("%10.4s|", 'abcdefg'), ("%-10r|", 'a'), ("%5c|", 'x'), ("%-05d|", 42), ("%.*s|", (-2, 'abc')),
 ("%(a)s", ['x']), ("%s", {'a': 1}), ("%(a(b))s", {'a(b)': 3}), ("%.3c", 65), ("%03c", 65), ("%+s", 'x'),
 ("%#5.2e", 1.0), ("%-+8.2f|", 3.14159), ("% 08.2f", 3.14159), ("%g", 1e16), ("%g", 123456789.0), ("%.3g", 0.0001234),
 ("%r", 'é'), ("%.1r", 'abc'), ("%x", True), ("%d", 2**100), ("%o", -8), ("%#x", 0), ("%5s|", None), ("%u", 7),
 ("%F", float('inf')), ("%.2f", 1e300), ("%s", ('a',)), ("%s %s", [1, 2]), ("%y", 1), ("%\u00e9", 1), ("%.100f", 1.0/3),
 ("%ld %hi %Lf", (1, 2, 3.0)),
]
for fmt, args in tests:
    try:
        print(repr(fmt), repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
for fmt, args in [("%5%|", (1,)), ("%-5%|", (1,)), ("%%|", ()), ("%.*f|", (-2, 3.14159)), ("%5%|%s", (1,2)), ("%(a)%", {'a':1}), ("%(a)s %%", {}), ("%c", -1), ("%c", 3.5), ("%d", None), ("%*s", (1.5, 'a')), ("%.*f", (3, 'x'))]:
    try:
        print(repr(fmt), repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
