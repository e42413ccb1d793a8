# inspect: pyglass's bundled implementation (written for pyglass). Frames
# and the call stack, type predicates, source of functions, and signature()
# for Python functions.
#
# Differences from CPython: FrameInfo / Traceback have no `positions`
# (pyglass code objects carry lines, not columns); signature() covers
# Python functions, methods and classes with a Python __init__, not
# builtins.
import sys
import linecache

__all__ = ["currentframe", "stack", "trace", "getframeinfo", "getouterframes",
           "getinnerframes", "getsource", "getsourcelines", "getfile", "getsourcefile",
           "isgenerator", "isgeneratorfunction", "iscoroutine", "iscoroutinefunction",
           "isfunction", "ismethod", "isclass", "ismodule", "isbuiltin", "isroutine",
           "isframe", "iscode", "istraceback", "isasyncgen", "isasyncgenfunction",
           "isawaitable", "getmembers", "signature", "Signature", "Parameter",
           "FrameInfo", "Traceback", "getdoc", "cleandoc", "getmodule", "unwrap"]

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


# ---- the types the predicates test ------------------------------------------

def _f():
    pass


def _g():
    yield


async def _c():
    pass


class _C:
    def _m(self):
        pass


_FunctionType = type(_f)
_CodeType = type(_f.__code__)
_GeneratorType = type(_g())
_coro = _c()
_CoroutineType = type(_coro)
_coro.close()
del _coro
_MethodType = type(_C()._m)
_BuiltinType = type(len)
_ModuleType = type(sys)
_FrameType = type(sys._getframe())


def _traceback_type():
    try:
        raise ValueError
    except ValueError as e:
        return type(e.__traceback__)


_TracebackType = _traceback_type()


# ---- predicates ---------------------------------------------------------------

def ismodule(object):
    return isinstance(object, _ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _MethodType)


def isfunction(object):
    return isinstance(object, _FunctionType)


def isbuiltin(object):
    return isinstance(object, _BuiltinType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def isframe(object):
    return isinstance(object, _FrameType)


def iscode(object):
    return isinstance(object, _CodeType)


def istraceback(object):
    return isinstance(object, _TracebackType)


def isgenerator(object):
    return isinstance(object, _GeneratorType)


def iscoroutine(object):
    return isinstance(object, _CoroutineType)


def isasyncgen(object):
    return type(object).__name__ == "async_generator"


def isawaitable(object):
    return iscoroutine(object) or hasattr(type(object), "__await__")


def _function_of(f):
    while ismethod(f):
        f = f.__func__
    return f if isfunction(f) else None


def isgeneratorfunction(obj):
    f = _function_of(obj)
    return f is not None and bool(f.__code__.co_flags & CO_GENERATOR)


def iscoroutinefunction(obj):
    f = _function_of(obj)
    if f is None or not f.__code__.co_flags & CO_COROUTINE:
        return False
    return not isasyncgenfunction(f)


def isasyncgenfunction(obj):
    f = _function_of(obj)
    if f is None:
        return False
    return bool(f.__code__.co_flags & CO_ASYNC_GENERATOR)


# ---- frames and the stack --------------------------------------------------------

class _Record(tuple):
    """A named tuple: subclasses list their field names in _fields and get
    one read-only property per field (_add_field_properties)."""

    _fields = ()

    def __new__(cls, *args, **kwargs):
        values = list(args)
        for name in cls._fields[len(values):]:
            if name not in kwargs:
                raise TypeError(f"{cls.__name__}() missing required argument: '{name}'")
            values.append(kwargs.pop(name))
        if kwargs or len(values) != len(cls._fields):
            raise TypeError(f"{cls.__name__}() takes {len(cls._fields)} arguments")
        return tuple.__new__(cls, values)

    def __repr__(self):
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(type(self)._fields, self))
        return f"{type(self).__name__}({inner})"

    def _asdict(self):
        return dict(zip(type(self)._fields, self))


def _add_field_properties(cls):
    for i, name in enumerate(cls._fields):
        setattr(cls, name, property(lambda self, i=i: tuple.__getitem__(self, i)))
    return cls


class Traceback(_Record):
    _fields = ("filename", "lineno", "function", "code_context", "index")


class FrameInfo(_Record):
    _fields = ("frame", "filename", "lineno", "function", "code_context", "index")


_add_field_properties(Traceback)
_add_field_properties(FrameInfo)


def currentframe():
    """The caller's frame."""
    return sys._getframe(1)


def getfile(object):
    """The file an object was defined in."""
    if ismodule(object):
        if getattr(object, "__file__", None):
            return object.__file__
        raise TypeError(f"{object!r} is a built-in module")
    if isclass(object):
        module = sys.modules.get(object.__module__)
        if getattr(module, "__file__", None):
            return module.__file__
        raise TypeError(f"{object!r} is a built-in class")
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError(f"module, class, method, function, traceback, frame, or code object "
                    f"was expected, got {type(object).__name__}")


