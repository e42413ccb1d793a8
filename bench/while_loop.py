# while_loop.py -- a while loop doing int arithmetic.
#
# Measures: the while-loop condition/jump dispatch, int comparison, +, -, *,
# //, % and local variable traffic, with no function calls in the loop body.
# A simple linear-congruential update keeps values bounded (no bigints) and
# makes the result depend on every iteration.
#
# Checksum: the final accumulator and LCG state.

N = 2500000


def main(n):
    i = 0
    acc = 0
    x = 12345
    while i < n:
        x = (x * 1103515245 + 12345) % 2147483648
        if x % 3 == 0:
            acc += x // 7
        else:
            acc -= i
        i += 1
    return acc, x


acc, x = main(N)
print("while_loop:", acc, x)
