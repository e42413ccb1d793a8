# in / not in and is / is not.
lst = [1, 2, 3, 'a', None, (4, 5), [6]]
for x in [1, 3, 4, 'a', 'b', None, (4, 5), [6], 1.0, True]:
    print(repr(x), x in lst, x not in lst)
t = (10, 20, 30)
print(20 in t, 25 in t, 25 not in t)
s = 'hello world'
for sub in ['h', 'world', 'lo w', 'xyz', '', 'Hello', 'd']:
    print(repr(sub), sub in s, sub not in s)
d = {'k1': 1, 'k2': 2, 3: 'three'}
print('k1' in d, 'k3' in d, 3 in d, 1 in d, 'three' in d, 1 in d.values(), 'k2' in d.keys())
print(('k1', 1) in d.items(), ('k1', 2) in d.items())
print(5 in range(10), 5 in range(0, 10, 2), 'x' in [], 'x' in '')
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, b is not a)
print(None is None, None is not None, True is True, False is not True)
x = None
print(x is None, x is not None, x == None)
e = ()
print(e == (), type(e) is tuple, type(1) is int, type('') is not str, type(1) is not float)
def ident(v):
    return v
print(ident(a) is a, ident(None) is None)
print([1, 2] in [[1, 2], [3]], (1, 2) in [[1, 2]], [] in [[]], 0 in [False], '' in ['', 'x'])
matrix = [[1, 2], [3, 4]]
print([3, 4] in matrix, 3 in matrix, 3 in matrix[1])
vowels = 'aeiou'
count = 0
for ch in 'programming language':
    if ch in vowels:
        count += 1
print('vowels', count)
seen = []
for ch in 'abracadabra':
    if ch not in seen:
        seen.append(ch)
print(seen)
print(not 1 in [1], not (1 in [1]), (not 1) in [False])
