# for_sum.py -- a for-loop over range() accumulating a sum.
#
# Measures: the for/range iteration dispatch, local variable load/store and
# int addition. The running total quickly leaves the small-int range and
# grows past 2**32, so boxed/large int addition is exercised too.
#
# Checksum: the total, which must equal N*(N-1)//2.

N = 18000000


def main(n):
    total = 0
    for i in range(n):
        total += i
    return total


total = main(N)
expected = N * (N - 1) // 2
print("for_sum:", total, total == expected)
