# Uncaught ZeroDivisionError: integer floor division by zero.
def split_evenly(total, parts):
    print('splitting', total, 'into', parts)
    share = total // parts
    return [share, total - share * parts]

def plan(total, counts):
    out = []
    for c in counts:
        r = split_evenly(total, c)
        print(r)
        out.append(r[0])
    return out

print(plan(100, [3, 7, -6]))
print(plan(-100, [3, 7]))
print(plan(2 ** 80, [2 ** 40, 0]))
print('not reached')
