# Debugger scenario: nested calls, then os.abort() (SIGABRT). Run with
# `ulimit -c unlimited` to get a kernel core; crash_abort.expected is the
# stack the tools must print for it, plus the crash line.
import os


def explode(reason):
    os.abort()


def middle(x):
    return explode("x=" + str(x))


def outer():
    return middle(7)


outer()
