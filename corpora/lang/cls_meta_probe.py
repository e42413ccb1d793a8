class Meta(type):
    def __getattr__(cls, name): return "meta:" + name
    def __len__(cls): return 3
    def __iter__(cls): return iter([1, 2])
    def __getitem__(cls, k): return k * 2
    def __contains__(cls, k): return k == 1
    def __or__(cls, other): return "or"
    def __eq__(cls, o): return True
    __hash__ = type.__hash__
    def __bool__(cls): return False
class C(metaclass=Meta): pass
print(C.missing, len(C), list(C), C[4], 1 in C, C | int, C == 5, bool(C))
class Outer:
    class Inner:
        def m(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, repr(Outer.Inner))
class Desc:
    def __set_name__(self, owner, name): self.name = name; print("set_name", owner.__name__, name)
    def __get__(self, obj, owner): return self.name
class H:
    a = Desc()
    b = Desc()
print(H().a, H.b)
C2 = type("C2", (), {})
C2.x = 1; del C2.x; print(hasattr(C2, "x"))
try:
    del C2.y
except AttributeError as e: print(e)
class K:
    pass
k = K()
try:
    k.__class__ = C2
    print(type(k).__name__)
except TypeError as e: print("TE", e)
class Base:
    registry = []
    def __init_subclass__(cls, /, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class S1(Base): pass
class S2(S1): pass
print(Base.registry)
class Meta2(type):
    def __new__(m, name, bases, ns, **kw):
        ns["added"] = name.lower()
        return super().__new__(m, name, bases, ns)
    def __init_subclass__(cls, **kw): print("meta init_subclass", cls.__name__)
class Meta3(Meta2): pass
class Z(metaclass=Meta3): pass
print(Z.added)
print(type.__dict__["__name__"] if False else C.__name__, C.__class__.__name__)
class WithDoc:
    """The doc."""
print(WithDoc.__doc__, WithDoc().__doc__)
class Sing:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Sing() is Sing())
print(isinstance(C, Meta), issubclass(Meta, type), type(C) is Meta)
class P:
    def __init__(self): self.__secret = 1
    def get(self): return self.__secret
print(P().get(), P()._P__secret)
class ReprOnly:
    def __repr__(self): return "RO"
print(str(ReprOnly()), f"{ReprOnly()!s}", [ReprOnly()])
class Num:
    def __index__(self): return 3
print([0,1,2,3,4][Num()], bin(Num()), range(Num()))
class Bo:
    def __len__(self): return 0
print(bool(Bo()), not Bo())
