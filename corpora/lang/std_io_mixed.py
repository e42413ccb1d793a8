# Binary and text files mixing line reads, peek/read1, tell/seek and writes (r+b, r+), and use after close.
import os
p = '/tmp/pyglass_std_io_mixed_%d.bin' % os.getpid()
with open(p, 'wb') as f:
    f.write(b'one\ntwo\nthree\nfour\n')
with open(p, 'r+b') as f:
    print(next(f), f.readline(), f.tell(), f.read(2), f.readline(), f.tell())
    f.seek(0)
    print(f.readline(), f.peek()[:3], f.read1(3), f.readline(2), f.readline())
    f.seek(4)
    print(f.readline())
    f.write(b'XX')
    print(f.tell(), f.readline())
    f.seek(0)
    print(f.read())
with open(p, 'r+') as f:
    print(f.readline(), f.readline())
    print(f.tell())
    f.seek(0)
    print(next(f), f.readlines())
    f.write('end\n')
    f.seek(0)
    print(f.readlines(), f.closed)
print(f.closed)
for x in (lambda: next(f), lambda: f.readline()):
    try: x()
    except ValueError as e: print(e)
os.remove(p)
