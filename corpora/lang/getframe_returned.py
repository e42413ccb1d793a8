# A frame object returned from a function and inspected after the call returned.
import sys

def make_frame(a, b):
    total = a + b
    label = 'sum'
    return sys._getframe()

f = make_frame(2, 3)
print(f.f_code.co_name)
print(f.f_lineno)
print(f.f_locals)
print(f.f_code.co_varnames)
print(f.f_code.co_firstlineno)
print(f.f_globals['__name__'])
print(f.f_back is None or f.f_back.f_code.co_name == '<module>')

def make_in_loop(n):
    acc = []
    i = 0
    while i < n:
        acc.append(i)
        i += 1
        if i == 2:
            fr = sys._getframe()
    result = 'done'
    return fr

g = make_in_loop(4)
print(g.f_code.co_name, g.f_lineno)
gl = g.f_locals
print(sorted(gl), gl['n'], gl['acc'], gl['i'], gl['result'], gl['fr'] is g)

def inner_frame():
    x = 'inner'
    return sys._getframe()

def outer_frame():
    y = 'outer'
    fr = inner_frame()
    y = 'changed after call'
    return fr

h = outer_frame()
print(h.f_code.co_name, h.f_lineno, h.f_locals)
print(h.f_back.f_code.co_name if h.f_back is not None else 'no back')

frames = []
def collect(n):
    tag = n * 10
    frames.append(sys._getframe())
    if n > 0:
        collect(n - 1)
    return tag

collect(3)
for fr in frames:
    print(fr.f_code.co_name, fr.f_lineno, fr.f_locals)

def early_return(flag):
    fr = sys._getframe()
    if flag:
        return fr
    other = 'not reached when flag'
    return fr

e1 = early_return(True)
e2 = early_return(False)
print(e1.f_lineno, e2.f_lineno)
print(sorted(e2.f_code.co_varnames))
