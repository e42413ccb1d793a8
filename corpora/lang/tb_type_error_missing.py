# Uncaught TypeError: missing required positional argument.
def area(w, h, scale=1):
    return w * h * scale

def report(shape):
    print('shape', shape)
    if shape == 'square':
        return area(3, 3)
    if shape == 'scaled':
        return area(2, 3, 10)
    if shape == 'strip':
        return area('ab', 2)
    return area(5)

def all_reports(shapes):
    out = []
    for s in shapes:
        out.append(report(s))
        print('so far', out)
    return out

print(all_reports(['square', 'scaled', 'strip']))
print(all_reports(['square', 'line']))
print('not reached')
