# for loops over various iterables, break and continue.
for i in range(10):
    if i == 2:
        continue
    if i == 7:
        break
    print('range', i)
for x in [10, 20, 30]:
    print('list', x)
for ch in 'héllo':
    if ch == 'l':
        continue
    print('char', ch)
for item in (1, 'two', 3.0, None, True):
    print('tuple item', item, type(item))
d = {'a': 1, 'b': 2, 'c': 3}
for k in d:
    print('dict key', k, d[k])
for k, v in d.items():
    if v == 2:
        continue
    print('item', k, v)
for a, b in [(1, 2), (3, 4), (5, 6)]:
    print('pair', a, b, a * b)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > i + 1:
            break
        print('nested', i, j)
found = None
for w in ['apple', 'banana', 'cherry', 'date']:
    if 'e' in w and len(w) > 5:
        found = w
        break
print('found', found)
for i in range(3):
    pass
print('loop var after loop', i)
for i in range(0):
    print('never')
print('still', i)
total = 0
for n in range(1, 50):
    if n % 3 and n % 5:
        continue
    total += n
print('total', total)
primes = []
for n in range(2, 60):
    is_prime = True
    for p in primes:
        if p * p > n:
            break
        if n % p == 0:
            is_prime = False
            break
    if is_prime:
        primes.append(n)
print(primes)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print('iter', x)
print(lst)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a, b, c)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
for row in matrix:
    line = ''
    for v in row:
        line += str(v * v) + ' '
    print(line)
for k in {}:
    print('never')
for s in ['', 'x']:
    for c in s:
        print('c', c)
