class myprop(property):
    pass
class C:
    @myprop
    def x(self): return 5
print(C().x, type(C.__dict__["x"]).__name__)
class mycm(classmethod): pass
class mysm(staticmethod): pass
class D:
    @mycm
    def c(cls): return cls.__name__
    @mysm
    def s(): return "s"
print(D.c(), D.s())
class Obj(object): pass
class MyType(type): pass
class Q(metaclass=MyType): pass
print(type(Q).__name__)
import functools
class R:
    @functools.cached_property
    def v(self):
        print("compute"); return 3
r = R(); print(r.v, r.v)
class Rev:
    def __init__(self, d): self.d = d
    def __len__(self): return len(self.d)
    def __getitem__(self, i): return self.d[i]
print(list(reversed(Rev([1, 2, 3]))), list(Rev("ab")), "b" in Rev("ab"))
class logged(property):
    def __init__(self, fget, *args, label="?"):
        super().__init__(fget, *args)
        self.label = label
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        print("get", self.label)
        return super().__get__(obj, owner)
class E:
    @logged
    def a(self): return 1
    b = logged(lambda self: 2, label="b")
e = E()
print(e.a, e.b, E.b.label, isinstance(E.b, property), E.b.fget(e))
try:
    e.b = 3
except AttributeError as ex: print(ex)
class tagged(classmethod):
    def __init__(self, f):
        super().__init__(f)
        self.tag = f.__name__.upper()
class F:
    @tagged
    def make(cls): return cls.__name__
print(F.make(), F.__dict__["make"].tag, F.__dict__["make"].__func__.__name__)
class sm2(staticmethod):
    __slots__ = ()
class G2:
    @sm2
    def h(x): return x * 2
print(G2.h(4), G2().h(5))
try:
    classmethod()
except TypeError as ex: print(ex)
try:
    staticmethod(f=1)
except TypeError as e: print(e)
