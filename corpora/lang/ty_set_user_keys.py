# Sets of user objects: __hash__/__eq__ calls, equal-but-distinct keys,
# unhashable classes, errors raised from __hash__/__eq__, and an __eq__
# that allocates (collections can run during a lookup).
class Point:
    calls = 0
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __hash__(self):
        return hash((self.x, self.y))
    def __eq__(self, other):
        Point.calls += 1
        junk = [str(i) for i in range(50)]  # allocation inside the lookup
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __repr__(self):
        return 'P(%d, %d)' % (self.x, self.y)
pts = {Point(i % 7, i % 5) for i in range(200)}
print(len(pts), Point(3, 3) in pts, Point(9, 9) in pts, sorted(pts, key=lambda p: (p.x, p.y))[:4])
print(Point.calls > 0)
class Collide:
    def __init__(self, v): self.v = v
    def __hash__(self): return 42
    def __eq__(self, other): return isinstance(other, Collide) and self.v == other.v
    def __repr__(self): return 'C%d' % self.v
many = set(Collide(i) for i in range(100))
print(len(many), Collide(50) in many, Collide(500) in many)
many.discard(Collide(50))
print(len(many), Collide(50) in many)
class NoHash:
    def __eq__(self, other): return True
try:
    {NoHash()}
except TypeError as e:
    print(e)
class BadHash:
    def __hash__(self): raise ValueError('no hash today')
try:
    set([BadHash()])
except ValueError as e:
    print('ValueError', e)
class BadEq:
    def __hash__(self): return 1
    def __eq__(self, other): raise RuntimeError('eq failed')
s = {BadEq()}
try:
    BadEq() in s
except RuntimeError as e:
    print('RuntimeError', e)
print({1, 1.0, True}, {0, 0.0, False, -0.0}, {(1, 2), (1, 2)}, len({'a', 'a' + '', ''.join(['a'])}))
class Key(str):
    pass
print({Key('k'), 'k'} == {'k'}, type(next(iter({Key('k')}))).__name__)
def scope_test():
    base = 10
    squares = {x * x + base for x in range(5) if x % 2 == 0}
    nested = {(i, j) for i in range(3) for j in range(i)}
    return squares, nested
print(scope_test())
class Holder:
    items = {c for c in 'abcabc'}
print(sorted(Holder.items))
gen = (x % 4 for x in range(20))
print(set(gen), set(), set(iter([3, 3, 1])))
