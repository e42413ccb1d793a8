# atexit after an uncaught exception: the traceback is printed first, then
# the callbacks run (a sys.exit() inside one is reported, not obeyed).
import atexit
import sys


@atexit.register
def last():
    print('last callback')


def exits():
    sys.exit(5)


atexit.register(exits)
print('before the error')
raise KeyError('x')
