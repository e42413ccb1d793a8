"""JSON encoding and decoding (pyglass's bundled `json` module).

dumps/dump/loads/load, JSONEncoder/JSONDecoder and JSONDecodeError with
CPython 3.11's output, options and error messages ("Expecting value: line 1
column 1 (char 0)"). A single module: `json.decoder` / `json.encoder` are
not separate submodules here.
"""

import _json

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError',
           'JSONEncoder']

_INFINITY = float('inf')


class JSONDecodeError(ValueError):
    """ValueError with the position of the error: msg, doc, pos, lineno,
    colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = 'json.decoder'

# ---------------------------------------------------------------------------
# Encoding
# ---------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
            '\b': '\\b', '\f': '\\f'}
for _i in range(0x20):
    _ESCAPES.setdefault(chr(_i), '\\u%04x' % _i)
del _i


def _encode_str(s):
    """A JSON string keeping non-ASCII characters (ensure_ascii=False)."""
    out = []
    start = 0
    for i, c in enumerate(s):
        if c < ' ' or c == '"' or c == '\\':
            out.append(s[start:i])
            out.append(_ESCAPES[c])
            start = i + 1
    if not out:
        return '"' + s + '"'
    out.append(s[start:])
    return '"' + ''.join(out) + '"'


def _encode_str_ascii(s):
    """A JSON string of ASCII only: others as \\uXXXX (surrogate pairs)."""
    out = []
    start = 0
    for i, c in enumerate(s):
        if ' ' <= c <= '~' and c != '"' and c != '\\':
            continue
        out.append(s[start:i])
        start = i + 1
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
            continue
        n = ord(c)
        if n < 0x10000:
            out.append('\\u%04x' % n)
        else:
            n -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
    if not out:
        return '"' + s + '"'
    out.append(s[start:])
    return '"' + ''.join(out) + '"'


# The C++ versions (same output, much faster).
_encode_str = _json.encode_basestring
_encode_str_ascii = _json.encode_basestring_ascii


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str_ascii(o) if self.ensure_ascii else _encode_str(o)
        if type(self).iterencode is JSONEncoder.iterencode:
            indent = self.indent
            if indent is not None and not isinstance(indent, str):
                indent = ' ' * indent
            return _json.encode(o, self.ensure_ascii, self.allow_nan, self.sort_keys,
                                self.skipkeys, self.check_circular, indent,
                                self.item_separator, self.key_separator, self.default)
        return ''.join(self.iterencode(o))

    def _float(self, o):
        if o != o:
            text = 'NaN'
        elif o == _INFINITY:
            text = 'Infinity'
        elif o == -_INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def iterencode(self, o, _one_shot=False):
        parts = []
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        markers = {} if self.check_circular else None
        encode_str = _encode_str_ascii if self.ensure_ascii else _encode_str
        item_sep = self.item_separator
        key_sep = self.key_separator
        append = parts.append

        def value(o, level):
            if isinstance(o, str):
                append(encode_str(o))
            elif o is None:
                append('null')
            elif o is True:
                append('true')
            elif o is False:
                append('false')
            elif isinstance(o, int):
                append(int.__repr__(o))
            elif isinstance(o, float):
                append(self._float(o))
            elif isinstance(o, (list, tuple)):
                array(o, level)
            elif isinstance(o, dict):
                obj(o, level)
            else:
                if markers is not None:
                    key = id(o)
                    if key in markers:
                        raise ValueError("Circular reference detected")
                    markers[key] = o
                value(self.default(o), level)
                if markers is not None:
                    del markers[key]

        def enter(o):
            if markers is not None:
                key = id(o)
                if key in markers:
                    raise ValueError("Circular reference detected")
                markers[key] = o

        def leave(o):
            if markers is not None:
                del markers[id(o)]

        def array(o, level):
            if not o:
                append('[]')
                return
            enter(o)
            append('[')
            if indent is not None:
                level += 1
                newline = '\n' + indent * level
                sep = item_sep + newline
                append(newline)
            else:
                sep = item_sep
            first = True
            for item in o:
                if not first:
                    append(sep)
                first = False
                value(item, level)
            if indent is not None:
                level -= 1
                append('\n' + indent * level)
            append(']')
            leave(o)

        def obj(o, level):
            if not o:
                append('{}')
                return
            enter(o)
            append('{')
            if indent is not None:
                level += 1
                newline = '\n' + indent * level
                sep = item_sep + newline
                append(newline)
            else:
                sep = item_sep
            items = sorted(o.items()) if self.sort_keys else o.items()
            first = True
            for k, v in items:
                if isinstance(k, str):
                    pass
                elif isinstance(k, float):
                    k = self._float(k)
                elif k is True:
                    k = 'true'
                elif k is False:
                    k = 'false'
                elif k is None:
                    k = 'null'
                elif isinstance(k, int):
                    k = int.__repr__(k)
                elif self.skipkeys:
                    continue
                else:
                    raise TypeError('keys must be str, int, float, bool or None, not %s'
                                    % k.__class__.__name__)
                if not first:
                    append(sep)
                first = False
                append(encode_str(k))
                append(key_sep)
                value(v, level)
            if indent is not None:
                level -= 1
                append('\n' + indent * level)
            append('}')
            leave(o)

        value(o, 0)
        return parts


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan, indent=indent,
               separators=separators, default=default, sort_keys=sort_keys,
               **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    fp.write(dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                   check_circular=check_circular, allow_nan=allow_nan, cls=cls,
                   indent=indent, separators=separators, default=default,
                   sort_keys=sort_keys, **kw))


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n',
              'r': '\r', 't': '\t'}
_CONSTANTS = {'-Infinity': -_INFINITY, 'Infinity': _INFINITY, 'NaN': float('nan')}


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        # No hooks: _json.decode builds the values directly.
        self._plain = (object_hook is None and parse_float is None and parse_int is None and
                       parse_constant is None and object_pairs_hook is None)

    def decode(self, s):
        if self._plain and type(s) is str:
            result = _json.decode(s, self.strict)
            if type(result) is tuple:  # (message, position): malformed
                raise JSONDecodeError(result[0], s, result[1])
            return result
        obj, end = self.raw_decode(s, self._skip(s, 0))
        end = self._skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    @staticmethod
    def _skip(s, i):
        n = len(s)
        while i < n and s[i] in _WHITESPACE:
            i += 1
        return i

    def _value(self, s, i):
        if i >= len(s):
            raise StopIteration(i)
        c = s[i]
        if c == '"':
            return self._string(s, i + 1)
        if c == '{':
            return self._object(s, i + 1)
        if c == '[':
            return self._array(s, i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == '-' or c in _DIGITS:
            j = self._number_end(s, i)
            if j is not None:
                end, is_float = j
                text = s[i:end]
                return (self.parse_float(text) if is_float else self.parse_int(text)), end
        if c == 'N' and s.startswith('NaN', i):
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.parse_constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.parse_constant('-Infinity'), i + 9
        raise StopIteration(i)

    @staticmethod
    def _number_end(s, i):
        """(end, is_float) of the JSON number at i, or None."""
        n = len(s)
        j = i
        if s[j] == '-':
            j += 1
        if j >= n or s[j] not in _DIGITS:
            return None
        if s[j] == '0':
            j += 1
        else:
            while j < n and s[j] in _DIGITS:
                j += 1
        is_float = False
        if j + 1 < n and s[j] == '.' and s[j + 1] in _DIGITS:
            is_float = True
            j += 2
            while j < n and s[j] in _DIGITS:
                j += 1
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and s[k] in _DIGITS:
                while k < n and s[k] in _DIGITS:
                    k += 1
                is_float = True
                j = k
        return j, is_float

    def _string(self, s, i):
        begin = i - 1
        parts = []
        n = len(s)
        while True:
            j = i
            while j < n:
                c = s[j]
                if c == '"' or c == '\\' or c < ' ':
                    break
                j += 1
            else:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            if j > i:
                parts.append(s[i:j])
            c = s[j]
            if c == '"':
                return ''.join(parts), j + 1
            if c != '\\':
                if self.strict:
                    raise JSONDecodeError("Invalid control character at", s, j)
                parts.append(c)
                i = j + 1
                continue
            if j + 1 >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            esc = s[j + 1]
            if esc != 'u':
                ch = _BACKSLASH.get(esc)
                if ch is None:
                    raise JSONDecodeError("Invalid \\escape", s, j)
                parts.append(ch)
                i = j + 2
                continue
            code = self._hex4(s, j + 2)
            i = j + 6
            if 0xD800 <= code <= 0xDBFF and s[i:i + 2] == '\\u':
                low = self._hex4(s, i + 2)
                if 0xDC00 <= low <= 0xDFFF:
                    code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                    i += 6
            parts.append(chr(code))

    @staticmethod
    def _hex4(s, i):
        digits = s[i:i + 4]
        if len(digits) == 4 and digits[0] not in 'xX':
            try:
                return int(digits, 16)
            except ValueError:
                pass
        raise JSONDecodeError("Invalid \\uXXXX escape", s, i - 1)

    def _object(self, s, i):
        pairs = []
        i = self._skip(s, i)
        if s[i:i + 1] != '"':
            if s[i:i + 1] == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), i + 1
                result = {}
                if self.object_hook is not None:
                    result = self.object_hook(result)
                return result, i + 1
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
        while True:
            key, i = self._string(s, i + 1)
            i = self._skip(s, i)
            if s[i:i + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self._skip(s, i + 1)
            try:
                val, i = self._value(s, i)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            pairs.append((key, val))
            i = self._skip(s, i)
            c = s[i:i + 1]
            i += 1
            if c == '}':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            i = self._skip(s, i)
            if s[i:i + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i

    def _array(self, s, i):
        values = []
        i = self._skip(s, i)
        if s[i:i + 1] == ']':
            return values, i + 1
        while True:
            try:
                val, i = self._value(s, i)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            values.append(val)
            i = self._skip(s, i)
            c = s[i:i + 1]
            i += 1
            if c == ']':
                break
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            i = self._skip(s, i)
        return values, i


_default_decoder = JSONDecoder()


def _detect_encoding(b):
    if b.startswith((b'\xef\xbb\xbf')):
        return 'utf-8-sig'
    return 'utf-8'


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError('the JSON object must be str, bytes or bytearray, not %s'
                            % s.__class__.__name__)
        if s.startswith(b'\xef\xbb\xbf'):
            s = s[3:]
        s = s.decode('utf-8', 'surrogatepass')
    if (cls is None and object_hook is None and parse_int is None and
            parse_float is None and parse_constant is None and
            object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
