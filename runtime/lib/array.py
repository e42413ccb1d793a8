"""Typed arrays of numbers (pyglass's bundled `array` module).

array.array keeps its items in a list, each checked and converted on the
way in (ranges and messages as CPython's C types: OverflowError "signed char
is greater than maximum", ...; 'f' items are rounded to single precision).
tobytes/frombytes use the machine's layout through `struct`. There is no
buffer protocol (memoryview does not exist).
"""

import struct as _struct

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_ITEMSIZE = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
             'q': 8, 'Q': 8, 'f': 4, 'd': 8}

_LONG_MAX = 2 ** 63 - 1
_ULONG_MAX = 2 ** 64 - 1

# typecode -> (lo, hi, too-big message, too-small message)
_SMALL = {
    'b': (-128, 127, 'signed char is greater than maximum', 'signed char is less than minimum'),
    'B': (0, 255, 'unsigned byte integer is greater than maximum',
          'unsigned byte integer is less than minimum'),
    'h': (-32768, 32767, 'signed short integer is greater than maximum',
          'signed short integer is less than minimum'),
    'H': (0, 65535, 'unsigned short is greater than maximum', 'unsigned short is less than minimum'),
    'i': (-2 ** 31, 2 ** 31 - 1, 'signed integer is greater than maximum',
          'signed integer is less than minimum'),
}


# The value range of each integer typecode (the fast path of extend).
_INT_RANGES = {'b': (-128, 127), 'B': (0, 255), 'h': (-32768, 32767), 'H': (0, 65535),
               'i': (-2 ** 31, 2 ** 31 - 1), 'I': (0, 2 ** 32 - 1),
               'l': (-2 ** 63, 2 ** 63 - 1), 'L': (0, 2 ** 64 - 1),
               'q': (-2 ** 63, 2 ** 63 - 1), 'Q': (0, 2 ** 64 - 1)}


def _as_int(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), '__index__', None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return index(v)


def _check_item(code, v):
    """v converted for storing in an array of this typecode."""
    if code == 'd' or code == 'f':
        if isinstance(v, float):
            x = v
        elif isinstance(v, int) or hasattr(type(v), '__float__'):
            x = float(v)
        else:
            raise TypeError('must be real number, not %s' % type(v).__name__)
        if code == 'f':
            try:
                x = _struct.unpack('f', _struct.pack('f', x))[0]
            except OverflowError:
                x = float('inf') if x > 0 else float('-inf')
        return x
    if code == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError('array item must be unicode character')
        return v
    n = _as_int(v)
    small = _SMALL.get(code)
    if small is not None:
        if n > _LONG_MAX or n < -_LONG_MAX - 1:
            raise OverflowError('Python int too large to convert to C long')
        lo, hi, big, little = small
        if n > hi:
            raise OverflowError(big)
        if n < lo:
            raise OverflowError(little)
        return n
    if code == 'l':
        if n > _LONG_MAX or n < -_LONG_MAX - 1:
            raise OverflowError('Python int too large to convert to C long')
    elif code == 'I' or code == 'L':
        if n < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if n > _ULONG_MAX:
            raise OverflowError('Python int too large to convert to C unsigned long')
        if code == 'I' and n > 2 ** 32 - 1:
            raise OverflowError('unsigned int is greater than maximum')
    elif code == 'q':
        if n > _LONG_MAX or n < -_LONG_MAX - 1:
            raise OverflowError('int too big to convert')
    elif code == 'Q':
        if n < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if n > _ULONG_MAX:
            raise OverflowError('int too big to convert')
    return n


def _struct_code(code):
    return 'I' if code == 'u' else code


