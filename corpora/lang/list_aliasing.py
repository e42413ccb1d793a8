# References, aliasing and copies.
a = [1, 2, 3]
b = a
c = a.copy()
d = a[:]
e = list(a)
a.append(4)
print(a, b, c, d, e)
print(a is b, a is c, a == b, c == d, c is d)
row = [0] * 3
grid = [row] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[2])
grid2 = []
for i in range(3):
    grid2.append([0] * 3)
grid2[0][0] = 1
print(grid2)
outer = [[1, 2], [3, 4]]
shallow = outer.copy()
shallow[0].append(99)
shallow[1] = 'replaced'
print(outer, shallow)
def mutate(lst):
    lst.append('mutated')
    lst = ['rebound']
    lst.append('lost')
    return lst
orig = ['x']
ret = mutate(orig)
print(orig, ret)
def mutate_dict(dd):
    dd['new'] = True
    dd = {}
    return dd
md = {'old': 1}
print(mutate_dict(md), md)
t = ([1], [2])
t[0].append(10)
print(t)
s1 = 'abc'
s2 = s1
s1 += 'd'
print(s1, s2)
n1 = 5
n2 = n1
n1 += 1
print(n1, n2)
l1 = [1]
l2 = l1
l1 += [2]
print(l1, l2, l1 is l2)
l1 = l1 + [3]
print(l1, l2, l1 is l2)
dd = {'k': [1]}
dd2 = dd.copy()
dd2['k'].append(2)
dd2['j'] = 0
print(dd, dd2)
nested = [[0]]
nested.append(nested[0])
nested[1][0] = 'same'
print(nested)
