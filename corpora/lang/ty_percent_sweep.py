# A sweep of %-format flags x widths x precisions x conversions x values.
flags = ['', '-', '+', ' ', '#', '0', '-0', '+0', '#0', '- ', '+#']
widths = ['', '1', '7', '12']
precs = ['', '.0', '.1', '.3', '.8']
values = {
    'd': [0, 7, -7, 123456789, -2 ** 70, True],
    'x': [0, 255, -255, 2 ** 64 + 15],
    'o': [0, 8, -9],
    'X': [48879],
    'e': [0.0, -0.0, 1.5, -123.456e10, 1e-300, float('inf'), float('nan')],
    'f': [0.0, 2.5, -1.005, 1e20, 0.000123456, float('-inf')],
    'g': [0.0, 100000.0, 1000000.0, 1.23456789e-5, -7.5, 12.0],
    'G': [1e100, float('nan')],
    's': ['', 'abc', 'héllo', None, 42],
    'r': ['q', 3.25],
    'c': [65, 'z', 9731],
}
count = 0
for conv, vals in values.items():
    for fl in flags:
        for w in widths:
            for p in precs:
                spec = '%' + fl + w + p + conv
                out = []
                for v in vals:
                    try:
                        out.append(spec % v)
                    except (TypeError, ValueError, OverflowError) as e:
                        out.append('!' + type(e).__name__)
                count += 1
                print(spec, '|'.join(out))
print(count)
