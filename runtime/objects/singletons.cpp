// The singletons None, NotImplemented and Ellipsis (`...`) and their types.
//
// Each is a static Object; calling its type returns the singleton itself
// (type(None)() is None), like CPython. Their hash is the identity hash of
// CPython 3.11 (_Py_HashPointer), not a constant.
#include "objects/int_internal.h"
#include "objects/layouts.h"

namespace pg {

static Value none_repr(Value) {
  static Str* const text = str_intern("None");
  return Value(text);
}
static Value not_implemented_repr(Value) {
  static Str* const text = str_intern("NotImplemented");
  return Value(text);
}
static Value ellipsis_repr(Value) {
  static Str* const text = str_intern("Ellipsis");
  return Value(text);
}

static bool identity_hash(Value self, int64_t* out) {
  uint64_t y = self.bits;
  int64_t h = int64_t((y >> 4) | (y << 60));  // low bits of an address are zero
  *out = h == -1 ? -2 : h;
  return true;
}

static int none_truth(Value) { return 0; }
static int true_truth(Value) { return 1; }

// Calling the type takes no arguments and returns the singleton.
template <Object* Singleton>
static Value singleton_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 0 || (kwnames != nullptr && tuple_size(kwnames) > 0))
    return raise(&TypeErrorType, "%s takes no arguments", type->name);
  return Value(Singleton);
}

static constexpr Type make_singleton_type(const char* name, Value (*repr)(Value), int (*truth)(Value),
                                          Value (*construct)(Type*, const Value*, size_t, Tuple*)) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.flags = 0;  // final, like CPython's
  t.instance_size = sizeof(Object);
  t.repr = repr;
  t.hash = identity_hash;
  t.truth = truth;
  t.construct = construct;
  return t;
}

constinit Type NoneType =
    make_singleton_type("NoneType", none_repr, none_truth, singleton_construct<&NoneObject>);
constinit Type NotImplementedType = make_singleton_type("NotImplementedType", not_implemented_repr, true_truth,
                                                        singleton_construct<&NotImplementedObject>);
constinit Type EllipsisType =
    make_singleton_type("ellipsis", ellipsis_repr, true_truth, singleton_construct<&EllipsisObject>);

constinit Object NoneObject = {&NoneType, nullptr, kGcStatic, 0};
constinit Object NotImplementedObject = {&NotImplementedType, nullptr, kGcStatic, 0};
constinit Object EllipsisObject = {&EllipsisType, nullptr, kGcStatic, 0};

void singletons_init() {
  type_ready(&NoneType);
  type_ready(&NotImplementedType);
  type_ready(&EllipsisType);
}

}  // namespace pg
