# Files that are never closed: CPython flushes them when they become
# garbage; pyglass (no finalizers) flushes open writers on every open() and
# at exit, so the common script patterns see the same data.
import json
import os

p = '/tmp/pyglass_std_io_unclosed_%d.txt' % os.getpid()
open(p, 'w').write('hello')
print(open(p).read())
json.dump({'a': [1, 2]}, open(p, 'w'))
print(json.load(open(p)))
with open(p, 'w') as f:
    f.write('closed normally')
print(open(p).read())
os.remove(p)
