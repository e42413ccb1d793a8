# json: dumps/loads with CPython's output, options and error messages.
import json
import os

data = {'name': 'pyglass', 'n': 3, 'pi': 3.14159, 'big': 10 ** 30, 'neg': -0.0,
        'tiny': 1e-300, 'huge': 1.5e300, 'list': [1, 2.5, None, True, False, 'x'],
        'nested': {'a': [], 'b': {}, 'c': [[1], {'d': 'e'}]}, 'tuple': (1, 2),
        'uni': 'héllo ✓ 😀', 'esc': 'quote " back \\ nl \n tab \t ctrl \x01 \x7f'}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data['nested'], indent='\t'))
print(json.dumps([1, [2, {}], {'k': []}], indent=0))
print(json.dumps(data['list'], separators=(',', ':')))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent=4, separators=(',', ' = ')))
print(json.dumps({3: 'int', 2.5: 'float', True: 't', None: 'n', 'z': 0}))
print(json.dumps({'b': 1, 'a': 2, 'c': {'y': 1, 'x': 2}}, sort_keys=True))
print(json.dumps(float('nan')), json.dumps(float('inf')), json.dumps([-float('inf')]))
print(json.dumps('plain'), json.dumps(None), json.dumps(1.0), json.dumps(0.1 + 0.2))
print(json.dumps(1e16), json.dumps(123456789.0), json.dumps(True), json.dumps(2 ** 64))
print(json.dumps([], indent=2), json.dumps({}, indent=2))

try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e:
    print(e)
try:
    json.dumps({'s': {1, 2}})
except TypeError as e:
    print(e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): 3, 'ok': 1}, skipkeys=True))
circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as e:
    print(e)
d = {}
d['self'] = d
try:
    json.dumps(d)
except ValueError as e:
    print(e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps([Point(1, 2)], default=lambda o: {'x': o.x, 'y': o.y}))
print(json.dumps({1, 2, 3} and sorted({3, 1, 2}), default=list))


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({'s': {3, 1}}, cls=SetEncoder))
print(SetEncoder(indent=1).encode([1]))

# loads
for text in ['{"a": [1, 2.5, -3e2, 1E+2, 0, -0, true, false, null], "b": {"c": "d"}}',
             '  [ ]  ', '"\\u00e9\\n\\t\\"\\\\\\/ \\ud83d\\ude00"', '123', '-0.5', '1e5',
             'NaN', '[Infinity, -Infinity]', '{"a": 1, "a": 2}',
             '{"x": {"y": [{"z": []}]}}', '12345678901234567890123', '"ünï"']:
    print(repr(json.loads(text)))
print(json.loads(b'{"b": "\xc3\xa9"}'), json.loads(bytearray(b'[1]')))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN]', parse_constant=lambda c: 'const ' + c))
print(json.loads('"a\tb"', strict=False))

for bad in ['', '   ', 'x', '[1,]', '[1 2]', '{"a" 1}', '{"a": 1,}', '{1: 2}', "{'a': 1}",
            '[1] x', '"abc', '"a\\qb"', '"\\u12"', '"\\uzzzz"', 'nul', '[', '{', '{"a":',
            '"a\nb"', '\n\n  [1,\n  ]', '01', '-', '1.', '.5', '[1, 2', '\ufeff[]', 'tru',
            '{"a": 1 "b": 2}', '[1,\n2,\n@]']:
    try:
        json.loads(bad)
        print('no error for', repr(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print(e)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__name__)

# round trip and files
base = '/tmp/pyglass_std_json_%d' % os.getpid()
os.mkdir(base)
path = os.path.join(base, 'data.json')
with open(path, 'w') as f:
    json.dump(data, f, indent=2)
with open(path) as f:
    back = json.load(f)
print(back == json.loads(json.dumps(data)), back['tuple'], back['uni'])
os.remove(path)
os.rmdir(base)

# very deep nesting is a RecursionError, not a crash
for opener in '[{':
    try:
        json.loads(opener * 100000 if opener == '[' else '{"a":' * 100000)
    except RecursionError as e:
        print(type(e).__name__, e)
print(json.loads('[' * 50 + ']' * 50) == eval('[' * 50 + ']' * 50))
