# Uncaught ZeroDivisionError (true division), three calls deep.
def ratio(a, b):
    print('ratio', a, b)
    return a / b

def average(values):
    return ratio(sum(values), len(values))

def summarize(groups):
    out = []
    for g in groups:
        avg = average(g)
        print('average', avg)
        out.append(avg)
    return out

print(summarize([[1, 2, 3], [10], [2.5, 3.5], [2 ** 70, 2 ** 70]]))
print(ratio(1, 3), ratio(-7, 2), ratio(0, 5))
print(summarize([[4, 4], []]))
print('not reached')
