# array.array: typecodes, conversions and range errors, sequence methods,
# tobytes/frombytes, repr.
from array import array, typecodes


def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print(typecodes)
for code in 'bBhHiIlLqQfd':
    a = array(code, [1, 2, 3])
    print(code, a.itemsize, a.typecode, a, len(a.tobytes()), a.tobytes()[:4])
for code in 'bBhHiIlLqQ':
    size = array(code).itemsize
    t(lambda: array(code, [2 ** 64]))
    t(lambda: array(code, [2 ** (8 * size)]))
    t(lambda: array(code, [2 ** (8 * size - 1)]))
    t(lambda: array(code, [-1]))
    t(lambda: array(code, [-2 ** (8 * size - 1) - 1]))
t(lambda: array('i', [1.5]))
t(lambda: array('d', ['x']))
t(lambda: array('z'))
t(lambda: array(5))
t(lambda: array('ii'))
t(lambda: array('b', 'abc'))
t(lambda: array('i', array('d', [1.0])))
print(array('d', array('i', [1, 2])), array('d', [1, 2.5, True]), array('f', [0.1, 1e300, -1e300]))
print(array('i', b'\x01\x00\x00\x00\xff\xff\xff\xff'), array('u', 'héllo'), array('B', range(5)))

a = array('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
a.insert(0, 0)
a.insert(100, 99)
print(a, len(a), a[0], a[-1], a[2:5], a[::-2], 3 in a, 42 in a)
print(a.pop(), a.pop(0), a, a.index(4), a.count(2))
a.remove(4)
a.reverse()
print(a, a.tolist(), list(a), sum(a))
a[0] = 70
a[1:3] = array('i', [8, 9, 10])
del a[-1]
print(a)
print(a + array('i', [1]), a * 2, 2 * array('b', [1]))
b = array('h', [1, 2])
b += array('h', [3])
b *= 2
print(b, b == array('h', [1, 2, 3, 1, 2, 3]), b != b, array('i', [1]) < array('i', [2]))
print(array('i', [1]) == array('d', [1.0]), array('i', [1, 2]) == [1, 2])
t(lambda: a + array('d'))
t(lambda: a + [1])
t(lambda: a.extend(array('d')))
t(lambda: a.__setitem__(slice(0, 1), [1]))
t(lambda: a[100])
t(lambda: a.__setitem__(100, 1))
t(lambda: array('i').pop())
t(lambda: a.pop(100))
t(lambda: a.remove(1234))
t(lambda: a.index(1234))
t(lambda: a.frombytes(b'abc'))
t(lambda: a.append('x'))
t(lambda: a.__setitem__(0, 2 ** 40))

d = array('d', [1.5, -2.25])
raw = d.tobytes()
e = array('d')
e.frombytes(raw)
e.frombytes(bytearray(raw))
print(raw, e, e.itemsize)
s = array('H', [1, 256])
s.byteswap()
print(s)
f = array('l')
f.fromlist([1, 2])
print(f, array('u', 'ab').tounicode(), repr(array('q')), str(array('Q', [2 ** 64 - 1])))
print(type(a), type(a).__name__, isinstance(a, array))

# extend keeps the items before a bad one
a = array('b', [1])
try:
    a.extend([2, 3, 300, 4])
except OverflowError as e:
    print(e, a)
a.extend(x for x in range(3))
print(a, array('d', [1, 2.5]), array('i', [True, 2]))
