# Uncaught NameError raised two calls deep.
def compute(values):
    total = 0
    for v in values:
        total += v
    print('partial total', total)
    return scale(total)

def scale(t):
    print('scaling', t)
    if t < 5:
        return t * 2
    return t * qqqqqqqqq_undefined

print('start')
print(compute([1, 2]))
print(compute([]))
print('conditional expression', 'skip' if True else qqqqqqqqq_undefined)
print('short circuit', True or qqqqqqqqq_undefined)
print('calling for real')
result = compute([4, 5])
print('not reached', result)
