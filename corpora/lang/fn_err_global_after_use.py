# SyntaxError: a name read before its global declaration.
y = 0
def f():
    print(y)
    global y
