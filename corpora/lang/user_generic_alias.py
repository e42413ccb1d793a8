# Builtin classes subscripted at run time (PEP 585) and `X | Y` between
# classes (PEP 604): annotations evaluated without `from __future__`.
from collections import deque, defaultdict, Counter, OrderedDict
from collections.abc import Callable, Iterator, Sequence, Iterable, Generator, Mapping


def f(xs: list[int], m: dict[str, list[int]] | None = None) -> tuple[int, ...]:
    return tuple(xs)


print(f([1, 2]))
print(f.__annotations__["xs"], f.__annotations__["return"])
print(repr(f.__annotations__["m"]))
print(list[int], tuple[()], dict[str, set[frozenset[int]]], type[int])
print(list[int]("ab"), dict[str, int](a=1), list[int] == list[int], list[int] == list[str])
print(list[int].__origin__ is list, list[int].__args__, dict[str, int].__args__)
print(deque[int], defaultdict[str, int], Counter[str], OrderedDict[str, int])
print(Callable[[int], str], Iterator[int], Sequence[float], Iterable[str])
print(Generator[int, None, None], Mapping[str, int])
print(int | None, int | str | None, int | int, (int | str) | (str | bytes))
print((int | None) == (None | int), list[int] | None)


class Matrix(list):
    pass


print(Matrix[int])


class Stack(list[int]):
    pass


s = Stack()
s.append(3)
print(s, type(s).__mro__[1])

for bad in (lambda: int | 3, lambda: 3 | int, lambda: int[str], lambda: list[int][str]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
