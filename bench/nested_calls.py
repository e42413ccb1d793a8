# nested_calls.py -- nested calls with several positional args and defaults.
#
# Measures: call overhead when the callee takes 1-3 positional arguments,
# filling in default values for missing parameters, and returning values up
# a short call chain (f -> g -> h) from inside a loop.
#
# Checksum: the accumulated total of all calls.


def h(a, scale=3):
    return a * scale + 1


def g(a, b, offset=2):
    return h(a) + h(b, 2) + offset


def f(a, b, c, d=1, e=5):
    return g(a, b) + g(c, d, e) - e


def main(n):
    total = 0
    for i in range(n):
        total += f(i, i + 1, i % 1024)
        if total > 1000000000:
            total = total % 1000003
    return total


print("nested_calls:", main(1200000))
