class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("set", e)
try:
    p.y
except AttributeError as e:
    print("get", e)
print(type(P.x).__name__, repr(P.x))
p.y = 5
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print("del", e)
print(P.__slots__)
class Q(P):
    pass
q = Q(2)
q.z = 3
print(q.__dict__)
class R(P):
    __slots__ = ["w"]
r = R(1); r.w = 2
try:
    r.v = 1
except AttributeError as e:
    print(e)
class S:
    __slots__ = "a"
s = S(); s.a = 1; print(s.a)
class W:
    __slots__ = ("__dict__", "__weakref__", "k")
w = W(); w.k = 1; w.other = 2; print(w.__dict__)
try:
    class X:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(e)
class Pr:
    __slots__ = ("__priv",)
    def __init__(self): self.__priv = 1
print(Pr().__dict__ if hasattr(Pr(), "__dict__") else "nodict", Pr.__dict__.get("_Pr__priv"))
print(P.x.__get__(p), P.x.__name__)
P.x.__set__(p, 10); print(p.x)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    class E(int):
        __slots__ = ("a",)
except TypeError as e:
    print(e)
print(sorted(k for k in P.__dict__ if not k.startswith("__")))
try:
    class D2(P, R): pass
except TypeError as e: print(e)
class A1:
    __slots__ = ("a",)
class B1:
    __slots__ = ("b",)
try:
    class C1(A1, B1): pass
except TypeError as e: print(e)

# --- layout, GC, copy, dataclasses
import gc, copy
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x = x; self.y = y
    def __repr__(self): return f"P({self.x}, {self.y})"
ps = [P([i], {"k": str(i)}) for i in range(2000)]
gc.collect()
print(sum(p.x[0] for p in ps), ps[5].y)
class L(list):
    __slots__ = ("tag",)
l = L([1, 2]); l.tag = "t"; print(l, l.tag, hasattr(l, "__dict__"))
class F(float):
    __slots__ = ("u",)
f = F(1.5); f.u = "m"; print(f, f.u)
c = copy.copy(ps[3]); print(c)
c = copy.deepcopy(ps[3]); print(c)
from dataclasses import dataclass
@dataclass(slots=True)
class DC:
    a: int
    b: str = "x"
d = DC(1); print(d, hasattr(d, "__dict__"), DC.__slots__)
try:
    d.c = 1
except AttributeError as e: print(e)
class Q(P):
    __slots__ = ("z",)
q = Q(1, 2); q.z = 3
print(q.x, q.y, q.z, Q.__mro__)
print(P.y.__objclass__, P.y.__get__(q), hasattr(P.x, "__set__"))
try:
    P.x.__get__(3)
except TypeError as e: print(e)
try:
    class Bad: __slots__ = (1,)
except TypeError as e: print(e)
try:
    class Bad2: __slots__ = ("a b",)
except TypeError as e: print(e)
try:
    class Bad3(Q): __slots__ = ("__dict__", "__dict__")
except TypeError as e: print(e)
class Dd(P): __slots__ = ("__dict__",)
dd = Dd(1, 2); dd.k = 5; print(dd.__dict__)
try:
    class Bad4(Dd): __slots__ = ("__dict__",)
except TypeError as e: print(e)
print(getattr(P(1,2), "zz", "default"))
print(vars(dd))
try:
    vars(P(1, 2))
except TypeError as e: print(e)
print(isinstance(P.x, object), type(P.x))

from dataclasses import dataclass, field, FrozenInstanceError
@dataclass(frozen=True, slots=True)
class Pt:
    x: int = 0
    y: int = field(default=5)
    tags: list = field(default_factory=list)
p = Pt(1); print(p, p == Pt(1), hash(p) == hash(Pt(1, 5)) if False else "", "__slots__" in Pt.__dict__, Pt.__qualname__)
try:
    p.x = 2
except FrozenInstanceError as e: print("frozen", e)
@dataclass(slots=True)
class Sub(Pt.__mro__[0] if False else object):
    a: int
print(Sub(3), Sub.__slots__)
try:
    dataclass(weakref_slot=True)(type("Z", (), {}))
except TypeError as e: print(e)
