# Uncaught ValueError: list.remove(x): x not in list.
def discard_all(lst, items):
    for it in items:
        print('removing', it)
        lst.remove(it)
        print('now', lst)
    return len(lst)

def main():
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    print(discard_all(data, [1, 4]))
    print(data.index(5), data.count(1), 1 in data)
    print(discard_all(data, [9, 2]))
    words = ['a', 'b', 'a']
    print(discard_all(words, ['a']), words)
    discard_all(data, [1, 9])

main()
print('not reached')
