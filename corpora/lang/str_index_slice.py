# Indexing and slicing strings by code point.
s = 'abcdefghij'
print(s[0], s[5], s[-1], s[-10], s[9])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], repr(s[5:5]))
print(s[0:10:3], s[10:0:-4], s[::11], s[::-11])
u = 'héllo'
print(u[0], u[1], u[-1], u[1:3], u[::-1], len(u))
j = '日本語テキスト'
print(j[0], j[2], j[-1], j[1:4], j[::-1], j[::2], len(j))
mixed = 'aé日𝄞z'
print(len(mixed), mixed[3], mixed[-2], mixed[2:4], mixed[::-1])
print(ord(mixed[3]), ord(mixed[1]), ord(mixed[2]))
i = 0
while i < len(u):
    print(i, u[i], ord(u[i]))
    i += 1
for ch in j:
    print(ch, ord(ch))
print(chr(65), chr(97), chr(233), chr(26085), chr(128512), chr(0x1D11E))
print(ord('A'), ord('z'), ord('0'), ord(' '), ord('\n'), ord('€'))
w = ''
k = 0
while k < 26:
    w += chr(ord('a') + k)
    k += 1
print(w, w[::5], w[-1:-27:-6])
def rev(x):
    return x[::-1]
def is_pal(x):
    return x == rev(x)
for cand in ['racecar', 'hello', 'a', '', 'abba', 'été', 'ab']:
    print(repr(cand), is_pal(cand), repr(rev(cand)))
print('abc'[1:2] + 'xyz'[-1], ('abc' + 'def')[2:4])
print('hello'[1:4][::-1][0])
print('x' in 'xyz', 'yz' in 'xyz', 'zy' in 'xyz', '' in 'abc', 'é' in 'café', '日' not in '日本')
