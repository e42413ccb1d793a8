# Number theory: sieve of Eratosthenes, gcd/lcm, perfect numbers, digit sums.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = False
    is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            j = i * i
            while j <= n:
                is_p[j] = False
                j += i
        i += 1
    out = []
    for k in range(n + 1):
        if is_p[k]:
            out.append(k)
    return out

primes = sieve(200)
print(primes)
print(len(sieve(10000)), sieve(10000)[-5:])

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def lcm(a, b):
    return a // gcd(a, b) * b

acc = 1
for k in range(1, 31):
    acc = lcm(acc, k)
print('lcm 1..30', acc)
print(gcd(2 ** 64, 6 ** 30), gcd(12345678901234567890, 9876543210))

def divisors(n):
    out = []
    d = 1
    while d * d <= n:
        if n % d == 0:
            out.append(d)
            if d != n // d:
                out.append(n // d)
        d += 1
    return sorted(out)

for n in [1, 6, 12, 28, 97, 100, 496]:
    ds = divisors(n)
    print(n, ds, sum(ds) - n == n)

def factorize(n):
    out = []
    p = 2
    while p * p <= n:
        while n % p == 0:
            out.append(p)
            n //= p
        p += 1
    if n > 1:
        out.append(n)
    return out

for n in [2, 360, 9973, 2 ** 20 * 3 ** 5, 600851475143, 1009 * 10007 * 65537, 999983 * 2]:
    print(n, factorize(n))

def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s

print(digit_sum(2 ** 1000), digit_sum(10 ** 50), digit_sum(99999))

def modpow(b, e, m):
    result = 1
    b %= m
    while e > 0:
        if e & 1:
            result = result * b % m
        b = b * b % m
        e >>= 1
    return result

print(modpow(2, 10, 1000), modpow(3, 200, 10 ** 9 + 7), modpow(7, 2 ** 64, 13))
