# open(): encodings and errors=, TextIOWrapper over BytesIO, tell/seek cookies, a+/r+ text modes, array.tofile/fromfile, peek/read1/readinto.
import io, os, json, sys
from array import array
b = io.BytesIO('héllo\nwörld\n'.encode())
t = io.TextIOWrapper(b, encoding='utf-8')
print(t.readline(), t.read(), repr(t))
base = '/tmp/pyglass_std_io_modes_%d' % os.getpid(); os.mkdir(base)
p = base + '/f.bin'
with open(p, 'wb', buffering=0) as f:
    array('i', [1, 2, 3]).tofile(f)
with open(p, 'rb') as f:
    a = array('i'); a.fromfile(f, 2); print(a, f.peek()[:4], f.read1(2))
    buf = bytearray(3); print(f.readinto(buf), buf)
with open(p, 'w', encoding='latin-1') as f:
    f.write('café')
with open(p, 'rb') as f: print(f.read())
with open(p, encoding='ascii', errors='replace') as f: print(f.read())
with open(p, encoding='utf-8', errors='ignore') as f: print(f.read())
try:
    with open(p, encoding='utf-8') as f: print(f.read())
except UnicodeDecodeError as e: print('UDE', e)
with open(p, 'w') as f:
    f.write('line1\nline2\nline3\n')
with open(p) as f:
    f.readline(); pos = f.tell(); print(pos, f.readline()); f.seek(pos); print(f.readline(), repr(f.buffer).replace(base, "<tmp>"), f.line_buffering)
    print(f.readline(3), f.readline())
print(json.JSONDecoder().raw_decode('[1] xx'))
with open(p, 'a+') as f:
    f.seek(0); print(repr(f.read())); f.write('x\n'); f.seek(0); print(len(f.read()))
with open(p, 'r+') as f:
    print(f.read(2)); f.write('ZZ'); f.seek(0); print(repr(f.read()))
with open(p, 'rb') as f:
    print(f.seek(0, 2), f.read(), f.tell())
os.remove(p); os.rmdir(base)
