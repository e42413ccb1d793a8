s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
print({x * x for x in range(10)})
a = [1, 2]; b = (2, 3)
print({*a, *b}, {0, *a, 9})
print(set(), frozenset(), frozenset({1, 2}), set("a"))
s.add(10); s.discard(1); s.remove(2)
print(s)
print({1, 2, 3} | {4}, {1, 2, 3} & {2, 3, 4}, {1, 2, 3} - {2}, {1, 2} ^ {2, 3})
print({1} <= {1, 2}, {1} < {1}, {1, 2} >= {1}, {1, 2} > {1, 2}, {1} == frozenset({1}))
print(hash(frozenset({1, 2})), hash(frozenset()))
print(set(range(100)) == set(range(99, -1, -1)))
print(list(set(range(20, 0, -3))))
s = set(range(5))
s |= {7}; s &= {1, 2, 7}; s -= {1}; s ^= {9}
print(s)
class S(set): pass
print(S([1, 2]), S(), type(S([1]) | {3}))
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3], [3]), {1, 2}.difference([1]), {1}.symmetric_difference([2]))
print({1}.issubset([1, 2]), {1, 2}.issuperset([1]), {1}.isdisjoint([2]))
print(frozenset({frozenset({1})}), {1} in {frozenset({1})})
print(sorted({'b', 'a', 'c'}))
try:
    set().pop()
except KeyError as e:
    print(repr(e))
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    {1} + {2}
except TypeError as e:
    print(e)
try:
    {1} < [1]
except TypeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s: s.add(x + 10)
except RuntimeError as e:
    print(e)
print(set([1, -1, -2, 8, 16]))
print({1.5, 2.0, 2})
