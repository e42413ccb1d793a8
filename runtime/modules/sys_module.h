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
}
