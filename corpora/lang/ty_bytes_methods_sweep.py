# bytes and bytearray methods over a grid of inputs and arguments.
samples = [b'', b'a', b'  Hello, World!  ', b'a,b,,c,', b'line1\nline2\r\nline3\r', b'\x00\xff\x7f',
           b'MiXeD 123 case', b'aaaa', b'tab\there', b'12345']
subs = [b'', b'a', b',', b'l', b'aa', b'xyz', 97]
for s in samples:
    for kind in (bytes, bytearray):
        x = kind(s)
        print(repr(x), len(x))
        print(' ', x.upper(), x.lower(), x.swapcase(), x.title(), x.capitalize())
        print(' ', x.isdigit(), x.isalpha(), x.isalnum(), x.isspace(), x.isupper(), x.islower(), x.isascii())
        print(' ', x.strip(), x.lstrip(), x.rstrip(), x.strip(b' !H'), x.split(), x.split(b','), x.rsplit(None, 1),
              x.rsplit(b',', 1), x.split(b'a', 2), x.split(None, 1), x.rsplit(maxsplit=2))
        print(' ', x.splitlines(), x.splitlines(True), x.partition(b','), x.rpartition(b'l'))
        print(' ', x.center(20, b'-'), x.ljust(4), x.rjust(18, b'.'), x.zfill(6), x.expandtabs(4))
        print(' ', x.replace(b'a', b'AA'), x.replace(b'', b'|', 3), x.replace(b'l', b'', 1), x.removeprefix(b'  '),
              x.removesuffix(b'\r'), x.hex(), x.hex('-', -3))
        for sub in subs:
            print('   ', repr(sub), x.find(sub), x.rfind(sub), x.count(sub), x.find(sub, 2), x.count(sub, 1, -1),
                  sub in x, x.startswith(sub) if not isinstance(sub, int) else None,
                  x.endswith(sub) if not isinstance(sub, int) else None)
        print(' ', b'-'.join([x, x]), bytearray(b'+').join((x, b'q')), x * 2, x + b'!', x[::-1], x[1:-1:2])
