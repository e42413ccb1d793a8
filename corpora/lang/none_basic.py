# None: identity, truthiness, repr, default return values.
x = None
print(x, repr(x), str(x), type(x), x is None, x == None, x != None, bool(x))
def nothing():
    pass
def explicit():
    return None
def maybe(flag):
    if flag:
        return 'value'
print(nothing(), explicit(), maybe(True), maybe(False))
print(nothing() is None, maybe(0) is None, maybe(1) is not None)
vals = [None, 0, '', [], None, 'x']
count = 0
for v in vals:
    if v is None:
        count += 1
print('None count', count, vals.count(None), None in vals)
d = {'a': None}
print(d.get('a'), d.get('b'), 'a' in d, d.get('a') is d.get('b'))
print([None] * 3, (None,), {None: None})
print(None or 'fallback', None and 'never', not None)
result = print('print returns')
print(result)
lst = [3, 1, 2]
r = lst.sort()
print(r, lst)
r = lst.append(4)
print(r, lst)
r = lst.reverse()
print(r, lst)
r = lst.clear()
print(r, lst)
r = {}.update({'k': 1})
print(r)
def first_negative(nums):
    for n in nums:
        if n < 0:
            return n
    return None
print(first_negative([1, 2, -3, -4]), first_negative([1, 2]))
def find_index(seq, target):
    i = 0
    while i < len(seq):
        if seq[i] == target:
            return i
        i += 1
print(find_index('hello', 'l'), find_index('hello', 'z'))
found = find_index([5, 6], 7)
if found is None:
    print('not found')
else:
    print('found at', found)
print(None == 0, None == '', None == False, None is not False)
