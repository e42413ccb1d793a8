# An uncaught exception raised through a yield from chain: the traceback
# names every generator frame in order.
def leaf():
    yield 1
    raise ValueError("deep failure")


def middle():
    yield from leaf()


def top():
    yield from middle()


for value in top():
    print("value", value)
