# list methods.
a = [3, 1, 4]
a.append(1)
a.append(5)
print(a, len(a))
a.extend([9, 2, 6])
a.extend((5, 3))
a.extend('ab')
a.extend(range(2))
print(a, len(a))
a.insert(0, 'first')
a.insert(3, 'mid')
a.insert(100, 'end')
a.insert(-1, 'beforeend')
a.insert(-100, 'veryfirst')
print(a)
print(a.pop(), a.pop(0), a.pop(2), a.pop(-2))
print(a)
a.remove('ab'[0])
a.remove(5)
print(a)
print(a.index(1), a.index(1, 2), a.index('mid'), a.count(1), a.count(5), a.count('zz'))
a.reverse()
print(a)
nums = [5, 2, 8, 1, 9, 3, 7, 2]
b = nums.copy()
nums.sort()
print(nums, b)
nums.sort(reverse=True)
print(nums)
def neg(x):
    return -x
def last_char(s):
    return s[-1]
b.sort(key=neg)
print(b)
ws = ['pear', 'fig', 'banana', 'kiwi', 'apple', 'date']
ws.sort()
print(ws)
ws.sort(key=len)
print(ws)
ws.sort(key=len, reverse=True)
print(ws)
ws.sort(key=last_char)
print(ws)
c = b.copy()
c.clear()
print(c, b, len(c))
c.append(c is b)
print(c)
stack = []
for i in range(6):
    stack.append(i * i)
    print('push', i * i, stack)
while len(stack) > 0:
    print('pop', stack.pop(), stack)
q = [1, 2, 3]
while q:
    x = q.pop(0)
    print('dequeue', x)
    if x < 3:
        q.append(x + 10)
print(q)
m = [[1, 2], [3, 4]]
m[0].append(99)
m.append(m[1].copy())
m[1].pop()
print(m)
r = [1, 2, 3]
r2 = r
r2.append(4)
print(r, r is r2, r == r.copy(), r is r.copy())
e = []
e.extend([])
e.sort()
e.reverse()
print(e)
print([1, 2] + [3], [0] * 5, [[]] * 3, 2 * ['x', 'y'])
print([3, 1, 2].sort())
