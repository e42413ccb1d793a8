# bigint.py -- arithmetic on ~100,000-bit ints.
#
# Measures: multiplication, floor division, modulo, divmod, shifts,
# 3-argument pow and int <-> str conversion of big ints (pyglass uses GMP:
# subquadratic multiplication, division and base conversion; CPython 3.11
# uses Karatsuba multiplication and quadratic division). The str
# conversions stay below CPython 3.11's 4300-digit conversion limit.
#
# Checksum: the low bits and bit lengths of the results.

BITS = 100000


def main(rounds):
    a = (1 << BITS) // 3 + 12345
    b = (1 << (BITS // 2)) // 7 + 54321
    m = (1 << (BITS // 4)) - 159
    check = 0
    for r in range(rounds):
        x = a * (b + r)
        q = x // (b - r)
        rem = x % (b + r + 1)
        d, mo = divmod(a + r, b)
        s = (x << 1000) >> 999
        p = pow(a + r, 65537, m)
        check = (check * 31 + (q & 0xFFFFFFFF) + rem.bit_length() + (d & 0xFFFF) + (mo & 0xFFFF)
                 + s.bit_length() + (p & 0xFFFFFFFF)) % 1000000007
    t = 0
    for r in range(rounds * 20):
        text = str(b >> (BITS // 2 - 13000) + r)
        t += int(text) % 1000003 + len(text)
    return check, t


check, t = main(8)
print("bigint:", check, t)
