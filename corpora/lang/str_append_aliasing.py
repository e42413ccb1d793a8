# `x += y` on str locals grows the string in place only while nobody else
# can see it: aliases, f_locals snapshots, generators and x += x must all
# keep the values CPython gives.
import sys
def f():
    s = ""
    for i in range(5):
        s += str(i)
        if i == 2:
            saved = s
            snap = sys._getframe().f_locals
    s += "!"
    t = s
    s += "?"
    print(saved, snap["s"], t, s, s == "01234!?")
    u = "ab"
    u += u
    u += u
    print(u, len(u))
    n = 5
    n += 3
    L = [1]
    L += [2]
    print(n, L)
    w = "é"
    w += "x"
    print(w)
    return s
r = f()
r2 = f()
print(r, r2, r is r2)
def g():
    parts = ""
    for c in "hello":
        parts += c
        yield parts
print(list(g()))
