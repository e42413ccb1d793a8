"""Regular expressions with CPython's `re` API, on the PCRE2 engine.

The C++ module `_pcre` (runtime/modules/re_pcre.cpp) compiles and matches;
this module translates Python's pattern syntax to PCRE2's (\\Z, {,n},
\\uXXXX, the a/u/L inline flags), caches compiled patterns, and builds
Pattern and Match objects. Written for pyglass.

Known differences: error messages of bad patterns are PCRE2's (the common
ones are mapped to CPython's text); a few Unicode classes differ at the
edges (\\s and case folding follow PCRE2's Unicode tables).
"""

import _pcre

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


class error(Exception):
    """A bad pattern or template: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


PatternError = error

def _pcre_error(message, offset, text, pattern, shift):
    """re.error for a PCRE2 compile error, in CPython's words where the
    mistake is a common one. `offset` is in `text` (the translated pattern,
    `shift` characters shorter than `pattern` at its start)."""
    def at(i):
        return text[i] if 0 <= i < len(text) else ""

    pos = offset
    if message == "quantifier does not follow a repeatable item":
        if at(offset - 1) in ("*", "+", "?", "}") and offset > 1:
            message = "multiple repeat"
        else:
            message = "nothing to repeat"
    elif message == "unrecognized character follows \\":
        message = "bad escape \\%s" % at(offset)
        pos = offset - 1
    elif message == "\\ at end of pattern":
        message = "bad escape (end of pattern)"
        pos = offset - 1
    elif message == "numbers out of order in {} quantifier":
        message = "min repeat greater than max repeat"
        pos = text.rfind("{", 0, offset) + 1
    elif message == "range out of order in character class":
        message = "bad character range %s" % text[max(offset - 2, 0):offset + 1]
        pos = offset - 2
    elif message == "lookbehind assertion is not fixed length":
        return error("look-behind requires fixed-width pattern")
    elif message == "unrecognized character after (? or (?-":
        message = "unknown extension ?%s" % at(offset)
        pos = offset - 1
    elif message == "reference to non-existent subpattern":
        j = offset
        while j < len(text) and (text[j].isalnum() or text[j] == "_"):
            j += 1
        ref = text[offset:j]
        if ref.isdigit():
            message = "invalid group reference %s" % ref
        else:
            message = "unknown group name '%s'" % ref
    elif message == "missing ) after (?# comment":
        message = "missing ), unterminated comment"
        pos = max(text.rfind("(?#", 0, offset), 0)
    elif message == "subpattern name must start with a non-digit":
        j = text.find(">", offset)
        message = "bad character in group name '%s'" % text[offset:j if j >= 0 else len(text)]
    pos = min(max(pos, 0) + shift, len(pattern))
    return error(message, pattern, pos)


_INLINE_FLAGS = {"i": 2, "L": 4, "m": 8, "s": 16, "u": 32, "x": 64, "a": 256}


def _leading_flags(text):
    """Flags of the global inline groups "(?aimsux)" at the start of text,
    and the text with the a/u/L ones removed (PCRE2 does not know them)."""
    flags = 0
    out = text
    while out.startswith("(?"):
        j = 2
        while j < len(out) and out[j] in _INLINE_FLAGS:
            j += 1
        if j == 2 or j >= len(out) or out[j] != ")":
            break
        for ch in out[2:j]:
            flags |= _INLINE_FLAGS[ch]
        out = out[j + 1:]
    return flags, out


def _translate(text, is_str, pattern, shift, verbose_comment_risk):
    """Python pattern syntax -> PCRE2 syntax (text is a str; bytes patterns
    come here decoded as latin-1)."""
    out = []
    i = 0
    n = len(text)
    in_class = False
    class_start = 0
    open_parens = []  # positions of the "(" not yet closed
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "Z" and not in_class:
                out.append("\\z")
                i += 2
                continue
            if is_str and nxt in "uU":
                width = 4 if nxt == "u" else 8
                digits = text[i + 2:i + 2 + width]
                if len(digits) == width and all(c in "0123456789abcdefABCDEF" for c in digits):
                    out.append("\\x{" + digits + "}")
                    i += 2 + width
                    continue
                raise error("incomplete escape \\%s%s" % (nxt, digits), text, i)
            out.append(text[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            elif ch == "[" and i + 1 < n and text[i + 1] == ":":
                out.append("\\[")  # Python has no POSIX classes: "[:" is literal
                i += 1
                continue
            out.append(ch)
            i += 1
            continue
        if ch == "(" and text.startswith("(?#", i):
            close = text.find(")", i)
            if close < 0:
                raise error("missing ), unterminated comment", pattern, i + shift)
            out.append(text[i:close + 1])
            i = close + 1
            continue
        if ch == "(":
            open_parens.append(i)
        elif ch == ")":
            if not open_parens:
                raise error("unbalanced parenthesis", pattern, i + shift)
            open_parens.pop()
        if ch == "[":
            in_class = True
            class_start = i
            out.append(ch)
            i += 1
            if i < n and text[i] == "^":
                out.append("^")
                i += 1
            if i < n and text[i] == "]":
                out.append("\\]")
                i += 1
            continue
        if ch == "{" and i + 1 < n and text[i + 1] == ",":
            j = i + 2
            while j < n and text[j].isdigit():
                j += 1
            if j < n and text[j] == "}" and out:
                out.append("{0,")
                i += 2
                continue
            if j < n and text[j] == "}":
                out.append("\\{")
                i += 1
                continue
        out.append(ch)
        i += 1
    if in_class:
        raise error("unterminated character set", pattern, class_start + shift)
    if open_parens and not verbose_comment_risk:
        raise error("missing ), unterminated subpattern", pattern, open_parens[0] + shift)
    return "".join(out)


def _group_depths(text):
    """Nesting depth of each capturing group (index 1..), for lastindex."""
    depths = [0]
    stack = []
    i = 0
    n = len(text)
    in_class = False
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if text[i + 1:i + 2] == "^":
                i += 1
            if text[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            capturing = not text.startswith("(?", i) or text.startswith("(?P<", i) or (
                text.startswith("(?<", i) and text[i + 3:i + 4] not in ("=", "!"))
            if capturing:
                depths.append(len(stack))
            stack.append(capturing)
        elif ch == ")":
            if stack:
                stack.pop()
        i += 1
    return depths


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


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\"}


def _parse_template(repl, pattern):
    """A replacement template -> a list of literal pieces and group numbers."""
    is_str = isinstance(repl, str)
    text = repl if is_str else repl.decode("latin-1")
    if "\\" not in text:
        return [repl]
    items = []
    literal = []
    i = 0
    n = len(text)

    def group_ref(index, at):
        if index > pattern.groups:
            raise error("invalid group reference %d" % index, repl, at)
        if literal:
            items.append("".join(literal))
            literal.clear()
        items.append(index)

    while i < n:
        ch = text[i]
        if ch != "\\":
            literal.append(ch)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", repl, i)
        nxt = text[i + 1]
        if nxt == "g":
            if i + 2 >= n or text[i + 2] != "<":
                raise error("missing <", repl, i + 2)
            close = text.find(">", i + 3)
            if close < 0:
                raise error("missing >, unterminated name", repl, i + 3)
            name = text[i + 3:close]
            if not name:
                raise error("missing group name", repl, i + 3)
            if name.isdigit() and name.isascii():
                group_ref(int(name), i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                group_ref(pattern.groupindex[name], i + 3)
            else:
                raise error("bad character in group name '%s'" % name, repl, i + 3)
            i = close + 1
        elif nxt == "0":
            j = i + 2
            while j < n and j < i + 4 and text[j] in "01234567":
                j += 1
            literal.append(chr(int(text[i + 1:j], 8)))
            i = j
        elif nxt in "123456789":
            j = i + 2
            if j < n and text[j] in "0123456789":
                if (j + 1 < n and text[j + 1] in "01234567" and nxt in "01234567"
                        and text[j] in "01234567"):
                    value = int(text[i + 1:j + 2], 8)
                    if value > 0o377:
                        raise error("octal escape value \\%s outside of range 0-0o377"
                                    % text[i + 1:j + 2], repl, i)
                    literal.append(chr(value))
                    i = j + 2
                    continue
                j += 1
            group_ref(int(text[i + 1:j]), i + 1)
            i = j
        elif nxt in _ESCAPES:
            literal.append(_ESCAPES[nxt])
            i += 2
        elif nxt.isascii() and nxt.isalpha():
            raise error("bad escape \\%s" % nxt, repl, i)
        else:
            literal.append("\\" + nxt)
            i += 2
    if literal:
        items.append("".join(literal))
    if not is_str:
        items = [x if isinstance(x, int) else x.encode("latin-1") for x in items]
    return items


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
