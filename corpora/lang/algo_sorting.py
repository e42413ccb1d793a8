# Hand-written sorting algorithms compared against sorted().
def bubble(lst):
    a = lst.copy()
    n = len(a)
    swapped = True
    passes = 0
    while swapped:
        swapped = False
        i = 1
        while i < n:
            if a[i - 1] > a[i]:
                a[i - 1], a[i] = a[i], a[i - 1]
                swapped = True
            i += 1
        passes += 1
    return a, passes

def insertion(lst):
    a = lst.copy()
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a

def selection(lst):
    a = lst.copy()
    for i in range(len(a)):
        m = i
        for j in range(i + 1, len(a)):
            if a[j] < a[m]:
                m = j
        a[i], a[m] = a[m], a[i]
    return a

def quick(a):
    if len(a) <= 1:
        return a
    pivot = a[len(a) // 2]
    less = []
    equal = []
    greater = []
    for x in a:
        if x < pivot:
            less.append(x)
        elif x == pivot:
            equal.append(x)
        else:
            greater.append(x)
    return quick(less) + equal + quick(greater)

seed = 12345
def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed % 1000

data = []
for i in range(60):
    data.append(rand())
print(data)
b, passes = bubble(data)
print(b)
print('passes', passes)
print(insertion(data) == b, selection(data) == b, quick(data) == b, sorted(data) == b)
words = 'the quick brown fox jumps over the lazy dog again and again'.split()
print(bubble(words)[0])
print(insertion(words) == sorted(words), quick(words))
mixed = [3.5, -1, 2, 0.0, 2 ** 40, -2.5]
print(selection(mixed), quick(mixed))
print(bubble([]), insertion([1]), quick([2, 1]))
tuples = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]
print(insertion(tuples), quick(tuples))
