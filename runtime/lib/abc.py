"""Abstract base classes (pyglass's bundled `abc` module).

ABCMeta computes a class's __abstractmethods__ (the names of
@abstractmethod functions not overridden); instantiating a class that
still has some raises CPython 3.11's "Can't instantiate abstract class C
with abstract method(s) a, b". ABC is the convenience base class.
Known gap: register() records virtual subclasses but isinstance()/
issubclass() do not consult them (pyglass has no __instancecheck__ yet).
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token"]


def abstractmethod(funcobj):
    """Marks a method abstract: subclasses must override it."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    # staticmethod/classmethod/property wrapping an abstract function.
    for attr in ("__func__", "fget", "fset", "fdel"):
        inner = getattr(value, attr, None)
        if inner is not None and getattr(inner, "__isabstractmethod__", False):
            return True
    return False


# (Functions rather than subclasses of classmethod/staticmethod/property:
# pyglass cannot subclass those yet.)
def abstractclassmethod(callable):
    """Deprecated form of @classmethod @abstractmethod."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated form of @staticmethod @abstractmethod."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated form of @property @abstractmethod."""
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


class ABCMeta(type):
    """Metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = []
        for attr_name, value in namespace.items():
            if _is_abstract(value):
                abstracts.append(attr_name)
        for base in bases:
            for attr_name in getattr(base, "__abstractmethods__", ()):
                value = getattr(cls, attr_name, None)
                if _is_abstract(value) and attr_name not in abstracts:
                    abstracts.append(attr_name)
        cls.__abstractmethods__ = tuple(sorted(abstracts))
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            s = "s" if len(abstracts) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{s} {', '.join(abstracts)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Records a virtual subclass (see the module's known gap)."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        cls._abc_registry.append(subclass)
        return subclass


class ABC(metaclass=ABCMeta):
    """Base class for abstract classes: class Shape(ABC): ..."""
    __slots__ = ()


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    abstracts = []
    for name in list(cls.__dict__):
        if _is_abstract(getattr(cls, name, None)):
            abstracts.append(name)
    cls.__abstractmethods__ = tuple(sorted(abstracts))
    return cls
