// Type objects: attribute lookup along the MRO, the descriptor protocol and
// method binding, and the two root types `object` and `type`. Classes made
// by a class statement ("heap types") are built in class.cpp.
#pragma once

#include <string>
#include <vector>

#include "objects/object.h"

namespace pg {

// The default attribute lookup (CPython's PyObject_GenericGetAttr): a data
// descriptor found on the type (property), else the instance dict (types
// with a dict_offset), else the type's attribute bound through its
// descr_get (functions become bound methods), else AttributeError
// "'C' object has no attribute 'x'". `__class__` and `__dict__` are
// answered here too.
Value generic_getattr(Value self, Str* name);
// `int | None` (types.UnionType); defined in abstract.cpp.
Value type_binop(Value a, Value b, BinaryOp op);
// The default attribute store: a data descriptor on the type, else the
// instance dict, else AttributeError. v null = delete.
int generic_setattr(Value self, Str* name, Value v);

// For LOAD_METHOD: when `name` resolves to a plain method of type(obj) (a
// native method or a Python function defined in a class) that the instance
// dict does not shadow, stores the unbound method in *method and returns
// true, so the caller can call it with `obj` as first argument without
// creating a bound method. Returns false when the attribute must be fetched
// with obj_getattr instead.
bool lookup_method(Value obj, Str* name, Value* method);

// Every static type registers itself in type_ready(); the collector traces
// their dicts through this list.
void static_types_trace(Visitor& v);

inline bool is_heap_type(const Type* t) { return (t->flags & kTypeHeap) != 0; }
// Whether v is a type object (an instance of `type` or of a metaclass).
inline bool is_type(Value v) { return v.is_obj() && (v.obj()->type->flags & kTypeTypeSubclass); }

// The MRO of any type: a heap type's `mro` tuple, a static type's base chain.
std::vector<Type*> type_mro(Type* type);
// __mro__ as a new tuple.
Value type_mro_tuple(Type* type);

// "__main__.C" (module + qualname; just the qualname when the module is
// builtins) for heap types, the name for static types: what reprs show.
std::string type_qualified_name(const Type* type);
// The name a traceback prints for an exception of this type: like
// type_qualified_name, but classes of `__main__` print their qualname only.
std::string type_traceback_name(const Type* type);

// dict_offset of classes whose instances end in variable-size data
// (str, tuple, bytes subclasses): their dicts live in a side table
// (class.cpp) keyed by the instance, dropped when the instance is freed.
constexpr uint32_t kDetachedDictOffset = 0xffffffffu;
Dict** detached_dict_slot(Object* obj);

// Where instances of `type` keep their attribute dict, or null when they
// have none (dict_offset == 0).
inline Dict** instance_dict_slot(Value obj) {
  Type* t = type_of(obj);
  if (t->dict_offset == 0) return nullptr;
  if (__builtin_expect(t->dict_offset == kDetachedDictOffset, 0)) return detached_dict_slot(obj.obj());
  return reinterpret_cast<Dict**>(reinterpret_cast<char*>(obj.obj()) + t->dict_offset);
}

// Calls the special method `name` of type(self) (looked up on the type, not
// the instance, as CPython does for dunders) with `self` first. *found is
// false, and nothing is raised, when the type has no such attribute.
Value call_special(Value self, Str* name, const Value* args, size_t nargs, bool* found);
// Calls an attribute found on a type as a method of `self` (binds through
// the descriptor protocol; Python functions and native methods are called
// directly without a bound method).
Value call_unbound(Value method, Value self, const Value* args, size_t nargs, Tuple* kwnames);

// Counts changes to type dicts that can change what a lookup finds (a key
// added or removed, a type created or freed); lookup caches compare it.
extern uint64_t g_type_epoch;

// Static helpers shared with class.cpp.
void types_init();  // methods of object and type; after type_ready(object, type)
Value object_alloc(Type* type);  // an instance of a class whose layout is object's
// object.__new__'s and object.__init__'s argument checks ("C() takes no arguments").
bool object_check_excess_args(Type* type, bool for_init);

}  // namespace pg
