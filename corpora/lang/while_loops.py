# while loops with break and continue.
i = 0
while i < 5:
    print('i =', i)
    i += 1
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print('collatz steps', steps)
i = 0
while True:
    i += 1
    if i % 3 == 0:
        continue
    if i > 14:
        break
    print('not multiple of 3:', i)
print('after loop i =', i)
a = 0
while a < 4:
    b = 0
    while True:
        if b > a:
            break
        if (a + b) % 2 == 1:
            b += 1
            continue
        print('pair', a, b)
        b += 1
    a += 1
def gcd(x, y):
    while y:
        x, y = y, x % y
    return x
print(gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(2 ** 100, 6 ** 40))
def isqrt(n):
    lo = 0
    hi = n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo
for v in [0, 1, 15, 16, 17, 99, 10 ** 20, 2 ** 101]:
    print('isqrt', v, isqrt(v))
count = 10
while count:
    count -= 3
    print('count', count)
    if count < 0:
        break
lst = [1, 2, 3]
while lst:
    print('popped', lst.pop())
s = 'abcdef'
while s:
    print(s)
    s = s[1:]
x = 0
while x < 100:
    x += 17
    if x % 2:
        continue
    print('even x', x)
print('done', x)
