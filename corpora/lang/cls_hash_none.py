print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__)
print(tuple.__hash__ is None, object.__hash__ is None, frozenset.__hash__ is None)
try:
    hash([])
except TypeError as e: print(e)
class U:
    __hash__ = None
try:
    hash(U())
except TypeError as e: print(e)
class E:
    def __eq__(self, o): return True
print(E.__hash__)
try:
    hash(E())
except TypeError as e: print(e)
def f(): pass
print(hasattr(f, "__get__"), hasattr(classmethod(f), "__get__"), hasattr(staticmethod(f), "__get__"), hasattr(property(f), "__get__"))
print(hasattr(f, "__set__"), hasattr(property(f), "__set__"))
class C:
    def m(self): return 1
print(f.__get__(C(), C)() if False else type(f.__get__(C())).__name__)
print(C.__dict__["m"].__get__(C(), C)())
print(C.__dict__["m"].__get__(None, C) is C.__dict__["m"])
sm = staticmethod(f); print(sm.__get__(None, C) is f)
cm = classmethod(lambda cls: cls.__name__); print(cm.__get__(None, C)())
import collections.abc
print(isinstance([], collections.abc.Hashable), isinstance(f, collections.abc.Hashable))
class L(list): pass
print(L.__hash__)
try:
    hash(L())
except TypeError as e: print(e)
print(f.__get__(None, C) is f)
try:
    f.__get__(None, None)
except TypeError as e: print(e)
print(sorted(k for k in ("__get__", "__set__", "__delete__") if hasattr(property(), k)))
print("__hash__" in dir(list), "__hash__" in list.__dict__, "__hash__" in dir(int))
class Hm(list):
    def __hash__(self): return 7
print(hash(Hm()))
d = {}
try:
    d[[1]] = 2
except TypeError as e: print(e)
