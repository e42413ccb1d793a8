# float repr must be the shortest round-trip representation.
print(0.1 + 0.2)
print(0.1, 0.2, 0.3, 1.0, 2.5, -0.5)
print(1e16, 1e15, 1e17, 123456789012345678.0)
print(1e-5, 1e-4, 0.0001, 0.00001, 1.5e-7)
print(1 / 3, 2 / 3, 10 / 3, 1 / 7)
print(2.5e-300, 1e300, 1.7976931348623157e308, 5e-324)
print(float('inf'), float('-inf'), float('nan'))
print(-0.0, 0.0, -0.0 == 0.0)
print(repr(1.0), str(1.0), repr(-0.0), str(0.1 + 0.2))
print(100.0, 1e22, 1e21, 1e20, 123e18)
print(3.14159, 2.718281828459045, 1.4142135623730951)
print(0.5 + 0.25, 1.1 * 3, 4.35 * 100)
print(9007199254740993.0, 9007199254740992.0)
print(1.0 / 10, 7.0 / 100, 22 / 7)
print(float('1.5'), float('-2.25'), float(' 3 '), float('1e3'), float(7))
print(float('inf') > 1e308, float('-inf') < -1e308)
print(float('nan') == float('nan'), float('nan') != float('nan'))
inf = float('inf')
print(inf + 1, inf * -1, -inf, inf - inf)
print(0.1 * 3, 0.3 == 0.1 * 3, 1e-10, 1.23e-10)
print(12345.6789, 0.000123, 1234567890123.4567)
x = 1.0
i = 0
while i < 25:
    print(i, x)
    x = x * 7.3
    i += 1
x = 1.0
i = 0
while i < 12:
    x = x / 9.7
    print(x)
    i += 1
print(2 ** 0.5, 10 ** -2, 2.0 ** 10, 4 ** 0.5)
print(type(1.5), type(1e3), type(3 / 1))
print(int(2.9999), int(-1e10), float(2 ** 53 + 1))
print(abs(-1.5), abs(-0.0), abs(float('-inf')))
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 % -2)
print(1.5 // 0.5, 1.0 % 0.3, -1.0 % 0.3)
print(3.0 == 3, 3.5 > 3, 2 < 2.5 < 3)
print(str(1e16), str(1e-5), repr(1e100))
print([0.1, 0.2 + 0.1, 1e16, -0.0])
print((1.5, 2.0), {'a': 0.1})
