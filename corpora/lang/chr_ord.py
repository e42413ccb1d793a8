# chr and ord across ASCII, Latin-1, BMP and astral planes.
for cp in [0, 9, 10, 32, 48, 65, 90, 97, 122, 126, 127, 160, 233, 255, 256, 937, 8364, 12354, 26085, 55295, 57344, 65533, 65536, 128512, 1114111]:
    ch = chr(cp)
    print(cp, repr(ch), ord(ch) == cp, len(ch))
alphabet = ''
for cp in range(ord('a'), ord('z') + 1):
    alphabet += chr(cp)
print(alphabet, len(alphabet))
upper = ''
for ch in alphabet:
    upper += chr(ord(ch) - 32)
print(upper, upper == alphabet.upper())
digits = ''
for i in range(10):
    digits += chr(ord('0') + i)
print(digits, digits.isdigit())
def hexdigit(n):
    if n < 10:
        return chr(ord('0') + n)
    return chr(ord('a') + n - 10)
def to_hex(n):
    out = ''
    while n:
        out = hexdigit(n % 16) + out
        n //= 16
    return out or '0'
for n in [0, 9, 10, 255, 4096, 65535, 2 ** 64]:
    print(n, to_hex(n), int(to_hex(n), 16) == n)
greek = ''
for cp in range(913, 938):
    if cp != 930:
        greek += chr(cp)
print(greek, len(greek), greek.lower())
s = 'Grüße, 世界! 🎉'
codes = []
for ch in s:
    codes.append(ord(ch))
print(codes)
back = ''
for c in codes:
    back += chr(c)
print(back == s, back)
print(chr(ord('A') + 25), ord(chr(1000)), ord('\t'), ord('\\'), ord('\''))
