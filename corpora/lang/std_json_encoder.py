# json.dumps through the C++ encoder: subclasses of the built-in types, sort_keys errors, default(), nan/inf, deep nesting, cycles.
import json
from collections import OrderedDict
class MyInt(int):
    def __repr__(self): return 'MyInt!'
    def __str__(self): return 'MyIntStr'
class MyFloat(float):
    def __repr__(self): return 'MyFloat!'
class MyStr(str): pass
class MyDict(dict): pass
class MyList(list): pass
print(json.dumps([MyInt(5), MyFloat(2.5), MyStr('s'), MyDict(a=1), MyList([1]), OrderedDict([('z', 1), ('a', 2)])]))
print(json.dumps({MyInt(3): 1, MyFloat(1.5): 2}))
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: json.dumps({1: 'a', 'b': 2}, sort_keys=True))
t(lambda: json.dumps({(1,): 'a', 'b': 2}, sort_keys=True, skipkeys=True))
x = []
for i in range(5000): x = [x]
t(lambda: len(json.dumps(x)))
t(lambda: json.dumps(object(), default=lambda o: o))
t(lambda: json.dumps([object()], default=lambda o: 1 / 0))
t(lambda: json.dumps(object(), default=lambda o: [1, {2: 3}]))
t(lambda: json.dumps({'a': float('nan')}, allow_nan=False))
t(lambda: json.dumps({float('inf'): 1}))
t(lambda: json.dumps({float('nan'): 1}, allow_nan=False))
t(lambda: json.dumps([1, 2], indent=3, separators=(';', '=')))
t(lambda: json.dumps({'a': [1, {'b': ()}]}, indent=''))
t(lambda: json.dumps(b'x'))
t(lambda: json.dumps({'k': b'x'}))
t(lambda: json.dumps(3 + 4j))
d = {}
d['a'] = [d]
t(lambda: json.dumps(d))
t(lambda: json.dumps(d, check_circular=False))
