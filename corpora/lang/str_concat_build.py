# Building strings by concatenation and conversion.
def pad_left(s, width, ch):
    while len(s) < width:
        s = ch + s
    return s

def pad_right(s, width, ch):
    while len(s) < width:
        s = s + ch
    return s

def table_row(cells, width):
    out = '|'
    for c in cells:
        out += ' ' + pad_right(str(c), width, ' ') + ' |'
    return out

print(table_row(['n', 'n*n', 'n**3', '2**n'], 6))
n = 1
while n <= 10:
    print(table_row([n, n * n, n ** 3, 2 ** n], 6))
    n += 1

print(pad_left('42', 6, '0'), pad_left('-3', 5, ' '), pad_left('abcdef', 3, '*'))

def to_base(n, base):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    if n == 0:
        return '0'
    neg = n < 0
    if neg:
        n = -n
    out = ''
    while n > 0:
        out = digits[n % base] + out
        n //= base
    if neg:
        out = '-' + out
    return out

for v in [0, 1, 7, 10, 255, 256, -255, 1000000, 2 ** 70]:
    print(v, to_base(v, 2), to_base(v, 8), to_base(v, 16), to_base(v, 36))
    print(int(to_base(v, 16), 16) == v, int(to_base(v, 36), 36) == v)

s = ''
for i in range(5):
    s += str(i) * (i + 1)
    s += ','
print(s, len(s))
parts = []
for w in ['alpha', 'beta', 'gamma']:
    parts.append(w.upper())
    parts.append(str(len(w)))
print('/'.join(parts))
print(str(1) + str(2.5) + str(None) + str(False) + str((1, 2)) + str([]))
print(repr(str(repr('q'))))
print('a' + 'é' + '日' + '😀', len('a' + 'é' + '日' + '😀'))
print('ab' * 3 + 'c' * 2)
