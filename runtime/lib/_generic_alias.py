"""`list[int]` and `int | None` at run time (CPython's types.GenericAlias
and types.UnionType), used by the core for builtin classes.

The core calls `alias(cls, args)` when a builtin container class without its
own __class_getitem__ is subscripted, and `type_or(a, b)` for `|` between
classes. Nothing is checked: the objects only remember their parts, repr
like CPython and call through to the origin.
isinstance()/issubclass() accept a UnionType (modules/builtins.cpp).
"""


def _type_repr(obj):
    if obj is type(None):
        return "None"
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    return repr(obj)


class GenericAlias:
    """origin[args]: calling it calls the origin."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = ()

    def __repr__(self):
        if not self.__args__:
            inner = "()"
        else:
            inner = ", ".join(_type_repr(a) for a in self.__args__)
        return f"{_type_repr(self.__origin__)}[{inner}]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getitem__(self, params):
        raise TypeError(f"{self!r} is not a generic class")

    def __or__(self, other):
        return type_or(self, other)

    def __ror__(self, other):
        return type_or(other, self)


class UnionType:
    """X | Y between classes (and None)."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return type_or(self, other)

    def __ror__(self, other):
        return type_or(other, self)


def _union_part(x):
    if x is None:
        return type(None)
    if isinstance(x, (type, GenericAlias, UnionType)):
        return x
    return NotImplemented


def type_or(a, b):
    a = _union_part(a)
    b = _union_part(b)
    if a is NotImplemented or b is NotImplemented:
        return NotImplemented
    args = []
    for part in (a, b):
        for x in part.__args__ if isinstance(part, UnionType) else (part,):
            if x not in args:
                args.append(x)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


def alias(origin, args):
    return GenericAlias(origin, args)
