# Text files for io.open(): TextIOWrapper decodes a binary stream (utf-8 by
# default, or ascii / latin-1), with universal newlines on read and '\n'
# translation on write for newline='\r' / '\r\n'. tell() is the byte
# offset of the next character (an opaque cookie, as CPython says), exact
# when no '\r\n' was translated in the unread text.

from _io_base import DEFAULT_BUFFER_SIZE, IOBase, UnsupportedOperation, _open_writers


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
        try:
            self._buffer_writable = bool(buffer.writable())
        except ValueError:  # a closed buffer
            self._buffer_writable = False
        if self._buffer_writable:
            _open_writers[id(self)] = self  # flushed at exit if never closed
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
        if self.buffer is None:
            raise ValueError("underlying buffer has been detached")
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
            _open_writers.pop(id(self), None)
            self.buffer.close()

    def detach(self):
        self._flush_text()
        _open_writers.pop(id(self), None)
        self._buffer_writable = False
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
        if (self._simple_write and type(text) is str and not self._decoded and
                self._buffer_writable and not self.buffer.closed):
            # the common case (print to a file): no translation, no checks left
            self._wtext.append(text)
            length = len(text)
            self._wsize += length
            if self._wsize >= DEFAULT_BUFFER_SIZE:
                self._flush_text()
            return length
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


TextIOWrapper.__module__ = '_io'
