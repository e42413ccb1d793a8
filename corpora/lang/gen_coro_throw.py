# throw() and close() on coroutines forward through await.
class Suspend:
    def __await__(self):
        v = yield "suspended"
        return v


async def leaf(log):
    try:
        return await Suspend()
    except ValueError as e:
        log.append("leaf caught " + str(e))
        return "leaf-recovered"
    finally:
        log.append("leaf finally")


async def top(log):
    r = await leaf(log)
    log.append("top got " + str(r))
    return r


log = []
c = top(log)
print(c.send(None))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("returned", e.value)
print(log)

log = []
c = top(log)
c.send(None)
c.close()
print(log, c.cr_frame)

log = []
c = top(log)
c.send(None)
try:
    c.send("direct")
except StopIteration as e:
    print("returned", e.value)
print(log)

log = []
c = top(log)
c.send(None)
try:
    c.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(log)
