# open(): text and binary files, modes, iteration, seek/tell, errors.
import io
import os

base = '/tmp/pyglass_std_io_%d' % os.getpid()
os.mkdir(base)


def show(e):
    return str(e).replace(base, '<tmp>')


p = os.path.join(base, 'a.txt')
with open(p, 'w') as f:
    print(f.write('héllo\nworld\n'), f.mode, f.closed, f.name == p)
    f.writelines(['x\n', 'y'])
    print(f.readable(), f.writable(), f.seekable())
print(f.closed)

with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print([line for line in f])
with open(p) as f:
    print(repr(f.readline()), f.readlines())
with open(p) as f:
    print(repr(f.read(3)), repr(f.read(4)), repr(f.readline()), repr(f.read()))
    print(repr(f.read()), repr(f.readline()))
with open(p, encoding='utf-8') as f:
    print(f.encoding, len(list(f)))

with open(p, 'rb') as f:
    print(f.read(3), f.tell(), f.read(), f.seek(1), f.read(2), f.tell())
    print(f.seek(-2, 2), f.read(), f.seek(0), f.readline(), f.readline(1))
    f.seek(0)
    print(list(f))

with open(p, 'a') as f:
    print(f.mode)
    f.write('z\n')
with open(p, 'rb') as f:
    print(f.read())

# update modes
with open(p, 'w+') as f:
    f.write('abc\r\ndef\rg\n')
    f.seek(0)
    print(repr(f.read()))
with open(p, newline='') as f:
    print(list(f))
with open(p, 'rb') as f:
    print(f.read())
with open(p, 'w', newline='\r\n') as f:
    f.write('a\nb\n')
with open(p, 'rb') as f:
    print(f.read())

bp = os.path.join(base, 'b.bin')
with open(bp, 'wb') as f:
    print(f.write(bytes(range(10))), f.write(bytearray(b'xyz')), f.tell())
with open(bp, 'r+b') as f:
    print(f.mode, f.read(4))
    f.seek(2)
    f.write(b'AB')
    f.seek(0)
    print(f.read())
    print(f.truncate(5), f.seek(0, 2))
with open(bp, 'rb') as f:
    print(f.read())

# fileno and isatty
with open(bp, 'rb') as f:
    print(type(f.fileno()).__name__, f.isatty())

# x mode
xp = os.path.join(base, 'x.txt')
with open(xp, 'x') as f:
    f.write('new')
try:
    open(xp, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno, show(e))

# errors
try:
    open(os.path.join(base, 'missing'))
except FileNotFoundError as e:
    print(show(e), e.errno, e.strerror, show(e.filename))
except OSError:
    print('wrong class')
try:
    open(base)
except IsADirectoryError as e:
    print(show(e))
for bad in ['rw', 'q', 'rbt', 'r++', '']:
    try:
        open(p, bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    open(p, 'rb', encoding='utf-8')
except ValueError as e:
    print(e)
try:
    open(p, 'rb', newline='')
except ValueError as e:
    print(e)
try:
    open(3.5)
except TypeError as e:
    print(e)

f = open(p, 'rb')
f.close()
for name in ['read', 'readline', 'tell', 'fileno', 'flush']:
    try:
        getattr(f, name)()
    except ValueError as e:
        print(name, e)
f = open(p)
f.close()
f.close()
for name in ['read', 'readline', 'flush']:
    try:
        getattr(f, name)()
    except ValueError as e:
        print(name, e)
try:
    with f:
        pass
except ValueError as e:
    print('with', e)

with open(p, 'w') as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
    try:
        f.write(b'x')
    except TypeError as e:
        print(e)
with open(p) as f:
    try:
        f.write('x')
    except io.UnsupportedOperation as e:
        print(e)
with open(bp, 'rb') as f:
    try:
        f.write(b'x')
    except io.UnsupportedOperation as e:
        print(e)
with open(bp, 'wb') as f:
    try:
        f.write('text')
    except TypeError as e:
        print(e)

# print(file=...) into a file
with open(p, 'w') as f:
    print('a', 1, 2.5, sep='-', end='!\n', file=f)
    print(file=f)
with open(p) as f:
    print(repr(f.read()))

# a big file, read back in pieces
big = os.path.join(base, 'big.txt')
with open(big, 'w') as f:
    for i in range(3000):
        f.write('line %d é\n' % i)
with open(big) as f:
    n = 0
    for line in f:
        n += len(line)
print(n)
with open(big, encoding='utf-8') as f:
    parts = []
    while True:
        chunk = f.read(1000)
        if not chunk:
            break
        parts.append(chunk)
print(len(''.join(parts)), parts[-1][-10:])

for name in os.listdir(base):
    os.remove(os.path.join(base, name))
os.rmdir(base)
print(os.path.exists(base))
