# Correctly rounded float formatting: %-formatting, format() and
# str.format over tricky values and a deterministic pseudo-random sweep.
vals = [0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 123456789.987654321, 0.1, 0.3, 1/3, 2/3, 9.995, 9.9995, 99.5, 0.0005, 1e-5,
        123.456, -123.456, 1e16, 1e15, 12345678901234567890.0, float('inf'), float('-inf'), float('nan')]
for v in vals:
    print('%.0f %.1f %.2f %.3f %.10f' % (v, v, v, v, v))
    print('%e %.0e %.3E %g %.3g %.10g %G %#g' % (v, v, v, v, v, v, v, v))
    print(format(v, '.3g'), format(v, '.2%'), format(v, ',.2f'), format(v, '+012.4e'), format(v, '_.1f'),
          '{:.5}|{:g}|{:>12.3f}|{:<12.1e}|{:^+10.2f}'.format(v, v, v, v, v))
state = 12345
def rnd():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state
for i in range(300):
    m = rnd() / 2147483648.0 + rnd()
    e = rnd() % 40 - 20
    x = m * 10.0 ** e * (-1 if i % 3 == 0 else 1)
    print(repr(x), '%.4f' % x, '%.6e' % x, '%g' % x, '%.12g' % x, format(x, '.3g'), format(x, '.7'), str(x))
