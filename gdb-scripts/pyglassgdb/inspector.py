# The inspector's C API (inspector/c_api.h) through ctypes, and the gdb side
# of it: memory reads and symbol lookups answered from gdb's view of the
# inferior (a live process or a core file). Nothing here decodes pyglass
# memory: the library does all of that and hands back text or JSON.
import ctypes
import glob
import json
import os

import gdb

LIBRARY_NAME = "libpyglass-inspector.so"
TABLE_SYMBOL = "pyglass_debug_table"
TABLE_SECTION = ".pyglass_debug"

PGI_LOCALS = 1
PGI_JSON = 2
PGI_NO_HEADER = 4

_READ_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_uint64, ctypes.c_void_p,
                            ctypes.c_uint64)
_SYMBOL_FN = ctypes.CFUNCTYPE(ctypes.c_uint64, ctypes.c_void_p, ctypes.c_char_p)

PAGE = 4096
_PAGE_CACHE_LIMIT = 16384  # pages (64 MiB) kept by one snapshot


class PyglassError(Exception):
    """A failure to report to the user as one line ("py-bt: MESSAGE")."""


# ------------------------------------------------------------ the library

_explicit_library = None  # set by the loaders (register(library=...))
_library = None


def set_library_path(path):
    global _explicit_library
    if path:
        _explicit_library = path


def _candidates():
    env = os.environ.get("PYGLASS_INSPECTOR_LIB")
    if env:
        yield env
        return
    if _explicit_library:
        yield _explicit_library
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # gdb-scripts/ or share/pyglass/gdb
    yield os.path.join(here, LIBRARY_NAME)
    # Installed layout: PREFIX/share/pyglass/gdb -> PREFIX/lib/pyglass.
    yield os.path.normpath(os.path.join(here, "..", "..", "..", "lib", "pyglass", LIBRARY_NAME))
    # A source tree: build trees of the repository, newest library first.
    repo = os.path.dirname(here)
    found = set()
    for pattern in ("build/*/inspector/", "build/inspector/", "build*/inspector/"):
        found.update(glob.glob(os.path.join(repo, pattern, LIBRARY_NAME)))
    for path in sorted(found, key=lambda p: -os.path.getmtime(p)):
        yield path


def _needs_asan(path):
    """A library built with AddressSanitizer (PYGLASS_ASAN) cannot be loaded
    into gdb: the ASan runtime would abort gdb on load."""
    try:
        with open(path, "rb") as f:
            return b"libasan.so" in f.read()
    except OSError:
        return False


def library():
    """The loaded C API (ctypes.CDLL), loading it on first use."""
    global _library
    if _library is not None:
        return _library
    tried = []
    for path in _candidates():
        if not os.path.isfile(path):
            tried.append(path)
            continue
        if _needs_asan(path):
            tried.append(path + " (built with ASan: cannot be loaded into gdb)")
            continue
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            raise PyglassError("cannot load %s: %s" % (path, e))
        for name in ("pgi_backtrace", "pgi_frames_json", "pgi_lookup_name", "pgi_render_value"):
            getattr(lib, name).restype = ctypes.c_void_p
        lib.pgi_backtrace.argtypes = [_READ_FN, _SYMBOL_FN, ctypes.c_void_p, ctypes.c_int64,
                                      ctypes.c_int]
        lib.pgi_frames_json.argtypes = [_READ_FN, _SYMBOL_FN, ctypes.c_void_p, ctypes.c_int64]
        lib.pgi_lookup_name.argtypes = [_READ_FN, _SYMBOL_FN, ctypes.c_void_p, ctypes.c_uint64,
                                        ctypes.c_char_p]
        lib.pgi_render_value.argtypes = [_READ_FN, _SYMBOL_FN, ctypes.c_void_p, ctypes.c_uint64]
        lib.pgi_free.argtypes = [ctypes.c_void_p]
        lib.pgi_free.restype = None
        lib.pyglass_library_path = path
        _library = lib
        return lib
    raise PyglassError("cannot find %s (set PYGLASS_INSPECTOR_LIB to its path; tried %s)"
                       % (LIBRARY_NAME, ", ".join(tried) or "nothing"))


# ------------------------------------------------------------ snapshots
#
# A Snapshot answers the library's callbacks for one stopped state of one
# inferior. Memory cannot change while the inferior is stopped (gdb does not
# run it between commands unless told to), so reads are cached by page until
# the next stop/continue/memory write/objfile change (see invalidate()).

_generation = 0
_snapshot = None
_active = None  # the Snapshot serving the current library call


def invalidate(*_args):
    """Drops every cached read and decoded stack (connected to gdb events)."""
    global _generation, _snapshot
    _generation += 1
    _snapshot = None


def generation():
    return _generation


