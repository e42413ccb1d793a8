# str.format / format() specs over ints, floats, strs and complex numbers,
# compared with f-strings of the same spec.
specs = ['', '<8', '>8', '^9', '*^11', '+', ' ', '-', '08', '+08', ',', '_', '#x', '#o', '#b', 'X', 'c', 'd', 'n',
         '.2f', '10.3f', '<10.1e', '.0%', '.3g', 'g', 'G', '.10', 'e', 'E', '%', '.2s', '>5s', '=+10', '010.2f',
         ',.2f', '_.3e', '#.0f', '#g', 'z.1f', '.1z', '=^5']
values = [0, 1, -42, 255, 10 ** 20, True, 0.0, -0.0, 3.14159, -2.5e-7, 1e16, float('inf'), float('nan'),
          'text', '', 1 + 2j, -0.5j, complex(1e10, -1e-10)]
for spec in specs:
    row = []
    for v in values:
        try:
            a = format(v, spec)
            b = ('{:' + spec + '}').format(v)
            c = f'{v:{spec}}'
            row.append(a if a == b == c else 'DIFF:' + a + '/' + b + '/' + c)
        except (TypeError, ValueError, OverflowError) as e:
            row.append('!' + type(e).__name__ + ':' + str(e))
    print(repr(spec), ' | '.join(row))
print('{0:{1}{2}}'.format(3.5, '>', 10), '{:{}.{}}'.format('abcdef', 8, 3), '{!r:^10}'.format('x'))
print('{0[0]:>{0[1]}}'.format(('ab', 6)), '{a.real:+.1f}'.format(a=2.25), '{0:{fill}<5}'.format(7, fill='.'))
