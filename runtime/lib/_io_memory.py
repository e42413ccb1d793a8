# In-memory streams for io: StringIO (text) and BytesIO (bytes), with
# CPython's messages (their closed-file message has no final period, except
# where CPython's own has one).

from _io_base import IOBase, _NO_PERIOD


class StringIO(IOBase):
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        self._newline = newline
        self._chunks = []          # writes appended at the end, joined lazily
        self._value = self._translate(initial_value)
        self._size = len(self._value)
        self._pos = 0
        self._closed = False

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            return s.replace('\r\n', '\n').replace('\r', '\n') if '\r' in s else s
        if nl in ('\r', '\r\n') and '\n' in s:
            return s.replace('\n', nl)
        return s

    def _text(self):
        if self._chunks:
            self._value += ''.join(self._chunks)
            self._chunks = []
        return self._value

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def readable(self):
        self._check_closed(_NO_PERIOD)
        return True

    def writable(self):
        self._check_closed(_NO_PERIOD)
        return True

    def seekable(self):
        self._check_closed(_NO_PERIOD)
        return True

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_closed(_NO_PERIOD)
        return self._text()

    def write(self, s):
        if (type(s) is str and not self._closed and self._pos == self._size and
                (self._newline == '\n' or self._newline == '')):
            # appending without translation: no copy until read back
            self._chunks.append(s)
            n = len(s)
            self._pos += n
            self._size = self._pos
            return n
        self._check_closed(_NO_PERIOD)
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        s = self._translate(s)
        if self._pos == self._size:  # appending: no copy until read back
            self._chunks.append(s)
            self._pos += len(s)
            self._size = self._pos
            return n
        value = self._text()
        if self._pos > len(value):
            value += '\0' * (self._pos - len(value))
        self._value = value[:self._pos] + s + value[self._pos + len(s):]
        self._size = len(self._value)
        self._pos += len(s)
        return n

    def read(self, size=-1):
        self._check_closed(_NO_PERIOD)
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        value = self._text()
        start = self._pos
        end = len(value) if size < 0 else min(len(value), start + size)
        if start >= end:
            return ''
        self._pos = end
        return value[start:end]

    def readline(self, size=-1):
        self._check_closed(_NO_PERIOD)
        if size is None:
            size = -1
        value = self._text()
        start = self._pos
        if start >= len(value):
            return ''
        if self._newline == '':
            end = len(value)
            i = start
            while i < len(value):
                c = value[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    end = i + 2 if value[i + 1:i + 2] == '\n' else i + 1
                    break
                i += 1
        else:
            nl = self._newline if self._newline else '\n'
            i = value.find(nl, start)
            end = len(value) if i < 0 else i + len(nl)
        if size >= 0 and end - start > size:
            end = start + size
        self._pos = end
        return value[start:end]

    def tell(self):
        self._check_closed(_NO_PERIOD)
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed(_NO_PERIOD)
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._text())
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_closed(_NO_PERIOD)
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        value = self._text()
        if size < len(value):
            self._value = value[:size]
            self._size = size
        return size

    def __repr__(self):
        return "<_io.StringIO object at 0x%x>" % id(self)


class BytesIO(IOBase):
    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._buf = bytearray(initial_bytes)
        self._pos = 0
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_closed()
        return bytes(self._buf)

    def getbuffer(self):
        self._check_closed()
        return self._buf

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        n = len(b)
        pos = self._pos
        buf = self._buf
        if pos == len(buf):
            buf += b
        else:
            if pos > len(buf):
                buf += b'\0' * (pos - len(buf))
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        start = self._pos
        end = len(self._buf) if size < 0 else min(len(self._buf), start + size)
        if start >= end:
            return b''
        self._pos = end
        return bytes(self._buf[start:end])

    read1 = read

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_closed()
        if size is None:
            size = -1
        start = self._pos
        if start >= len(self._buf):
            return b''
        i = self._buf.find(b'\n', start)
        end = len(self._buf) if i < 0 else i + 1
        if size >= 0 and end - start > size:
            end = start + size
        self._pos = end
        return bytes(self._buf[start:end])

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value %d" % size)
        del self._buf[size:]
        return size

    def __repr__(self):
        return "<_io.BytesIO object at 0x%x>" % id(self)


StringIO.__module__ = '_io'
BytesIO.__module__ = '_io'
