# Equality and ordering across int, float, bool, str, list, tuple.
print(1 == 1.0, 1 == True, 0 == False, 2 == True, 1.0 == True, 0.0 == -0.0)
print(1 < 1.5, 2 > 1.999, -1 < -0.5, 10 ** 20 > 1e19, 10 ** 20 == 1e20, 2 ** 53 + 1 == 2.0 ** 53 + 1)
print(3 <= 3.0, 3 >= 3.0, True < 2, False < True, True > 0.5)
print('a' == 'a', 'a' == 'A', 'abc' < 'abd', 'Z' < 'a', '' < 'a', 'aa' > 'a')
print('10' < '9', '10' == '10', 10 == '10', '1' != 1)
print([1, 2] == [1, 2], [1, 2] == (1, 2), (1, 2) == (1, 2), [] == (), [1] != [1.0])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], (1, 'a') < (1, 'b'), (0,) < (0, 0))
print([[1, 2], [3]] < [[1, 3]], [1, [2, 3]] == [1, [2, 3]])
print({'a': 1} == {'a': 1.0}, {'a': 1} == {'a': True}, {1: 'x'} == {1.0: 'x'}, {} == {})
print(None == None, None != 0, [None] == [None])
nan = float('nan')
inf = float('inf')
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 0, inf > 10 ** 300, -inf < -(10 ** 300))
print(inf == inf, inf > inf, -inf < inf, 1e308 * 10 == inf)
print(range(3) == range(0, 3), range(0) == range(1, 1), [0, 1, 2] == list(range(3)))
print(max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0), max(True, 1), max(1, True))
print(sorted([3, 1.5, True, 0, -2.5, 2]))
print(sorted(['b', 'B', 'a', 'A', '1', '_', ' ']))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z'), (1,)]))
print(sorted([[3], [1, 2], [1], []]))
def cmp(a, b):
    if a < b:
        return -1
    if a > b:
        return 1
    return 0
for a, b in [(1, 2), (2, 1), (1, 1.0), ('x', 'y'), ((1, 2), (1, 2)), ([1], [0, 5]), (-0.0, 0.0), (2 ** 64, 2.0 ** 64)]:
    print(repr(a), repr(b), cmp(a, b), a == b, a != b, a <= b, a >= b)
