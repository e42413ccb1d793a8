# sys.getrecursionlimit / sys.setrecursionlimit (no overflow here).
import sys
print(sys.getrecursionlimit())
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit())
print(depth(2500))
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
print(depth(150))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit(), type(sys.getrecursionlimit()))
def countdown(n, acc):
    if n == 0:
        return acc
    acc.append(n)
    return countdown(n - 1, acc)
print(len(countdown(800, [])), countdown(5, []))
