"""Type hints at run time (pyglass's bundled `typing` module).

Annotations are not checked: the names here exist so that programs
importing them run. Subscripting works (List[int], Dict[str, int],
Optional[X], Union[A, B], Callable[[int], str], Tuple[int, ...]) and gives
an alias whose repr is CPython's ("typing.List[int]"); TypeVar, Generic
(class C(Generic[T])), Protocol, NamedTuple (functional form), cast,
overload, final, no_type_check, get_type_hints (returns __annotations__),
TYPE_CHECKING = False.
NamedTuple class syntax (fields from annotations, defaults, methods).
Known gaps: isinstance() against aliases, TypedDict
class syntax, ParamSpec/TypeVarTuple semantics.
"""

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


_NO_ARG = object()


def _call_origin(origin, a, b, c):
    if a is _NO_ARG:
        return origin()
    if b is _NO_ARG:
        return origin(a)
    if c is _NO_ARG:
        return origin(a, b)
    return origin(a, b, c)


class _SpecialForm:
    """Any, Union, Optional, ... : a name with an optional subscription."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, params)

    def __call__(self, arg=None):
        if self._name == "Any":
            raise TypeError("Any cannot be instantiated")
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias:
    """List[int], Dict[str, int], ...: remembers the origin and arguments."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self._name = name

    def __repr__(self):
        name = "typing." + self._name if self._name else _type_repr(self.__origin__)
        if not self.__args__:
            return name + "[()]"
        return name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    # (Fixed arity so that typing imports before the parser accepts *args.)
    def __call__(self, a=_NO_ARG, b=_NO_ARG, c=_NO_ARG):
        return _call_origin(self.__origin__, a, b, c)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _Alias:
    """typing.List and friends before subscription."""

    def __init__(self, origin, name):
        self.__origin__ = origin
        self._name = name

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, a=_NO_ARG, b=_NO_ARG, c=_NO_ARG):
        return _call_origin(self.__origin__, a, b, c)


