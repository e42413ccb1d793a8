// The import system: built-in modules and .py files found on sys.path.
#pragma once

#include "objects/object.h"

namespace pg {

// IMPORT_NAME: returns the module to bind (the top-level package for a
// dotted `import a.b` without fromlist).
// `level` > 0 is a relative import resolved against `globals`'s
// __package__ (or __name__).
Value import_name(Str* name, Value fromlist, Value level, Dict* globals);
// IMPORT_FROM: `from module import name`.
Value import_from(Value module, Str* name);
// Imports (or finds in sys.modules) the module called `name`.
Value import_module(std::string_view name);
// IMPORT_STAR: `from module import *` into `locals` (the names in
// __all__, else every public name). Returns -1 on error.
int import_star(Value module, Dict* locals);

}  // namespace pg
