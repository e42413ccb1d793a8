# sys.exit(3) from inside nested calls: exit status 3, output flushed.
import sys
def finish(code):
    print('finishing with', code)
    sys.exit(code)
    print('never printed')
def work(n):
    total = 0
    for i in range(n):
        total += i
        print('step', i, total)
    if total > 5:
        finish(3)
    return total
def driver(sizes):
    results = []
    for s in sizes:
        print('driver size', s)
        results.append(work(s))
        print('results so far', results)
    return results
print('start')
print(work(2))
print('between', sys.getrecursionlimit() > 0)
driver([1, 3, 5, 7])
print('not reached')
