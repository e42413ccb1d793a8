# fib.py -- recursive Fibonacci.
#
# Measures: Python-level function call/return overhead, argument passing,
# int comparison and small-int addition. fib(30) makes ~1.35M calls; it is
# computed a few times so the run is long enough to time reliably.
#
# Checksum: the sum of the results (3 * 832040).


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for _ in range(3):
    total += fib(30)
print("fib:", total)
