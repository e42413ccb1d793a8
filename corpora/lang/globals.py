# global statement and module-level state.
counter = 0
def incr():
    global counter
    counter += 1
    return counter
for i in range(5):
    print('incr', incr())
print('counter', counter)
def read_only():
    return counter * 10
print(read_only())
def set_new():
    global created_later
    created_later = 'made inside a function'
set_new()
print(created_later)
def local_shadow():
    counter = 'local'
    return counter
print(local_shadow(), counter)
log = []
def record(msg):
    log.append(msg)
record('a')
record('b')
print(log)
def reset():
    global log, counter
    log = []
    counter = -1
reset()
print(log, counter)
total = 100
def add_many(n):
    global total
    i = 0
    while i < n:
        total += i
        i += 1
add_many(10)
print(total)
def nested_call():
    return read_only() + incr()
print(nested_call(), counter)
x = 1
def g1():
    global x
    x = x + 1
    g2()
def g2():
    global x
    x = x * 10
g1()
print(x)
cache = {}
def memo_fib(n):
    if n in cache:
        return cache[n]
    if n < 2:
        r = n
    else:
        r = memo_fib(n - 1) + memo_fib(n - 2)
    cache[n] = r
    return r
print(memo_fib(90), len(cache))
def rebind_func():
    global incr
    incr = read_only
rebind_func()
print(incr())
print(__name__)
