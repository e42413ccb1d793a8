# Integer arithmetic: + - * / // % ** and unary operators.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(a ** 2, b ** 3, 2 ** 0, 0 ** 0)
print(2 ** -1, 2 ** -2, 10 ** -3)
print(-2 ** 2, (-2) ** 2, (-2) ** 3)
print(+a, -a, --a, -(-a))
print(7 // 7, 0 // 5, 0 % 5)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(-1 // 3, -1 % 3, 1 // -3, 1 % -3)
print(6 / 3, 7 / 2, -7 / 2, 1 / 4)
print(100 // 7 * 7 + 100 % 7)

# precedence
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2)
print(10 - 4 - 3, 100 // 10 // 3, 2 ** 3 ** 2)
print(1 + 2 * 3 - 4 // 2 % 3)

# loops over a range of signed divisions
i = -6
while i <= 6:
    j = -3
    while j <= 3:
        if j != 0:
            print(i, j, i // j, i % j, i // j * j + i % j == i)
        j += 2
    i += 3

# augmented assignment
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 10
print(x)
x <<= 3
print(x)
x >>= 2
print(x)
x |= 7
print(x)
x &= 12
print(x)
x ^= 255
print(x)
y = 9
y /= 2
print(y, type(y))

# int() conversions
print(int('123'), int('-7'), int('  42  '), int('+8'))
print(int(3.9), int(-3.9), int(0.5), int(-0.5))
print(int('ff', 16), int('FF', 16), int('777', 8), int('101', 2), int('z', 36))
print(int(True), int(False), int(), int(12))
print(int('0'), int('-0'), int('000123'))
print(int(1e20), int(-2.5e15))

# mixed int/bool
print(True + True, True * 10, False - 1, True / 2)

# comparison results
print(3 < 5, 5 < 3, 3 == 3.0, 3 != 4, 2 <= 2, 2 >= 3)
