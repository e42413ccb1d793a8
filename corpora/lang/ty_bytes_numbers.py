# int() and float() of bytes and bytearray.
for fn in [lambda: int(b'42'), lambda: int(b' -7 '), lambda: int(bytearray(b'ff'), 16), lambda: int(b'x'), lambda: int(b'0x1f', 0),
           lambda: int(b'\xff'), lambda: int(bytearray(b'z')), lambda: float(b'1.5'), lambda: float(bytearray(b' 2e3 ')), lambda: float(b'nope'),
           lambda: float(bytearray(b'q')), lambda: int(b'1_000'), lambda: float(b'inf')]:
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)
