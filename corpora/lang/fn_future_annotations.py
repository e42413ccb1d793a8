"""Module doc before the future import."""
from __future__ import annotations

# With postponed evaluation, annotations are kept as strings.
def f(a: int, b: list[str] = [], *, c: Undefined = None) -> dict[str, int]:
    return {}

print(f.__annotations__)
print(f([]))

x: SomethingUndefined = 1
y: int
print(__annotations__)

class C:
    attr: Optional[C] = None

    def m(self, other: C) -> C:
        return self

print(C.__annotations__, C.m.__annotations__)
print(__doc__)

# Postponed annotations are normalised like CPython's unparse.
def g(a: "quoted", b: Dict[str,int], c: int|None, d: Callable[[int,  str], bool],
      e: tuple[()], f: Tuple[int, ...], g: mod . Type, h: list[ 'x' ], i: int | (str | None)) -> None:
    pass

for k, v in g.__annotations__.items():
    print(k, v)
