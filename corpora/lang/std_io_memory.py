# io.StringIO, io.BytesIO, print(file=...) and a reassigned sys.stdout.
import io
import sys

s = io.StringIO()
print(s.write('abc'), s.write('def\n'), s.tell())
print('x', 1, file=s)
print(repr(s.getvalue()))
print(repr(s.read()), s.seek(0), repr(s.read(2)), repr(s.readline()), s.tell())
print(list(s))
s.seek(0)
print(s.readlines())
s.seek(1)
s.write('ZZ')
print(repr(s.getvalue()), s.tell())
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(6)
s.write('!')
print(repr(s.getvalue()))
s = io.StringIO('one\ntwo\nthree')
print([line for line in s])
print(repr(io.StringIO('a\r\nb').read()), repr(io.StringIO('a\r\nb', newline=None).read()))
print(io.StringIO('a\rb\nc', newline='').readlines())
with io.StringIO('ctx') as s:
    print(s.read(), s.closed)
print(s.closed)
for call in [lambda: s.read(), lambda: s.getvalue(), lambda: s.write('x')]:
    try:
        call()
    except ValueError as e:
        print(e)
try:
    io.StringIO().write(b'x')
except TypeError as e:
    print(e)
try:
    io.StringIO(5)
except TypeError as e:
    print(e)
try:
    io.StringIO().seek(-1)
except ValueError as e:
    print(e)
try:
    io.StringIO().seek(1, 1)
except OSError as e:
    print(e)

b = io.BytesIO(b'ab\ncd\nef')
print(b.readline(), b.read(2), b.tell(), b.read(), b.getvalue())
b.seek(0)
print(list(b))
b.seek(-2, 2)
print(b.read())
b = io.BytesIO()
print(b.write(b'hello'), b.write(bytearray(b' world')), b.getvalue())
b.seek(0)
b.write(b'J')
print(b.getvalue(), b.tell())
b.seek(12)
b.write(b'!')
print(b.getvalue())
print(b.truncate(5), b.getvalue())
try:
    b.write('str')
except TypeError as e:
    print(e)
with io.BytesIO(b'x') as b:
    pass
try:
    b.read()
except ValueError as e:
    print(e)

# print honours sys.stdout
old = sys.stdout
sys.stdout = io.StringIO()
print('captured', 42)
print('more', end='')
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


c = Collector()
print('a', 'b', sep=',', file=c)
sys.stdout = c
print(1, 2, 3)
sys.stdout = sys.__stdout__
print(c.parts)
sys.stdout = None
print('dropped')
sys.stdout = old
print('back', file=None)
print(isinstance(sys.stdout, io.TextIOWrapper) or True)
