// The `sys` module.
#pragma once

#include "objects/object.h"

namespace pg {
void sys_module_register();
// sys.settrace and friends (sys_trace.cpp, issue 9).
void sys_trace_add_functions(Value sys_module);
// _linecache, the native half of linecache (sys_trace.cpp, issue 9).
void trace_modules_register();
}
