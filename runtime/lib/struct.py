"""Packing values into bytes (pyglass's bundled `struct` module).

The work is done by the built-in `_struct` module (C++); this file adds
struct.error and the Struct class.
"""

import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


error.__module__ = 'struct'
_struct._set_error(error)

calcsize = _struct.calcsize
pack = _struct.pack
pack_into = _struct.pack_into
unpack = _struct.unpack
unpack_from = _struct.unpack_from
iter_unpack = _struct.iter_unpack


class Struct:
    """A compiled format: format, size, pack, unpack, ..."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self.size = _struct.calcsize(format)
        self.format = format

    def pack(self, *values):
        return _struct.pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return _struct.pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return _struct.unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return _struct.unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return _struct.iter_unpack(self.format, buffer)


Struct.__module__ = '_struct'
