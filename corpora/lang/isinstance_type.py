# isinstance and type.
values = [1, -2, 2 ** 100, 1.5, float('inf'), True, False, None, 'str', '', [1], [], (1,), (), {'a': 1}, {}, range(3)]
for v in values:
    print(repr(v), type(v), isinstance(v, int), isinstance(v, float), isinstance(v, str))
print(type(1), type(1.0), type('a'), type(None), type(True), type([]), type(()), type({}), type(range(1)))
print(type(len), type(print), type(type), type(type(1)))
def f():
    pass
print(type(f))
print(isinstance(1, (int, float)), isinstance('x', (int, float)), isinstance('x', (list, str)))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(range(0), range))
print(isinstance(int, type), isinstance(3, type), isinstance(type, type))
print(isinstance(1, (str, (list, int))), isinstance(1.0, ()))
print(type(1) == int, type(True) == int, type(True) == bool, type(1) is int, type(2 ** 70) is int)
print(type(1 + 1.0), type(3 // 1), type(3 / 1), type(True + True), type('a' * 2), type([1] + [2]))
print(type(int('5')), type(float('5')), type(str(5)), type(bool(5)), type(list('ab')), type(tuple([1])), type(dict()))
print(int, float, str, bool, list, tuple, dict, range, type)
print(repr(int), str(str))
def describe(x):
    if isinstance(x, bool):
        return 'bool'
    if isinstance(x, int):
        return 'int'
    if isinstance(x, float):
        return 'float'
    if isinstance(x, str):
        return 'str of ' + str(len(x))
    if isinstance(x, (list, tuple)):
        out = 'seq['
        for item in x:
            out += describe(item) + ','
        return out + ']'
    if isinstance(x, dict):
        return 'dict'
    if x is None:
        return 'none'
    return 'other'
for v in [True, 7, 7.0, 'seven', [1, 'a', (2.0, None)], {'k': 1}, None, range(2)]:
    print(describe(v))
t = type(5)
print(t('42') + 1, type('')(12) + '!', type([])('ab'), type(0.0)('2.5') * 2)
print(str(type(None)), repr(type(range(0))))
