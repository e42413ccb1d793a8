# list indexing, slicing, slice assignment, del.
a = list(range(10))
print(a[0], a[-1], a[3], a[-4])
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[::-1], a[8:1:-2], a[100:], a[-100:2])
b = a[:]
print(b == a, b is a)
a[0] = 'zero'
a[-1] = 'nine'
print(a)
a[2:4] = ['x', 'y', 'z']
print(a, len(a))
a[1:1] = [100, 200]
print(a)
a[5:] = []
print(a)
a[::2] = [7, 8, 9]
print(a)
del a[0]
print(a)
del a[-1]
print(a)
del a[1:3]
print(a)
c = list(range(20))
del c[::3]
print(c)
del c[:]
print(c)
n = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
i = 0
while i < 3:
    j = 0
    while j < 3:
        n[i][j] = i * 3 + j
        j += 1
    i += 1
print(n)
print(n[1][2], n[-1][-1], n[2][::-1], n[::-1][0])
t = [1, 2, 3]
t[1] += 10
t[-1] *= 5
print(t)
s = ['a', 'b', 'c', 'd', 'e']
print(s[1:4][1:][0], s[::-1][1:3])
words = 'one two three four five six'.split()
k = len(words) - 1
while k >= 0:
    print(k, words[k], words[k][::-1], words[:k])
    k -= 2
lst = [5, 3, 5, 1, 5]
while 5 in lst:
    lst.remove(5)
    print(lst)
print(list('abc'), list((1, 2)), list(range(3, 0, -1)), list(), list({'k': 1, 'j': 2}))
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] == [])
print([1, [2, 3]] == [1, [2, 3]], [1, 'a'] != [1, 'a'])
