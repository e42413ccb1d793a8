# sys.stdout.buffer / sys.stdin.buffer: bytes interleave with print() in order.
import sys
print('text first')
sys.stdout.buffer.write(b'bytes second\n')
print('text third', flush=False)
sys.stdout.buffer.write('é\n'.encode())
print(sys.stdout.buffer is sys.stdout.buffer, sys.stdout.buffer.name, sys.stdin.buffer.mode)
data = sys.stdin.buffer.read()
print(type(data), len(data))
sys.stdout.buffer.flush()
print(sys.stdin.buffer.readline(), sys.stdin.buffer.read(5), sys.stderr.buffer.write(b''))
