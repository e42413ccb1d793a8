# Descriptors: property (getter/setter/deleter), staticmethod, classmethod,
# class attributes, __getattr__, user descriptors with __get__/__set__.


class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        """Degrees Celsius."""
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        self._celsius = 0

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit, t._celsius)
del t.celsius
print(t.celsius)
try:
    t.celsius = -300
except ValueError as err:
    print("ValueError:", err)
try:
    t.fahrenheit = 5
except AttributeError as err:
    print("AttributeError:", err)
try:
    del t.fahrenheit
except AttributeError as err:
    print("AttributeError:", err)
print(type(Temperature.celsius).__name__, Temperature.celsius.__doc__)
print(Temperature.fahrenheit.fget(t), Temperature.celsius.fset is not None, Temperature.fahrenheit.fset)

# A property wins over the instance dict; assignment goes through it.
t.__dict__["fahrenheit"] = "shadow?"
print(t.fahrenheit)


# property() called directly.
class Box:
    def get_size(self):
        return self._size * 2

    def set_size(self, v):
        self._size = v

    size = property(get_size, set_size, None, "the size")


bx = Box()
bx.size = 4
print(bx.size, Box.size.__doc__)


class Tools:
    factor = 3

    @staticmethod
    def add(a, b):
        return a + b

    @classmethod
    def scaled(cls, v):
        return v * cls.factor

    @classmethod
    def build(cls):
        return cls()

    def __repr__(self):
        return type(self).__name__ + "()"


class MoreTools(Tools):
    factor = 10


print(Tools.add(1, 2), Tools().add(3, 4), Tools.scaled(2), Tools().scaled(2))
print(MoreTools.scaled(2), MoreTools().scaled(2), MoreTools.build(), Tools.build())
print(type(Tools.__dict__["add"]).__name__, type(Tools.__dict__["scaled"]).__name__)
sm = staticmethod(len)
print(sm("abc"), Tools.__dict__["add"].__func__(5, 6))
bound = Tools.scaled
print(bound.__self__ is Tools, bound(7))


# Class attributes: mutation through the class, shadowing by instances,
# mutable class attributes shared by all instances.
class Config:
    settings = {}
    level = 1

    def set(self, k, v):
        self.settings[k] = v


c1 = Config()
c2 = Config()
c1.set("a", 1)
print(c2.settings, Config.settings)
Config.level += 1
c1.level = 99
print(Config.level, c1.level, c2.level)
Config.new_attr = "added"
print(c2.new_attr, hasattr(Config, "new_attr"))
del Config.new_attr
print(hasattr(c2, "new_attr"))


# __getattr__ is only called when normal lookup fails.
class Lazy:
    real = "real"

    def __init__(self):
        self.loaded = []

    def __getattr__(self, name):
        if name.startswith("x_"):
            self.loaded.append(name)
            value = name.upper()
            setattr(self, name, value)
            return value
        raise AttributeError("'Lazy' object has no attribute '" + name + "'")


lz = Lazy()
print(lz.real, lz.x_one, lz.x_one, lz.x_two, lz.loaded)
try:
    lz.missing
except AttributeError as err:
    print("AttributeError:", err)
print(getattr(lz, "missing", "default"), hasattr(lz, "x_three"), lz.loaded)


# __getattribute__ sees every access.
class Traced:
    def __init__(self):
        self.value = 1

    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)


tr = Traced()
print(tr.value, tr.secret)


# User-defined descriptors (data and non-data).
class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(self.name[1:] + " must be " + self.kind.__name__)
        setattr(obj, self.name, value)


class Constant:
    def __get__(self, obj, objtype=None):
        return 42


class Person:
    name = Typed(str)
    age = Typed(int)
    answer = Constant()

    def __init__(self, name, age):
        self.name = name
        self.age = age


pp = Person("Ann", 30)
print(pp.name, pp.age, pp.answer, Person.answer, type(Person.name).__name__)
try:
    pp.age = "old"
except TypeError as err:
    print("TypeError:", err)
pp.answer = 7  # a non-data descriptor is shadowed by the instance dict
print(pp.answer, Person.answer, sorted(vars(pp)))


# A property in a subclass overriding a plain attribute and calling super.
class Account:
    def __init__(self):
        self._balance = 0

    @property
    def balance(self):
        return self._balance

    def deposit(self, n):
        self._balance += n
        return self


class Premium(Account):
    @property
    def balance(self):
        return super().balance + 100


print(Account().deposit(5).balance, Premium().deposit(5).balance)


# __slots__ is accepted (pyglass ignores it: instances still have a dict).
class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


sl = Slotted()
print(sl.a + sl.b, Slotted.__slots__)
