# The `io` module and the open() builtin, written for pyglass.
#
# Layers, as in CPython but folded together:
#   BufferedReader / BufferedWriter / BufferedRandom: a binary file over a
#     file descriptor (the _io_fd C++ module does the system calls), with a
#     read-ahead buffer and a write buffer (flushed on seek, close, or when
#     it grows past the buffer size).
#   TextIOWrapper: str over one of those; decodes with bytes.decode (utf-8
#     by default, or ascii / latin-1), universal newlines on read, '\n'
#     translation on write for newline='\r' / '\r\n'.
#   StringIO / BytesIO: in-memory streams.
# tell() on a text file is the byte offset of the next character
# (opaque cookie, as CPython says), exact when no '\r\n' was translated.

import _io_fd
import atexit as _atexit

DEFAULT_BUFFER_SIZE = 8192
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


# CPython's binary files and StringIO/BytesIO say "... closed file"
# without the final period that text files and the generic checks use.
_NO_PERIOD = "I/O operation on closed file"


class IOBase:
    """Shared behaviour: closed checks, context manager, line iteration."""

    def _check_closed(self, message="I/O operation on closed file."):
        if self.closed:
            raise ValueError(message)

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def flush(self):
        self._check_closed()

    def fileno(self):
        raise UnsupportedOperation("fileno")


# ---------------------------------------------------------------------------
# Binary files
# ---------------------------------------------------------------------------

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


BufferedWriter = BufferedReader
BufferedRandom = BufferedReader
FileIO = BufferedReader
RawIOBase = IOBase
BufferedIOBase = IOBase
TextIOBase = IOBase


# ---------------------------------------------------------------------------
# Text files
# ---------------------------------------------------------------------------

def _split_incomplete_utf8(data):
    """The index where a multi-byte UTF-8 sequence cut off at the end of
    data starts (len(data) when the data ends on a character boundary)."""
    n = len(data)
    i = n - 1
    back = 0
    while i >= 0 and back < 3 and (data[i] & 0xC0) == 0x80:
        i -= 1
        back += 1
    if i < 0:
        return n
    lead = data[i]
    need = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4 if lead >= 0xF0 else 1
    if need > n - i:
        return i
    return n