def _union_getitem(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            items = p.__args__
        else:
            items = (type(None) if p is None else p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    if len(flat) == 2 and type(None) in flat:
        other = flat[0] if flat[1] is type(None) else flat[1]
        alias = _GenericAlias(Union, tuple(flat))
        alias._optional_of = other
        return alias
    return _GenericAlias(Union, tuple(flat))


def _optional_getitem(self, param):
    return Union[param, None]


class _UnionAlias(_GenericAlias):
    pass


def _union_repr(alias):
    other = getattr(alias, "_optional_of", None)
    if other is not None:
        return "typing.Optional[" + _type_repr(other) + "]"
    return "typing.Union[" + ", ".join(_type_repr(a) for a in alias.__args__) + "]"


_generic_repr = _GenericAlias.__repr__


def _alias_repr(self):
    if self.__origin__ is Union:
        return _union_repr(self)
    return _generic_repr(self)


_GenericAlias.__repr__ = _alias_repr


def _passthrough_getitem(self, params):
    return _GenericAlias(self, params, self._name)


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
Union = _SpecialForm("Union", _union_getitem)
Optional = _SpecialForm("Optional", _optional_getitem)
ClassVar = _SpecialForm("ClassVar", _passthrough_getitem)
Final = _SpecialForm("Final", _passthrough_getitem)
Literal = _SpecialForm("Literal", _passthrough_getitem)
Annotated = _SpecialForm("Annotated", _passthrough_getitem)
TypeAlias = _SpecialForm("TypeAlias")
Concatenate = _SpecialForm("Concatenate", _passthrough_getitem)
TypeGuard = _SpecialForm("TypeGuard", _passthrough_getitem)
Unpack = _SpecialForm("Unpack", _passthrough_getitem)
Required = _SpecialForm("Required", _passthrough_getitem)
NotRequired = _SpecialForm("NotRequired", _passthrough_getitem)

import collections.abc as _abc

List = _Alias(list, "List")
Dict = _Alias(dict, "Dict")
Tuple = _Alias(tuple, "Tuple")
Type = _Alias(type, "Type")
DefaultDict = _Alias(dict, "DefaultDict")
Set = _Alias(list, "Set")
FrozenSet = _Alias(list, "FrozenSet")
Callable = _Alias(_abc.Callable, "Callable")
Iterable = _Alias(_abc.Iterable, "Iterable")
Iterator = _Alias(_abc.Iterator, "Iterator")
Generator = _Alias(_abc.Generator, "Generator")
Sequence = _Alias(_abc.Sequence, "Sequence")
MutableSequence = _Alias(_abc.MutableSequence, "MutableSequence")
Mapping = _Alias(_abc.Mapping, "Mapping")
MutableMapping = _Alias(_abc.MutableMapping, "MutableMapping")
Collection = _Alias(_abc.Collection, "Collection")
Container = _Alias(_abc.Container, "Container")
Hashable = _Alias(_abc.Hashable, "Hashable")
Sized = _Alias(_abc.Sized, "Sized")
Reversible = _Alias(_abc.Reversible, "Reversible")
AbstractSet = _Alias(_abc.Set, "AbstractSet")
MutableSet = _Alias(_abc.MutableSet, "MutableSet")
KeysView = _Alias(_abc.KeysView, "KeysView")
ItemsView = _Alias(_abc.ItemsView, "ItemsView")
ValuesView = _Alias(_abc.ValuesView, "ValuesView")
Awaitable = _Alias(_abc.Awaitable, "Awaitable")
Coroutine = _Alias(_abc.Coroutine, "Coroutine")
AsyncIterable = _Alias(_abc.AsyncIterable, "AsyncIterable")
AsyncIterator = _Alias(_abc.AsyncIterator, "AsyncIterator")
Text = str
AnyStr = None  # replaced below once TypeVar exists


class TypeVar:
    """A type variable: T = TypeVar("T")."""

    def __init__(self, name, constraint1=None, constraint2=None, bound=None, covariant=False,
                 contravariant=False):
        # (Up to two constraints until the parser accepts *constraints.)
        self.__name__ = name
        self.__constraints__ = tuple(c for c in (constraint1, constraint2) if c is not None)
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar("AnyStr", str)


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class Generic:
    """Base class of generic classes: class Stack(Generic[T])."""

    def __class_getitem__(cls, params):
        # Generic[T] / Protocol[T] as a base class is the class itself
        # (simpler than an alias with __mro_entries__; same MRO).
        if cls is Generic or cls is Protocol:
            return cls
        return _GenericAlias(cls, params)

    def __init_subclass__(cls):
        super().__init_subclass__()


class Protocol(Generic):
    """Base class of structural types (not checked at run time)."""


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    """Returns val unchanged (the type is for type checkers)."""
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, "__annotations__", {}))


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


class NewType:
    """UserId = NewType("UserId", int): calling it returns its argument."""

    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp

    def __call__(self, x):
        return x

    def __repr__(self):
        return "__main__." + self.__name__


def NamedTuple(typename, fields=None, /, **kwargs):
    """NamedTuple("P", [("x", int), ("y", int)]), or as a base class:
    class P(NamedTuple): x: int; y: int = 0."""
    from collections import namedtuple
    if fields is None:
        fields = kwargs.items()
    fields = list(fields)
    nt = namedtuple(typename, [name for name, _ in fields])
    nt.__annotations__ = dict(fields)
    return nt




class _NamedTupleMeta(type):
    """`class P(NamedTuple): x: int; y: int = 0` builds a collections
    namedtuple from the annotations, then copies the body's other names
    (methods, docstring) onto it."""

    def __new__(mcls, name, bases, ns):
        from collections import namedtuple
        annotations = ns.get("__annotations__", {})
        fields = list(annotations)
        defaults = []
        for field in fields:
            if field in ns:
                defaults.append(ns[field])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {field} cannot "
                                f"follow default field{'s' if len(defaults) > 1 else ''} "
                                f"{', '.join(fields[fields.index(field) - len(defaults):fields.index(field)])}")
        cls = namedtuple(name, fields, defaults=defaults)
        cls.__annotations__ = dict(annotations)
        for key, value in ns.items():
            if key in fields or key in ("__annotations__", "__qualname__", "__orig_bases__"):
                continue
            setattr(cls, key, value)
        return cls


# A class statement names NamedTuple as a base: its __mro_entries__ swaps in
# a class whose metaclass does the work.
_NamedTupleBase = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTupleBase,)


def TypedDict(typename, fields=None, total=True):
    return dict


def assert_never(arg):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def reveal_type(obj):
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj
