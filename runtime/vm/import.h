// The import system: built-in modules and .py files found on sys.path.
#pragma once

#include "objects/object.h"

namespace pg {

// IMPORT_NAME: returns the module to bind (the top-level package for a
// dotted `import a.b` without fromlist).
Value import_name(Str* name, Value fromlist, Value level);
// IMPORT_FROM: `from module import name`.
Value import_from(Value module, Str* name);
// Imports (or finds in sys.modules) the module called `name`.
Value import_module(std::string_view name);

}  // namespace pg
