# global and nonlocal at run time.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print(counter)

def create():
    global created_later
    created_later = "made in a function"

create()
print(created_later)

def remove():
    global created_later
    del created_later

remove()
try:
    print(created_later)
except NameError as e:
    print(e)

def read_missing():
    global never_defined
    return never_defined

try:
    read_missing()
except NameError as e:
    print(e)

# nonlocal counters, several levels deep.
def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get

inc, get = make_counter()
inc()
inc(5)
print(get())

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    r = middle()
    return r, x

print(outer())

# global inside a nested function skips the enclosing local.
value = "module"

def shadow():
    value = "local"
    def g():
        global value
        return value
    return g(), value

print(shadow())

# nonlocal in a generator and in a method of a class in a function.
def gen_counter():
    total = 0
    def gen(items):
        nonlocal total
        for i in items:
            total += i
            yield total
    return gen, lambda: total

gen, tot = gen_counter()
print(list(gen([1, 2, 3])), tot())

def with_class():
    hits = 0
    class C:
        def hit(self):
            nonlocal hits
            hits += 1
    c = C()
    c.hit()
    c.hit()
    return hits

print(with_class())

# A class body's global statement.
class K:
    global from_class
    from_class = 42

print(from_class, hasattr(K, "from_class"))

# global at module level is allowed and changes nothing.
global counter
print(counter)

# Unbound nonlocal reads.
def unbound():
    def g():
        nonlocal late
        return late
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)
    late = 1
    return g()

print(unbound())
