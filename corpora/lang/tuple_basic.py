# tuples: creation, indexing, slicing, packing, unpacking, comparison.
t = (1, 2, 3)
e = ()
s = (42,)
print(t, e, s, len(t), len(e), len(s), type(t), type(s))
print(t[0], t[-1], t[1:], t[::-1], t[:0])
u = 4, 5, 6
print(u, type(u))
a, b, c = u
print(a, b, c)
a, b = b, a
print(a, b)
x, y = 'hi'
print(x, y)
p, q, r = [10, 20, 30]
print(p, q, r)
(m, n), o = (1, 2), 3
print(m, n, o)
print(t + u, t * 2, s * 3, e * 10)
print(t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 100), t != u)
print(2 in t, 7 in t, 7 not in t, (1, 2) in [(1, 2), (3, 4)])
print(t[t[0]], t[-t[0]], t[len(t) - 1], len(t + t))
nested = ((1, 'a'), (2, 'b'), (3, 'c'))
for num, letter in nested:
    print(num, letter, letter * num)
for pair in nested:
    print(pair, pair[0], pair[1])
def minmax(seq):
    lo = seq[0]
    hi = seq[0]
    for v in seq:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi
lo, hi = minmax([4, 9, -2, 7, 0])
print(lo, hi, minmax((3,)), minmax('hello'))
print(tuple([1, 2]), tuple('abc'), tuple(range(4)), tuple(), tuple((9, 8)))
print(repr((1,)), str(('a', "b'c")), ((),), (((),),))
print(((1, 2), [3, 4]), ([1], (2,)))
print(max((3, 1), (2, 5), (3, 0)), min([(1, 'z'), (1, 'a')]), sorted([(2, 'b'), (1, 'x'), (2, 'a')]))
lst = [1, 2, 3]
tl = tuple(lst)
lst.append(4)
print(tl, lst)
swap = [1, 2, 3, 4, 5]
i = 0
j = len(swap) - 1
while i < j:
    swap[i], swap[j] = swap[j], swap[i]
    i += 1
    j -= 1
print(swap)
a = b = c = 7
print(a, b, c)
k, v = ('key', ('v1', 'v2'))
print(k, v, v[1])
