# itertools: every iterator, edge cases and errors.
import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse,
                       groupby, islice, pairwise, starmap, takewhile, tee, zip_longest, product,
                       permutations, combinations, combinations_with_replacement)
import operator

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(2.5, 0.5), 3)))
print(list(islice(count(2**62 - 2), 4)), list(islice(count(-1, -1), 3)))
c = count(7)
next(c)
print(repr(c), repr(count(1, 2)), repr(count(1.5)), repr(repeat("x", 3)), repr(repeat(None)))
print(list(islice(cycle("abc"), 8)), list(cycle([])), list(islice(cycle(iter([1, 2])), 5)))
print(list(repeat(4, 3)), list(repeat("a", 0)), list(repeat(1, -2)), list(islice(repeat(9), 3)))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4], operator.mul)),
      list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=10)), list(accumulate([1, 2], initial=100)))
print(list(accumulate(["a", "b", "c"])), list(accumulate([1.5, 2.5], func=lambda a, b: a * 10 + b)))
print(list(chain([1, 2], (3,), "ab", range(2))), list(chain()), list(chain.from_iterable(["ab", [1], ()])))
print(list(chain.from_iterable(repeat([0, 1], 2))), type(chain.from_iterable([])).__name__)
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), cycle([True, False]))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None, []])))
for k, g in groupby("AAAABBBCCDAABBB"):
    print(k, list(g), end="; ")
print()
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
groups = [(k, g) for k, g in groupby("aabbc")]
print([(k, list(g)) for k, g in groups])
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice(range(100), 5, 50, 10)), list(islice([], 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 1, 3)), next(it))
print(list(pairwise("ABCDE")), list(pairwise([1])), list(pairwise([])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda a, b: a + b, [[1, 2], "xy"])))
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee("abc", 3)
print(list(x), list(y), list(z), tee([1], 0), len(tee(range(3))))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1, 2], [3])), list(zip_longest()))
print(list(zip_longest("ab", range(3), [True])))
print(list(product("AB", "xy")), list(product(range(2), repeat=3)), list(product()), list(product("ab", [])))
print(list(product([1, 2], "a", repeat=2)))
print(list(permutations("ABC")), list(permutations(range(4), 2)), list(permutations([1, 2], 3)), list(permutations([], 0)))
print(len(list(permutations(range(6)))), list(permutations("ab", 0)))
print(list(combinations("ABCD", 2)), list(combinations(range(5), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 2)),
      list(combinations_with_replacement("ab", 0)), len(list(combinations_with_replacement(range(5), 3))))
print(type(count()).__name__, type(product("a")).__name__)
for thunk in [lambda: islice("abc", -1), lambda: islice("abc", 1, 2, 0), lambda: islice("abc", "x"),
              lambda: count("a"), lambda: repeat(), lambda: combinations("abc", -1),
              lambda: permutations("abc", "x"), lambda: product("ab", repeat=-1), lambda: tee([], -1),
              lambda: list(starmap(pow, [1])), lambda: next(chain(1, 2)), lambda: list(accumulate(["a", 1]))]:
    try:
        print(thunk())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# A user class that subclasses an itertools type.
class Named(count):
    def label(self):
        return "counter"
n = Named(3)
print(next(n), next(n), n.label(), isinstance(n, count))
