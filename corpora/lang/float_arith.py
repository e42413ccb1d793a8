# Float arithmetic, mixing with ints, inf/nan propagation, int() truncation.
print(0.1 + 0.7, 0.1 * 3, 1.1 + 2.2, 3.3 - 1.1, 2.675 * 100)
print(1 / 3 * 3, 2 / 3 + 1 / 3, 0.1 + 0.2 - 0.3)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 5e-324 / 2)
print(2.0 ** 1023, 2.0 ** -1074, 2.0 ** 0.5, (-8.0) ** 3, 10.0 ** -5)
print(7 / 2, 7.0 // 2, -7.0 // 2, 7.0 % 2.5, -7.0 % 2.5, 7.0 % -2.5)
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 2 ** 10 / 1024, 2 ** 100 / 2 ** 99)
print(10 ** 20 / 3, 10 ** 30 / 10 ** 10, 1 / 2 ** 60)
inf = float('inf')
nan = float('nan')
print(inf + inf, inf * 0, inf / inf, -inf * -1, inf - 1e308, 1 / inf, -1 / inf)
print(nan + 1, nan * 0, -nan, abs(-inf), abs(nan))
print(max(1.0, 2), min(-0.0, 0.0), max(0.0, -0.0), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]))
x = 0.0
for i in range(10):
    x += 0.1
print(x, x == 1.0, x < 1.0)
y = 1.0
count = 0
while y != 0.0:
    y /= 2
    count += 1
print('halvings to zero', count)
z = 1.0
count = 0
while z + 1.0 != z:
    z *= 2
    count += 1
print('doublings until +1 lost', count, z)
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 1e16 + 1, 123.456, -123.456]:
    print(v, int(v), v // 1, v % 1, -v)
print(3.0 * 1.1 == 3.3, 0.5 + 0.25 == 0.75, 1e16 + 1.0 == 1e16, 1e15 + 1.0 == 1e15)
print(float(10 ** 16), float(10 ** 16 + 1), float(2 ** 63), float(-(2 ** 63)))
print(int(1e16) == 10 ** 16, int(1.9999999999999999), int(-0.9999999))
print(1.0 * 10 ** 22, 1e22 == 10 ** 22, 1e23 == 10 ** 23)
vals = [1.5, -2.25, 3.125, 0.0625]
acc = 1.0
for v in vals:
    acc *= v
    print(acc)
print(2.5 ** 2, 2 ** 2.5, 4 ** -0.5, (-2) ** 2.0, 0.0 ** 0, 0 ** 0.0)
