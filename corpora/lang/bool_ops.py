# and / or / not return operands; short-circuit evaluation.
print(True and False, True or False, not True, not False)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, '' or 'default', 'x' and 'y')
print(None or 0 or '' or [] or 'last', None and 1, [] and 'never')
print(0 or None, '' and 0, not 0, not '', not [], not [0], not None, not 'a')
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 0, 0 or 4 or 5)
print(True + True, True * 3, False + 0, True == 1, False == 0, True is True)
print(bool(0), bool(1), bool(-1), bool(''), bool('0'), bool([]), bool([[]]), bool(None), bool(0.0), bool(-0.0), bool(float('nan')))
print(bool(), bool({}), bool({0: 0}), bool(()), bool((0,)), bool(range(0)), bool(2 ** 100))
print(type(True), type(not 1), type(1 and True), isinstance(True, int))
print(repr(True), str(False), True > False, True < 2)
trace = []
def t(name, value):
    trace.append(name)
    return value
r = t('a', 0) and t('b', 1)
print(r, trace)
trace = []
r = t('a', 1) and t('b', 0) and t('c', 1)
print(r, trace)
trace = []
r = t('a', 0) or t('b', '') or t('c', 'yes') or t('d', 'no')
print(r, trace)
trace = []
r = not t('a', 0) and t('b', 'B')
print(r, trace)
trace = []
r = t('a', 1) or t('b', 2) and t('c', 3)
print(r, trace)
trace = []
r = (t('a', 1) or t('b', 2)) and t('c', 3)
print(r, trace)
trace = []
r = t('a', 0) and t('b', 1) or t('c', 2)
print(r, trace)
for a in [0, 1]:
    for b in [0, 1]:
        print(a, b, a and b, a or b, not a, (a and not b) or (not a and b))
x = 5
print(x > 3 and x < 10, x > 3 and x > 10, x > 30 or x == 5, not x == 5, not x != 5)
print(not not 'val', not not 0)
name = ''
display = name or 'anonymous'
print(display)
items = [1, 2]
print(items and items[0], [] and [][0])
print(1 if 0 or 1 else 2, (0 or 3) + (4 and 5))
