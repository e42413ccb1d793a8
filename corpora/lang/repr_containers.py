# repr/str of nested and self-referencing containers, quote selection.
print([1, 'two', 3.0, None, True, [4, (5, 6)], {'k': 'v'}])
print((1,), (), ((),), ([],), (1, (2, (3, (4,)))))
print({'a': [1, {'b': (2, 'c')}], 1: {}, (1, 2): [[]]})
print(repr('plain'), repr("it's"), repr('say "x"'), repr('both \' "'), repr(''))
print(repr('line\nbreak'), repr('tab\t'), repr('\\'), repr('\r\x0b\x0c'), repr('\x07\x1b'))
print(str('plain'), str("it's"), ['it\'s', 'say "x"', 'both \' "'])
print(['\n', '\t', '\\', '\x00'])
print(repr([1.0, 0.1, -0.0, 1e100, float('inf'), float('nan')]))
print(str((1.5,)), repr({'f': 2.5e-8}))
a = [1, 2]
a.append(a)
print(a, len(a))
d = {'name': 'loop'}
d['self'] = d
print(d)
b = [a, a]
print(b)
c = []
c.append([c])
print(c)
t = ([],)
t[0].append(t)
print(t)
e = {}
e['list'] = [e]
print(e)
print(repr(repr('x')), repr(str(1)), str(repr(1)), repr(repr(repr(''))))
print(repr(2 ** 100), repr(-5), repr(True), repr(None))
print([range(3), range(1, 10, 2)])
print(str([]), str({}), str(()), repr([[], {}, ()]))
print({1: [1, 2], 2: (3, 4), 3: {'x': None}})
print(['é', '日本', '😀', 'ñ\n'])
