# typing: annotations are not checked; the names import, subscript and print like CPython's.
from typing import (List, Dict, Optional, Union, Callable, Any, Tuple, TypeVar, Generic, Iterable,
                    Iterator, Sequence, Mapping, Set, ClassVar, Final, Literal, cast, overload,
                    get_type_hints, NewType, TYPE_CHECKING)
import typing

T = TypeVar("T")
K = TypeVar("K", str, bytes if False else int)
class Stack(Generic[T]):
    limit: ClassVar[int] = 10
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None
def total(xs: Iterable[int], scale: Optional[float] = None) -> Union[int, float]:
    return sum(xs) * (scale or 1)
def apply(f: Callable[[int], str], x: int) -> str:
    return f(x)
s = Stack[int]()
s.push(3)
s2 = Stack()
s2.push("a")
print(s.items, s.pop(), s.pop(), s2.items, Stack.limit, total([1, 2]), total([1, 2], 1.5), apply(str, 5))
print(cast(int, "x"), T, K, TYPE_CHECKING)
print(List[int], Dict[str, int], Optional[int], Union[int, str], Tuple[int, ...], List, Any)
print(Callable[[int], str], Optional[List[int]], Union[int, None], Union[int], Sequence[str], Mapping[str, List[int]])
print(Literal["a", "b"], Final[int], typing.Iterator[int], Set[int])
UserId = NewType("UserId", int)
print(UserId(5), UserId.__name__)
@overload
def f(x: int) -> int: ...
def f(x):
    return x
print(f(4))
try:
    Any()
except TypeError as e:
    print("TypeError", e)
