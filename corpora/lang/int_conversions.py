# int(), float(), str() conversions and round trips.
for s in ['0', '7', '-7', '+7', '  12  ', '\t-3\n', '007', '1_000', '12345678901234567890123']:
    print(repr(s), int(s))
for s, base in [('ff', 16), ('FF', 16), ('-ff', 16), ('0xff', 16), ('777', 8), ('0o17', 8), ('1010', 2), ('0b11', 2), ('zz', 36), ('Zz', 36), ('10', 10), ('10', 3), ('0', 0), ('0x1F', 0), ('0o7', 0), ('0b1', 0), ('123', 0)]:
    print(repr(s), base, int(s, base))
for f in [0.0, 0.9, 1.0, -0.9, -1.1, 3.99999, 1e15, -1e15, 2.5e20, 123456789.987]:
    print(f, int(f))
for s in ['1.5', '-2.25', '  3.0  ', '1e3', '-1E-3', 'inf', '-inf', 'nan', 'Infinity', '.5', '5.', '1_0.5', '0.1']:
    print(repr(s), float(s))
for v in [0, -3, 2 ** 60, True, False]:
    print(v, float(v))
for v in [0, -12, 2 ** 70, 3.25, -0.0, True, None, 'text', [1], (1,)]:
    print(repr(str(v)), len(str(v)))
def roundtrip_int(n):
    return int(str(n)) == n
def roundtrip_float(x):
    return float(repr(x)) == x
print(roundtrip_int(0), roundtrip_int(-99), roundtrip_int(3 ** 100))
print(roundtrip_float(0.1), roundtrip_float(1 / 3), roundtrip_float(1e-300), roundtrip_float(2.5e300))
x = 1.0
i = 0
ok = True
while i < 200:
    x = x * 1.37 + 0.001
    if not roundtrip_float(x):
        ok = False
    i += 1
print('float roundtrips', ok)
print(int('10') + int('20'), str(10) + str(20), float('1') + int('2'))
print(int(float('1e6')), int(str(10 ** 10)[:5]))
print(bool('False'), bool(''), bool(' '), str(bool(0)), int(bool(5)))
print(chr(int('41', 16)), ord('A') + int('1'))
print(list(str(12345)), tuple(str(-1.5)))
