# atexit: callbacks run at normal exit, last registered first, with their
# arguments; unregister removes every registration of a function.
import atexit


def hello(name, punct='!'):
    print('goodbye', name + punct)


def never():
    print('never printed')


def registers_more():
    print('registering during exit')
    atexit.register(never)


print(atexit.register(hello, 'first') is hello)
atexit.register(never)
atexit.register(hello, 'second', punct='?')
atexit.register(registers_more)
atexit.register(never)
atexit.unregister(never)
atexit.unregister(lambda: None)
decorated = atexit.register(lambda: print('lambda callback'))
try:
    atexit.register(5)
except TypeError as e:
    print(e)
print('end of program')
