# Arbitrary precision integers.
def factorial(n):
    r = 1
    i = 2
    while i <= n:
        r *= i
        i += 1
    return r

print(2 ** 64, 2 ** 100, 2 ** 200)
print(-(2 ** 127), 2 ** 63 - 1, -(2 ** 63))
print(factorial(20))
print(factorial(25))
print(factorial(50))
print(factorial(100))
print(len(str(factorial(100))))
print(len(str(2 ** 1000)))

big = 2 ** 200
print(big + 1, big - 1)
print(big * big)
print(big // 3, big % 3)
print(big // -7, big % -7)
print(-big // 7, -big % 7)
print(big // (2 ** 100), big % (2 ** 100 + 1))
print(big / 2 ** 190)
print(big == 2 ** 200, big > 2 ** 199, big < -big)
print(-big < big, abs(-big) == big)

# big bitwise
print(big | 1, big & (big - 1), big ^ (big >> 1))
print(big >> 190, big >> 199, big >> 200, big >> 250)
print(1 << 100, (1 << 100) >> 99)
print(~big, -big >> 3, -(2 ** 70) >> 65)
print((2 ** 80 - 1) & (2 ** 40 + 12345))

# fibonacci to a large number
a = 0
b = 1
n = 0
while n < 300:
    a, b = b, a + b
    n += 1
print(a)
print(len(str(a)))

# powers of three
p = 1
k = 0
while k < 120:
    p *= 3
    k += 1
    if k % 20 == 0:
        print(k, p)

# digit sum of 2**500
s = 0
for ch in str(2 ** 500):
    s += int(ch)
print(s)

# conversion from strings
print(int('123456789012345678901234567890') * 10)
print(int('-99999999999999999999999999999') - 1)
print(int('ffffffffffffffffffffffffffffffff', 16))
print(str(10 ** 30), repr(-10 ** 30))
print(float(2 ** 70), int(float(2 ** 60)))
print(2 ** 0.5 > 1, 10 ** 20 == 100000000000000000000)
print(2 ** -100 > 0)
print(type(2 ** 100), type(2 ** -1))

# min / max / sum on big values
print(max(2 ** 100, 3 ** 60, 5 ** 40), min(-(2 ** 100), -(3 ** 60)))
print(sum([2 ** 64, 2 ** 64, -(2 ** 65), 7]))
