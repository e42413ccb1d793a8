class S(set):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
    def total(self):
        return sum(self)
s = S([1, 2, 3], 'x')
print(s, s.tag, s.total(), isinstance(s, set), len(s))
class F(frozenset):
    pass
f = F([4, 5])
print(f, type(f | {1}).__name__, hash(f) == hash(frozenset([4, 5])), f == {4, 5})
print(frozenset([1,2]).copy(), set.__name__, frozenset.__name__)
print(isinstance(frozenset(), (set, frozenset)), issubclass(S, set))
print({1, 2} == {2, 1}, {1, 2} != {1}, {1} == [1])
d = {frozenset({1, 2}): 'a'}
print(d[frozenset({2, 1})])
print(set({'k': 1}), set((1, 2, 1)))
s = {1, 2, 3}
print(s.pop(), s.pop(), s)
s.clear(); print(s)
s = {1, 2, 3}
s.update([4], {5}); s.intersection_update({1, 2, 4, 5}, [1, 4, 5]); print(s)
s.difference_update([1]); s.symmetric_difference_update([5, 6]); print(s)
print(set.union({1}, {2}), {1}.__or__({2}), {1}.__or__([2]))
t = {1, 2}
t2 = t.copy(); t2.add(3); print(t, t2)
print(repr(set([(1, 2), (3, 4)])))
