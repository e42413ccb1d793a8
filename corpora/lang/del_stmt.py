# del of list items, slices, dict keys and names.
a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::2]
print(a)
del a[:]
print(a, len(a))
d = {'x': 1, 'y': 2, 'z': 3, 'w': 4}
del d['y']
print(d)
del d['x'], d['w']
print(d, len(d))
d['y'] = 'back'
print(d, list(d))
name = 'temporary'
print(name)
del name
print('deleted name')
nested = {'outer': {'inner': [1, 2, 3]}}
del nested['outer']['inner'][1]
print(nested)
del nested['outer']['inner']
print(nested)
m = [[1, 2, 3], [4, 5, 6]]
del m[0][1], m[1][0]
print(m)
def remove_evens(lst):
    i = len(lst) - 1
    while i >= 0:
        if lst[i] % 2 == 0:
            del lst[i]
        i -= 1
    return lst
print(remove_evens(list(range(15))))
def drop_keys(dct, keys):
    for k in keys:
        if k in dct:
            del dct[k]
    return dct
print(drop_keys({'a': 1, 'b': 2, 'c': 3}, ['a', 'c', 'q']))
x, y = 1, 2
del x, y
z = 3
del z
z = 'rebound'
print(z)
e = list('abcdef')
del e[1], e[1]
print(e)
def local_del():
    v = 10
    w = v * 2
    del v
    return w
print(local_del())
g = [1, 2, 3]
del g[-2:]
print(g)
