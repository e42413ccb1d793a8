# Generator attributes: gi_frame, gi_running, gi_code, gi_yieldfrom, names.
def inner():
    yield 1
    yield 2


def outer():
    yield from inner()


class Holder:
    def method(self):
        yield self


g = outer()
print(g.__name__, g.__qualname__)
print(g.gi_code.co_name)
print(g.gi_running, g.gi_yieldfrom, g.gi_frame is not None)
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
print(g.gi_frame.f_lineno)
print(g.gi_yieldfrom.gi_frame.f_lineno)
list(g)
print(g.gi_frame, g.gi_yieldfrom, g.gi_running)
h = Holder().method()
print(h.__name__, h.__qualname__)
print(repr(h).startswith("<generator object Holder.method at 0x"))


def running():
    yield gen_ref.gi_running


gen_ref = running()
print(next(gen_ref))


def reenter():
    yield next(me)


me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(type(g).__name__)
