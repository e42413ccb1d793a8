// The root types `object` and `type`, and attribute lookup on types.
#include "objects/type.h"

#include <cstdio>
#include <vector>

#include "objects/gc.h"
#include "objects/layouts.h"

namespace pg {

namespace {

std::vector<Type*>& static_types() {
  static std::vector<Type*> types;
  return types;
}

// object(): identity hash and identity equality.
bool object_hash(Value self, int64_t* out) {
  // Like CPython: the address rotated so the low (always zero) bits carry
  // information.
  uint64_t a = self.bits;
  *out = int64_t((a >> 4) | (a << 60));
  if (*out == -1) *out = -2;
  return true;
}

Value object_compare(Value a, Value b, CompareOp op) {
  if (op == CompareOp::Eq) return a == b ? True() : NotImplemented();
  if (op == CompareOp::Ne) return a == b ? False() : NotImplemented();
  return NotImplemented();
}

Value object_repr(Value self) {
  char buf[128];
  snprintf(buf, sizeof buf, "<%s object at %p>", type_name(self), (void*)self.obj());
  return str_from_cstr(buf);
}

Value object_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 0 || kwnames) return raise(&TypeErrorType, "object() takes no arguments");
  return Value(gc_alloc(type, sizeof(Object)));
}

Value type_repr(Value self) {
  std::string text = "<class '";
  text += self.as<Type>()->name;
  text += "'>";
  return Value(str_new(text));
}

Value type_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 1 && !kwnames) return Value(type_of(args[0]));
  return raise(&TypeErrorType, "type() takes 1 or 3 arguments");
}

// Calling a type object: `int("3")`.
Value type_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* type = callable.as<Type>();
  if (!type->construct)
    return raise(&TypeErrorType, "cannot create '%s' instances", type->name);
  return type->construct(type, args, nargs, kwnames);
}

Value type_getattr(Value self, Str* name) {
  Type* type = self.as<Type>();
  std::string_view n = str_view(name);
  if (n == "__name__" || n == "__qualname__") return str_from_cstr(type->name);
  if (n == "__base__") return type->base ? Value(type->base) : None();
  if (n == "__module__") return str_from_cstr("builtins");
  // Attributes of the type itself (methods stay unbound: `str.upper`).
  Value v = type_lookup(type, name);
  if (!v.is_null()) return v;
  // Then attributes of `type` (e.g. type.mro), bound to the class.
  return generic_getattr(self, name);
}

bool type_hash(Value self, int64_t* out) { return object_hash(self, out); }

}  // namespace

Type ObjectType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "object";
  t.flags = kTypeBaseType;
  t.instance_size = sizeof(Object);
  t.repr = object_repr;
  t.hash = object_hash;
  t.compare = object_compare;
  t.construct = object_construct;
  return t;
}();

Type TypeType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "type";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeTypeSubclass;
  t.instance_size = sizeof(Type);
  t.repr = type_repr;
  t.hash = type_hash;
  t.call = type_call;
  t.getattr = type_getattr;
  t.construct = type_construct;
  return t;
}();

void type_ready(Type* type) {
  if (type->dict) return;
  type->dict = dict_new();
  if (type->gc_flags & kGcStatic) static_types().push_back(type);
  Type* base = type->base;
  if (!base && type != &ObjectType) base = type->base = &ObjectType;
  if (!base) return;
  if (!base->dict) type_ready(base);
  // Inherit the slots a type does not define (bool gets int's arithmetic).
  // Like CPython, a type that defines equality but no hash is unhashable.
  if (!type->hash && !type->compare) type->hash = base->hash;
#define INHERIT(slot) \
  if (!type->slot) type->slot = base->slot
  INHERIT(repr);
  INHERIT(str);
  INHERIT(compare);
  INHERIT(binop);
  INHERIT(unary);
  INHERIT(truth);
  INHERIT(len);
  INHERIT(getattr);
  INHERIT(setattr);
  INHERIT(call);
  INHERIT(iter);
  INHERIT(iternext);
  INHERIT(getitem);
  INHERIT(setitem);
  INHERIT(contains);
  INHERIT(trace);
  INHERIT(finalize);
#undef INHERIT
  type->flags |= base->flags & (kTypeIntSubclass | kTypeStrSubclass | kTypeListSubclass |
                                kTypeTupleSubclass | kTypeDictSubclass |
                                kTypeExceptionSubclass | kTypeTypeSubclass);
  if (!type->instance_size) type->instance_size = base->instance_size;
}

void static_types_trace(Visitor& v) {
  for (Type* t : static_types()) v.visit(Value(t->dict));
}

bool is_subtype(const Type* sub, const Type* base) {
  for (const Type* t = sub; t; t = t->base)
    if (t == base) return true;
  return false;
}

bool isinstance(Value v, const Type* t) { return is_subtype(type_of(v), t); }

Value type_lookup(Type* type, Str* name) {
  for (Type* t = type; t; t = t->base) {
    if (!t->dict) type_ready(t);
    Value v = dict_get_str(t->dict, name);
    if (!v.is_null()) return v;
  }
  return Value();
}

bool lookup_method(Value obj, Str* name, Value* method) {
  Type* type = type_of(obj);
  if (type->getattr && type->getattr != generic_getattr) return false;
  Value attr = type_lookup(type, name);
  if (attr.is_null()) return false;
  Type* attr_type = type_of(attr);
  if (attr_type == &NativeFunctionType &&
      (attr.as<NativeFunction>()->flags & kNativeMethod) &&
      attr.as<NativeFunction>()->self.is_null()) {
    *method = attr;
    return true;
  }
  return false;
}

Value generic_getattr(Value self, Str* name) {
  Type* type = type_of(self);
  Value attr = type_lookup(type, name);
  if (!attr.is_null()) {
    if (type_of(attr) == &NativeFunctionType) {
      NativeFunction* fn = attr.as<NativeFunction>();
      if ((fn->flags & kNativeMethod) && fn->self.is_null()) {
        Value bound = native_function_new(fn->name, fn->fn, self, fn->flags);
        bound.as<NativeFunction>()->owner = fn->owner;
        return bound;
      }
      if ((fn->flags & kNativeClassMethod) && fn->self.is_null())
        return native_function_new(fn->name, fn->fn, Value(type), fn->flags);
    }
    return attr;
  }
  if (type == &TypeType || is_subtype(type, &TypeType)) {
    return raise(&AttributeErrorType, "type object '%s' has no attribute '%s'",
                 self.as<Type>()->name, str_cstr(name));
  }
  return raise(&AttributeErrorType, "'%s' object has no attribute '%s'", type->name,
               str_cstr(name));
}

int generic_setattr(Value self, Str* name, Value v) {
  Type* type = type_of(self);
  if (type_lookup(type, name).is_null()) {
    raise(&AttributeErrorType, "'%s' object has no attribute '%s'", type->name, str_cstr(name));
  } else {
    raise(&AttributeErrorType, "'%s' object attribute '%s' is read-only", type->name,
          str_cstr(name));
  }
  return -1;
}

}  // namespace pg
