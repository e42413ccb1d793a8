"""Regular expressions with CPython's `re` API, on the PCRE2 engine.

The C++ module `_pcre` (runtime/modules/re_pcre.cpp) compiles and matches;
_re_parse.py translates Python's pattern syntax to PCRE2's (\\Z, {,n},
\\uXXXX, the a/u/L inline flags) and parses templates; this module caches
compiled patterns and builds Pattern and Match objects. Written for pyglass.

Known differences: error messages of bad patterns are PCRE2's (the common
ones are mapped to CPython's text); a few Unicode classes differ at the
edges (\\s and case folding follow PCRE2's Unicode tables).
"""

import _pcre
from _re_parse import (error, _pcre_error, _leading_flags, _translate,
                       _group_depths, _parse_template)

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall",
           "finditer", "compile", "purge", "escape", "error", "Pattern", "Match",
           "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
           "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]

_MAXSIZE = 9223372036854775807


class RegexFlag(int):
    """An int with CPython's repr for the flag constants (re.IGNORECASE, ...)."""

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    def __repr__(self):
        return _flags_text(int(self), _ENUM_ORDER, "re.NOFLAG")

    __str__ = __repr__


# RegexFlag's repr lists names in the enum's definition order; a Pattern's
# repr in the engine's order.
_ENUM_ORDER = [("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
               ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
               ("DEBUG", 128)]
_PATTERN_ORDER = [("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
                  ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128),
                  ("ASCII", 256)]


def _flags_text(value, order, zero):
    names = []
    for name, bit in order:
        if value & bit:
            names.append("re." + name)
            value &= ~bit
    if value:
        names.append(hex(value))
    return "|".join(names) if names else zero

NOFLAG = RegexFlag(0)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)
T = TEMPLATE = RegexFlag(1)


