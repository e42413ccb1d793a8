# Inheritance: single, multiple (C3 MRO), super() chains, overriding,
# class methods through subclasses, metaclasses.


class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return self.name + " the " + self.kind + " says " + self.speak()


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return "Woof"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak().lower() + "!"

    def describe(self):
        return super().describe() + " (age " + str(self.age) + ")"


for pet in [Animal("Generic"), Dog("Rex"), Puppy("Bit", 1)]:
    print(pet.describe())
print(Puppy.__mro__)
print(issubclass(Puppy, Animal), isinstance(Puppy("x", 2), Dog), Puppy.__base__)


# Diamond inheritance: every __init__ runs once, in MRO order.
class Base:
    def __init__(self):
        self.trail = ["Base"]

    def who(self):
        return "Base"


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return "Left>" + super().who()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Right")

    def who(self):
        return "Right>" + super().who()


class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Bottom")

    def who(self):
        return "Bottom>" + super().who()


b = Bottom()
print(b.trail)
print(b.who())
print([c.__name__ for c in Bottom.__mro__])
print(Bottom.mro() == list(Bottom.__mro__), Bottom.__bases__)
print(isinstance(b, Right), issubclass(Bottom, Left), issubclass(Left, Right))


# A longer C3 example (the classic one from the Python docs).
class O:
    pass


class F(O):
    pass


class E(O):
    pass


class D(O):
    pass


class C(D, F):
    pass


class B(D, E):
    pass


class A(B, C):
    pass


print([k.__name__ for k in A.__mro__])
print([k.__name__ for k in B.mro()], [k.__name__ for k in C.mro()])

# An impossible MRO.
try:
    class X(O, F):
        pass
except TypeError as err:
    print("TypeError:", err)
try:
    class Y(F, F):
        pass
except TypeError as err:
    print("TypeError:", err)


# super(Class, obj) with two arguments, and from outside a method.
print(super(Left, b).who(), super(Bottom, b).who())
print(super(Right, b).who())


# Mixins with cooperative methods.
class Loud:
    def shout(self):
        return self.text().upper() + "!"


class Text:
    def __init__(self, t):
        self._t = t

    def text(self):
        return self._t


class LoudText(Loud, Text):
    pass


print(LoudText("hey").shout(), [k.__name__ for k in LoudText.__mro__])


# Overriding a class attribute and methods reaching it through self.
class Shape:
    sides = 0

    def info(self):
        return type(self).__name__ + " has " + str(self.sides) + " sides"

    @classmethod
    def create(cls):
        return cls()


class Triangle(Shape):
    sides = 3


class Square(Shape):
    sides = 4


print(Shape().info(), Triangle().info(), Square.create().info())
print(type(Triangle.create()).__name__)


# super() inside classmethods and staticmethods called through super.
class Parent:
    @classmethod
    def make(cls):
        return "Parent.make for " + cls.__name__

    @staticmethod
    def helper(x):
        return x * 2


class Child(Parent):
    @classmethod
    def make(cls):
        return "Child>" + super().make()

    @staticmethod
    def helper(x):
        return super(Child, Child).helper(x) + 1


print(Child.make(), Child().make(), Child.helper(5))


# __init_subclass__ and a registry.
class Registered:
    registry = []

    def __init_subclass__(cls):
        Registered.registry.append(cls.__name__)


class One(Registered):
    pass


class Two(One):
    pass


print(Registered.registry)


# A metaclass.
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.tag = name.lower()

    def describe(cls):
        return "class " + cls.__name__


class WithMeta(metaclass=Meta):
    pass


class SubMeta(WithMeta):
    pass


print(WithMeta.made_by, WithMeta.tag, SubMeta.tag, WithMeta.describe(), type(SubMeta))
print(type(WithMeta).__name__, isinstance(WithMeta, Meta), isinstance(WithMeta, type))


# Method resolution goes through the instance's class, not the caller's.
class Template:
    def run(self):
        return [self.step1(), self.step2()]

    def step1(self):
        return "t1"

    def step2(self):
        return "t2"


class Custom(Template):
    def step2(self):
        return "c2"


print(Custom().run(), Template().run())

# super() errors.
try:
    super(Left, 5)
except TypeError as err:
    print("TypeError:", err)


def no_class():
    return super().foo()


try:
    no_class()
except RuntimeError as err:
    print("RuntimeError:", err)

# Calling an unbound method of the parent explicitly.
class Explicit(Dog):
    def speak(self):
        return Dog.speak(self) + "?"


print(Explicit("Q").describe())
