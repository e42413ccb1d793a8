# Endless recursion through f(*args, **kwargs) ends in RecursionError.
def forward(*args, **kwargs):
    return forward(*args, **kwargs)

def depth(n, *rest):
    if n == 0:
        return 0
    return 1 + depth(*(n - 1, *rest))

print(depth(500, "x"))
forward(1, k=2)
