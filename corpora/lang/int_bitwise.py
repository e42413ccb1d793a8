# Bitwise operators on small and negative ints.
vals = [0, 1, 2, 5, 12, 255, -1, -2, -13, 1024]
for a in vals:
    print(a, ~a, a << 3, a >> 1, a & 7, a | 8, a ^ 5)

print(6 & 3, 6 | 3, 6 ^ 3)
print(-6 & 3, -6 | 3, -6 ^ 3)
print(-6 & -3, -6 | -3, -6 ^ -3)
print(~0, ~-1, ~~7)
print(1 << 0, 1 << 1, 1 << 10, 1 << 31, 1 << 32, 1 << 63, 1 << 64)
print(-1 << 10, -1 >> 10, -1024 >> 3, -1025 >> 3)
print(255 >> 8, 256 >> 8, 0 >> 5, 0 << 5)
print(True & False, True | False, True ^ True, type(True & True))
print(True << 3, ~True, ~False)

# precedence: shifts bind tighter than &, & tighter than ^, ^ tighter than |
print(1 | 2 ^ 3 & 4, (1 | 2) ^ 3 & 4, 1 << 2 + 1, 1 + 2 << 1)
print(5 & 3 == 1, (5 & 3) == 1)

def popcount(n):
    c = 0
    while n:
        c += n & 1
        n >>= 1
    return c

def bits(n, width):
    s = ''
    i = width - 1
    while i >= 0:
        if (n >> i) & 1:
            s += '1'
        else:
            s += '0'
        i -= 1
    return s

i = 0
while i < 20:
    print(i, popcount(i), bits(i, 8), bits(i ^ (i >> 1), 8))
    i += 1

print(popcount(2 ** 100 - 1), popcount(12345678901234567890))
print(bits(-1 & 255, 8), bits(-128 & 255, 8))

# masks
mask = (1 << 16) - 1
x = 0xDEADBEEF
print(x, x & mask, x >> 16, (x >> 16) & mask)
print(0o777, 0b1011, 0x10, 0XfF, 1_000_000)
