# Uncaught TypeError: too many positional arguments.
def pair(a, b):
    return [a, b]

def triple(a, b, c=0):
    return (a, b, c)

def call_with(n):
    print('calling pair with', n, 'args')
    if n == 2:
        return pair(1, 2)
    return pair(1, 2, 3)

def driver():
    print(triple(1, 2), triple(1, 2, 3))
    print(call_with(2))
    print(call_with(3))

print('begin')
driver()
print('not reached')
