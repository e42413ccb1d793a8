# Tuple packing and unpacking in assignments and for loops.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
a, b, c = 'xyz'
print(a, b, c)
x, y = [10, 20]
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, t] = (5, 6)
print(s, t)
first, second = 'ab', 'cd'
print(first, second)
i, j = range(2)
print(i, j)
k, v = ('key2', 'value2') if a else ('key3', 'value3')
print(k, v)
pairs = [(1, 'one'), (2, 'two'), (3, 'three')]
for num, word in pairs:
    print(num, word)
for (num, word) in pairs:
    print(word, num)
d = {'a': [1, 2], 'b': [3, 4]}
for key, (lo, hi) in d.items():
    print(key, lo, hi, lo + hi)
a, b, c = c, a, b
print(a, b, c)
def three():
    return 'r1', 'r2', 'r3'
u, w, z = three()
print(u, w, z)
t = three()
print(t, type(t), len(t))
fib_a, fib_b = 0, 1
for n in range(15):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a, fib_b)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
m = {'x': 0, 'y': 0}
m['x'], m['y'] = 10, 20
print(m)
n = [0, 0]
n[0], n[1] = n[1] + 1, n[0] + 2
print(n)
single, = [42]
print(single)
(alone,) = ('only',)
print(alone)
grid = [[1, 2], [3, 4], [5, 6]]
for left, right in grid:
    print(left * right)
for (ka, kb), val in [(('a', 'b'), 1), (('c', 'd'), 2)]:
    print(ka + kb, val)
packed = 1, 2, 3
print(packed)
x = y = z = 0
print(x, y, z)
x, y = y, x = 1, 2
print(x, y)
