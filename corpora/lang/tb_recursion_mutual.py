# Uncaught RecursionError from mutual recursion after sys.setrecursionlimit(60).
import sys
sys.setrecursionlimit(60)
print(sys.getrecursionlimit())

def ping(n):
    return pong(n + 1)

def pong(n):
    return ping(n + 1)

def fine(n):
    if n == 0:
        return 0
    return 1 + fine(n - 1)

print(fine(40))
print(fine(10), fine(0))
ping(0)
print('not reached')
