class A:
    @classmethod
    def make(cls): return cls.__name__
class B(A):
    @classmethod
    def make(cls): return "B>" + super().make()
print(B.make())
class C:
    def __setattr__(self, k, v):
        super().__setattr__(k, v * 2)
c = C(); c.x = 2; print(c.x)
print(object.__lt__(1, 2) if hasattr(object, "__lt__") else "nolt")
print(object.__ne__(1, 2), object.__eq__(1, 1))
class D:
    def __dir__(self): return ["b", "a"]
print(dir(D()))
print(object.__sizeof__(object()) > 0 if hasattr(object, "__sizeof__") else "nosizeof")
class E: pass
class F:
    x = 1
    def m(self): pass
class G(dict):
    def __getitem__(self, k): return super().__getitem__(k) + 1
g = G(a=1); print(g["a"], g.get("a"))
class H(list):
    def append(self, x): super().append(x * 10)
h = H(); h.append(1); h.extend([2]); print(h)
print(super(H, h).__len__())
