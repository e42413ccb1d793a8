"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
(CPython 3.11's API and reprs). Written for pyglass.

pyglass has no metaclass __prepare__ yet, so the class body is a plain
dict: members are taken in definition order from it, and auto() values are
resolved when the class is created. Consequently a name bound twice in the
body keeps its last value instead of raising "Attempted to reuse key".
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "verify", "member", "nonmember", "property",
           "global_enum", "EnumCheck", "FlagBoundary"]

_builtin_property = property


class auto:
    """A placeholder: the member's value comes from _generate_next_value_."""

    _counter = 0

    def __init__(self, value=None):
        self.value = value
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_descriptor(obj):
    # (pyglass's functions, classmethod and staticmethod objects do not show
    # __get__ as an attribute yet: recognise them by type)
    if isinstance(obj, (_FunctionType, classmethod, staticmethod, _builtin_property)):
        return True
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


_FunctionType = type(_is_sunder)


def _is_private(cls_name, name):
    prefix = "_%s__" % cls_name.lstrip("_")
    return name.startswith(prefix) and not name.endswith("__")


def _is_single_bit(value):
    return value > 0 and value & (value - 1) == 0


def _set_info(obj, attr, value):
    # pyglass's str subclass instances have no __dict__ yet: their _name_ and
    # _value_ live in a table of their class (read by _SideInfo).
    try:
        setattr(obj, attr, value)
    except AttributeError:
        table = type(obj).__dict__.get("_side_info_")
        if table is None:
            table = {}
            type.__setattr__(type(obj), "_side_info_", table)
        table.setdefault(id(obj), {})[attr] = value


class _SideInfo:
    """Descriptor reading _name_/_value_ from the class's side table."""

    def __init__(self, attr):
        self.attr = attr

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        for klass in type(obj).__mro__:
            table = klass.__dict__.get("_side_info_")
            if table is not None and id(obj) in table and self.attr in table[id(obj)]:
                return table[id(obj)][self.attr]
        raise AttributeError(self.attr)

    def __set__(self, obj, value):
        raise AttributeError(self.attr)


class EnumType(type):
    """The metaclass of enumerations: iteration, len, lookup by value/name."""

    def __new__(mcls, cls_name, bases, classdict, boundary=None, _simple=False, **kwds):
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        member_names = []
        member_values = {}
        body = {}
        for key, value in classdict.items():
            if key in ignore or key == "_ignore_":
                continue
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                member_names.append(key)
                member_values[key] = value.value
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls_name, key)
                  or _is_descriptor(value)):
                body[key] = value
            else:
                member_names.append(key)
                member_values[key] = value
        for key in member_names:
            if _is_sunder(key) or _is_dunder(key):
                raise ValueError("_sunder_ names, such as %r, are reserved for future Enum use"
                                 % key)

        member_type, first_enum = mcls._get_mixins_(cls_name, bases)
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        body["_member_type_"] = member_type
        enum_class = super().__new__(mcls, cls_name, bases, body, **kwds)

        generate = getattr(enum_class, "_generate_next_value_", None)
        last_values = []
        is_flag = issubclass(enum_class, Flag) if Flag is not None else False
        custom_new = None
        for base in enum_class.__mro__:
            if "__new__" in base.__dict__ and base not in _ENUM_BASES and base is not object \
                    and base is not member_type:
                custom_new = base.__dict__["__new__"]
                break
            if base in _ENUM_BASES:
                break
        for count, name in enumerate(member_names):
            value = member_values[name]
            if isinstance(value, auto):
                if value.value is None or value.value is _auto_null:
                    value.value = generate(name, 1, count, last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(v.value if isinstance(v, auto) else v for v in value)
            args = value if isinstance(value, tuple) and member_type is not tuple else (value,)
            if member_type is tuple:
                args = (value,)
            if custom_new is not None:
                enum_member = custom_new(enum_class, *args)
            elif member_type is object:
                enum_member = object.__new__(enum_class)
            else:
                enum_member = member_type.__new__(enum_class, *args)
            if not hasattr(enum_member, "_value_"):
                if member_type is object:
                    _set_info(enum_member, "_value_", value)
                else:
                    _set_info(enum_member, "_value_", member_type(*args))
            value = enum_member._value_
            _set_info(enum_member, "_name_", name)
            enum_member.__init__(*args)
            canonical = None
            try:
                canonical = enum_class._value2member_map_.get(value)
            except TypeError:
                for other in enum_class._member_map_.values():
                    if other._value_ == value:
                        canonical = other
                        break
            if canonical is not None:
                enum_member = canonical
            else:
                if not is_flag or _is_single_bit(value) or value == 0 or True:
                    enum_class._member_names_.append(name)
                if is_flag and isinstance(value, int) and not _is_single_bit(value):
                    enum_member._composite_ = True
            enum_class._member_map_[name] = enum_member
            try:
                enum_class._value2member_map_.setdefault(value, enum_member)
            except TypeError:
                pass
            type.__setattr__(enum_class, name, enum_member)
            last_values.append(value)
        if is_flag:
            all_bits = 0
            for m in enum_class._member_map_.values():
                all_bits |= m._value_
            type.__setattr__(enum_class, "_flag_mask_", all_bits)
            type.__setattr__(enum_class, "_member_names_",
                             [n for n in enum_class._member_names_
                              if _is_single_bit(enum_class._member_map_[n]._value_)])
        return enum_class

    @staticmethod
    def _get_mixins_(cls_name, bases):
        if not bases:
            return object, None
        member_type = object
        first_enum = None
        for base in bases:
            for klass in base.__mro__:
                if isinstance(klass, EnumType):
                    if first_enum is None:
                        first_enum = klass
                    if klass._member_names_:
                        raise TypeError("<enum %r> cannot extend <enum %r>"
                                        % (cls_name, klass.__name__))
                    continue
                if klass is object:
                    continue
                if "__new__" in klass.__dict__ or klass in (int, str, float, tuple, bytes):
                    member_type = klass
                    break
            if member_type is not object:
                break
        return member_type, first_enum

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls.__new_member__(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start)

    def __new_member__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                            % (cls.__name__, result))
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original = names
            names = []
            last_values = []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            name, value = item
            classdict[name] = value
        classdict["__module__"] = module if module is not None else "__main__"
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return EnumType(class_name, bases, classdict)

    def __contains__(cls, obj):
        if not isinstance(obj, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(obj).__qualname__, type(cls).__qualname__))
        return isinstance(obj, cls) and obj._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % name)
        super().__setattr__(name, value)


