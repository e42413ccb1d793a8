# Uncaught ValueError: invalid literal for int().
def parse(s):
    print('parsing', repr(s))
    return int(s)

def parse_all(items):
    total = 0
    for it in items:
        total += parse(it)
    return total

def parse_lines(text):
    sums = []
    for line in text.split(';'):
        sums.append(parse_all(line.split(',')))
    return sums

print(parse_all(['1', ' 22 ', '-3', '+4']))
print(parse_lines('1,2,3;40,50;600'))
print(parse_lines('7;8,9,abc;10'))
print('not reached')
