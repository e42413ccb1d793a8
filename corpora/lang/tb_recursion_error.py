# Uncaught RecursionError from unbounded recursion at the default limit.
import sys

def bounded(n):
    if n == 0:
        return 0
    return 1 + bounded(n - 1)

def down(n):
    return down(n + 1)

def start():
    print('starting descent')
    return down(0)

print('before', sys.getrecursionlimit())
print('bounded', bounded(500))
print('bounded', bounded(900))
start()
print('not reached')
