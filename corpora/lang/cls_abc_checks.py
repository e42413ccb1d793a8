import collections.abc as cabc
from collections.abc import *
import abc
for obj in ([], (), "s", b"b", bytearray(), {}, set(), frozenset(), range(3), iter([]), (x for x in []), len, lambda: 0, 3, None, print):
    print(type(obj).__name__, [n for n in ("Hashable", "Iterable", "Iterator", "Reversible", "Generator", "Sized", "Container", "Collection", "Callable", "Sequence", "MutableSequence", "Set", "MutableSet", "Mapping", "MutableMapping", "KeysView", "ItemsView", "ValuesView", "MappingView") if isinstance(obj, getattr(cabc, n))])
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Hashable), issubclass(list, Hashable))
class My:
    def __len__(self): return 0
    def __iter__(self): return iter([])
print(isinstance(My(), Sized), isinstance(My(), Iterable), isinstance(My(), Collection), issubclass(My, Container))
class Reg: pass
Sequence.register(Reg)
print(isinstance(Reg(), Sequence), issubclass(Reg, Collection), issubclass(Reg, Mapping))
class MM(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MM(); m["a"] = 1; m.update(b=2)
print(isinstance(m, Mapping), isinstance(m, dict), dict(m), m.get("z", 0))
class Bad(Mapping):
    def __getitem__(self, k): return 1
try:
    Bad()
except TypeError as e: print(e)
try:
    Sized()
except TypeError as e: print(e)
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @abc.abstractmethod
    def stop(self): ...
try:
    Base()
except TypeError as e: print(e)
print(sorted(Base.__abstractmethods__))
class Impl(Base):
    def run(self): return "r"
    def stop(self): return "s"
print(Impl().run(), isinstance(Impl(), Base), issubclass(Impl, abc.ABC))
@Base.register
class Virtual: pass
print(isinstance(Virtual(), Base), issubclass(Virtual, Base), Virtual.__name__)
try:
    Base.register(3)
except TypeError as e: print(e)
try:
    issubclass(3, Base)
except TypeError as e: print(e)
class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, obj)
        return obj == 42
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is int
class Magic(metaclass=Meta): pass
print(isinstance(42, Magic), isinstance(1, Magic), isinstance(Magic(), Magic), isinstance(42, (str, Magic)))
print(issubclass(int, Magic), issubclass(str, Magic), issubclass(Magic, Magic))
try:
    isinstance(1, 1)
except TypeError as e: print(e)
class Hook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "quack") or NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Hook), isinstance(1, Hook))
print(type.__instancecheck__(Magic, 42), type.__subclasscheck__(Magic, int))
print(Magic.__subclasses__(), Base.__subclasses__())
v = {1: 2}
print(isinstance(v.keys(), KeysView), isinstance(v.keys(), Set), isinstance(v.items(), Hashable), isinstance(v.values(), Hashable), isinstance(v.values(), Collection))
print(isinstance(v.keys(), Mapping), isinstance(v, Reversible), abc.get_cache_token() >= 0)
