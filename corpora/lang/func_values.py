# Functions as values: stored in lists and dicts, passed and returned.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
def mul(a, b):
    return a * b
def div(a, b):
    return a / b
ops = {'+': add, '-': sub, '*': mul, '/': div}
for sym in ops:
    print(7, sym, 2, '=', ops[sym](7, 2))
def evaluate(tokens):
    stack = []
    for tok in tokens:
        if tok in ops:
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[tok](a, b))
        else:
            stack.append(int(tok))
    return stack[0]
print(evaluate('3 4 + 2 *'.split()))
print(evaluate('5 1 2 + 4 * + 3 -'.split()))
print(evaluate('2 3 4 * +'.split()), evaluate('10 4 /'.split()))
def pick(name):
    if name == 'add':
        return add
    return mul
print(pick('add')(3, 4), pick('other')(3, 4))
pipeline = [str, len, float]
value = 12345
for fn in pipeline:
    value = fn(value)
    print(fn, value)
def twice(fn, x):
    return fn(fn(x))
def inc(x):
    return x + 1
def dbl(x):
    return x * 2
print(twice(inc, 5), twice(dbl, 5), twice(dbl, 'ab'))
def compose_apply(fns, x):
    for f in fns:
        x = f(x)
    return x
print(compose_apply([inc, dbl, inc], 1), compose_apply([], 'same'))
table = []
for f in [inc, dbl, abs, str]:
    table.append(f(-3))
print(table)
print(add is ops['+'], ops['+'] is not ops['-'], len(ops))
def apply_all(fs, v):
    out = []
    for f in fs:
        out.append(f(v))
    return out
print(apply_all([bool, str, repr, type], 0))
print(sorted([3, -1, 2], key=abs), sorted(['bb', 'A', 'ccc'], key=len, reverse=True))
