# Uncaught ZeroDivisionError: integer modulo by zero.
def digits(n, base):
    out = []
    print('digits of', n, 'base', base)
    while n > 0:
        out.append(n % base)
        n = n // base
    out.reverse()
    return out

def convert(n, bases):
    for b in bases:
        print(b, digits(n, b))

convert(255, [2, 16, 10])
convert(2 ** 70, [1000, 2 ** 35])
convert(7, [3, 0])
print('not reached')
