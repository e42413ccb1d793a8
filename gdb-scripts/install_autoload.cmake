# Part of `cmake --install` (see CMakeLists.txt): writes gdb's auto-load
# script for the installed pyglass binary. Inputs: CMAKE_INSTALL_PREFIX,
# GDB_DATA_DIR, PG_GDB_BINDIR, PG_GDB_DATADIR, PG_GDB_LIBDIR, PG_GDB_LIBNAME,
# PG_GDB_LOADER_TEMPLATE (autoload_loader.py.in);
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
set(PG_LOADER_FOR "${_binary}")
set(PG_LOADER_NOTE "Installed by pyglass's gdb-scripts/CMakeLists.txt into gdb's data directory, which is in the default auto-load safe-path; it survives stripping the binary.")
set(PG_EXT "${_ext}")
set(PG_LIB "${_lib}")
configure_file("${PG_GDB_LOADER_TEMPLATE}" "${_loader}" @ONLY)
