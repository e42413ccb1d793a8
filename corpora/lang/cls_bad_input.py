def t(src):
    try:
        exec(src, {})
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
t("class C(metaclass=5): pass")
t("class M(type):\n  @classmethod\n  def __prepare__(m, *a): raise KeyError('x')\nclass C(metaclass=M): pass")
t("class A:\n  def __mro_entries__(self, b): return (5,)\nclass C(A()): pass")
t("class C:\n  __slots__ = 5")
t("class M(type):\n  def __instancecheck__(c, o): raise ValueError('no')\nclass C(metaclass=M): pass\nisinstance(1, C)")
t("class S(str): pass\ns = S('a'); s.__dict__ = {'q': 1}; print(s.q)\ns.__dict__ = 3")
t("class C:\n  __slots__ = ('a',)\nC.a.__set__(3, 1)")
t("class C:\n  __slots__ = ('a',)\nprint(C.a.__get__(None, C) is C.a)")
t("class C(x=1): pass")
t("class C(**{1: 2}): pass")
t("class C(*5): pass")
t("type('X', (), {}, **{'a': 1})")
