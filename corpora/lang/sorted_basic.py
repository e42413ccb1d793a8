# sorted with key= and reverse=, list.sort stability.
print(sorted([5, 2, 9, 1, 5, 6]))
print(sorted([5, 2, 9, 1, 5, 6], reverse=True))
print(sorted('hello world'))
print(sorted(('b', 'c', 'a')), sorted(range(5, -5, -2)), sorted([]))
print(sorted({'banana': 3, 'apple': 1, 'cherry': 2}))
print(sorted([3.5, -1, 2, 0.5, True, False]))
print(sorted(['Banana', 'apple', 'Cherry', 'date']))
def lower(s):
    return s.lower()
def length(s):
    return len(s)
def second(t):
    return t[1]
def neg(x):
    return -x
def last_digit(n):
    return n % 10
print(sorted(['Banana', 'apple', 'Cherry', 'date'], key=lower))
print(sorted(['Banana', 'apple', 'Cherry', 'date'], key=lower, reverse=True))
words = ['ccc', 'a', 'bb', 'dd', 'e', 'fff', 'gg']
print(sorted(words, key=length))
print(sorted(words, key=length, reverse=True))
pairs = [('x', 3), ('y', 1), ('z', 2), ('w', 1), ('v', 3)]
print(sorted(pairs, key=second))
print(sorted(pairs, key=second, reverse=True))
print(sorted(pairs))
print(sorted([13, 21, 5, 33, 42, 1, 11], key=last_digit))
print(sorted([3, 1, 2], key=neg))
orig = [4, 2, 3]
new = sorted(orig)
print(orig, new, orig is new)
d = {'b': 2, 'a': 1, 'c': 3}
for k in sorted(d):
    print(k, d[k])
def value_of(k):
    return d[k]
print(sorted(d, key=value_of, reverse=True))
print(sorted(d.items()), sorted(d.values()))
print(sorted([[2, 1], [1, 2], [1, 1], [2]]))
print(sorted([2 ** 70, -5, 2 ** 64, 0, -(2 ** 80)]))
print(sorted(['b', 'a'], reverse=False))
people = [['ann', 30], ['bob', 25], ['cyd', 30], ['dee', 25], ['eve', 35]]
def age(p):
    return p[1]
people.sort(key=age)
print(people)
people.sort(key=age, reverse=True)
print(people)
nums = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
nums.sort()
print(nums)
chars = list('pyglass')
chars.sort(reverse=True)
print(chars, ''.join(sorted('pyglass')))
