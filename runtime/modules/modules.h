// Built-in modules implemented in runtime/modules/ and the pieces of the
// builtins module other parts of the VM reuse.
//
// builtins_init() itself is declared in objects/object.h.
#pragma once

#include <string_view>

#include "objects/object.h"

namespace pg {

// Register `time` and `os` with register_builtin_module(); the runtime calls
// these once at start-up, before any import.
void time_module_register();
void os_module_register();
void faulthandler_module_register();
// `-X faulthandler` / PYGLASSFAULTHANDLER: faulthandler.enable() before the
// program runs. faulthandler_shutdown() stops the watchdog and restores the
// signal handlers (runtime_finalize, before objects are freed).
void faulthandler_enable_at_startup();
void faulthandler_shutdown();
void thread_module_register();  // _thread (threads, issue 8)
// atexit (atexit_module.cpp): atexit_run_callbacks() runs the registered
// functions, last first; the runtime calls it once at normal exit.
void atexit_module_register();
void atexit_run_callbacks();

// format(value, spec) (builtins_format.cpp): a user class's __format__, else
// the int / float / str format-spec mini-language, else str(value) for an
// empty spec. The eval loop can use it for f-string `{x:spec}` fields.
Value format_value(Value value, Str* spec);

// Text from the operating system (environment, paths, stdin lines) as a str:
// bytes that are not valid UTF-8 become U+FFFD (os_module.cpp). CPython
// would use surrogateescape, which UTF-8 strings cannot hold.
Str* str_from_os_bytes(std::string_view bytes);

}  // namespace pg
