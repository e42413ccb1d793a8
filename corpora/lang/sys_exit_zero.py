# sys.exit(0) from nested calls exits with status 0; output before it is kept.
import sys
def done(flag):
    print('done called with', flag)
    if flag == 'none':
        sys.exit(None)
    if flag == 'zero':
        sys.exit(0)
    sys.exit()
def countdown(n):
    while n > 0:
        print('countdown', n)
        n -= 1
    return n
def run():
    for i in range(3):
        print('line', i, i * 11)
    print(countdown(4))
    done('zero')
    print('not reached in run')
run()
print('not reached')
