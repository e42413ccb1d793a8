# SyntaxError: global and nonlocal for one name (reported at the first).
def f():
    global q
    nonlocal q
