# bytearray mutation: items, slices (also extended), deletion, in-place
# operators, the mutating methods and their errors; int <-> bytes.
b = bytearray(b'hello world')
b[0] = 72
b[-1] = ord('D')
print(b)
b[0:5] = b'HOWDY'
print(b)
b[5:6] = b''
print(b)
b[:0] = [1, 2]
print(b)
b[::2] = bytes(len(b[::2]))
print(b)
del b[0]
del b[::3]
print(b, len(b))
b[2:4] = bytearray(b'XYZW')
print(b)
b += b'++'
b += bytearray(b'!')
print(b)
c = b
c *= 2
print(b is c, len(b))
b.clear()
b.extend([65, 66])
b.extend(b'CD')
b.extend(bytearray(b'E'))
b.extend(range(70, 72))
b.insert(0, 48)
b.insert(-1, 49)
b.insert(100, 50)
print(b, b.pop(), b.pop(0), b)
b.remove(66)
b.reverse()
print(b, b.copy() == b, b.copy() is b)
for bad in [lambda: b.__setitem__(0, 256), lambda: b.__setitem__(0, 'a'), lambda: b.__setitem__(99, 1),
            lambda: b.__setitem__(slice(None, None, 2), b'x'), lambda: b.__setitem__(slice(0, 1), 5),
            lambda: b.__setitem__(slice(0, 1), 'str'), lambda: b.extend(5), lambda: b.extend('ab'),
            lambda: b.insert(0, -1), lambda: b.pop(99), lambda: b.remove(200), lambda: bytearray().pop(),
            lambda: b.__delitem__(50), lambda: b + 'x', lambda: b.__iadd__(5)]:
    try:
        bad()
        print('no error')
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
n = 2 ** 200 + 12345
raw = n.to_bytes(26, 'big')
print(raw, int.from_bytes(raw, 'big') == n, int.from_bytes(raw[::-1], 'little') == n)
for v, size in [(0, 1), (127, 1), (-128, 1), (255, 2), (-1, 4), (-(2 ** 63), 8), (2 ** 63 - 1, 8), (-(2 ** 100), 13)]:
    le = v.to_bytes(size, 'little', signed=True)
    be = v.to_bytes(size, byteorder='big', signed=True)
    print(v, le, be, int.from_bytes(le, 'little', signed=True), int.from_bytes(be, 'big', signed=True))
print(int.from_bytes(b'\xff\xff', 'big'), int.from_bytes(b'', 'big'), (0).to_bytes(0, 'big'), int.from_bytes(bytearray(b'\x01\x02'), 'little'))
for bad in [lambda: (128).to_bytes(1, 'big', signed=True), lambda: (-129).to_bytes(1, 'big', signed=True),
            lambda: (1).to_bytes(-1, 'big'), lambda: (1).to_bytes(1, 'big', True), lambda: (1).to_bytes(0, 'big'),
            lambda: int.from_bytes(5, 'big')]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class MyInt(int):
    pass
print(type(MyInt.from_bytes(b'\x05', 'big')).__name__, MyInt.from_bytes(b'\x05', 'big'), bool.from_bytes(b'\x01', 'big'))
