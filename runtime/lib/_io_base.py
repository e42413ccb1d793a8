# The base of pyglass's io modules: constants, UnsupportedOperation, IOBase
# (closed checks, context manager, line iteration) and the registry of
# files open for writing. See io.py for the layout of the io package.

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


# Files open for writing (id of the binary file -> the object open()
# returned). pyglass has no finalizers, so a file that is never closed
# (open(p, 'w').write(s)) is not flushed when it becomes garbage as in
# CPython: instead io.open() and the end of the program flush these.
_open_writers = {}
