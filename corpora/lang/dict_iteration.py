# Dict iteration order after inserts, deletes and re-inserts; views.
d = {}
for k in ['delta', 'alpha', 'charlie', 'bravo']:
    d[k] = len(k)
print(list(d), list(d.values()))
del d['alpha']
d['alpha'] = 0
print(list(d.items()))
d['delta'] = 99
print(list(d.items()))
keys = d.keys()
vals = d.values()
items = d.items()
print(len(keys), len(vals), len(items))
d['echo'] = 4
print(list(keys), list(vals), len(items))
print('echo' in keys, 4 in vals, ('echo', 4) in items, ('echo', 5) in items)
for k, v in d.items():
    d[k] = v * 2
print(d)
snapshot = list(d)
for k in snapshot:
    if d[k] > 10:
        del d[k]
print(d)
inv = {}
for k, v in {'a': 1, 'b': 2, 'c': 1, 'd': 3}.items():
    inv.setdefault(v, []).append(k)
print(inv)
merged = {'x': 1, 'y': 2}
merged.update({'y': 20, 'z': 30})
merged.update([('w', 0)])
print(merged, list(merged.keys()))
int_keys = {}
for i in [5, 3, 9, 1, 7, -2, 100, 2 ** 70]:
    int_keys[i] = i * i
print(int_keys, sorted(int_keys))
for i in range(0, 10, 2):
    int_keys.pop(i, None)
print(list(int_keys))
mixed = {1: 'int', 'one': 'str', (1,): 'tuple', 2.5: 'float', False: 'bool', None: 'none'}
for k in mixed:
    print(repr(k), mixed[k])
print(mixed[0], mixed[1.0], mixed[(1,)])
counts = dict()
for ch in 'hello world':
    counts[ch] = counts.get(ch, 0) + 1
for ch, n in counts.items():
    print(repr(ch), n)
e = dict(counts)
e.clear()
print(e, len(counts))
big = {}
for i in range(1000):
    big[i] = str(i)
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:10], big[998], sum(big))
