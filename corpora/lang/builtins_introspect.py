x = 10
def f(a, b=2):
    c = a + b
    print(sorted(locals().items()))
    print(eval("a * c"))
    print(eval("  x + 1"))
    return c
print(f(1))
print(sorted(k for k in globals() if not k.startswith("__")))
g = {"y": 5}
exec("z = y * 2\nw = z + 1", g)
print(g["z"], g["w"], "__builtins__" in g)
ns = {}
exec("def sq(n):\n    return n * n\nr = sq(7)", ns)
print(ns["r"])
code = compile("1 + 2", "<expr>", "eval")
print(eval(code))
print(eval("q + 1", {"q": 41}))
print(eval("q", {}, {"q": 3}))
class A:
    cls_attr = 1
    def m(self): pass
a = A()
a.inst = 2
print([n for n in dir(a) if not n.startswith("__")])
print([n for n in dir(A) if not n.startswith("__")])
import sys
print("argv" in dir(sys))
class D:
    def __dir__(self): return ["b", "a"]
print(dir(D()))
print(ascii("héllo ☃ 𝄞"), ascii([1, "é"]))
m = __import__("sys")
print(m is sys)
def scope():
    v = 1
    print(dir())
scope()
for bad in ["1 +", "x = 1", ""]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
try:
    exec(5)
except TypeError as e:
    print(e)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZDE", e)
try:
    compile("1", "f", "bad")
except ValueError as e:
    print(e)
try:
    exec("x=1", [])
except TypeError as e:
    print(e)
