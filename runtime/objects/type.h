// Type objects: attribute lookup along the base chain, method binding, and
// the two root types `object` and `type`.
#pragma once

#include "objects/object.h"

namespace pg {

// The default attribute lookup: the type's attribute (binding methods to
// `self`), else AttributeError "'int' object has no attribute 'x'".
Value generic_getattr(Value self, Str* name);
int generic_setattr(Value self, Str* name, Value v);

// For LOAD_METHOD: when `name` resolves to a plain method of type(obj) (a
// native method or, later, a Python function in a class), stores the unbound
// method in *method and returns true, so the caller can call it with `obj`
// as first argument without creating a bound method. Returns false when the
// attribute must be fetched with obj_getattr instead.
bool lookup_method(Value obj, Str* name, Value* method);

// Every static type registers itself in type_ready(); the collector traces
// their dicts through this list.
void static_types_trace(Visitor& v);

}  // namespace pg
