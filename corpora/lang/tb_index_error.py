# Uncaught IndexError: list index out of range.
def nth(seq, n):
    return seq[n]

def walk(seq, positions):
    for p in positions:
        print('position', p, '->', nth(seq, p))
    return len(positions)

def main():
    data = [10, 20, 30]
    print(walk(data, [0, -1, 2, -3]))
    print(walk(list('abc'), [1, -2]))
    print(walk([[1, 2], [3]], [0, 1]))
    data.append(40)
    print(walk(data, [3, -4]))
    data.pop()
    print('after pop', data)
    walk(data, [1, 3])

main()
print('not reached')
