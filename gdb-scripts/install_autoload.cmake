# Part of `cmake --install` (see CMakeLists.txt): writes gdb's auto-load
# script for the installed pyglass binary. Inputs: CMAKE_INSTALL_PREFIX,
# GDB_DATA_DIR, PG_GDB_BINDIR, PG_GDB_DATADIR, PG_GDB_LIBDIR, PG_GDB_LIBNAME;
# DESTDIR from the environment (staged installs).
foreach(var PG_GDB_BINDIR PG_GDB_DATADIR PG_GDB_LIBDIR)
  if(NOT IS_ABSOLUTE "${${var}}")
    set(${var} "${CMAKE_INSTALL_PREFIX}/${${var}}")
  endif()
endforeach()
set(_binary "${PG_GDB_BINDIR}/pyglass")
set(_ext "${PG_GDB_DATADIR}/pyglass/gdb")
set(_lib "${PG_GDB_LIBDIR}/pyglass/${PG_GDB_LIBNAME}")
# <data dir>/auto-load + the binary's absolute path + "-gdb.py"
set(_loader "$ENV{DESTDIR}${GDB_DATA_DIR}/auto-load${_binary}-gdb.py")
message(STATUS "Installing: ${_loader}")
file(WRITE "${_loader}"
"# gdb auto-load script for ${_binary} (installed by pyglass's
# gdb-scripts/CMakeLists.txt). It lives in gdb's data directory, which is
# in the default auto-load safe-path, and survives stripping the binary.
import os
import sys

_ext = '${_ext}'
_lib = '${_lib}'
if os.path.isdir(os.path.join(_ext, 'pyglassgdb')):
    if _ext not in sys.path:
        sys.path.insert(0, _ext)
    _saved, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # no __pycache__ there
    try:
        import pyglassgdb
    finally:
        sys.dont_write_bytecode = _saved
    pyglassgdb.register(library=_lib)
else:
    print('pyglass: gdb extension not found in %s' % _ext)
")
