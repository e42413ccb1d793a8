# pyglass's gdb extension, for explicit loading:
#
#   (gdb) source /path/to/pyglass/gdb-scripts/pyglass_gdb.py
#
# The inspector library is taken from $PYGLASS_INSPECTOR_LIB, else searched
# next to this file, in an installed prefix, and in the repository's build
# trees (build/*/inspector/, build*/inspector/; the newest wins). gdb loads
# the extension by itself for a pyglass binary when its auto-load script is
# installed or allowed: see docs/debugging.md, "gdb".
import os
import sys


def _load():
    here = os.path.dirname(os.path.abspath(__file__))
    if here not in sys.path:
        sys.path.insert(0, here)
    saved, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # no __pycache__ here
    try:
        import pyglassgdb
    finally:
        sys.dont_write_bytecode = saved
    pyglassgdb.register()


_load()
del _load
