# dicts: insertion order, get/set/del, methods.
d = {'one': 1, 'two': 2, 'three': 3}
print(d, len(d))
d['four'] = 4
d['one'] = 100
print(d)
del d['two']
print(d, 'two' in d, 'three' in d, 'x' not in d)
d['two'] = 22
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('one'), d.get('zzz'), d.get('zzz', 'default'), d.get('four', 0))
print(d.pop('four'), d.pop('nope', 'fallback'), d)
print(d.setdefault('one', -1), d.setdefault('five', 5), d.setdefault('six'), d)
d.update({'one': 1, 'seven': 7})
print(d)
d.update([('eight', 8), ('one', 'ONE')])
print(d)
c = d.copy()
c['extra'] = True
print(len(d), len(c), c is d, c == d)
c.clear()
print(c, len(c), c == {})
for k in d:
    print('key', k)
for k, v in d.items():
    print(k, '=>', v)
for v in d.values():
    print('value', v)
for k in d.keys():
    print(k, d[k])
m = {1: 'int', 1.5: 'float', 'k': 'str', (1, 2): 'tuple', None: 'none', True: 'bool?'}
print(m, m[1], m[(1, 2)], m[None], len(m))
print({1: 'a', 1.0: 'b'}, {True: 'x', 1: 'y'})
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
groups = {}
for w in 'apple avocado banana blueberry cherry apricot'.split():
    groups.setdefault(w[0], []).append(w)
print(groups)
print(dict(), dict([('a', 1), ('b', 2)]), dict({'z': 26}), dict(((1, 2), (3, 4))))
print({'a': 1} == {'a': 1}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {'a': 1} != {'a': 2})
nested = {'outer': {'inner': [1, 2, {'deep': 'yes'}]}}
print(nested['outer']['inner'][2]['deep'], nested)
r = {}
r['b'] = 1
r['a'] = 2
r['c'] = 3
del r['b']
r['b'] = 4
print(r, list(r.keys()))
print(repr({}), str({'q': "it's"}), {'k': [1, (2,)]})
e = {'a': 1}
e['a'] += 10
e['a'] *= 2
print(e)
print(sorted({'b': 1, 'a': 2, 'c': 0}))