def getsourcefile(object):
    filename = getfile(object)
    if linecache.getlines(filename):
        return filename
    return None


def getframeinfo(frame, context=1):
    """Traceback(filename, lineno, function, code_context, index) for a
    frame or a traceback entry."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    if not isframe(frame):
        raise TypeError(f"{frame!r} is not a frame or traceback object")
    filename = frame.f_code.co_filename
    if context > 0:
        start = lineno - 1 - context // 2
        lines = linecache.getlines(filename)
        if lines:
            start = max(0, min(start, len(lines) - context))
            code_context = lines[start:start + context]
            index = lineno - 1 - start
        else:
            code_context = index = None
    else:
        code_context = index = None
    return Traceback(filename, lineno, frame.f_code.co_name, code_context, index)


def getouterframes(frame, context=1):
    """FrameInfo for `frame` and each of its callers, innermost first."""
    frames = []
    while frame is not None:
        info = getframeinfo(frame, context)
        frames.append(FrameInfo(frame, *info))
        frame = frame.f_back
    return frames


def getinnerframes(tb, context=1):
    """FrameInfo for each entry of a traceback, outermost first."""
    frames = []
    while tb is not None:
        info = getframeinfo(tb, context)
        frames.append(FrameInfo(tb.tb_frame, *info))
        tb = tb.tb_next
    return frames


def stack(context=1):
    """FrameInfo for the caller and its callers, innermost first."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """FrameInfo from the exception being handled to where it was raised."""
    return getinnerframes(sys.exc_info()[2], context)


# ---- source -------------------------------------------------------------------

def _block_end(lines, start):
    # The block starting at lines[start] (a def/class/decorator line) ends
    # before the first non-blank line indented no deeper than it, once the
    # header's own (possibly multi-line) statement is over.
    first = lines[start]
    indent = len(first) - len(first.lstrip())
    i = start
    while i < len(lines) and lines[i].lstrip().startswith("@"):
        i += 1
    depth = 0
    while i < len(lines):
        text = lines[i]
        for ch in text:
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
        i += 1
        if depth <= 0 and text.rstrip().endswith(":"):
            break
        if depth <= 0 and ":" in text:
            # a one-line body: def f(): return 1
            head, _, rest = text.partition(":")
            if rest.strip() and not rest.strip().startswith("#"):
                return i
    while i < len(lines):
        text = lines[i]
        if text.strip() and not text.lstrip().startswith("#"):
            if len(text) - len(text.lstrip()) <= indent:
                break
        i += 1
    while i > start + 1 and not lines[i - 1].strip():
        i -= 1
    return i


def getsourcelines(object):
    """(lines, first line number) of a function, method or class."""
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        code = object.__code__
        lines = linecache.getlines(code.co_filename)
        first = code.co_firstlineno
        if not lines or first > len(lines):
            raise OSError("could not get source code")
        return lines[first - 1:_block_end(lines, first - 1)], first
    if iscode(object):
        lines = linecache.getlines(object.co_filename)
        first = object.co_firstlineno
        return lines[first - 1:_block_end(lines, first - 1)], first
    if isclass(object):
        # The first `class Name` line at any indentation (CPython walks the
        # syntax tree by qualified name; nested classes may differ).
        lines = linecache.getlines(getfile(object))
        name = object.__name__
        for i, text in enumerate(lines):
            stripped = text.lstrip()
            if stripped.startswith("class " + name):
                rest = stripped[6 + len(name):6 + len(name) + 1]
                if rest in ("(", ":", " "):
                    return lines[i:_block_end(lines, i)], i + 1
        raise OSError("could not find class definition")
    if ismodule(object):
        lines = linecache.getlines(getfile(object))
        if not lines:
            raise OSError("could not get source code")
        return lines, 0
    raise TypeError(f"module, class, method, function, traceback, frame, or code object "
                    f"was expected, got {type(object).__name__}")


def getsource(object):
    """The source text of a function or method."""
    lines, _ = getsourcelines(object)
    return "".join(lines)


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    """Strip a docstring's common indentation (PEP 257)."""
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getmodule(object):
    if ismodule(object):
        return object
    name = getattr(object, "__module__", None)
    if name is not None:
        return sys.modules.get(name)
    return None


def unwrap(func, *, stop=None):
    seen = set()
    while hasattr(func, "__wrapped__") and not (stop is not None and stop(func)):
        if id(func) in seen:
            raise ValueError(f"wrapper loop when unwrapping {func!r}")
        seen.add(id(func))
        func = func.__wrapped__
    return func


def getmembers(object, predicate=None):
    """(name, value) for every attribute in dir(object), sorted by name."""
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


# ---- signature -------------------------------------------------------------------

class _empty:
    """Marker: no default / no annotation."""


