# Binary files for io.open(): one buffered class over a file descriptor
# (the _io_fd C++ module does the system calls), named BufferedReader /
# BufferedWriter / BufferedRandom by its mode, and the bytes side of
# sys.stdin/stdout/stderr (`.buffer`).

import _io_fd
from _io_base import (DEFAULT_BUFFER_SIZE, SEEK_CUR, SEEK_END, IOBase, UnsupportedOperation,
                      _NO_PERIOD, _open_writers)


class BufferedReader(IOBase):
    """A binary file. One class for reading, writing and both; its type
    name (BufferedReader/BufferedWriter/BufferedRandom) follows the mode."""

    def __init__(self, fd, name, mode, readable, writable, appending, closefd=True):
        self._fd = fd
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self._appending = appending
        self._closefd = closefd
        self._rbuf = b''      # read-ahead: _rbuf[_rpos:] follows the logical position
        self._rpos = 0        # (only the line fast path leaves it non-zero)
        self._wbuf = []       # pending writes (bytes), not yet on the fd
        self._wlen = 0
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def raw(self):
        return self

    def __repr__(self):
        kind = 'BufferedRandom' if self._readable and self._writable else (
            'BufferedReader' if self._readable else 'BufferedWriter')
        return "<_io.%s name=%r>" % (kind, self.name)

    def readable(self):
        self._check_closed(_NO_PERIOD)
        return self._readable

    def writable(self):
        self._check_closed(_NO_PERIOD)
        return self._writable

    def seekable(self):
        self._check_closed(_NO_PERIOD)
        return _io_fd.seekable(self._fd)

    def fileno(self):
        self._check_closed(_NO_PERIOD)
        return self._fd

    def isatty(self):
        self._check_closed(_NO_PERIOD)
        return _io_fd.isatty(self._fd)

    def _flush_writes(self):
        if self._wbuf:
            data = b''.join(self._wbuf)
            self._wbuf = []
            self._wlen = 0
            _io_fd.write(self._fd, data)

    def _compact(self):
        if self._rpos:
            self._rbuf = self._rbuf[self._rpos:]
            self._rpos = 0

    def _drop_read_ahead(self):
        # The fd is ahead of the logical position by len(_rbuf).
        self._compact()
        if self._rbuf:
            _io_fd.lseek(self._fd, -len(self._rbuf), SEEK_CUR)
            self._rbuf = b''

    def flush(self):
        self._check_closed()
        self._flush_writes()

    def close(self):
        if self._closed:
            return
        try:
            self._flush_writes()
        finally:
            self._closed = True
            _open_writers.pop(id(self), None)
            self._rbuf = b''
            self._rpos = 0
            if self._closefd:
                _io_fd.close(self._fd)

    def _check_readable(self, name="read"):
        self._check_closed(name + " of closed file")
        if not self._readable:
            raise UnsupportedOperation("read")

    def read(self, size=-1):
        self._check_readable()
        self._flush_writes()
        self._compact()
        if size is None or size < 0:
            data = self._rbuf + _io_fd.read(self._fd, -1)
            self._rbuf = b''
            return data
        while len(self._rbuf) < size:
            chunk = _io_fd.read(self._fd, max(DEFAULT_BUFFER_SIZE, size - len(self._rbuf)))
            if not chunk:
                break
            self._rbuf += chunk
        data = self._rbuf[:size]
        self._rbuf = self._rbuf[size:]
        return data

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, size=0):
        self._check_readable()
        self._compact()
        if not self._rbuf:
            self._rbuf = _io_fd.read(self._fd, DEFAULT_BUFFER_SIZE)
        return self._rbuf

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        if size is None or size < 0:
            b = self._rbuf
            i = b.find(b'\n', self._rpos)
            if i >= 0:
                start = self._rpos
                self._rpos = i + 1
                return b[start:i + 1]
        self._check_readable("readline")
        self._flush_writes()
        self._compact()
        if size is None:
            size = -1
        while True:
            i = self._rbuf.find(b'\n')
            if i >= 0:
                end = i + 1
                break
            if 0 <= size <= len(self._rbuf):
                end = size
                break
            chunk = _io_fd.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not chunk:
                end = len(self._rbuf)
                break
            self._rbuf += chunk
        if 0 <= size < end:
            end = size
        line = self._rbuf[:end]
        self._rbuf = self._rbuf[end:]
        return line

    def __next__(self):
        b = self._rbuf
        i = b.find(b'\n', self._rpos)
        if i >= 0:
            start = self._rpos
            self._rpos = i + 1
            return b[start:i + 1]
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        if not self._writable:
            raise UnsupportedOperation("write")
        self._check_closed("write to closed file")
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        self._drop_read_ahead()
        self._wbuf.append(bytes(data))
        self._wlen += len(data)
        if self._wlen >= DEFAULT_BUFFER_SIZE:
            self._flush_writes()
        return len(data)

    def tell(self):
        self._check_closed(_NO_PERIOD)
        self._compact()
        return _io_fd.lseek(self._fd, 0, SEEK_CUR) - len(self._rbuf) + self._wlen

    def seek(self, pos, whence=0):
        self._check_closed("seek of closed file")
        if not isinstance(pos, int):
            raise TypeError("an integer is required")
        if whence not in (0, 1, 2):
            raise ValueError("whence value %d unsupported" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("negative seek position %d" % pos)
        self._flush_writes()
        self._compact()
        if whence == 1:
            pos -= len(self._rbuf)
        self._rbuf = b''
        return _io_fd.lseek(self._fd, pos, whence)

    def truncate(self, pos=None):
        self._check_closed(_NO_PERIOD)
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")
        self._flush_writes()
        if pos is None:
            pos = self.tell()
        _io_fd.ftruncate(self._fd, pos)
        return pos




BufferedReader.__module__ = '_io'


class _StdBinary(IOBase):
    """sys.stdin.buffer / sys.stdout.buffer / sys.stderr.buffer: bytes
    through the text stream's C stdio (flushed first, so the output keeps
    its order). Reading decodes nothing itself: stdin's text is re-encoded
    as UTF-8 (bytes that were not UTF-8 come back as U+FFFD)."""

    def __init__(self, text):
        self._text = text
        self._fd = text.fileno()
        self._pending = b''  # stdin bytes read ahead by a sized read
        self.raw = self

    @property
    def name(self):
        return self._text.name

    @property
    def mode(self):
        return 'rb' if self._fd == 0 else 'wb'

    @property
    def closed(self):
        return False

    def __repr__(self):
        kind = 'BufferedReader' if self._fd == 0 else 'BufferedWriter'
        return "<_io.%s name=%r>" % (kind, self.name)

    def readable(self):
        return self._fd == 0

    def writable(self):
        return self._fd != 0

    def fileno(self):
        return self._fd

    def isatty(self):
        return self._text.isatty()

    def flush(self):
        if self._fd != 0:
            self._text.flush()

    def write(self, data):
        if self._fd == 0:
            raise UnsupportedOperation("write")
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        self._text.flush()
        _io_fd.write(self._fd, data)
        return len(data)

    def read(self, size=-1):
        if self._fd != 0:
            raise UnsupportedOperation("read")
        data = self._pending
        if size is None or size < 0:
            self._pending = b''
            return data + self._text.read().encode()
        while len(data) < size:
            line = self._text.readline()
            if not line:
                break
            data += line.encode()
        self._pending = data[size:]
        return data[:size]

    def readline(self, size=-1):
        if self._fd != 0:
            raise UnsupportedOperation("readline")
        data = self._pending
        if b'\n' not in data:
            data += self._text.readline().encode()
        i = data.find(b'\n')
        end = len(data) if i < 0 else i + 1
        if size is not None and 0 <= size < end:
            end = size
        self._pending = data[end:]
        return data[:end]


_StdBinary.__module__ = '_io'
