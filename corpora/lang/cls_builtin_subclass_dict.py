class S(str):
    def __repr__(self): return "S!"
s = S("abc")
s.note = 1
print(s.note, s.__dict__, str.__str__(s), type(str.__str__(s)), str(s), type(str(s)), repr(s), f"{s}", "%s" % s)
class T(tuple): pass
t = T((1, 2)); t.x = 5; print(t.x, t.__dict__, t)
class B(bytes): pass
b = B(b"hi"); b.y = 1; print(b.y, b)
class I(int): pass
i = I(3); i.z = 2; print(i.z, i + 1)
class E(S): pass
e = E("q"); e.a = 1; print(e.__dict__, e.upper(), e == "q", hash(e) == hash("q"))
print(str.__repr__(s), int.__str__(I(5)), int.__repr__(I(6)))
class S2(str):
    __slots__ = ()
try:
    S2("x").k = 1
except AttributeError as ex: print(ex)
import copy
c = copy.copy(s); print(type(c).__name__, c.__dict__ if hasattr(c, "__dict__") else None)
import gc
items = []
for k in range(3000):
    x = S(str(k)); x.payload = [k]; items.append(x)
    T((k,)).junk = [k]  # dropped at once
gc.collect()
print(sum(x.payload[0] for x in items), items[17].__dict__)
class Tn(tuple):
    def __new__(cls, a, b):
        self = super().__new__(cls, (a, b))
        self.total = a + b
        return self
print(Tn(2, 3).total, Tn(2, 3))
print(vars(S("v")))