class Snapshot:
    def __init__(self, inferior):
        self.inferior = inferior
        self.key = _snapshot_key(inferior)
        self.pages = {}
        self.symbols = {}
        self.cache = {}  # decoded results: ("frames", tid) -> dict, ...

    # -- memory
    def read(self, addr, length):
        """Bytes at [addr, addr + length), or None if any of it is unreadable."""
        if length <= 0:
            return b""
        first = addr // PAGE
        last = (addr + length - 1) // PAGE
        if last - first > 64:  # big reads: straight through
            return self._read_direct(addr, length)
        parts = []
        for page in range(first, last + 1):
            data = self.pages.get(page)
            if data is None:
                data = self._read_direct(page * PAGE, PAGE)
                if data is None:
                    # Part of the page may still be readable (a core whose
                    # segment, or an executable's section, ends mid-page).
                    return self._read_direct(addr, length)
                if len(self.pages) >= _PAGE_CACHE_LIMIT:
                    self.pages.clear()
                self.pages[page] = data
            parts.append(data)
        blob = b"".join(parts)
        start = addr - first * PAGE
        return blob[start:start + length]

    def _read_direct(self, addr, length):
        try:
            return bytes(self.inferior.read_memory(addr, length))
        except (gdb.MemoryError, gdb.error, ValueError, OverflowError):
            return None

    # -- symbols
    def symbol(self, name):
        if name not in self.symbols:
            self.symbols[name] = _find_symbol(name)
        return self.symbols[name]

    def table_address(self):
        return self.symbol(TABLE_SYMBOL)


def _snapshot_key(inferior):
    progspace = inferior.progspace
    return (inferior.num, inferior.pid, progspace.filename if progspace else None, _generation)


def snapshot():
    """The Snapshot of the selected inferior's current state."""
    global _snapshot
    inferior = gdb.selected_inferior()
    if _snapshot is None or _snapshot.key != _snapshot_key(inferior):
        _snapshot = Snapshot(inferior)
    return _snapshot


def _find_symbol(name):
    # The dynamic symbol survives strip --strip-all (the runtime exports
    # it), so gdb's minimal symbols usually know it, with or without debug
    # info.
    try:
        value = gdb.parse_and_eval("&'%s'" % name)
        addr = int(value.cast(gdb.lookup_type("unsigned long")))
        if addr:
            return addr
    except (gdb.error, RuntimeError, ValueError):
        pass
    if name == TABLE_SYMBOL:
        return _find_section(TABLE_SECTION)
    return 0


def _find_section(section):
    """Run-time address of an allocated section of the main executable, from
    gdb's section table (relocated: the load bias is already applied)."""
    try:
        text = gdb.execute("info files", to_string=True)
    except gdb.error:
        return 0
    for line in text.splitlines():
        parts = line.split()
        # "\t0x0000555555600000 - 0x0000555555600400 is .pyglass_debug"
        if len(parts) == 5 and parts[1] == "-" and parts[3] == "is" and parts[4] == section:
            try:
                return int(parts[0], 16)
            except ValueError:
                return 0
    return 0


# ------------------------------------------------------------ callbacks

def _read_cb(_ctx, addr, buf, length):
    try:
        snap = _active
        if snap is None:
            return 1
        data = snap.read(addr, length)
        if data is None or len(data) != length:
            return 1
        ctypes.memmove(buf, data, length)
        return 0
    except BaseException:  # nothing may escape into C
        return 1


def _symbol_cb(_ctx, name):
    try:
        snap = _active
        if snap is None:
            return 0
        return snap.symbol(name.decode("utf-8", "replace"))
    except BaseException:
        return 0


_READ = _READ_FN(_read_cb)
_SYMBOL = _SYMBOL_FN(_symbol_cb)


def _call(snap, fn, *args):
    """Calls a C API function with the callbacks bound to `snap`; returns
    its text. An "error: ..." result raises PyglassError."""
    global _active
    lib = library()
    _active = snap
    try:
        ptr = getattr(lib, fn)(_READ, _SYMBOL, None, *args)
    finally:
        _active = None
    if not ptr:
        raise PyglassError("%s returned nothing (out of memory?)" % fn)
    try:
        text = ctypes.string_at(ptr).decode("utf-8", "replace")
    finally:
        lib.pgi_free(ptr)
    if text.startswith("error: "):
        raise PyglassError(text[len("error: "):].strip())
    return text


def _require_table(snap):
    if not snap.table_address():
        progspace = snap.inferior.progspace
        if progspace is not None and progspace.filename is None and snap.inferior.pid:
            # A core opened alone: no executable, so neither its symbols nor
            # its sections are known.
            raise PyglassError("no executable: open the pyglass binary with the core "
                               "(gdb PYGLASS CORE, or `file PYGLASS`)")
        raise PyglassError("not a pyglass process (no debug table)")


def backtrace(snap, tid, flags):
    _require_table(snap)
    return _call(snap, "pgi_backtrace", tid, flags)


def frames(snap, tid):
    """pgi_frames_json's document for thread `tid` (0: every thread), cached
    for the snapshot."""
    _require_table(snap)
    key = ("frames", tid)
    if key not in snap.cache:
        snap.cache[key] = json.loads(_call(snap, "pgi_frames_json", tid))
    return snap.cache[key]


def lookup_name(snap, frame_address, name):
    _require_table(snap)
    return _call(snap, "pgi_lookup_name", frame_address, name.encode("utf-8"))


def render_value(snap, bits):
    _require_table(snap)
    return _call(snap, "pgi_render_value", bits & 0xFFFFFFFFFFFFFFFF)


def is_pyglass(snap):
    """Cheap check: does the selected inferior export the debug table?"""
    try:
        return bool(snap.table_address())
    except Exception:
        return False
