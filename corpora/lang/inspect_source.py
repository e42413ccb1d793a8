# inspect.getsource for classes, decorated functions and one-liners.
import inspect

class Shape:
    """A shape."""
    sides = 0

    def area(self):
        return 0


class Square(Shape):
    sides = 4
    def area(self):
        return 1

def deco(f):
    return f

@deco
def decorated(x):
    return x

def one_liner(): return 1

lam = lambda y: y + 1

print(inspect.getsource(Shape), end="")
print(inspect.getsource(Square), end="")
print(inspect.getsource(decorated), end="")
print(inspect.getsource(one_liner), end="")
print(inspect.getsourcelines(Square.area))
print(inspect.getsource(lam), end="")
print(inspect.getdoc(Shape))
