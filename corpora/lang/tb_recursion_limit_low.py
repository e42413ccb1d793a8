# Uncaught RecursionError after sys.setrecursionlimit(100).
import sys

def count_down(n, trail):
    trail.append(n)
    if n == 0:
        return trail
    return count_down(n - 1, trail)

def forever(n):
    if n % 25 == 0:
        print('depth', n)
    return forever(n + 1)

def run():
    print(len(count_down(80, [])))
    print('limit now', sys.getrecursionlimit())
    return forever(1)

sys.setrecursionlimit(100)
print('limit set to', sys.getrecursionlimit())
run()
print('not reached')
