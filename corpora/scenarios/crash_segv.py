# Debugger scenario: nested calls, then faulthandler._sigsegv() (a real
# SIGSEGV in native code). Run with `ulimit -c unlimited` to get a kernel
# core; crash_segv.expected is the stack the tools must print for it.
import faulthandler


def fault(where):
    faulthandler._sigsegv()


def middle(x):
    return fault("x=" + str(x))


def outer():
    return middle(11)


outer()
