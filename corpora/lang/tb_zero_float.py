# Uncaught ZeroDivisionError: float floor division by zero.
def f(x, y):
    print('f', x, y)
    return x // y

def g(x):
    return f(x, 0.0) + 1

def h(values):
    out = []
    for v in values:
        out.append(f(v, 0.5))
    return out

print(f(7.5, 2.0), f(-7.5, 2.0), f(7, 2.5))
print(h([1.0, 2.25, -3.5]))
print(g(1.5))
print('not reached')