class Pattern:
    """A compiled regular expression (re.compile's result)."""

    def __init__(self, pattern, flags):
        self.pattern = pattern
        is_str = isinstance(pattern, str)
        text = pattern if is_str else pattern.decode("latin-1")
        inline, text = _leading_flags(text)
        flags = int(flags) | inline
        if is_str:
            if flags & LOCALE:
                raise ValueError("cannot use LOCALE flag with a str pattern")
            if flags & ASCII and flags & UNICODE:
                raise ValueError("ASCII and UNICODE flags are incompatible")
            if not flags & ASCII:
                flags |= UNICODE
        else:
            if flags & UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            if flags & LOCALE and flags & ASCII:
                raise ValueError("ASCII and LOCALE flags are incompatible")
        self.flags = flags
        options = 0
        if flags & IGNORECASE:
            options |= _pcre.CASELESS
        if flags & MULTILINE:
            options |= _pcre.MULTILINE
        if flags & DOTALL:
            options |= _pcre.DOTALL
        if flags & VERBOSE:
            options |= _pcre.EXTENDED
        if is_str and not flags & ASCII:
            options |= _pcre.UCP
        shift = (len(pattern) - len(text))
        # In verbose mode a "(" may sit in a comment: leave those checks to PCRE2.
        translated = _translate(text, is_str, pattern, shift, bool(flags & VERBOSE) or "(?x" in text)
        handle = _pcre.compile(translated if is_str else translated.encode("latin-1"), options)
        if isinstance(handle, tuple):
            message, offset = handle
            raise _pcre_error(message, offset, translated, pattern, shift)
        self._handle = handle
        self.groups, names = _pcre.info(handle)
        # PCRE2 lists names alphabetically; Python in group order.
        self.groupindex = dict(sorted(names.items(), key=lambda item: item[1]))
        self._depths = None

    # -- matching -----------------------------------------------------------

    def _one(self, string, pos, endpos, mode):
        found = _pcre.scan(self._handle, string, pos, endpos, mode, 1)
        if not found:
            return None
        return Match(self, string, pos, endpos, found[0])

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._one(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        for offsets in _pcre.scan(self._handle, string, pos, endpos, 0, 0):
            yield Match(self, string, pos, endpos, offsets)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return _pcre.findall(self._handle, string, pos, endpos)

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        found = _pcre.scan(self._handle, string, 0, _MAXSIZE, 0, maxsplit)
        result = []
        last = 0
        for o in found:
            result.append(string[last:o[0]])
            for g in range(1, self.groups + 1):
                result.append(string[o[2 * g]:o[2 * g + 1]] if o[2 * g] >= 0 else None)
            last = o[1]
        result.append(string[last:])
        return result

    def subn(self, repl, string, count=0):
        is_str = isinstance(self.pattern, str)
        if not callable(repl):
            # The template is checked before matching, as CPython does.
            if is_str and not isinstance(repl, str):
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            if not is_str and isinstance(repl, str):
                raise TypeError("expected a bytes-like object, str found")
            template = _parse_template(repl, self)
        if count < 0:
            return string, 0
        found = _pcre.scan(self._handle, string, 0, _MAXSIZE, 0, count)
        if not found:
            return string, 0
        pieces = []
        last = 0
        for o in found:
            pieces.append(string[last:o[0]])
            if callable(repl):
                piece = repl(Match(self, string, 0, _MAXSIZE, o))
                if piece:
                    pieces.append(piece)
            else:
                for item in template:
                    if isinstance(item, int):
                        if o[2 * item] >= 0:
                            pieces.append(string[o[2 * item]:o[2 * item + 1]])
                    else:
                        pieces.append(item)
            last = o[1]
        pieces.append(string[last:])
        joiner = "" if is_str else b""
        return joiner.join(pieces), len(found)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    # -- object protocol -----------------------------------------------------

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~UNICODE
        if flags:
            return "re.compile(%s, %s)" % (text, _flags_text(flags, _PATTERN_ORDER, "0"))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        # re.Pattern[str] in annotations (CPython gives a types.GenericAlias).
        return cls


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, offsets):
        self.re = pattern
        self.string = string
        length = len(string)
        self.pos = min(max(pos, 0), length)
        self.endpos = min(max(endpos, 0), length)
        self._offsets = offsets

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool) or type(group) is bool:
            if 0 <= group <= self.re.groups:
                return int(group)
        elif isinstance(group, (str, bytes)):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        elif hasattr(type(group), "__index__"):
            return self._index(group.__index__())
        raise IndexError("no such group")

    def _get(self, index, default=None):
        o = self._offsets
        start = o[2 * index]
        if start < 0:
            return default
        return self.string[start:o[2 * index + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._offsets[2 * self._index(group)]

    def end(self, group=0):
        return self._offsets[2 * self._index(group) + 1]

    def span(self, group=0):
        index = self._index(group)
        return self._offsets[2 * index], self._offsets[2 * index + 1]

    @property
    def regs(self):
        return tuple((self._offsets[2 * g], self._offsets[2 * g + 1])
                     for g in range(self.re.groups + 1))

    def expand(self, template):
        items = _parse_template(template, self.re)
        empty = self.string[0:0]
        return empty.join(x if not isinstance(x, int) else self._get(x, empty) for x in items)

    @property
    def lastindex(self):
        # The group that closed last: the largest end; among equal ends the
        # outermost group, else the later one.
        o = self._offsets
        pattern = self.re
        if pattern._depths is None:
            text = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
            pattern._depths = _group_depths(text)
        depths = pattern._depths
        best = None
        for g in range(1, pattern.groups + 1):
            if o[2 * g] < 0:
                continue
            if best is None:
                best = g
                continue
            end, best_end = o[2 * g + 1], o[2 * best + 1]
            depth = depths[g] if g < len(depths) else 0
            best_depth = depths[best] if best < len(depths) else 0
            if end > best_end or (end == best_end and depth <= best_depth):
                best = g
        return best

    @property
    def lastgroup(self):
        index = self.lastindex
        if index is None:
            return None
        for name, i in self.re.groupindex.items():
            if i == index:
                return name
        return None

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (
            self._offsets[0], self._offsets[1], self._get(0))

    def __bool__(self):
        return True

    def __class_getitem__(cls, item):
        return cls

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# -- module-level functions -----------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    key = (type(pattern), pattern, int(flags))
    found = _cache.get(key)
    if found is not None:
        return found
    compiled = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    text = bytes(pattern).decode("latin-1")
    return "".join("\\" + c if c in _SPECIAL else c for c in text).encode("latin-1")
