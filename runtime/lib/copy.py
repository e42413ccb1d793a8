"""Shallow and deep copies (pyglass's bundled `copy` module).

copy(x) and deepcopy(x, memo) follow CPython's rules for the built-in
types, __copy__/__deepcopy__, and instances of classes (a new instance
made with cls.__new__(cls) whose __dict__ is copied). Shared and cyclic
structures are copied once (the memo dict maps id() to the copy).
Known gap: __reduce_ex__/__getstate__/__setstate__ protocols are not used.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_atomic_types = (type(None), int, float, bool, str, range,
                 type, type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def _is_atomic(x):
    return isinstance(x, _atomic_types) and not isinstance(x, (list, dict))


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in (list, dict):
        return x.copy()
    if cls is tuple or _is_atomic(x) and cls in _atomic_types:
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if isinstance(x, list):
        y = cls.__new__(cls)
        y.extend(x)
        if hasattr(x, "__dict__"):
            y.__dict__.update(x.__dict__)
        return y
    if isinstance(x, dict):
        y = cls.__new__(cls)
        y.update(x)
        if hasattr(x, "__dict__"):
            y.__dict__.update(x.__dict__)
        return y
    if isinstance(x, (int, float, str, tuple)):
        return x
    y = cls.__new__(cls)
    if hasattr(x, "__dict__"):
        y.__dict__.update(x.__dict__)
    _copy_slots(x, y, None)
    return y


def _copy_slots(x, y, memo):
    # The __slots__ values set on x (each class of the MRO declares its own).
    for klass in type(x).__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_" + klass.__name__.lstrip("_") + name
            try:
                value = getattr(x, name)
            except AttributeError:
                continue
            setattr(y, name, value if memo is None else deepcopy(value, memo))


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic_types:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A tuple of atoms is its own copy; a recursive one may have been
        # copied while copying its items.
        if d in memo:
            return memo[d]
        same = True
        for a, b in zip(items, x):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    else:
        copier = getattr(cls, "__deepcopy__", None)
        if copier is not None:
            y = copier(x, memo)
        elif isinstance(x, (int, float, str)) and not hasattr(x, "__dict__"):
            y = x
        else:
            y = cls.__new__(cls)
            memo[d] = y
            if isinstance(x, list):
                for a in x:
                    y.append(deepcopy(a, memo))
            elif isinstance(x, dict):
                for key, value in x.items():
                    y[deepcopy(key, memo)] = deepcopy(value, memo)
            if hasattr(x, "__dict__"):
                state = deepcopy(x.__dict__, memo)
                y.__dict__.update(state)
            _copy_slots(x, y, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo keeps the originals alive so their ids stay unique.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
