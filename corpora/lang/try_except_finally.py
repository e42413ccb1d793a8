# try/except/else/finally: matching, tuples of types, re-raise, chaining, and
# break/continue/return through finally blocks; ends with a chained traceback.
def risky(n):
    if n == 0:
        raise ValueError("zero!")
    return 10 // n

for v in [2, 0, 5]:
    try:
        print("result", risky(v))
    except ValueError as e:
        print("caught", type(e).__name__, e)
    else:
        print("no error for", v)
    finally:
        print("finally", v)

def f():
    try:
        return "from try"
    finally:
        print("cleanup in f")
print(f())

def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    return i
print(g())

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    print("outer caught", repr(e), type(e.__context__).__name__)

try:
    [][1]
except (KeyError, IndexError) as e:
    print("tuple match", e)

def reraiser():
    try:
        {}["x"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except Exception as e:
    print("got", repr(e))

try:
    raise TypeError("from") from ValueError("cause")
except TypeError as e:
    print("cause", repr(e.__cause__))

def nested():
    try:
        try:
            raise RuntimeError("inner")
        finally:
            print("inner finally")
    except RuntimeError as e:
        return "handled " + str(e)
print(nested())
try:
    pass
except:
    pass
print("e" in dir() if False else "done")
x = 0
while True:
    try:
        x += 1
        if x > 2:
            break
    except Exception:
        pass
print("x", x)
def unhandled():
    try:
        raise ValueError("outer problem")
    except ValueError:
        raise KeyError("during handling")
unhandled()
