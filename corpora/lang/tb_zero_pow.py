# Uncaught ZeroDivisionError: zero raised to a negative power.
def inverse_power(base, k):
    print('inverse_power', base, k)
    return base ** -k

def table(bases):
    for b in bases:
        print(b, inverse_power(b, 1), inverse_power(b, 2))

def run():
    table([1, 2, 4, 10, -2, 0.5])
    print(0 ** 0, 0 ** 1, 0.0 ** 2)
    table([3, 0])

run()
print('not reached')
