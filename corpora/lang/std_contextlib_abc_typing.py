# contextlib, abc and typing.
from contextlib import contextmanager, suppress, nullcontext, closing, ExitStack
from abc import ABC, abstractmethod
from typing import List, Dict, Optional, Union, Callable, Any, Tuple, TypeVar, Generic, Iterable, cast

@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")
with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print("swallowed")
with swallow():
    raise KeyError("k")
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("after suppress")
with nullcontext(5) as v:
    print(v)
class Res:
    def close(self):
        print("closed")
with closing(Res()):
    print("using")
with ExitStack() as stack:
    stack.callback(print, "callback 1")
    stack.callback(print, "callback 2")
    stack.enter_context(tag("s"))
@tag("deco")
def decorated():
    print("body")
decorated()

class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def perimeter(self):
        pass
    def describe(self):
        return "shape with area " + str(self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def perimeter(self):
        return 4 * self.s
class Half(Shape):
    def area(self):
        return 1
print(Square(3).describe(), Square(2).perimeter(), isinstance(Square(1), Shape))
for cls in [Shape, Half]:
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)

T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
def total(xs: Iterable[int], scale: Optional[float] = None) -> Union[int, float]:
    return sum(xs) * (scale or 1)
s = Stack[int]()
s.push(3)
print(s.items, total([1, 2]), total([1, 2], 1.5), cast(int, "x"), T)
print(List[int], Dict[str, int], Optional[int], Union[int, str], Tuple[int, ...], List, Any)
print(Callable[[int], str], Optional[List[int]], Union[int, None])
