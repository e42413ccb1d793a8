# sys.exit('message'): message on stderr, exit status 1.
import sys
def check(values):
    for v in values:
        print('checking', v)
        if v < 0:
            fail('negative value: ' + str(v))
        print('ok', v, v * v)
    return len(values)
def fail(msg):
    print('about to fail')
    sys.exit(msg)
def batches(groups):
    n = 0
    for g in groups:
        print('batch', n, g)
        print('checked', check(g))
        n += 1
    return n
print(batches([[1, 2, 3], [], [10]]))
print('first batches ok')
batches([[4, 5], [6, -7, 8]])
print('not reached')
