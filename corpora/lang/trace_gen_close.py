# Tracing generator close/throw, generator expressions and async iteration.
import sys

def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        a = type(arg).__name__ if event != "exception" else arg[0].__name__
        print(event, frame.f_code.co_name, frame.f_lineno, a)
    return tracer

def counter():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

class AIter:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n

async def consume():
    total = 0
    async for v in AIter():
        total += v
    return total

def drive(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

sys.settrace(tracer)
g = counter()
next(g)
g.close()
g2 = counter()
try:
    g2.throw(ValueError("early"))
except ValueError:
    pass
print(sum(x * 2 for x in range(3)))
print(drive(consume()))
sys.settrace(None)
