# Random small-int sets through every operator and method: results and
# their iteration order must match CPython's (ints hash to themselves).
state = 2024
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n
def rand_set(kind=set):
    return kind(rnd(60) - 10 for _ in range(rnd(25)))
for trial in range(120):
    a, b = rand_set(), rand_set(frozenset if trial % 3 == 0 else set)
    c = [rnd(70) for _ in range(rnd(10))]
    print(trial, a, b)
    print(' ', a | b, a & b, a - b, a ^ b, b - a)
    print(' ', a.union(c), a.intersection(c, b), a.difference(c, b), a.symmetric_difference(c))
    print(' ', a <= b, a < b, a >= b, a > b, a == b, a.isdisjoint(b), a.issubset(c), a.issuperset(c))
    m = set(a)
    m |= b
    m -= set(c)
    m ^= {1, 2, 3}
    m &= set(range(-5, 40))
    m.update(c[:3])
    m.difference_update(c[3:5])
    m.intersection_update(range(-10, 60))
    m.symmetric_difference_update(c[5:])
    for _ in range(rnd(4)):
        if m:
            m.pop()
    for x in c[:2]:
        m.discard(x)
    print(' ', m, len(m), sorted(m) == sorted(list(m)))
    if trial % 10 == 0:
        print(' ', hash(frozenset(a)) == hash(frozenset(sorted(a))), frozenset(b) | frozenset(c))
