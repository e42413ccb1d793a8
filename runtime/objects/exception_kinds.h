// Shared between the two files of the exceptions (exceptions.cpp: the types,
// the BaseException object, raising; exception_kinds.cpp: the classes with
// extra state). Not for other code: use objects/exceptions.h.
#pragma once

#include <cstddef>

#include "objects/layouts.h"
#include "objects/object.h"

namespace pg::exception_detail {

// A "kind" is a class whose __init__ or __str__ differs from its base's
// (CPython gives these their own C struct; here their extra state lives in
// the instance dict). Every exception class behaves like its nearest
// ancestor that is a kind root; BaseException is the first kind.
struct ExceptionKind {
  Type* root;
  // The kind's part of __init__, run after `args` is set: keyword
  // arguments and extra state. False with an exception set on error.
  bool (*init)(Value self, const Value* args, size_t nargs, Tuple* kwnames);
  // The root's str slot (also exposed as its __str__), or null when the
  // kind prints like BaseException.
  Value (*str)(Value self);
  // Attributes that read as None until set (CPython's struct members).
  const char* const* members;
};

const ExceptionKind& exception_kind(const Type* type);
// Whether `name` is one of the None-until-set attributes of type's kind.
bool exception_is_member(const Type* type, Str* name);
// OSError(errno, strerror) builds the subclass that matches errno
// (ENOENT -> FileNotFoundError, ...) when called as OSError itself.
Type* os_error_subtype(Type* type, const Value* args, size_t nargs);
// Adds __init__ (and __str__ where the kind has its own) to each kind root.
void exception_kinds_init();

inline Value or_none(Value v) { return v.is_null() ? None() : v; }

// From exceptions.cpp.
Value base_exception_str(Value self);
// The instance dict entry `name`, or null when absent.
Value instance_attr(Value self, Str* name);
int set_instance_attr(Value self, Str* name, Value v);

// The str slots of the kinds (exception_kinds.cpp); the static types of
// exceptions.cpp point at them.
Value key_error_str(Value self);
Value import_error_str(Value self);
Value syntax_error_str(Value self);
Value os_error_str(Value self);
Value unicode_decode_error_str(Value self);
Value unicode_encode_error_str(Value self);

}  // namespace pg::exception_detail
