# pyglass's gdb extension: py-bt, py-bt-full, py-list, py-up, py-down,
# py-print, py-locals, py-threads, py-value, a frame filter for `bt` and
# pretty printers for VM values. A thin front end: every decoding step runs
# in libpyglass-inspector (inspector/c_api.h) through ctypes; this package
# only answers its memory and symbol callbacks from gdb and picks lines.
# Loading: docs/debugging.md, "gdb".
import gdb

from . import commands, framefilter, inspector, printers, stack

_registered = False


def _on_change(*_args):
    inspector.invalidate()
    stack.reset()


def register(library=None):
    """Installs everything (once per gdb session); `library` is the path of
    libpyglass-inspector.so if the caller knows it."""
    global _registered
    inspector.set_library_path(library)
    if _registered:
        return
    _registered = True
    commands.register()
    framefilter.register()
    printers.register()
    for name in ("stop", "cont", "exited", "new_objfile", "clear_objfiles", "memory_changed",
                 "register_changed", "inferior_call", "new_inferior", "inferior_deleted"):
        registry = getattr(gdb.events, name, None)
        if registry is not None:
            registry.connect(_on_change)
