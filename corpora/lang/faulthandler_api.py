import faulthandler
print("enabled at start:", faulthandler.is_enabled())
faulthandler.enable()
print("after enable:", faulthandler.is_enabled())
print("disable returns:", faulthandler.disable())
print("disable again:", faulthandler.disable())
print("after disable:", faulthandler.is_enabled(), flush=True)


def inner(depth):
    if depth == 0:
        faulthandler.dump_traceback(1, all_threads=False)
        return
    inner(depth - 1)


def outer():
    inner(3)


outer()
for bad in [-1, "x"]:
    try:
        faulthandler.dump_traceback(bad)
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    faulthandler.dump_traceback_later(0)
except ValueError as e:
    print("ValueError", e)
faulthandler.dump_traceback_later(30)
faulthandler.cancel_dump_traceback_later()
faulthandler.cancel_dump_traceback_later()
print("done")
