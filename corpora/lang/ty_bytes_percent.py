# bytes % args: %b/%s of bytes-like objects, %r/%a, %c, numbers, keys, errors.
for fmt, args in [(b'%s', b'x'), (b'%s', 'x'), (b'%b', bytearray(b'y')), (b'%r', 'é'), (b'%a', b'q'), (b'%5s|', b'ab'), (b'%-5b|', b'ab'),
                  (b'%c', 65), (b'%c', b'Z'), (b'%c', 256), (b'%c', b'ab'), (b'%c', 'a'), (b'%d %x %05.1f', (3, 255, 2.25)),
                  (b'%(k)s', {b'k': b'v'}), (b'%(k)s', {'k': b'v'}), (b'%s %s', (b'a',)), (b'%s', (b'a', b'b')), (b'%y', 1),
                  (b'%%', ()), (b'x', b'y'), (b'%.1s', b'abc'), (bytearray(b'%s!'), b'b'), (b'%s', memoryview if False else 3)]:
    try:
        print(fmt, repr(fmt % args))
    except Exception as e:
        print(fmt, type(e).__name__, e)
class B:
    def __bytes__(self): return b'<B>'
print(b'%s|%b|%5s|%-6b|' % (B(), B(), B(), B()), b'%(a)b-%(b)d' % {b'a': b'x', b'b': 7})
print(b'%#x %+d %e %g %r' % (255, 5, 1.5, 0.0001, b'q'), bytearray(b'%c%c') % (104, b'i'))
