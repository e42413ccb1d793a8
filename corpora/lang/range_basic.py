# range objects.
r = range(10)
print(r, range(2, 5), range(0, 10, 3), range(5, 0, -1), range(0))
print(list(r), list(range(2, 5)), list(range(0, 10, 3)), list(range(5, 0, -1)))
print(list(range(-5, 5, 2)), list(range(10, -10, -4)), list(range(3, 3)), list(range(5, 2)))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(5, 2)), len(range(-3, 3)))
print(range(10)[3], range(10)[-1], range(0, 20, 5)[2], range(10, 0, -2)[-1], range(3, 30, 3)[-3])
print(5 in range(10), 10 in range(10), -1 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(3 in range(10, 0, -1), 0 in range(10, 0, -1), 7 not in range(1, 8, 3))
print(range(0, 5) == range(0, 5), range(0) == range(5, 2), range(1, 10, 2) == range(1, 11, 2))
print(range(2 ** 64)[-1], 2 ** 63 in range(2 ** 64), range(0, 2 ** 70, 2 ** 60)[5])
print(list(range(2, 20, 3)), range(100)[99], list(range(9, -1, -3)))
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(10, 0, -3):
    print('down', i)
for i in range(-3, 4):
    print(i, i * i, -i, i ** 3)
s = 0
for i in range(0, 1000, 7):
    s += i
print(s)
print(sum(range(100)), max(range(5, 50, 7)), min(range(5, 50, 7)), sorted(range(5, 0, -1)))
print(tuple(range(4)), list(range(0, -10, -1)))
for i in range(3):
    for j in range(i):
        print(i, j)
r2 = range(1, 6)
acc = []
for v in r2:
    acc.append(v * 10)
print(acc, type(r2), isinstance(r2, range))
print(range(1, 2, 1), range(0, -3, -1), repr(range(7)))
