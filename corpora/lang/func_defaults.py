# Function definitions with positional parameters and defaults.
def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
print(greet('Ann'))
print(greet('Bob', 'Hi'))
print(greet('Cy', 'Yo', '?'))
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(2, 10), power(2, -1))
def noreturn():
    x = 1
print(noreturn(), noreturn() is None)
def bare():
    return
print(bare())
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def default_none(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(default_none(1), default_none(2))
k = 10
def captured(v=k):
    return v
k = 20
print(captured(), k)
def multi():
    return 1, 'two', [3]
a, b, c = multi()
print(a, b, c, multi())
def early(n):
    if n > 5:
        return 'big'
    for i in range(n):
        if i == 3:
            return 'hit three'
    return 'small'
print(early(10), early(4), early(2))
def many(a, b, c=3, d=4):
    return [a, b, c, d]
print(many(1, 2), many(1, 2, 30), many(1, 2, 30, 40))
def f1():
    return f2() + 1
def f2():
    return 41
print(f1())
print(type(f1), greet is greet, greet == greet)
alias = greet
print(alias('Dee', 'Hey'))
def apply(fn, v):
    return fn(v)
def double(v):
    return v * 2
print(apply(double, 21), apply(str, 5), apply(len, 'abc'), apply(double, 'ab'))
def shadow(len):
    return len + 1
print(shadow(1), len('xy'))
def locals_only():
    x = 'local'
    y = x * 2
    return y
x = 'global'
print(locals_only(), x)
def rec_default(n, acc=1):
    if n <= 1:
        return acc
    return rec_default(n - 1, acc * n)
print(rec_default(10), rec_default(5, 2))
