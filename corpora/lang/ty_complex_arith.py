# complex arithmetic sweep (results must be bit-identical to CPython's),
# a Mandelbrot set, complex keys, sorting by abs, and an uncaught error.
state = 987654321
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (state >> 11) / 2 ** 53 * 20 - 10
for i in range(150):
    a = complex(rnd(), rnd())
    b = complex(rnd(), rnd())
    n = int(rnd())
    print(a + b, a - b, a * b, a / b, a ** n, a ** 0.5, abs(a), a.conjugate(), -a, a * 2, 3.5 / b, a == b, hash(a) == hash(complex(a.real, a.imag)))
rows = []
for y in range(-10, 11):
    row = ''
    for x in range(-30, 11):
        c = complex(x / 15, y / 10)
        z = 0j
        n = 0
        while abs(z) <= 2 and n < 30:
            z = z * z + c
            n += 1
        row += ' .:-=+*#%@'[n % 10]
    rows.append(row)
print('\n'.join(rows))
roots = {complex(1, 0), complex(-0.5, 0.8660254037844386), complex(-0.5, -0.8660254037844386)}
print(len(roots), 1 + 0j in roots, 1 in roots, {1: 'int'}[1 + 0j], {2.0: 'f'}.get(2 + 0j))
print(sorted([3 + 4j, 1j, -2, 0.5 - 0.5j], key=abs))
print(sum(z ** 3 for z in roots))
print([f'{z:.3f}' for z in sorted(roots, key=lambda z: (z.real, z.imag))])
print('%s %r' % (1 + 2j, 2j), str(-1.5j), '{0.real} {0.imag}'.format(3 - 4j))
print(complex('  -1.25e-2+3J '), complex('(0-0j)'), complex(True, False), complex(2 ** 60))
def divide(a, b):
    return a / b
divide(1 + 1j, 0j)
