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
# Files: _io_base.py (IOBase, UnsupportedOperation, constants),
# _io_buffered.py (binary files, sys.stdout.buffer), _io_text.py
# (TextIOWrapper), _io_memory.py (StringIO, BytesIO), and this file:
# open() and the module's names.

import _io_fd
import atexit as _atexit
from _io_base import (DEFAULT_BUFFER_SIZE, SEEK_CUR, SEEK_END, SEEK_SET, IOBase,
                      UnsupportedOperation, _open_writers)
from _io_buffered import BufferedReader, _StdBinary
from _io_text import TextIOWrapper
from _io_memory import BytesIO, StringIO

BufferedWriter = BufferedReader
BufferedRandom = BufferedReader
FileIO = BufferedReader
RawIOBase = IOBase
BufferedIOBase = IOBase
TextIOBase = IOBase


# ---------------------------------------------------------------------------
# open()
# ---------------------------------------------------------------------------

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
    if writable and binary:  # a TextIOWrapper registers itself
        _open_writers[id(buffer)] = buffer
    return result
