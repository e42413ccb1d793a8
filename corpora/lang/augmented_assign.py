# Augmented assignment on names, subscripts, and mutable vs immutable objects.
n = 7
n += 3
n -= 1
n *= 2
print(n)
n //= 4
n **= 3
n %= 50
print(n)
f = 1.5
f += 1
f *= 2
f /= 4
f -= 0.25
f //= 0.5
f **= 2
print(f)
s = 'ab'
s += 'cd'
s *= 2
print(s)
t = (1,)
t2 = t
t += (2, 3)
print(t, t2, t is t2)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(lst, alias)
lst += 'xy'
lst += (9,)
lst += range(2)
print(lst)
d = {'a': 1, 'b': [1]}
d['a'] += 10
d['b'] += [2]
d['a'] *= 3
d['a'] -= 1
print(d)
m = [[0, 0], [0, 0]]
i = 0
while i < 2:
    j = 0
    while j < 2:
        m[i][j] += i * 2 + j + 1
        m[i][j] **= 2
        j += 1
    i += 1
print(m)
b = 0b1010
b |= 0b0101
b &= 0b1100
b ^= 0b0110
b <<= 4
b >>= 2
print(b)
big = 2 ** 64
big += 1
big *= big
big //= 3
big %= 10 ** 20
print(big)
counter = {}
for w in 'a b a c b a'.split():
    if w in counter:
        counter[w] += 1
    else:
        counter[w] = 1
print(counter)
x = 5
x += x
x += x * x
print(x)
acc = ''
for i in range(5):
    acc += str(i)
    acc += '-' if i < 4 else '!'
print(acc)
total = 0
for v in [0.1] * 10:
    total += v
print(total, total == 1.0)
