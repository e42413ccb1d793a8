# closures.py -- closures, cells and nonlocal.
#
# Measures: calling functions that read free variables (LOAD_DEREF), writing
# an enclosing function's variable through `nonlocal` (STORE_DEREF), creating
# closures in a loop (MAKE_FUNCTION with a closure tuple) and calling lambdas.
#
# Checksum: the counter total and the sum of the adders' results.


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count

    return bump


def make_adder(k):
    return lambda x: x + k


def run():
    bump = make_counter()
    last = 0
    for i in range(1200000):
        last = bump(i & 7)
    total = 0
    for i in range(150000):
        add = make_adder(i)
        total += add(1) + add(2)
    scale = 3
    mul = lambda v: v * scale
    for i in range(600000):
        total += mul(i)
    return last, total


print("closures:", run())
