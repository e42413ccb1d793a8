"""Data classes: @dataclass generates __init__, __repr__, __eq__, ordering,
hashing and frozen-ness from a class's annotated fields (CPython 3.11's API).

Methods are generated as source text and compiled with exec(), so their
tracebacks and error messages (missing arguments, ...) read like CPython's.
Written for pyglass.
"""

import copy as _copy

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY",
           "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace",
           "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "<dataclasses._MISSING_TYPE object>"


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return "<dataclasses._KW_ONLY_TYPE object>"


KW_ONLY = _KwOnlyType()


class _HasDefaultFactory:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()

_FIELD = "_FIELD"
_FIELD_CLASSVAR = "_FIELD_CLASSVAR"
_FIELD_INITVAR = "_FIELD_INITVAR"


class InitVar:
    """InitVar[T]: a pseudo-field passed to __init__ and __post_init__ only."""

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return "dataclasses.InitVar[%s]" % name


class Field:
    """One field of a data class (see fields())."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,"
                "hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)"
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)"
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith("ClassVar") or annotation.startswith("typing.ClassVar")
    text = repr(annotation)
    return text.startswith("typing.ClassVar") or annotation.__class__.__name__ == "_ClassVarType" \
        or getattr(annotation, "__origin__", None) is getattr(_typing(), "ClassVar", object())


def _typing():
    import sys
    return sys.modules.get("typing")


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith("InitVar") or annotation.startswith("dataclasses.InitVar")
    return annotation is InitVar or isinstance(annotation, InitVar)


def _get_field(cls, name, annotation, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError("field %s cannot have a default factory" % name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    # (pyglass's list/dict/set do not expose __hash__ = None yet: test them by type)
    if f._field_type is _FIELD and (f.default.__class__.__hash__ is None or
                                    isinstance(f.default, (list, dict, set, bytearray))):
        raise ValueError("mutable default %s for field %s is not allowed: use default_factory"
                         % (type(f.default), name))
    return f


def _make_function(name, args, body, namespace, cls):
    text = "def %s(%s):\n%s\n" % (name, ", ".join(args),
                                    "\n".join("    " + line for line in body) or "    pass")
    exec(text, namespace)
    fn = namespace[name]
    fn.__qualname__ = "%s.%s" % (cls.__qualname__, name)
    return fn


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _field_assign(frozen, name, value):
    if frozen:
        return "__dataclass_object__.__setattr__(self, %r, %s)" % (name, value)
    return "self.%s = %s" % (name, value)


def _init_fn(cls, all_fields, std_fields, kw_fields, frozen, has_post_init, namespace):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument %r follows default argument" % f.name)

    def param(f):
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name
        if f.default_factory is not MISSING:
            return "%s=__dataclass_HAS_DEFAULT_FACTORY__" % f.name
        return "%s=__dataclass_dflt_%s__" % (f.name, f.name)

    body = []
    for f in all_fields:
        if f.default_factory is not MISSING:
            namespace["__dataclass_dflt_%s__" % f.name] = f.default_factory
        elif f.default is not MISSING:
            namespace["__dataclass_dflt_%s__" % f.name] = f.default
        if f._field_type is _FIELD_INITVAR:
            continue
        if f.default_factory is not MISSING:
            factory = "__dataclass_dflt_%s__()" % f.name
            if f.init:
                value = "%s if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s" % (
                    factory, f.name, f.name)
            else:
                value = factory
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            value = "__dataclass_dflt_%s__" % f.name
        else:
            continue
        body.append(_field_assign(frozen, f.name, value))
    if has_post_init:
        initvars = [f.name for f in all_fields if f._field_type is _FIELD_INITVAR]
        body.append("self.__post_init__(%s)" % ", ".join(initvars))
    args = ["self"] + [param(f) for f in std_fields if f.init]
    if kw_fields:
        args += ["*"] + [param(f) for f in kw_fields if f.init]
    return _make_function("__init__", args, body, namespace, cls)


def _recursive_repr(fn):
    running = set()

    def wrapper(self):
        key = id(self)
        if key in running:
            return "..."
        running.add(key)
        try:
            return fn(self)
        finally:
            running.discard(key)

    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = fn.__qualname__
    return wrapper


def _tuple_text(fields_):
    if not fields_:
        return "()"
    return "(" + ", ".join("self.%s" % f.name for f in fields_) + ",)"


def _other_tuple_text(fields_):
    if not fields_:
        return "()"
    return "(" + ", ".join("other.%s" % f.name for f in fields_) + ",)"


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    has_dataclass_bases = False
    any_frozen_base = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get("__dataclass_fields__")
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if base.__dict__["__dataclass_params__"].frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get("__annotations__", {})
    own_fields = []
    kw_only_now = kw_only
    for name, annotation in annotations.items():
        if annotation is KW_ONLY or annotation == "KW_ONLY" or annotation == "dataclasses.KW_ONLY":
            kw_only_now = True
            continue
        own_fields.append(_get_field(cls, name, annotation, kw_only_now))
    for f in own_fields:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError("%r is a field but has no type annotation" % name)

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    field_list = [f for f in all_fields.values() if f._field_type is _FIELD]
    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and "__eq__" in cls.__dict__))

    namespace = {"__dataclass_HAS_DEFAULT_FACTORY__": _HAS_DEFAULT_FACTORY,
                 "__dataclass_object__": object, "MISSING": MISSING}

    if init:
        has_post_init = hasattr(cls, "__post_init__")
        init_fields = [f for f in all_fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
        std = [f for f in init_fields if not f.kw_only]
        kws = [f for f in init_fields if f.kw_only]
        _set_new_attribute(cls, "__init__",
                           _init_fn(cls, init_fields, std, kws, frozen, has_post_init, namespace))

    if repr:
        shown = [f for f in field_list if f.repr]
        body = ["return self.__class__.__qualname__ + '(' + %s + ')'" % (
            " + ', ' + ".join("%r + repr(self.%s)" % (f.name + "=", f.name) for f in shown)
            if shown else "''")]
        fn = _make_function("__repr__", ["self"], body, namespace, cls)
        _set_new_attribute(cls, "__repr__", _recursive_repr(fn))

    compared = [f for f in field_list if f.compare]
    if eq:
        body = ["if other.__class__ is self.__class__:",
                "    return %s == %s" % (_tuple_text(compared), _other_tuple_text(compared)),
                "return NotImplemented"]
        _set_new_attribute(cls, "__eq__", _make_function("__eq__", ["self", "other"], body,
                                                         namespace, cls))

    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            body = ["if other.__class__ is self.__class__:",
                    "    return %s %s %s" % (_tuple_text(compared), op, _other_tuple_text(compared)),
                    "return NotImplemented"]
            fn = _make_function(name, ["self", "other"], body, namespace, cls)
            if _set_new_attribute(cls, name, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s. Consider using "
                                "functools.total_ordering" % (name, cls.__name__))

    if frozen:
        body = ["if type(self) is cls or name in %r:" % (tuple(f.name for f in field_list),),
                "    raise FrozenInstanceError(f\"cannot assign to field {name!r}\")",
                "super(cls, self).__setattr__(name, value)"]
        ns = dict(namespace, cls=cls, FrozenInstanceError=FrozenInstanceError)
        setattr_fn = _make_function("__setattr__", ["self", "name", "value"], body, ns, cls)
        body = ["if type(self) is cls or name in %r:" % (tuple(f.name for f in field_list),),
                "    raise FrozenInstanceError(f\"cannot delete field {name!r}\")",
                "super(cls, self).__delattr__(name)"]
        delattr_fn = _make_function("__delattr__", ["self", "name"], body, ns, cls)
        for name, fn in (("__setattr__", setattr_fn), ("__delattr__", delattr_fn)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (name, cls.__name__))

    hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash and has_explicit_hash:
        raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
    if not has_explicit_hash or unsafe_hash:
        if unsafe_hash or (eq and frozen):
            body = ["return hash(%s)" % _tuple_text(hashed)]
            cls.__hash__ = _make_function("__hash__", ["self"], body, namespace, cls)
        elif eq:
            cls.__hash__ = None

    if match_args:
        _set_new_attribute(cls, "__match_args__",
                           tuple(f.name for f in std if f.init) if init else
                           tuple(f.name for f in field_list if f.init and not f.kw_only))
    if not getattr(cls, "__doc__", None):
        try:
            cls.__doc__ = cls.__name__ + "(" + ", ".join(
                "%s" % f.name for f in field_list) + ")"
        except (TypeError, AttributeError):
            pass
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                             kw_only)
        if slots:
            cls = _with_slots(cls, weakref_slot)
        elif weakref_slot:
            raise TypeError("weakref_slot is True but slots is False")
        return cls

    if cls is None:
        return wrap
    return wrap(cls)


def _with_slots(cls, weakref_slot):
    # slots=True: the same class made again with __slots__ naming its
    # fields (a class cannot gain slots after it was created).
    ns = dict(cls.__dict__)
    if "__slots__" in ns:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    inherited = set()
    for base in cls.__mro__[1:-1]:
        declared = base.__dict__.get("__slots__", ())
        inherited.update((declared,) if isinstance(declared, str) else declared)
    names = tuple(f.name for f in fields(cls) if f.name not in inherited)
    if weakref_slot:
        names += ("__weakref__",)
    ns["__slots__"] = names
    for name in names:
        ns.pop(name, None)
    ns.pop("__dict__", None)
    ns.pop("__weakref__", None)
    qualname = cls.__qualname__
    new_cls = type(cls)(cls.__name__, cls.__bases__, ns)
    new_cls.__qualname__ = qualname
    return new_cls


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in found.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be "
                                 "specified with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **params):
    namespace = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = "typing.Any"
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            namespace[item[0]] = item[2]
    namespace["__annotations__"] = annotations
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, **params)
