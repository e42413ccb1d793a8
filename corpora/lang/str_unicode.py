# Non-ASCII strings: length, indexing, methods, repr, case mapping.
words = ['héllo', 'café', '日本語', 'naïve', 'Ωmega', 'straße', 'ÉCOLE', 'über', '😀ok']
for w in words:
    print(w, len(w), w[0], w[-1], w[::-1], w.upper(), w.lower(), w.isalpha())
print(repr('é'), repr('日本'), repr('😀'), repr('\u200b'), repr('\xa0'), repr('\u00ad'))
print(repr('a\u0301'), len('a\u0301'), 'a\u0301'[1] == '\u0301')
print('٣'.isdigit(), '²'.isdigit(), '３'.isdigit(), 'Ⅻ'.isdigit(), '½'.isdigit())
print(int('٣٤'), int('３２'), float('１.５'))
print('日本'.isalpha(), 'é'.isalpha(), '😀'.isalpha(), '_'.isalpha())
print('\u3000'.isspace(), '\xa0'.isspace(), '\u2028'.isspace(), '\x1c'.isspace())
print('\u3000a\u3000'.strip(), len('\u3000a\u3000'.strip()), 'a\u2003b'.split())
s = 'ñandú y pingüino'
print(s.upper(), s.find('ú'), s.rfind('ü'), s.count('n'), s.replace('ü', 'u'))
print(s.split(' '), s.startswith('ñ'), s.endswith('no'), s.index('y'))
print(' · '.join(['α', 'β', 'γ']), '→'.join('abc'))
print(chr(0x3b1), ord('α'), chr(0x10FFFF) == '\U0010ffff', ord('\U0001F600'))
print('é' < 'f', 'é' > 'z', '日' > 'é', 'a' < 'é' < '日' < '😀')
print(max('héllo'), min('日本語'), sorted('bäac'))
print('ǅ'.upper(), 'ǅ'.lower(), 'İ'.lower(), len('İ'.lower()), 'ﬁ'.upper())
print('ΣΑΣ'.lower(), 'Σ'.lower())
t = '日本語テキスト'
i = 0
while i < len(t):
    print(i, t[i], t[i:], t[:i])
    i += 2
b = ''
for ch in 'añ日😀':
    b += ch + str(ord(ch)) + ' '
print(b.rstrip())
