# Chained comparisons evaluate each operand once and short-circuit.
calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0)
print(1 <= 1 < 2 <= 2, 5 > 4 >= 4 > 3 != 2 == 2)
print(0 < 0.5 < 1, 'a' < 'b' < 'c', [1] < [2] < [3], (1,) < (1, 0) < (2,))
print(v(1) < v(2) < v(3), calls)
calls = []
print(v(3) < v(2) < v(1), calls)
calls = []
print(v(1) < v(5) > v(4) == v(4), calls)
calls = []
print(v(1) == v(2) == v(never_defined_name), calls)
for x in range(-2, 8):
    print(x, 0 <= x < 5, x < 0 or x >= 5, 1 < x < 4, not 0 < x)
a = 5
print(1 < a < 10, 10 < a < 20, a == 5 == 5.0, 2 < a is not None)
n = None
print(n is None is n, a is not None is not calls, n is not None is None)
lst = [1, 2, 3]
print(2 in lst in [lst], 2 in lst not in [[]], 4 in lst in [lst])
def between(lo, x, hi):
    return lo <= x <= hi
print(between(1, 1, 1), between(1, 0, 2), between('a', 'm', 'z'), between(1.5, 2, 2.5))
i = 0
while 0 <= i < 10 != i * 3:
    i += 1
print('stopped at', i)
x = 3
y = 3
print(x == y < 4, x < y == 3, x <= y >= x)
print(1 < 2 == True, (1 < 2) == True)
print(-1 < 0 < 1 < 2 < 3 < 4 < 5 < 6, -1 < 0 < 1 < 2 < 3 < 4 < 5 > 6)
