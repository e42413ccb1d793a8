class Base:
    def __init_subclass__(cls, flag=False, **kw):
        print("init_subclass", cls.__name__, flag, kw)
        super().__init_subclass__(**kw)
class C(Base, flag=True):
    pass
class D(Base):
    pass
try:
    class E(flag=1):
        pass
except TypeError as e:
    print(e)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases, kw)
        return {"injected": 42}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(ns), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)
class F(metaclass=Meta, x=1):
    a = 1
print(F.injected, F.a)
try:
    Base.__init_subclass__(x=1)
except TypeError as e:
    print(e)
try:
    object.__init_subclass__(1)
except TypeError as e:
    print(e)
class G(*[Base], **{"flag": 5}): pass

# __prepare__ returning a dict subclass that records definition order
class OrderDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)
class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return OrderDict()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls
class H(metaclass=Ordered):
    z = 1
    a = 2
    def m(self): pass
    z = 3
print(H.order, H.z)

# __prepare__ must return a mapping
class BadPrep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class I(metaclass=BadPrep): pass
except TypeError as e:
    print(e)

# type.__prepare__ exists and makes a dict
print(type.__prepare__("X", ()), type(type.__prepare__("X", (), a=1)))

# type() with keywords reaches __init_subclass__
T = type("T", (Base,), {}, flag="via type")
try:
    type("U", (), {}, flag=1)
except TypeError as e:
    print(e)

# __mro_entries__
class Alias:
    def __init__(self, target):
        self.target = target
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (self.target,)
class J(Alias(Base), flag="alias"):
    pass
print(J.__bases__, J.__orig_bases__[0].target is Base, "__orig_bases__" in C.__dict__)
class BadEntries:
    def __mro_entries__(self, bases):
        return [object]
try:
    class K(BadEntries()): pass
except TypeError as e:
    print(e)

# a metaclass that is a function receives the keywords too
def fmeta(name, bases, ns, **kw):
    print("fmeta", name, kw)
    return 7
class L(metaclass=fmeta, color="red"):
    pass
print(L)

# star bases and ** keywords with a plain class
bases = (Base,)
opts = {"flag": "star"}
class M(*bases, **opts):
    pass
class N(*(), **{}):
    pass
print(N.__bases__)
