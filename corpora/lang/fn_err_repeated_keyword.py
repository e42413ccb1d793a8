# SyntaxError: the same keyword twice in a call.
f(x=1, x=2)
