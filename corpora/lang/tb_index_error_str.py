# Uncaught IndexError: string index out of range.
def char_at(s, i):
    print('char_at', repr(s), i)
    return s[i]

def initials(names):
    out = ''
    for n in names:
        out += char_at(n, 0)
    return out

def last_chars(names):
    out = []
    for n in names:
        out.append(char_at(n, -1))
    return out

print(initials(['Ada', 'Björn', '日本']))
print(last_chars(['héllo', 'x', '語']))
print(char_at('abc', 2), char_at('abc', -3))
print(initials(['Ada', '']))
print('not reached')
