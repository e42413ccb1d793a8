# SyntaxError: a parameter declared global.
x = 1
def f(x):
    global x
