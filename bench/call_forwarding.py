# call_forwarding.py -- calls through *args / **kwargs and keyword-only
# parameters, the shape of decorators and delegating methods.
#
# Measures: the general argument binder (tuple for *args, dict for
# **kwargs, keyword-only defaults) and CALL_FUNCTION_EX forwarding
# (`inner(*args, **kwargs)`), including calls into bound methods.
#
# Checksum: the accumulated total of all calls.


def inner(a, b, *, scale=1):
    return (a + b) * scale


def forward(*args, **kwargs):
    return inner(*args, **kwargs)


def collect(first, *rest, **opts):
    return first + len(rest) + len(opts)


class Box:
    def __init__(self, v):
        self.v = v

    def add(self, x, *, twice=False):
        return self.v + (x * 2 if twice else x)


def main(n):
    total = 0
    box = Box(3)
    add = box.add
    for i in range(n):
        total += forward(i, 1)
        total += forward(i, 2, scale=3)
        total += collect(i, 1, 2, k=3)
        total += add(*(i,), twice=True)
        if total > 1000000000:
            total = total % 1000003
    return total


print("call_forwarding:", main(250000))
