# An exception escaping awaited coroutines driven by send(): the traceback
# lists the driver and each coroutine frame.
async def fetch(key):
    if key > 2:
        raise KeyError(key)
    return key


async def handler():
    total = 0
    for k in range(5):
        total += await fetch(k)
    return total


def drive(coro):
    while True:
        coro.send(None)


drive(handler())
