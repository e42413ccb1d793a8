# min, max, sum, abs, len.
print(min(3, 1, 2), max(3, 1, 2), min([5, -2, 9]), max([5, -2, 9]))
print(min('hello'), max('hello'), min(['pear', 'apple', 'fig']), max(('b', 'a', 'c')))
print(min(1, 2.5), max(1, 2.5), min(-0.0, 0), max(0, -0.0), min(True, 2), max(False, -1))
print(max(range(10)), min(range(5, 0, -1)), max({'x': 1, 'z': 2, 'a': 3}))
print(max([[1, 2], [1, 3], [0, 9]]), min([(2, 'a'), (1, 'z'), (1, 'b')]))
print(max(2 ** 100, 2 ** 99), min(-(2 ** 100), 0), max(1, 1.0), max(1.0, 1))
print(max([3, 3, 3]), min([7]), max(7, 7))
def longest(words):
    best = words[0]
    for w in words:
        if len(w) > len(best):
            best = w
    return best
print(longest(['aa', 'b', 'cccc', 'dd']), max(len('aa'), len('cccc')), min([len('b'), len('dd')]))
print(max([1, 5, 3]) - min([1, 5, 3]), max(-1, -5, -3), min(-1, -5, -3))
print(max(['ab', 'cd', 'ef']), min(['ab', 'cd', 'ef']), max('z', 'aa'), min('Z', 'a'))
print(sum([]), sum([1, 2, 3]), sum((1.5, 2.5)), sum(range(101)), sum([0.1] * 10))
print(sum([1, 2], 10), sum([[1], [2, 3]], []), sum([True, True, False]), sum([2 ** 64, 1.0]))
print(abs(5), abs(-5), abs(0), abs(-2.5), abs(2 ** 100 * -1), abs(True), abs(-0.0))
print(len([]), len([1, [2, 3]]), len('abc'), len(()), len((1,)), len({}), len({'a': 1, 'b': 2}), len(range(3, 30, 4)))
data = [23, 4, 42, 15, 8, 16]
total = sum(data)
print('n', len(data), 'sum', total, 'min', min(data), 'max', max(data), 'mean', total / len(data))
lo = min(data)
hi = max(data)
for v in data:
    bar = ''
    i = 0
    while i < (v - lo) * 20 // (hi - lo):
        bar += '#'
        i += 1
    print(v, bar)
scores = {'ann': 81, 'bob': 95, 'cyd': 67}
print(max(scores), min(scores), max(scores.values()), min(scores.values()), sum(scores.values()))
print(max(scores.items()), min(list(scores.values()) + [70]))
print(max('b', 'a', 'c'), min(['b'], ['a', 'z']), max((1, 2), (1, 2, 0)))
