# String algorithms: caesar cipher, run-length encoding, palindromes, anagrams.
def caesar(s, shift):
    out = ''
    for ch in s:
        if 'a' <= ch <= 'z':
            out += chr((ord(ch) - ord('a') + shift) % 26 + ord('a'))
        elif 'A' <= ch <= 'Z':
            out += chr((ord(ch) - ord('A') + shift) % 26 + ord('A'))
        else:
            out += ch
    return out

msg = 'Hello, World! The quick brown fox.'
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
print(caesar(msg, 13), caesar(caesar(msg, 13), 13) == msg)

def rle(s):
    if not s:
        return ''
    out = ''
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out += str(count) + prev
            prev = ch
            count = 1
    return out + str(count) + prev

def unrle(s):
    out = ''
    num = ''
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out += ch * int(num)
            num = ''
    return out

for s in ['aaabccdddd', 'abc', '', 'zzzzzzzzzzzz', 'aabbaa']:
    e = rle(s)
    print(repr(s), repr(e), unrle(e) == s)

def normalize(s):
    out = ''
    for ch in s.lower():
        if ch.isalpha():
            out += ch
    return out

def is_palindrome(s):
    n = normalize(s)
    return n == n[::-1]

for s in ['A man, a plan, a canal: Panama', 'Was it a car or a cat I saw?', 'Not a palindrome', '']:
    print(is_palindrome(s), normalize(s))

def signature(w):
    return ''.join(sorted(w.lower()))

groups = {}
for w in 'listen silent enlist google inlets banana tinsel elgoog'.split():
    groups.setdefault(signature(w), []).append(w)
for sig in groups:
    print(sig, groups[sig])

def title_case(s):
    out = []
    for w in s.split():
        out.append(w[0].upper() + w[1:].lower())
    return ' '.join(out)

print(title_case('the QUICK bRoWn fox'))
def reverse_words(s):
    ws = s.split()
    ws.reverse()
    return ' '.join(ws)
print(reverse_words('one two three four'))
print('-'.join(reverse_words('a b c').split(' ')))
