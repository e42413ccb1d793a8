# bytes literals (escapes, raw, concatenation), indexing, slicing,
# iteration, hashing as keys, and subclasses of bytes and bytearray.
data = b'hello\x00world\n\t\\\'"' rb'\n raw \x41' b"\101\102\x43"
print(data, len(data), data[0], data[-1], data[5], data[1:5], data[::3])
print(list(b'\x00\x7f\x80\xff'), b'\x00\x7f\x80\xff')
print(bytes([0, 10, 13, 9, 39, 92, 34, 127, 128]), b"it's", b'say "hi"', b'both \' and "')
d = {b'k1': 1, b'k2': 2}
d[b'k' + b'1'] += 10
print(d, b'k2' in d, {b'a', b'a', b'b'} == {b'b', b'a'})
for i, byte in enumerate(b'abc'):
    print(i, byte, chr(byte))
print(b'abc' == b'abc', b'abc' != b'abd', b'' < b'\x00', b'a' * 3, 3 * b'ab', b'x' + bytearray(b'y'))
print(b'ab' in b'cabd', 97 in b'abc', b'' in b'', b'z' not in b'abc')
print(bytes(b'abc') is not None, bytes(), bytearray(), bytes(bytearray(b'q')))
print(sorted([b'b', b'a', b'ab', b'']), max(b'hello'), sum(b'\x01\x02'))
class Tag(bytes):
    def shout(self):
        return self.upper()
t = Tag(b'tag')
print(t, t.shout(), isinstance(t, bytes), type(t).__name__, t == b'tag', len(t), t[0])
class Buf(bytearray):
    def push(self, x):
        self.append(x)
        return self
b = Buf(b'ab')
b.push(99).push(100)
print(b, isinstance(b, bytearray), len(b))
print(Tag.fromhex('4142'), type(Tag.fromhex('41')).__name__, bytearray.fromhex('ff 00'))
print(b'%s' if False else b'no percent', ascii(b'\xff'), str(b'x'), repr(bytearray(b"'")))
keep = []
for i in range(2000):
    x = bytes(range(i % 256)) + b'tail'
    y = bytearray(x)
    y.extend(b'!!')
    if i % 250 == 0:
        keep.append((x[:3], bytes(y[-6:])))
print(keep)
print('é☃'.encode(), 'é☃'.encode('utf-8').decode(), 'abc'.encode('ascii'), 'ÿ'.encode('latin-1'))
print('a☃b'.encode('ascii', 'backslashreplace'), 'a☃b'.encode('ascii', 'xmlcharrefreplace'), 'a☃b'.encode('ascii', 'ignore'))
print(b'a\xff\xfeb'.decode('utf-8', 'backslashreplace'), b'\xe9t\xe9'.decode('latin-1'), b'caf\xc3\xa9'.decode())
try:
    'x☃y☃☃'.encode('ascii')
except UnicodeEncodeError as e:
    print(e, e.start, e.end, e.reason, e.encoding)
try:
    b'ok\xc3('.decode('utf-8')
except UnicodeDecodeError as e:
    print(e, e.start, e.end, e.reason, e.object)
b'abc'.decode('no-such-codec')