class array:
    """array(typecode[, initializer]): a sequence of numbers of one C type."""

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in _ITEMSIZE:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self._code = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r'
                                % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        elif isinstance(initializer, array):
            if typecode == 'u' and initializer._code != 'u' or (
                    initializer._code == 'u' and typecode != 'u'):
                raise TypeError('cannot use a unicode array to initialize an array with '
                                'typecode %r' % typecode)
            self.extend(initializer._items)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._code

    @property
    def itemsize(self):
        return _ITEMSIZE[self._code]

    def __repr__(self):
        if not self._items:
            return 'array(%r)' % self._code
        if self._code == 'u':
            return 'array(%r, %r)' % (self._code, ''.join(self._items))
        return 'array(%r, %r)' % (self._code, self._items)

    def _new(self, items):
        result = array(self._code)
        result._items = items
        return result

    # --- sequence --------------------------------------------------------

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, value):
        return value in self._items

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._new(self._items[index])
        try:
            return self._items[index]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(value).__name__)
            if value._code != self._code:
                raise TypeError('bad argument type for built-in operation')
            self._items[index] = value._items
            return
        value = _check_item(self._code, value)
        try:
            self._items[index] = value
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, index):
        try:
            del self._items[index]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._code != self._code:
            raise TypeError('bad argument type for built-in operation')
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def _compare_items(self, other):
        if isinstance(other, array):
            return other._items
        return NotImplemented

    def __eq__(self, other):
        items = self._compare_items(other)
        return items if items is NotImplemented else self._items == items

    def __ne__(self, other):
        items = self._compare_items(other)
        return items if items is NotImplemented else self._items != items

    def __lt__(self, other):
        items = self._compare_items(other)
        return items if items is NotImplemented else self._items < items

    def __le__(self, other):
        items = self._compare_items(other)
        return items if items is NotImplemented else self._items <= items

    def __gt__(self, other):
        items = self._compare_items(other)
        return items if items is NotImplemented else self._items > items

    def __ge__(self, other):
        items = self._compare_items(other)
        return items if items is NotImplemented else self._items >= items

    __hash__ = None

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    # --- methods ---------------------------------------------------------

    def append(self, value):
        self._items.append(_check_item(self._code, value))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._code != self._code:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        code = self._code
        items = list(iterable)
        if items:
            kinds = set(map(type, items))
            if code in _INT_RANGES and kinds == {int}:
                # all plain ints: one range check for the lot (C-speed builtins)
                lo, hi = _INT_RANGES[code]
                if lo <= min(items) and max(items) <= hi:
                    self._items.extend(items)
                    return
            elif code == 'd' and kinds <= {int, float}:
                self._items.extend(map(float, items))
                return
        append = self._items.append
        for v in items:  # one at a time: items before a bad one stay, as in CPython
            append(_check_item(code, v))

    def fromlist(self, values):
        if not isinstance(values, list):
            raise TypeError('arg must be list')
        self.extend(values)

    def insert(self, index, value):
        self._items.insert(index, _check_item(self._code, value))

    def pop(self, index=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(index)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, value, start=0, stop=None):
        items = self._items
        if stop is None:
            stop = len(items)
        try:
            return items.index(value, start, stop)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, value):
        return self._items.count(value)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def tobytes(self):
        items = self._items
        if self._code == 'u':
            items = [ord(c) for c in items]
        return _struct.pack('%d%s' % (len(items), _struct_code(self._code)), *items)

    def frombytes(self, data):
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        size = _ITEMSIZE[self._code]
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        values = _struct.unpack('%d%s' % (len(data) // size, _struct_code(self._code)), bytes(data))
        if self._code == 'u':
            values = [chr(v) for v in values]
        self._items.extend(values)

    def tounicode(self):
        if self._code != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, text):
        if self._code != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._items.extend(text)

    def byteswap(self):
        size = _ITEMSIZE[self._code]
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        self._items = []
        self.frombytes(swapped)

    def buffer_info(self):
        return (id(self), len(self._items))

    def tofile(self, f):
        f.write(self.tobytes())

    def fromfile(self, f, n):
        size = _ITEMSIZE[self._code]
        data = f.read(n * size)
        usable = len(data) - len(data) % size
        self.frombytes(data[:usable])
        if len(data) < n * size:
            raise EOFError('read() didn\'t return enough bytes')


array.__module__ = 'array'
ArrayType = array
