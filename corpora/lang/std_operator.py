# operator: the functions, their dunder aliases, itemgetter/attrgetter/methodcaller.
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3),
      op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.invert(0), op.lshift(1, 10),
      op.rshift(1024, 3), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.index(7))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1), op.ge(3, 4), op.gt(4, 3), op.lt("a", "b"))
print(op.not_(0), op.truth([]), op.truth([0]), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.concat("a", "b"), op.contains([1, 2], 2), op.contains("abc", "d"),
      op.countOf([1, 2, 1, 1], 1), op.indexOf("hello", "l"))
d = {"a": 1}
op.setitem(d, "b", 2)
print(op.getitem(d, "b"), op.getitem([10, 20, 30], slice(1, None)))
op.delitem(d, "a")
print(d)
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(5, 1), op.imul([0], 3), op.iconcat([1], (2,)), op.ior(1, 2), op.ipow(3, 2))
print(op.__add__(1, 2), op.__lt__(1, 2), op.__not__(1), op.__and__(6, 3), op.__getitem__("ab", 1), op.__abs__(-2))
print(op.length_hint([1, 2, 3]), op.length_hint(3, 7), op.call(max, 3, 9, 4))
g = op.itemgetter(1)
print(g([5, 6, 7]), g("xyz"), op.itemgetter(0, 2)("abc"), op.itemgetter("k")({"k": "v"}), repr(op.itemgetter(1, "a")))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=op.itemgetter(1)), sorted(rows, key=op.itemgetter(0)), max(rows, key=op.itemgetter(1)))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct="!"):
        return greeting + ", " + self.name + punct
p = P("ann", P("bob"))
print(op.attrgetter("name")(p), op.attrgetter("inner.name")(p), op.attrgetter("name", "inner.name")(p))
print(repr(op.attrgetter("a.b", "c")), sorted([P("z"), P("m")], key=op.attrgetter("name"))[0].name)
print(op.methodcaller("greet", "hi")(p), op.methodcaller("greet", "yo", punct="?")(p), op.methodcaller("upper")("abc"))
print(repr(op.methodcaller("greet", "hi", punct=".")), list(map(op.methodcaller("strip"), [" a ", "b "])))
for thunk in [lambda: op.add(1), lambda: op.concat(1, 2), lambda: op.indexOf([1], 5), lambda: op.itemgetter(5)([1]),
              lambda: op.attrgetter("nope")(p), lambda: op.attrgetter(1), lambda: op.methodcaller(3),
              lambda: op.add("a", 1), lambda: op.index(1.5), lambda: op.neg("x")]:
    try:
        print(thunk())
    except (TypeError, ValueError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])))
