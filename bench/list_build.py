# list_build.py -- build lists by append, index them, sum them.
#
# Measures: list.append (method lookup + call + growth), list indexing for
# load and store, len(), sum() and max()/min() builtins over a list, and
# slicing-free iteration over a list with for.
#
# Checksum: a combination of sums, extrema and lengths.


def build(n):
    items = []
    for i in range(n):
        items.append((i * 7) % 1000)
    return items


def index_pass(items):
    # Read by index and write back by index.
    n = len(items)
    acc = 0
    i = 0
    while i < n:
        v = items[i]
        acc += v
        items[i] = v + 1
        i += 1
    return acc


def iterate(items):
    acc = 0
    for v in items:
        if v > 500:
            acc += v
    return acc


def main():
    check = 0
    rounds = 0
    while rounds < 20:
        items = build(100000)
        check += index_pass(items)
        check += iterate(items)
        check += sum(items) + max(items) - min(items) + len(items)
        rounds += 1
    # A list of lists, indexed two levels deep.
    grid = []
    for r in range(300):
        row = []
        for c in range(300):
            row.append(r * c)
        grid.append(row)
    diag = 0
    for k in range(300):
        diag += grid[k][k] + grid[k][299 - k]
    check += diag
    return check


print("list_build:", main())
