class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A(); a.v = 1
a.__class__ = B
print(a.who(), type(a).__name__, a.v, isinstance(a, B))
class S1:
    __slots__ = ("x",)
class S2:
    __slots__ = ("x",)
class S3(S1): pass
for target in (S2, A, 5, int):
    try:
        s = S1(); s.__class__ = target; print("ok", target)
    except TypeError as e: print(e)
s = S1(); s.x = 4
class S4(S1):
    __slots__ = ()
s.__class__ = S4; print(type(s).__name__, s.x)
try:
    del a.__class__
except TypeError as e: print(e)
try:
    (1).__class__ = bool
except TypeError as e: print(e)
class L1(list): pass
class L2(list): pass
l = L1([1]); l.__class__ = L2; print(type(l).__name__, l)
try:
    l.__class__ = A
except TypeError as e: print(e)
