# exceptions.py -- raising and catching exceptions.
#
# Measures: `raise` of built-in and user exception instances, matching
# `except` clauses by class (including a base class), `finally` blocks,
# exceptions raised by the VM itself (KeyError from a dict lookup,
# ZeroDivisionError) and unwinding through two Python frames.
#
# Checksum: the number of exceptions caught per kind.


class AppError(Exception):
    pass


class DeepError(AppError):
    def __init__(self, code):
        super().__init__("deep")
        self.code = code


def fail(i):
    if i & 1:
        raise DeepError(i)
    raise ValueError(i)


def middle(i):
    try:
        fail(i)
    finally:
        pass


def run():
    app = value = key = zero = 0
    codes = 0
    for i in range(250000):
        try:
            middle(i)
        except AppError as e:
            app += 1
            codes += e.code & 15
        except ValueError:
            value += 1
    d = {}
    for i in range(250000):
        try:
            d[i]
        except KeyError:
            key += 1
    for i in range(250000):
        try:
            i // 0
        except ZeroDivisionError:
            zero += 1
    return app, value, key, zero, codes


print("exceptions:", run())
