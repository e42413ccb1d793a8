# Uncaught TypeError: int + str, three calls deep.
def combine(a, b):
    print('combining', repr(a), repr(b))
    return a + b

def middle(x, y):
    r = combine(x, x)
    print('middle got', r)
    return combine(r, y)

def outer(vals):
    out = []
    for v in vals:
        out.append(middle(v, 'suffix'))
        print('outer appended', out)
    return out

print(combine('a', 'b'), combine(1, 2), combine([1], [2]))
outer(['s', 'ok'])
outer([1])
print('not reached')
