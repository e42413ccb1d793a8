# sys._getframe(1), f_back chains and caller inspection.
import sys

def who_called_me():
    caller = sys._getframe(1)
    return caller.f_code.co_name + ':' + str(caller.f_lineno)

def alpha():
    return who_called_me()

def beta():
    x = 'beta local'
    return alpha() + ' <- ' + who_called_me()

print(alpha())
print(beta())
print(who_called_me())

def stack_names():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names

def level3():
    return stack_names()

def level2():
    return level3()

def level1():
    return level2()

print(stack_names())
print(level1())

def stack_lines():
    out = []
    f = sys._getframe(1)
    while f is not None:
        out.append(f.f_code.co_name + '@' + str(f.f_lineno) + '/' + str(f.f_code.co_firstlineno))
        f = f.f_back
    return out

def outer(n):
    if n == 0:
        return stack_lines()
    return outer(n - 1)

print(outer(3))

def caller_locals():
    return sys._getframe(1).f_locals

def has_locals(a, b):
    c = a * b
    return caller_locals()

print(has_locals(6, 7))
print(has_locals('ab', 2))

def back_is_caller():
    me = sys._getframe()
    return me.f_back is sys._getframe(1)

print(back_is_caller())

def depth():
    d = 0
    f = sys._getframe()
    while f.f_back is not None:
        d += 1
        f = f.f_back
    return d

def recurse(n):
    if n == 0:
        return depth()
    return recurse(n - 1)

print(depth(), recurse(0), recurse(5), recurse(50))

def globals_name_of_caller():
    return sys._getframe(1).f_globals['__name__']

print(globals_name_of_caller())

def two_up():
    return sys._getframe(2).f_code.co_name

def middle():
    return two_up()

def top_level():
    return middle()

print(top_level(), middle())
print(sys._getframe(0).f_code.co_name, sys._getframe(0) is sys._getframe())
