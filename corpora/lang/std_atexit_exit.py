# atexit after sys.exit(): the callbacks still run (LIFO); one that raises
# is reported ("Exception ignored in atexit callback") and the rest run;
# the exit status stays the program's.
import atexit
import sys


def report(n):
    print('callback', n)


def bad():
    raise ValueError('boom in callback')


atexit.register(report, 1)
atexit.register(bad)
atexit.register(report, 2)
print('exiting')
sys.exit(3)
