# Recursive functions.
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + '->' + dst)
    hanoi(n - 1, via, dst, src, moves)
    return moves
def flatten(x, out):
    if isinstance(x, list) or isinstance(x, tuple):
        for item in x:
            flatten(item, out)
    else:
        out.append(x)
    return out
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
def permutations(s):
    if len(s) <= 1:
        return [s]
    result = []
    i = 0
    while i < len(s):
        for p in permutations(s[:i] + s[i + 1:]):
            result.append(s[i] + p)
        i += 1
    return result
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
def binsearch(lst, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if lst[mid] == target:
        return mid
    if lst[mid] < target:
        return binsearch(lst, target, mid + 1, hi)
    return binsearch(lst, target, lo, mid - 1)
for i in range(12):
    print(i, fact(i), fib(i))
print(fact(30))
print(fib(20))
print(ackermann(2, 3), ackermann(3, 3))
print(hanoi(3, 'A', 'C', 'B', []))
print(len(hanoi(8, 'A', 'C', 'B', [])))
print(flatten([1, [2, [3, [4, (5, 6)]], 7], [[[8]]]], []))
print(is_even(10), is_odd(7), is_even(7))
print(permutations('abc'))
print(len(permutations('abcde')))
print(depth(500))
data = list(range(0, 100, 3))
for t in [0, 3, 4, 51, 99, 100]:
    print(t, binsearch(data, t, 0, len(data) - 1))
def merge_sort(lst):
    if len(lst) <= 1:
        return lst
    mid = len(lst) // 2
    left = merge_sort(lst[:mid])
    right = merge_sort(lst[mid:])
    out = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]
print(merge_sort([5, 2, 9, 1, 5, 6, 0, -3, 8, 7, 2]))
print(merge_sort(list('recursion')))
