# io.TextIOWrapper around sys.stdout.buffer (the usual way to force UTF-8
# output): its buffered text is flushed at exit even if never closed;
# detach() and what a detached wrapper says.
import io
import sys

b = io.BytesIO()
w = io.TextIOWrapper(b, encoding='utf-8')
w.write('détaché')
raw = w.detach()
print(raw is b, b.getvalue())
try:
    w.write('x')
except ValueError as e:
    print(e)
sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding='utf-8')
print('héllo through a wrapper')
print('second line', 42)
