# Uncaught IndexError: tuple index out of range.
def second(t):
    return t[1]

def pairs(items):
    count = 0
    for it in items:
        print(it, second(it), it[-1], len(it))
        count += 1
    return count

def process(groups):
    total = 0
    for g in groups:
        print('group of', len(g))
        total += pairs(g)
    return total

print(pairs([(1, 2), ('a', 'b', 'c')]))
print(process([[(0, 0)], [(1, 1), (2, 2, 2)]]))
print(process([[(5, 6)], [(7,)]]))
print('not reached')
