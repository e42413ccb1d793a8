# sys._getframe: code object attributes, line numbers, locals.
import sys

def show(f):
    print('name', f.f_code.co_name)
    print('file', f.f_code.co_filename.endswith('getframe_basic.py'))
    print('firstlineno', f.f_code.co_firstlineno)
    print('varnames', f.f_code.co_varnames)
    print('lasti is int', isinstance(f.f_lasti, int))
    print('globals name', f.f_globals['__name__'])
    print('f_lineno of caller', f.f_lineno)

def simple(a, b=2):
    total = a + b
    print('lineno', sys._getframe().f_lineno)
    show(sys._getframe())
    print('locals', sys._getframe().f_locals)
    extra = 'later'
    print('locals again', sys._getframe().f_locals)
    return total

print(simple(1))
print(simple('x', 'y'))

def lines():
    a = sys._getframe().f_lineno
    b = sys._getframe(
    ).f_lineno

    c = sys._getframe().f_lineno
    return [a, b, c]

print(lines())
top = sys._getframe()
print('module name', top.f_code.co_name)
print('module lineno', top.f_lineno)
print('module firstlineno', top.f_code.co_firstlineno)
print('module globals name', top.f_globals['__name__'])
print('module back is None', top.f_back is None)
print('same frame object', sys._getframe() is top)
print('module locals is globals', top.f_locals is top.f_globals)

def locals_growth(n):
    print(sys._getframe().f_locals)
    i = 0
    print(sys._getframe().f_locals)
    while i < n:
        i += 1
        last = i * i
    print(sys._getframe().f_locals)
    return sys._getframe().f_locals

print(locals_growth(3))
print(locals_growth(0))

def varnames_demo(p, q, r=None):
    x = 1
    for y in range(2):
        z = y
    return sys._getframe().f_code.co_varnames

print(varnames_demo(1, 2))
print(sys._getframe().f_code.co_varnames)
print(type(top), type(top.f_code))
