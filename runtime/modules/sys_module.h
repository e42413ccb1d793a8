// The `sys` module.
#pragma once

#include <cstdio>

#include "objects/object.h"

namespace pg {
void sys_module_register();
// Where print() without file= writes: the C stream of sys.stdout while it
// is one of the standard streams (the common, allocation-free case), else
// nullptr with *file set to the object now in sys.stdout (null when the
// attribute was deleted).
FILE* sys_stdout_target(Value* file);
// The same for input(): C stdin while sys.stdin is the standard stream.
FILE* sys_stdin_target(Value* file);
// sys.settrace and friends (sys_trace.cpp, issue 9).
void sys_trace_add_functions(Value sys_module);
// _linecache, the native half of linecache (sys_trace.cpp, issue 9).
void trace_modules_register();
}