class _ParameterKind(int):
    _names = ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD", "VAR_POSITIONAL",
              "KEYWORD_ONLY", "VAR_KEYWORD")
    _descriptions = ("positional-only", "positional or keyword", "variadic positional",
                     "keyword-only", "variadic keyword")

    @property
    def name(self):
        return _ParameterKind._names[int(self)]

    @property
    def value(self):
        return int(self)

    @property
    def description(self):
        return _ParameterKind._descriptions[int(self)]

    def __str__(self):
        return self.name

    def __repr__(self):
        return f"<_ParameterKind.{self.name}: {int(self)}>"


_POSITIONAL_ONLY = _ParameterKind(0)
_POSITIONAL_OR_KEYWORD = _ParameterKind(1)
_VAR_POSITIONAL = _ParameterKind(2)
_KEYWORD_ONLY = _ParameterKind(3)
_VAR_KEYWORD = _ParameterKind(4)


def formatannotation(annotation, base_module=None):
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a Signature: name, kind, default, annotation."""

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, int) or not 0 <= int(kind) <= 4:
            raise ValueError(f"value {kind!r} is not a valid Parameter.kind")
        self._name = name
        self._kind = _ParameterKind(int(kind))
        self._default = default
        self._annotation = annotation

    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    def replace(self, *, name=None, kind=None, default=None, annotation=None):
        return Parameter(self._name if name is None else name,
                         self._kind if kind is None else kind,
                         default=self._default if default is None else default,
                         annotation=self._annotation if annotation is None else annotation)

    def __str__(self):
        kind = self._kind
        text = self._name
        if self._annotation is not _empty:
            text = f"{text}: {formatannotation(self._annotation)}"
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = f"{text} = {self._default!r}"
            else:
                text = f"{text}={self._default!r}"
        if kind == _VAR_POSITIONAL:
            text = "*" + text
        elif kind == _VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return f'<{type(self).__name__} "{self}">'

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, int(self._kind), self._annotation, self._default))


class Signature:
    """The parameters of a callable, and its return annotation."""

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self._parameters = {}
        for p in parameters or ():
            if p.name in self._parameters:
                raise ValueError(f"duplicate parameter name: {p.name!r}")
            self._parameters[p.name] = p
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        return dict(self._parameters)

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=None, return_annotation=None):
        return Signature(list(self._parameters.values()) if parameters is None else parameters,
                         return_annotation=(self._return_annotation if return_annotation is None
                                            else return_annotation))

    def __str__(self):
        parts = []
        separator_needed = False  # a '/' after the positional-only ones
        star_needed = True        # a bare '*' before the first keyword-only one
        for p in self._parameters.values():
            kind = p.kind
            if kind == _POSITIONAL_ONLY:
                separator_needed = True
            elif separator_needed:
                parts.append("/")
                separator_needed = False
            if kind == _VAR_POSITIONAL:
                star_needed = False
            elif kind == _KEYWORD_ONLY and star_needed:
                parts.append("*")
                star_needed = False
            parts.append(str(p))
        if separator_needed:
            parts.append("/")
        text = "({})".format(", ".join(parts))
        if self._return_annotation is not _empty:
            text += " -> {}".format(formatannotation(self._return_annotation))
        return text

    def __repr__(self):
        return f"<{type(self).__name__} {self}>"

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation and
                list(self._parameters.values()) == list(other._parameters.values()))

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return signature(obj, follow_wrapped=follow_wrapped)


def _function_signature(func, skip_first):
    code = func.__code__
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = code.co_posonlyargcount
    nkwonly = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = func.__annotations__ or {}
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < nposonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default,
                                annotation=annotations.get(name, _empty)))
    at = npos + nkwonly
    if code.co_flags & CO_VARARGS:
        name = names[at]
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
        at += 1
    for i in range(npos, npos + nkwonly):
        name = names[i]
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = names[at]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    if skip_first:
        if not params or params[0].kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
            raise ValueError(f"invalid method signature")
        if params[0].kind != _VAR_POSITIONAL:
            params = params[1:]
    return Signature(params, return_annotation=annotations.get("return", _empty))


def signature(obj, *, follow_wrapped=True):
    """The Signature of a Python function, method or class."""
    if not callable(obj):
        raise TypeError(f"{obj!r} is not a callable object")
    if follow_wrapped:
        obj = unwrap(obj)
    if ismethod(obj):
        return _function_signature(obj.__func__, True)
    if isfunction(obj):
        return _function_signature(obj, False)
    if isclass(obj):
        init = None
        for klass in obj.__mro__:
            if "__init__" in klass.__dict__:
                init = klass.__dict__["__init__"]
                break
        if isfunction(init):
            return _function_signature(init, True)
        raise ValueError(f"no signature found for builtin type {obj!r}")
    call = getattr(type(obj), "__call__", None)
    if isfunction(call):
        return _function_signature(call, True)
    raise ValueError(f"no signature found for {obj!r}")
