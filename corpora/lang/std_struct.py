# struct: pack/unpack/calcsize/iter_unpack/pack_into/unpack_from, byte
# orders, sizes, alignment, and CPython's struct.error messages.
import struct

for fmt, values in [('<i', (1,)), ('>i', (1,)), ('!h', (-2,)), ('=q', (-(2 ** 63),)),
                    ('<Q', (2 ** 64 - 1,)), ('<bBhHiIlLqQ', (-1, 255, -300, 65535, -7, 4000000000, 5, 6, 7, 8)),
                    ('>?c3sx', (True, b'a', b'xyz')), ('<5s', (b'ab',)), ('<2s', (b'abcd',)),
                    ('<5p', (b'abc',)), ('<p', (b'abc',)), ('<3p', (b'abcdef',)),
                    ('<efd', (1.5, 3.25, -0.1)), ('>efd', (65504.0, 1e38, 1e308)),
                    ('<e', (1e-8,)), ('<e', (6e-5,)), ('<e', (0.1,)), ('<e', (-0.0,)), ('<e', (float('inf'),)),
                    ('<f', (0.1,)), ('@bi', (1, 2)), ('@ci', (b'z', 2)), ('@iq', (1, 2)), ('@hq?', (1, 2, True)),
                    ('@nNP', (-5, 5, 12)), ('<3h', (1, 2, 3)), ('< i h', (1, 2)), ('0i', ()), ('<?', ([],)),
                    ('<d', (1,)), ('<q', (True,)), ('>4sI', (b'RIFF', 36))]:
    packed = struct.pack(fmt, *values)
    print(repr(fmt), packed, struct.calcsize(fmt), struct.unpack(fmt, packed))

for fmt in ['@bi', '@ci', '=bi', '@iq', '@q?', 'bxh', '@3sh', '0i', '@P', '<lL', '@lL', 'xxx', '5x', '@b0q']:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x01\x00'), struct.unpack('<?', b'\x05'))
print(struct.unpack('<f', struct.pack('<f', 0.1)), struct.unpack('>H', b'\xff\xfe'))
print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 1), struct.unpack_from('<h', b'\x00\x01\x02\x03', offset=2),
      struct.unpack_from('<h', bytearray(b'\x00\x01\x02'), -2))
buf = bytearray(8)
struct.pack_into('<hi', buf, 1, 7, -1)
print(buf)
struct.pack_into('<h', buf, -2, 258)
print(buf)


class Idx:
    def __index__(self):
        return 42


print(struct.pack('<i', Idx()))

s = struct.Struct('<hHd')
print(s.format, s.size, s.pack(1, 2, 3.5), s.unpack(s.pack(1, 2, 3.5)), s.unpack_from(b'\x00' + s.pack(1, 2, 0.0), 1))
print(list(s.iter_unpack(s.pack(1, 2, 3.0) * 2)))
print(struct.Struct(b'<i').format, struct.error, struct.error.__mro__[1])


def check(fn, *args):
    try:
        print(fn(*args))
    except (struct.error, TypeError, OverflowError) as e:
        print(type(e).__name__, e)


pack = struct.pack
for fmt, value in [('<h', 40000), ('h', -40000), ('<H', -1), ('H', 70000), ('<b', 200), ('b', -129), ('B', 256),
                   ('<B', -1), ('<i', 2 ** 31), ('i', -2 ** 31 - 1), ('I', -1), ('<I', 2 ** 32), ('l', 2 ** 63),
                   ('<l', 2 ** 31), ('L', -1), ('<L', -1), ('q', 2 ** 63), ('<q', -2 ** 63 - 1), ('Q', -1),
                   ('<Q', 2 ** 64), ('n', 2 ** 63), ('N', -1), ('<h', 2 ** 100), ('i', 1.5), ('i', '1'),
                   ('f', 'x'), ('<f', 1e300), ('<e', 1e10), ('<e', 65520.0), ('c', b'ab'), ('c', 'a'), ('s', 'a'),
                   ('z', 1), ('3', 1), ('<n', 1), ('<P', 1), ('<N', 1)]:
    check(pack, fmt, value)
check(pack, 'ii', 1)
check(pack, 'i', 1, 2)
check(pack, '<i')
check(pack)
check(struct.unpack, '<i', b'abc')
check(struct.unpack, '<i', 'abcd')
check(struct.unpack_from, '<i', b'abcd', 1)
check(struct.unpack_from, '<i', b'abcd', 5)
check(struct.unpack_from, '<i', b'abcd', -9)
check(struct.pack_into, '<i', bytearray(5), 2, 1)
check(struct.pack_into, '<i', bytearray(5), 7, 1)
check(lambda: list(struct.iter_unpack('<i', b'abcde')))
check(lambda: list(struct.iter_unpack('', b'')))
check(struct.calcsize, 5)
check(struct.calcsize, '<i5')
