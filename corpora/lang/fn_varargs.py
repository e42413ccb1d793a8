# *args: extra positional arguments arrive as a tuple.
def count(*args):
    return len(args), args

print(count())
print(count(1))
print(count(1, "two", [3]))

def head_tail(first, *rest):
    return first, rest

print(head_tail(1))
print(head_tail(1, 2, 3))

def with_default(a, b=10, *rest):
    return a, b, rest

print(with_default(1))
print(with_default(1, 2))
print(with_default(1, 2, 3, 4))

# The tuple is a fresh tuple each call, of type tuple.
def kind(*a):
    return type(a).__name__, a

print(kind(*[1, 2]))

# Recursion through *args.
def total(*nums):
    if not nums:
        return 0
    return nums[0] + total(*nums[1:])

print(total(1, 2, 3, 4, 5))

# Generators and lambdas take *args too.
def gen(*items):
    for x in items:
        yield x * 2

print(list(gen(1, 2, 3)))
join = lambda sep, *parts: sep.join(parts)
print(join("-", "a", "b", "c"))

# Missing the required one.
try:
    head_tail()
except TypeError as e:
    print(e)
try:
    with_default(b=1)
except TypeError as e:
    print(e)
# A keyword naming *args is just an unexpected keyword.
try:
    count(args=1)
except TypeError as e:
    print(e)
