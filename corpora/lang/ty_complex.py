# complex: literals, constructor forms, arithmetic (CPython division and power), repr, hash, format, errors.
def t(label, fn):
    try:
        print(label, "=>", repr(fn()))
    except Exception as e:
        print(label, "=>", type(e).__name__, e)
inf = float('inf'); nan = float('nan')
cases = [
 ("1j", lambda: 1j), ("-0j", lambda: -0j), ("0j", lambda: 0j), ("complex(0, -0.0)", lambda: complex(0, -0.0)), ("complex(-0.0, 0)", lambda: complex(-0.0, 0)),
 ("1+2j", lambda: 1+2j), ("1.5-2.25j", lambda: 1.5-2.25j), ("complex(nan, inf)", lambda: complex(nan, inf)), ("complex(inf, -nan)", lambda: complex(inf, -nan)),
 ("1e300*1e10j", lambda: 1e300*1e10j), ("complex(1e16, 1e-5)", lambda: complex(1e16, 1e-5)), ("complex(123456789012345678, 0.1)", lambda: complex(123456789012345678, 0.1)),
 ("complex()", lambda: complex()), ("complex(2)", lambda: complex(2)), ("complex(2, 3)", lambda: complex(2, 3)), ("complex(1j, 1j)", lambda: complex(1j, 1j)),
 ("complex('1+2j')", lambda: complex('1+2j')), ("complex(' ( -1.5e3-2J ) ')", lambda: complex(' ( -1.5e3-2J ) ')), ("complex('j')", lambda: complex('j')),
 ("complex('-j')", lambda: complex('-j')), ("complex('1+j')", lambda: complex('1+j')), ("complex('inf-nanj')", lambda: complex('inf-nanj')), ("complex('1_0j')", lambda: complex('1_0j')),
 ("complex('1+2')", lambda: complex('1+2')), ("complex('')", lambda: complex('')), ("complex('1 + 2j')", lambda: complex('1 + 2j')), ("complex('(1+2j')", lambda: complex('(1+2j')),
 ("complex('1', 2)", lambda: complex('1', 2)), ("complex(1, '2')", lambda: complex(1, '2')), ("complex([])", lambda: complex([])), ("complex(1, [])", lambda: complex(1, [])),
 ("complex(real=1, imag=2)", lambda: complex(real=1, imag=2)), ("(1+2j)+1", lambda: (1+2j)+1), ("1-(1+2j)", lambda: 1-(1+2j)), ("(1+2j)*(3-4j)", lambda: (1+2j)*(3-4j)),
 ("(1+2j)/(3-4j)", lambda: (1+2j)/(3-4j)), ("1/(0j)", lambda: 1/(0j)), ("(1+2j)/0", lambda: (1+2j)/0), ("(1+2j)//1", lambda: (1+2j)//1), ("(1+2j)%1", lambda: (1+2j)%1),
 ("(1+2j)**2", lambda: (1+2j)**2), ("(1+2j)**-2", lambda: (1+2j)**-2), ("(1+2j)**0.5", lambda: (1+2j)**0.5), ("2**(1j)", lambda: 2**(1j)), ("0j**-1", lambda: 0j**-1),
 ("0j**0", lambda: 0j**0), ("0j**(1j)", lambda: 0j**(1j)), ("(1+1j)**1000", lambda: (1+1j)**1000), ("(1e200+1e200j)**2", lambda: (1e200+1e200j)**2), ("pow(1j, 2, 3)", lambda: pow(1j, 2, 3)),
 ("abs(3+4j)", lambda: abs(3+4j)), ("abs(complex(inf, nan))", lambda: abs(complex(inf, nan))), ("abs(complex(1e308, 1e308))", lambda: abs(complex(1e308, 1e308))),
 ("(1+2j).real", lambda: (1+2j).real), ("(1+2j).imag", lambda: (1+2j).imag), ("(1+2j).conjugate()", lambda: (1+2j).conjugate()), ("-(1+2j)", lambda: -(1+2j)), ("+(1-0j)", lambda: +(1-0j)),
 ("1j < 2j", lambda: 1j < 2j), ("1j > 1", lambda: 1j > 1), ("1+0j == 1", lambda: 1+0j == 1), ("1j == 1j", lambda: 1j == 1j), ("1+0j == 1.0", lambda: 1+0j == 1.0), ("(2**53+1)+0j == 2**53+1", lambda: complex(2**53+1) == 2**53+1),
 ("hash(1+0j)", lambda: hash(1+0j)), ("hash(1+2j)", lambda: hash(1+2j)), ("hash(-1j)", lambda: hash(-1j)), ("bool(0j)", lambda: bool(0j)), ("bool(1j)", lambda: bool(1j)),
 ("str(1+2j)", lambda: str(1+2j)), ("int(1j)", lambda: int(1j)), ("float(1j)", lambda: float(1j)), ("round(1j)", lambda: round(1j)), ("complex(10**400)", lambda: complex(10**400)),
 ("(10**400)*1j", lambda: (10**400)*1j), ("format(1+2j)", lambda: format(1+2j)), ("format(1+2j, '.2f')", lambda: format(1+2j, '.2f')), ("f'{1.5-2j:>12}'", lambda: f'{1.5-2j:>12}'),
 ("format(1+2j, 'g')", lambda: format(1+2j, 'g')), ("format(3j, '.3e')", lambda: format(3j, '.3e')), ("format(1+2j, '^20.1f')", lambda: format(1+2j, '^20.1f')), ("format(1+2j, '.3')", lambda: format(1+2j, '.3')),
 ("format(1+2j, 'd')", lambda: format(1+2j, 'd')), ("(1j).real.__class__", lambda: (1j).real.__class__), ("(5).real", lambda: (5).real), ("(5).imag", lambda: (5).imag), ("True.real", lambda: True.real),
 ("(2.5).real", lambda: (2.5).real), ("(2.5).imag", lambda: (2.5).imag), ("isinstance(1j, complex)", lambda: isinstance(1j, complex)), ("complex.__name__", lambda: complex.__name__),
 ("[1j, 2j].count(2j)", lambda: [1j, 2j].count(2j)), ("{1j: 'a'}[1j]", lambda: {1j: 'a'}[1j]), ("1j.__class__", lambda: (1j).__class__), ("sum([1j, 2, 3.5])", lambda: sum([1j, 2, 3.5])),
 ("complex('1e-3+1e3j')", lambda: complex('1e-3+1e3j')), ("complex('nan')", lambda: complex('nan')), ("complex('-1.0')", lambda: complex('-1.0')), ("complex(' 2j ')", lambda: complex(' 2j ')),
 ("complex('1e')", lambda: complex('1e')), ("complex('.5j')", lambda: complex('.5j')), ("complex('5.j')", lambda: complex('5.j')), ("complex('1jj')", lambda: complex('1jj')),
 ("1j * inf", lambda: 1j * inf), ("complex(-0.0, -0.0)", lambda: complex(-0.0, -0.0)), ("-(0j)", lambda: -(0j)), ("1 - 0j", lambda: 1 - 0j), ("complex(0.1, 0.2) * 3", lambda: complex(0.1, 0.2) * 3),
]
for label, fn in cases:
    t(label, fn)
class C(complex):
    def __repr__(self): return 'C' + super().__repr__()
c = C(1, 2)
print(c, c + 1, type(c + 1).__name__, isinstance(c, complex), c.real)
class WithComplex:
    def __complex__(self): return 3+4j
class WithFloat:
    def __float__(self): return 2.5
print(complex(WithComplex()), complex(WithFloat()), complex(WithFloat(), WithFloat()))

print((7).real, (2.5).imag, (1+2j).imag, True.imag, (2**70).real, (-3).imag)