class TextIOWrapper(IOBase):
    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("TextIOWrapper() argument 'newline' must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %s" % (newline,))
        self.buffer = buffer
        if encoding is None:
            encoding = 'UTF-8'
        codec = encoding.lower().replace('_', '-')
        if codec in ('utf8', 'utf-8', 'u8'):
            codec = 'utf-8'
        else:
            ''.encode(encoding)  # LookupError "unknown encoding: x"
        self.encoding = encoding
        self._codec = codec
        self.errors = 'strict' if errors is None else errors
        self._newline = newline
        self.line_buffering = line_buffering
        self._decoded = ''     # decoded text; _decoded[_dpos:] is not yet returned
        self._dpos = 0         # (only the line fast path leaves it non-zero)
        self._pending = b''    # undecoded bytes (a cut UTF-8 sequence)
        self._wtext = []       # written text not yet encoded into the buffer
        self._wsize = 0
        # Lines end at '\n' in the decoded text: readline's fast path.
        self._simple_lines = newline is None or newline == '\n'
        # write() needs no translation or flushing per call.
        self._simple_write = newline in (None, '', '\n') and not line_buffering
        self._saw_cr = False   # last decoded chunk ended in '\r' (universal mode)
        self._eof = False
        self._mode = None      # set by open(); absent from the repr when None

    @property
    def name(self):
        return self.buffer.name

    @property
    def mode(self):
        if self._mode is None:
            raise AttributeError("'_io.TextIOWrapper' object has no attribute 'mode'")
        return self._mode

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def newlines(self):
        return None

    def __repr__(self):
        parts = ["<_io.TextIOWrapper"]
        try:
            parts.append(" name=%r" % (self.name,))
        except AttributeError:
            pass
        if self._mode is not None:
            parts.append(" mode=%r" % (self._mode,))
        return "".join(parts) + " encoding=%r>" % (self.encoding,)

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def _flush_text(self):
        """Encodes buffered writes into the binary buffer; drops the
        consumed part of the decoded text."""
        if self._wtext:
            text = ''.join(self._wtext)
            self._wtext = []
            self._wsize = 0
            self.buffer.write(text.encode(self._codec, self.errors))
        if self._dpos:
            self._decoded = self._decoded[self._dpos:]
            self._dpos = 0

    def flush(self):
        self._check_closed()
        self._flush_text()
        self.buffer.flush()

    def close(self):
        if self.buffer.closed:
            return
        try:
            self._flush_text()
        finally:
            self._decoded = ''
            self._dpos = 0
            self.buffer.close()

    def detach(self):
        self._flush_text()
        buffer = self.buffer
        self.buffer = None
        return buffer

    def _check_readable(self):
        self._check_closed()
        if not self.buffer.readable():
            raise UnsupportedOperation("not readable")
        self._flush_text()

    def _decode(self, data, final):
        if self._codec == 'utf-8' and not final:
            cut = _split_incomplete_utf8(data)
            self._pending = data[cut:]
            data = data[:cut]
        else:
            self._pending = b''
        text = data.decode(self._codec, self.errors)
        if self._newline is None:
            if self._saw_cr and text.startswith('\n'):
                text = text[1:]
            self._saw_cr = text.endswith('\r')
            if '\r' in text:
                text = text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def _fill(self, size):
        """Decodes one more chunk into _decoded; False at end of file."""
        if self._eof:
            return False
        chunk = self.buffer.read(size)
        if not chunk:
            self._eof = True
            if self._pending:
                self._decoded += self._decode(self._pending, True)
            return False
        self._decoded += self._decode(self._pending + chunk, False)
        return True

    def read(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        if size < 0:
            data = self.buffer.read(-1)
            text = self._decoded + self._decode(self._pending + data, True)
            self._decoded = ''
            self._eof = True
            return text
        while len(self._decoded) < size and self._fill(DEFAULT_BUFFER_SIZE):
            pass
        text = self._decoded[:size]
        self._decoded = self._decoded[size:]
        return text

    def _line_end(self, start):
        nl = self._newline
        if nl is None or nl == '\n':
            i = self._decoded.find('\n', start)
            return -1 if i < 0 else i + 1
        if nl == '':
            d = self._decoded
            for i in range(start, len(d)):
                c = d[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    if i + 1 < len(d):
                        return i + 2 if d[i + 1] == '\n' else i + 1
                    if self._eof:
                        return i + 1
                    return -2  # need more to know if '\n' follows
            return -1
        i = self._decoded.find(nl, start)
        return -1 if i < 0 else i + len(nl)

    def readline(self, size=-1):
        if self._simple_lines and (size is None or size < 0):
            d = self._decoded
            i = d.find('\n', self._dpos)
            if i >= 0:
                start = self._dpos
                self._dpos = i + 1
                return d[start:i + 1]
        self._check_readable()
        if size is None:
            size = -1
        start = 0
        while True:
            end = self._line_end(0 if self._newline == '' else start)
            if end >= 0:
                break
            if end == -1:
                start = len(self._decoded)
            if 0 <= size <= len(self._decoded):
                end = size
                break
            if not self._fill(DEFAULT_BUFFER_SIZE):
                end = self._line_end(0)
                if end < 0:
                    end = len(self._decoded)
                break
        if 0 <= size < end:
            end = size
        line = self._decoded[:end]
        self._decoded = self._decoded[end:]
        return line

    def __next__(self):
        if self._simple_lines:
            d = self._decoded
            i = d.find('\n', self._dpos)
            if i >= 0:
                start = self._dpos
                self._dpos = i + 1
                return d[start:i + 1]
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if self._simple_lines and (hint is None or hint <= 0):
            text = self.read()
            lines = text.split('\n')
            last = lines.pop()
            lines = [line + '\n' for line in lines]
            if last:
                lines.append(last)
            return lines
        return IOBase.readlines(self, hint)

    def write(self, text):
        self._check_closed()
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if not self.buffer.writable():
            raise UnsupportedOperation("not writable")
        length = len(text)
        if self._decoded or self._pending:
            # Like CPython: text read ahead is dropped, not rewound, so a
            # write after a partial read lands where the buffer stopped.
            self._decoded = ''
            self._dpos = 0
            self._pending = b''
        if self._simple_write:
            self._wtext.append(text)
            self._wsize += length
            if self._wsize >= DEFAULT_BUFFER_SIZE:
                self._flush_text()
            return length
        self._flush_text()
        if self._newline not in (None, '', '\n') and '\n' in text:
            text = text.replace('\n', self._newline)
        self.buffer.write(text.encode(self._codec, self.errors))
        if self.line_buffering and ('\n' in text or '\r' in text):
            self.buffer.flush()
        return length

    def tell(self):
        self._check_closed()
        self._flush_text()
        if not self.buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        back = len(self._decoded.encode(self._codec, self.errors)) + len(self._pending)
        return self.buffer.tell() - back

    def seek(self, cookie, whence=0):
        self._check_closed()
        if whence == 1 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == 2 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        if whence == 1:
            return self.tell()
        if whence == 0 and cookie < 0:
            raise ValueError("negative seek position %r" % (cookie,))
        self._flush_text()
        self.buffer.flush()
        self._decoded = ''
        self._pending = b''
        self._saw_cr = False
        self._eof = False
        return self.buffer.seek(cookie, whence)

    def truncate(self, pos=None):
        self.flush()  # also encodes pending text
        if pos is None:
            pos = self.tell()
        return self.buffer.truncate(pos)


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


# ---------------------------------------------------------------------------
# open()
# ---------------------------------------------------------------------------

# Files open for writing. pyglass has no finalizers, so a file that is never
# closed (open(p, 'w').write(s)) is not flushed when it becomes garbage as in
# CPython: instead every open() and the end of the program flush these.
_open_writers = {}


def _flush_open_writers():
    for f in list(_open_writers.values()):
        try:
            f.flush()
        except (OSError, ValueError):
            pass


_atexit.register(_flush_open_writers)


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if not isinstance(file, (str, int)):
        fspath = getattr(type(file), '__fspath__', None)
        if fspath is None:
            raise TypeError("expected str, bytes or os.PathLike object, not %s"
                            % type(file).__name__)
        file = fspath(file)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not %s"
                        % type(encoding).__name__)
    if errors is not None and not isinstance(errors, str):
        raise TypeError("open() argument 'errors' must be str or None, not %s"
                        % type(errors).__name__)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % (mode,))
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, "
                      "the default buffer size will be used", RuntimeWarning, 2)
    if creating:
        flags = _io_fd.O_EXCL | _io_fd.O_CREAT
        raw_mode = 'xb'
    elif reading:
        flags = 0
        raw_mode = 'rb'
    elif writing:
        flags = _io_fd.O_CREAT | _io_fd.O_TRUNC
        raw_mode = 'wb'
    else:
        flags = _io_fd.O_APPEND | _io_fd.O_CREAT
        raw_mode = 'ab'
    readable = reading or updating
    writable = not reading or updating
    if updating:
        flags |= _io_fd.O_RDWR
        if raw_mode in ('rb', 'wb'):
            raw_mode = 'rb+'
        else:
            raw_mode += '+'
    elif reading:
        flags |= _io_fd.O_RDONLY
    else:
        flags |= _io_fd.O_WRONLY
    if isinstance(file, int):
        if file < 0:
            raise ValueError("negative file descriptor")
        fd = file
    else:
        if not closefd:
            raise ValueError("Cannot use closefd=False with file name")
        if opener is not None:
            fd = opener(file, flags)
        else:
            fd = _io_fd.open(file, flags, 0o666)
    if _open_writers:
        _flush_open_writers()
    buffer = BufferedReader(fd, file, raw_mode, readable, writable, appending, closefd)
    if appending:
        _io_fd.lseek(fd, 0, SEEK_END)
    if binary:
        result = buffer
    else:
        try:
            result = TextIOWrapper(buffer, encoding, errors, newline, buffering == 1)
        except BaseException:
            buffer.close()
            raise
        result._mode = mode
    if writable:
        _open_writers[id(buffer)] = result
    return result


# ---------------------------------------------------------------------------
# In-memory streams
# ---------------------------------------------------------------------------

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
