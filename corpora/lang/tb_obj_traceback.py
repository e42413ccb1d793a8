# Traceback objects and the traceback module: format/print/extract.
import sys
import traceback

class Collect:
    """A file-like object: print(..., file=c) appends to c.parts."""
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)

def inner(x):
    raise ValueError("bad value %d" % x)

def middle(x):
    inner(x + 1)

def outer():
    middle(1)

try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    print(names)
    print(type(e.__traceback__).__name__, e.__traceback__.tb_frame is sys._getframe())
    print(traceback.format_exc(), end="")
    out = Collect()
    traceback.print_exc(file=out)
    print("".join(out.parts), end="")
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.filename == __file__, fs.lineno, fs.name, repr(fs.line))
    print(traceback.format_tb(e.__traceback__, limit=1))
    print(traceback.format_tb(e.__traceback__, limit=-1))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    print(sys.exc_info()[0].__name__, sys.exc_info()[1] is e, sys.exc_info()[2] is e.__traceback__)

print(sys.exc_info())
print(traceback.format_exc(), end="")

# Chained exceptions.
def chained():
    try:
        raise KeyError("missing")
    except KeyError:
        raise RuntimeError("while handling")

def caused():
    try:
        int("x")
    except ZeroDivisionError as exc:
        raise TypeError("converted") from exc

def suppressed():
    try:
        [][1]
    except IndexError:
        raise OSError("quiet") from None

for fn in (chained, caused, suppressed):
    try:
        fn()
    except Exception as e:
        print("".join(traceback.format_exception(e)), end="")
        print("--- no chain")
        print("".join(traceback.format_exception(type(e), e, e.__traceback__, chain=False)), end="")
        print("===")

# with_traceback, exceptions without a traceback, custom classes, notes.
class MyError(Exception):
    pass

e = MyError("plain")
print(e.__traceback__, traceback.format_exception(e))
print(traceback.format_exception_only(MyError()))
try:
    raise MyError("x").with_traceback(None)
except MyError as err:
    print(len(traceback.extract_tb(err.__traceback__)))
    saved = err.__traceback__
try:
    raise KeyError("k").with_traceback(saved)
except KeyError as err:
    print([f.name for f in traceback.extract_tb(err.__traceback__)])
    err.add_note("a note") if hasattr(err, "add_note") else None
    print(traceback.format_exception_only(err))

# Recursion folding.
def recurse(n):
    if n == 0:
        raise ArithmeticError("deep")
    recurse(n - 1)

try:
    recurse(8)
except ArithmeticError as err:
    print("".join(traceback.format_tb(err.__traceback__)), end="")

# walk_tb, FrameSummary as tuple, StackSummary.from_list / format_list.
try:
    outer()
except ValueError as err:
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(err.__traceback__)])
    s = traceback.extract_tb(err.__traceback__)
    fn, ln, name, line = s[-1]
    print(name, ln, line, len(s[-1]), s[-1] == (fn, ln, name, line))
    print(repr(s[0]).replace(__file__, "FILE"))
    print(traceback.format_list([("f.py", 3, "func", "x = 1"), ("g.py", 9, "<module>", None)]))
    te = traceback.TracebackException.from_exception(err)
    print(str(te), te.exc_type.__name__, len(te.stack))
    print(list(te.format_exception_only()))