EnumMeta = EnumType
_auto_null = object()
Flag = None
_ENUM_BASES = ()


class Enum(metaclass=EnumType):
    """Base class of enumerations: members are unique instances."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                continue
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __init__(self, *args, **kwds):
        pass

    def __repr__(self):
        value_repr = (self._member_type_.__repr__ if self._member_type_ is not object else repr)
        return "<%s.%s: %s>" % (type(self).__name__, self._name_, value_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return str.__format__(str(self), spec)

    def __dir__(self):
        names = ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]
        names += [n for n in type(self).__dict__ if not n.startswith("_")
                  and n not in type(self)._member_map_]
        return sorted(set(names))

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @_builtin_property
    def name(self):
        return self._name_

    @_builtin_property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """An Enum whose str() and format() are those of its mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""

    __repr__ = Enum.__repr__

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return int.__format__(self, spec)


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs; auto() gives the lower-cased name."""

    _name_ = _SideInfo("_name_")
    _value_ = _SideInfo("_value_")
    __repr__ = Enum.__repr__

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError("%r is not a string" % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        _set_info(member, "_value_", value)
        return member

    def __str__(self):
        return "".join((self,))  # the plain text (str.__str__ would give the repr)

    def __format__(self, spec):
        return format("".join((self,)), spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Members are bit flags combined with | & ^ ~."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        try:
            return 2 ** (_high_bit(last) + 1)
        except Exception:
            raise TypeError("invalid flag value %r" % last) from None

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        mask = cls._flag_mask_
        if issubclass(cls, int):
            if value < 0:
                value = value & mask if value >= -(mask + 1) else value
        elif value < 0 or value & ~mask:
            if value < 0:
                value = max(mask + 1 + value, 0) if value >= -(mask + 1) else value
                if value < 0:
                    raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
            else:
                raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_bits_(value)]
        extra = value & ~mask if value >= 0 else 0
        if not names and value != 0 and not extra:
            names = None
        if names:
            pseudo._name_ = "|".join(names)
            if extra:
                pseudo._name_ += "|" + hex(extra)
        elif extra:
            pseudo._name_ = None
        else:
            pseudo._name_ = None
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_bits_(cls, value):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ & value == member._value_ and member._value_:
                yield member

    def __iter__(self):
        return iter(list(type(self)._iter_bits_(self._value_)))

    def __len__(self):
        return bin(self._value_).count("1")

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = type(self).__name__
        value_repr = self._member_type_.__repr__ if self._member_type_ is not object else repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, value_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, value_repr(self._value_))

    def __str__(self):
        cls_name = type(self).__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __or__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        return self.__class__(self._flag_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Flag whose members are also ints."""

    # int's methods come first in the MRO: take Flag's back.
    __repr__ = Flag.__repr__
    __or__ = __ror__ = Flag.__or__
    __and__ = __rand__ = Flag.__and__
    __xor__ = __rxor__ = Flag.__xor__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __contains__ = Flag.__contains__

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return int.__format__(self, spec)

    def __invert__(self):
        return self.__class__(self._flag_mask_ & ~self._value_)


_ENUM_BASES = (Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag)


def unique(enumeration):
    """Class decorator: ValueError if two names share a value."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for alias, name in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


class EnumCheck:
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


class FlagBoundary:
    STRICT = "strict"
    CONFORM = "conform"
    EJECT = "eject"
    KEEP = "keep"


def verify(*checks):
    def decorator(enumeration):
        if EnumCheck.UNIQUE in checks:
            unique(enumeration)
        return enumeration
    return decorator


def global_enum(cls):
    import sys
    module = sys.modules.get(cls.__module__)
    if module is not None:
        module.__dict__.update(cls.__members__)
    return cls


property = _builtin_property
