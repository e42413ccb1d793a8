# Sets under memory churn: many short-lived sets, sets of tuples and
# frozensets, sets kept across collections.
keep = []
for i in range(3000):
    s = {(i, j) for j in range(i % 7)}
    s |= {frozenset([i, i + 1])}
    if i % 100 == 0:
        keep.append(s)
    t = set(range(i % 50))
    t.difference_update(range(0, 50, 2))
print(len(keep), sum(len(s) for s in keep))
print(sorted(keep[3], key=repr)[:3])
words = "the quick brown fox jumps over the lazy dog the end".split()
print(sorted(set(words)), len(set(words)))
seen = set()
dups = [w for w in words if w in seen or seen.add(w)]
print(dups)
print(sorted({c for w in words for c in w if c in 'aeiou'}))
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(nested), frozenset() in nested)
