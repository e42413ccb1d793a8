// The root types `object` and `type`, attribute lookup on types (MRO), the
// generic attribute protocol with descriptors, and method binding.
#include "objects/type.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "objects/class.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/layouts.h"

namespace pg {

uint64_t g_type_epoch = 1;

namespace {

std::vector<Type*>& static_types() {
  static std::vector<Type*> types;
  return types;
}

// Interned names used on the hot paths (filled by types_init()).
struct TypeNames {
  Str* class_;
  Str* dict;
  Str* name;
  Str* qualname;
  Str* module;
  Str* bases;
  Str* base;
  Str* mro;
  Str* doc;
  Str* init;
  Str* new_;
  Str* eq;
};
TypeNames g_names;

// Names reaching getattr are almost always interned (they come from code
// objects); a name built at run time gets a text compare.
bool is_name(Str* name, Str* interned) {
  return name == interned || (!name->interned && str_equal(name, interned));
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
  char buf[64];
  snprintf(buf, sizeof buf, " object at %p>", (void*)self.obj());
  std::string text = "<" + type_qualified_name(type_of(self)) + buf;
  return Value(str_new(text));
}

Value object_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 0 || kwnames) return raise(&TypeErrorType, "object() takes no arguments");
  return Value(gc_alloc(type, sizeof(Object)));
}

Value type_repr(Value self) {
  std::string text = "<class '";
  text += type_qualified_name(self.as<Type>());
  text += "'>";
  return Value(str_new(text));
}

Value type_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (type == &TypeType && nargs == 1 && !kwnames) return Value(type_of(args[0]));
  if (nargs == 3) return type_new_from_args(type, args, kwnames);
  if (type == &TypeType) return raise(&TypeErrorType, "type() takes 1 or 3 arguments");
  return raise(&TypeErrorType, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
}

// Calling a type object: `int("3")`.
Value type_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* type = callable.as<Type>();
  if (!type->construct)
    return raise(&TypeErrorType, "cannot create '%s' instances", type->name);
  return type->construct(type, args, nargs, kwnames);
}

Value bases_tuple(Type* type) {
  if (type->bases) return Value(type->bases);
  if (!type->base) return Value(tuple_new(0));
  return Value(tuple_from({Value(type->base)}));
}

Value type_getattr(Value self, Str* name) {
  Type* type = self.as<Type>();
  const TypeNames& n = g_names;
  bool heap = is_heap_type(type);
  // The attributes CPython implements as getset descriptors of `type`.
  if (name->data[0] == '_' && name->data[1] == '_') {
    // A static type named "module.name" (e.g. "_thread.lock") has
    // __name__ "name" and __module__ "module", as in CPython.
    const char* dot = heap ? nullptr : strrchr(type->name, '.');
    const char* short_name = dot ? dot + 1 : type->name;
    if (is_name(name, n.name)) return heap ? str_from_cstr(type->name) : str_from_cstr(short_name);
    if (is_name(name, n.qualname)) return heap ? Value(type->qualname) : str_from_cstr(short_name);
    if (is_name(name, n.base)) return type->base ? Value(type->base) : None();
    if (is_name(name, n.bases)) return bases_tuple(type);
    if (is_name(name, n.mro)) return type_mro_tuple(type);
    if (is_name(name, n.class_)) return Value(type_of(self));
    if (is_name(name, n.module)) {
      if (!heap && dot) return Value(str_new(std::string_view(type->name, size_t(dot - type->name))));
      if (!heap) return str_from_cstr("builtins");
      Value m = dict_get_str(type->dict, n.module);
      if (!m.is_null()) return m;
      return raise(&AttributeErrorType, "__module__");
    }
    if (is_name(name, n.doc)) {
      Value d = type->dict ? dict_get_str(type->dict, n.doc) : Value();
      if (d.is_null()) return None();
      if (type_of(d)->descr_get) return type_of(d)->descr_get(d, Value(), type);
      return d;
    }
    if (is_name(name, n.dict)) {
      if (!type->dict) type_ready(type);
      // A copy: the type's own dict only changes through setattr (which
      // keeps the slots and lookup caches in step).
      return Value(dict_copy(type->dict));
    }
  }
  // Attributes of the class itself, through the descriptor protocol with
  // no instance: functions stay plain functions, classmethods bind to the
  // class, properties return themselves.
  Value v = type_lookup(type, name);
  if (!v.is_null()) {
    Type* vt = type_of(v);
    if (vt->descr_get) return vt->descr_get(v, Value(), type);
    return v;
  }
  // Then attributes of the metatype (`type.mro`, a metaclass's methods),
  // bound to the class.
  Type* meta = type_of(self);
  Value m = type_lookup(meta, name);
  if (!m.is_null()) {
    Type* mt = type_of(m);
    if (mt->descr_get) return mt->descr_get(m, self, meta);
    return m;
  }
  return raise(&AttributeErrorType, "type object '%s' has no attribute '%s'", type->name,
               str_cstr(name));
}

int type_setattr(Value self, Str* name, Value v) {
  Type* type = self.as<Type>();
  if (!is_heap_type(type)) {
    raise(&TypeErrorType, "cannot set '%s' attribute of immutable type '%s'", str_cstr(name),
          type->name);
    return -1;
  }
  const TypeNames& n = g_names;
  if (is_name(name, n.name) || is_name(name, n.qualname)) {
    if (v.is_null()) {
      raise(&TypeErrorType, "cannot delete '%s' attribute of immutable type '%s'",
            str_cstr(name), type->name);
      return -1;
    }
    if (!is_str(v)) {
      raise(&TypeErrorType, "can only assign string to %s.%s, not '%s'", type->name,
            str_cstr(name), type_name(v));
      return -1;
    }
    if (is_name(name, n.qualname)) {
      type->qualname = v.as<Str>();
    } else {
      char* copy = strdup(str_cstr(v.as<Str>()));
      free(const_cast<char*>(type->name));
      type->name = copy;
    }
    return 0;
  }
  if (is_name(name, n.bases) || is_name(name, n.mro) || is_name(name, n.base) ||
      is_name(name, n.dict) || is_name(name, n.class_)) {
    raise(&TypeErrorType, "pyglass does not support assigning %s.%s", type->name, str_cstr(name));
    return -1;
  }
  // A data descriptor of the metatype (a property on a metaclass) wins.
  Value meta_attr = type_lookup(type_of(self), name);
  if (!meta_attr.is_null() && type_of(meta_attr)->descr_set)
    return type_of(meta_attr)->descr_set(meta_attr, self, v);
  uint64_t keys_before = type->dict->keys_version;
  int r;
  if (v.is_null()) {
    if (dict_get_str(type->dict, name).is_null()) {
      raise(&AttributeErrorType, "type object '%s' has no attribute '%s'", type->name,
            str_cstr(name));
      return -1;
    }
    r = dict_del(type->dict, Value(name));
  } else {
    r = dict_set_str(type->dict, name, v);
  }
  if (r < 0) return r;
  if (type->dict->keys_version != keys_before) g_type_epoch++;
  if (is_name(name, n.module)) type->module = v.is_null() ? None() : v;
  // `C.__eq__ = f` after the class statement: the slots follow.
  if (name->nbytes > 4 && name->data[0] == '_' && name->data[1] == '_') heap_type_update_slots(type);
  return 0;
}

bool type_hash(Value self, int64_t* out) { return object_hash(self, out); }

void type_trace(Object* self, Visitor& v) {
  Type* t = static_cast<Type*>(self);
  v.visit(Value(t->dict));
  v.visit(Value(t->base));
  v.visit(Value(t->bases));
  v.visit(Value(t->mro));
  v.visit(Value(t->qualname));
  v.visit(t->module);
}

// Heap types own their name (static types point at a literal).
void type_finalize(Object* self) {
  Type* t = static_cast<Type*>(self);
  if (is_heap_type(t)) {
    // Cached lookups may point into this type's dict; a new type may get
    // this address.
    g_type_epoch++;
    heap_type_forget(t);
    free(const_cast<char*>(t->name));
    t->name = nullptr;
  }
}

// ---- methods of object -----------------------------------------------------

Value method_object_init(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if ((nargs || kwnames) && !object_check_excess_args(type_of(self), true)) return Value();
  return None();
}

// object.__new__(cls, ...): a static method.
Value method_object_new(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0) return raise(&TypeErrorType, "object.__new__(): not enough arguments");
  if (!is_type(args[0]))
    return raise(&TypeErrorType, "object.__new__(X): X is not a type object (%s)", type_name(args[0]));
  Type* type = args[0].as<Type>();
  if ((nargs > 1 || kwnames) && !object_check_excess_args(type, false)) return Value();
  Type* layout = is_heap_type(type) ? type->static_base : type;
  if (layout != &ObjectType)
    return raise(&TypeErrorType, "object.__new__(%s) is not safe, use %s.__new__()", type->name,
                 layout->name);
  return object_alloc(type);
}

Value method_object_repr(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__repr__", nargs, kwnames, 0, 0)) return Value();
  return object_repr(self);
}

// object.__str__ is repr(self) through the type's slot (the user's __repr__).
Value method_object_str(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__str__", nargs, kwnames, 0, 0)) return Value();
  return obj_repr(self);
}

Value method_object_eq(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__eq__", nargs, kwnames, 1, 1)) return Value();
  return self == args[0] ? True() : NotImplemented();
}

// The default __ne__ inverts __eq__ (whatever type(self) makes of it).
Value method_object_ne(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__ne__", nargs, kwnames, 1, 1)) return Value();
  Type* t = type_of(self);
  Value r = t->compare ? t->compare(self, args[0], CompareOp::Eq) : NotImplemented();
  if (r.is_null() || r == NotImplemented()) return r;
  int truth = obj_truth(r);
  if (truth < 0) return Value();
  return Bool(!truth);
}

Value method_object_hash(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__hash__", nargs, kwnames, 0, 0)) return Value();
  int64_t h;
  object_hash(self, &h);
  return int_from_i64(h);
}

Value method_object_format(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__format__", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "__format__() argument must be str, not %s", type_name(args[0]));
  if (args[0].as<Str>()->length != 0)
    return raise(&TypeErrorType, "unsupported format string passed to %s.__format__",
                 type_name(self));
  return obj_str(self);
}

Str* attribute_name_arg(Value v) {
  if (!is_str(v)) {
    raise(&TypeErrorType, "attribute name must be string, not '%s'", type_name(v));
    return nullptr;
  }
  return str_intern(str_view(v.as<Str>()));
}

Value method_object_getattribute(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__getattribute__", nargs, kwnames, 1, 1)) return Value();
  Str* name = attribute_name_arg(args[0]);
  if (!name) return Value();
  return instance_getattr_base(self, name);
}

Value method_object_setattr(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__setattr__", nargs, kwnames, 2, 2)) return Value();
  Str* name = attribute_name_arg(args[0]);
  if (!name) return Value();
  if (instance_setattr_base(self, name, args[1]) < 0) return Value();
  return None();
}

Value method_object_delattr(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__delattr__", nargs, kwnames, 1, 1)) return Value();
  Str* name = attribute_name_arg(args[0]);
  if (!name) return Value();
  if (instance_setattr_base(self, name, Value()) < 0) return Value();
  return None();
}

// object.__init_subclass__(): a classmethod that accepts nothing.
Value method_object_init_subclass(Value cls, const Value*, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0)
    return raise(&TypeErrorType, "%s.__init_subclass__() takes no keyword arguments",
                 !is_type(cls) ? "object"
                 : cls.as<Type>()->qualname ? str_cstr(cls.as<Type>()->qualname)
                                            : cls.as<Type>()->name);
  if (nargs)
    return raise(&TypeErrorType, "object.__init_subclass__() takes no arguments (%zu given)", nargs);
  return None();
}

// object.__lt__ and friends: objects are not ordered by default.
template <int kOp>
Value method_object_order(Value, const Value*, size_t nargs, Tuple* kwnames) {
  static const char* const kNames[4] = {"__lt__", "__le__", "__gt__", "__ge__"};
  if (!check_nargs(kNames[kOp], nargs, kwnames, 1, 1)) return Value();
  return NotImplemented();
}

// object.__sizeof__(): the bytes of the instance's own block.
Value method_object_sizeof(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__sizeof__", nargs, kwnames, 0, 0)) return Value();
  if (!self.is_obj()) return int_from_i64(int64_t(sizeof(Object)));
  uint32_t size = type_of(self)->instance_size;
  return int_from_i64(int64_t(size > sizeof(Object) ? size : sizeof(Object)));
}

// object.__subclasshook__(sub): the default answer of abc's checks.
Value method_object_subclasshook(Value, const Value*, size_t, Tuple*) { return NotImplemented(); }

// ---- methods of type ---------------------------------------------------------

Value method_type_mro(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("mro", nargs, kwnames, 0, 0)) return Value();
  std::vector<Type*> mro = type_mro(self.as<Type>());
  List* l = list_new(int64_t(mro.size()));
  for (size_t i = 0; i < mro.size(); ++i) list_items(l)[i] = Value(mro[i]);
  return Value(l);
}

// type.__new__(metatype, name, bases, dict): a static method.
Value method_type_new(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0) return raise(&TypeErrorType, "type.__new__(): not enough arguments");
  if (!is_type(args[0]) || !is_subtype(args[0].as<Type>(), &TypeType))
    return raise(&TypeErrorType, "type.__new__(X): X is not a type object (%s)", type_name(args[0]));
  if (nargs != 4)
    return raise(&TypeErrorType, "type.__new__() takes exactly 3 arguments (%zu given)", nargs - 1);
  return type_new_from_args(args[0].as<Type>(), args + 1, kwnames);
}

// Keywords are the class statement's (already given to __init_subclass__).
Value method_type_init(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (nargs == 1 && kwnames && tuple_size(kwnames) > 0)
    return raise(&TypeErrorType, "type.__init__() takes no keyword arguments");
  if (nargs != 1 && nargs != 3) return raise(&TypeErrorType, "type.__init__() takes 1 or 3 arguments");
  return None();
}

// type.__instancecheck__(cls, obj) / type.__subclasscheck__(cls, sub):
// the built-in checks, for a metaclass's override to fall back on.
Value method_type_instancecheck(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__instancecheck__", nargs, kwnames, 1, 1)) return Value();
  return Bool(isinstance(args[0], self.as<Type>()));
}

Value method_type_subclasscheck(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__subclasscheck__", nargs, kwnames, 1, 1)) return Value();
  if (!is_type(args[0])) return raise(&TypeErrorType, "issubclass() arg 1 must be a class");
  return Bool(is_subtype(args[0].as<Type>(), self.as<Type>()));
}

Value method_type_subclasses(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__subclasses__", nargs, kwnames, 0, 0)) return Value();
  return type_subclasses_list(self.as<Type>());
}

// type.__prepare__(name, bases, **kwds): the class body's namespace.
Value method_type_prepare(Value, const Value*, size_t, Tuple*) { return Value(dict_new()); }

Value method_type_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return type_call(self, args, nargs, kwnames);
}

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
  t.binop = type_binop;
  t.getattr = type_getattr;
  t.setattr = type_setattr;
  t.construct = type_construct;
  t.trace = type_trace;
  t.finalize = type_finalize;
  return t;
}();

void type_ready(Type* type) {
  if (type->dict) return;
  type->dict = dict_new();
  g_type_epoch++;
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
  INHERIT(descr_get);
  INHERIT(descr_set);
#undef INHERIT
  type->flags |= base->flags & (kTypeIntSubclass | kTypeStrSubclass | kTypeListSubclass |
                                kTypeTupleSubclass | kTypeDictSubclass |
                                kTypeExceptionSubclass | kTypeTypeSubclass);
  if (!type->instance_size) type->instance_size = base->instance_size;
}

void static_types_trace(Visitor& v) {
  for (Type* t : static_types()) v.visit(Value(t->dict));
}

void types_init() {
  g_names = TypeNames{str_intern("__class__"), str_intern("__dict__"),     str_intern("__name__"),
                      str_intern("__qualname__"), str_intern("__module__"), str_intern("__bases__"),
                      str_intern("__base__"),  str_intern("__mro__"),      str_intern("__doc__"),
                      str_intern("__init__"),  str_intern("__new__"),      str_intern("__eq__")};
  type_add_method(&ObjectType, "__init__", method_object_init);
  type_add_method(&ObjectType, "__new__", method_object_new, kNativeStatic);
  type_add_method(&ObjectType, "__repr__", method_object_repr);
  type_add_method(&ObjectType, "__str__", method_object_str);
  type_add_method(&ObjectType, "__eq__", method_object_eq);
  type_add_method(&ObjectType, "__ne__", method_object_ne);
  type_add_method(&ObjectType, "__hash__", method_object_hash);
  type_add_method(&ObjectType, "__format__", method_object_format);
  type_add_method(&ObjectType, "__getattribute__", method_object_getattribute);
  type_add_method(&ObjectType, "__setattr__", method_object_setattr);
  type_add_method(&ObjectType, "__delattr__", method_object_delattr);
  type_add_method(&ObjectType, "__init_subclass__", method_object_init_subclass, kNativeClassMethod);
  type_add_method(&ObjectType, "__subclasshook__", method_object_subclasshook, kNativeClassMethod);
  type_add_method(&ObjectType, "__lt__", method_object_order<0>);
  type_add_method(&ObjectType, "__le__", method_object_order<1>);
  type_add_method(&ObjectType, "__gt__", method_object_order<2>);
  type_add_method(&ObjectType, "__ge__", method_object_order<3>);
  type_add_method(&ObjectType, "__sizeof__", method_object_sizeof);
  type_add_method(&TypeType, "mro", method_type_mro);
  type_add_method(&TypeType, "__new__", method_type_new, kNativeStatic);
  type_add_method(&TypeType, "__init__", method_type_init);
  type_add_method(&TypeType, "__prepare__", method_type_prepare, kNativeClassMethod);
  type_add_method(&TypeType, "__instancecheck__", method_type_instancecheck);
  type_add_method(&TypeType, "__subclasscheck__", method_type_subclasscheck);
  type_add_method(&TypeType, "__subclasses__", method_type_subclasses);
  type_add_method(&TypeType, "__call__", method_type_call);
}

bool object_check_excess_args(Type* type, bool for_init) {
  // CPython's object_init / object_new: excess arguments are an error unless
  // the class overrides the *other* one of __new__ / __init__.
  Value init = type_lookup(type, g_names.init);
  Value new_ = type_lookup(type, g_names.new_);
  bool init_overridden = !init.is_null() && type_of(init) != &NativeFunctionType;
  bool new_overridden = !new_.is_null() && type_of(new_) != &NativeFunctionType;
  if (for_init) {
    if (init_overridden) {
      raise(&TypeErrorType, "object.__init__() takes exactly one argument (the instance to initialize)");
      return false;
    }
    if (!new_overridden) {
      raise(&TypeErrorType, "%s() takes no arguments", type->name);
      return false;
    }
    return true;
  }
  if (new_overridden) {
    raise(&TypeErrorType, "object.__new__() takes exactly one argument (the type to instantiate)");
    return false;
  }
  if (!init_overridden) {
    raise(&TypeErrorType, "%s() takes no arguments", type->name);
    return false;
  }
  return true;
}

Value object_alloc(Type* type) {
  size_t size = type->instance_size > sizeof(Object) ? type->instance_size : sizeof(Object);
  return Value(gc_alloc(type, size));
}

bool is_subtype(const Type* sub, const Type* base) {
  if (sub == base) return true;
  if (const Tuple* mro = sub->mro) {
    for (int64_t i = 0; i < mro->size; ++i)
      if (mro->items[i].as<Type>() == base) return true;
    return false;
  }
  for (const Type* t = sub->base; t; t = t->base)
    if (t == base) return true;
  return false;
}

bool isinstance(Value v, const Type* t) { return is_subtype(type_of(v), t); }

namespace {

// The dict along the MRO that holds `name` and the entry's index there
// (holder null: nowhere).
void lookup_uncached(Type* type, Str* name, Dict** holder, int64_t* index) {
  if (Tuple* mro = type->mro) {
    for (int64_t i = 0; i < mro->size; ++i) {
      Type* t = mro->items[i].as<Type>();
      if (!t->dict) type_ready(t);
      int64_t ix = dict_lookup_index_str(t->dict, name);
      if (ix >= 0) {
        *holder = t->dict;
        *index = ix;
        return;
      }
    }
  } else {
    for (Type* t = type; t; t = t->base) {
      if (!t->dict) type_ready(t);
      int64_t ix = dict_lookup_index_str(t->dict, name);
      if (ix >= 0) {
        *holder = t->dict;
        *index = ix;
        return;
      }
    }
  }
  *holder = nullptr;
  *index = -1;
}

// Lookup cache (CPython's method cache): (type, interned name) -> where the
// lookup found it. An entry stays valid while g_type_epoch is unchanged:
// every change that can move a name in or out of a type dict (a key added
// or removed, a type created or freed) bumps it. Replacing the value of an existing
// attribute (`C.count += 1`) keeps the entry's position, so entries hold
// the position and read the value live.
struct LookupCacheEntry {
  Type* type;
  Str* name;
  uint64_t epoch;
  Dict* holder;
  int64_t index;
};
constexpr size_t kLookupCacheSize = 4096;
LookupCacheEntry g_lookup_cache[kLookupCacheSize];

}  // namespace

Value type_lookup(Type* type, Str* name) {
  Dict* holder;
  int64_t index;
  if (!name->interned) {
    lookup_uncached(type, name, &holder, &index);
    return holder ? holder->entries[index].value : Value();
  }
  size_t h = ((reinterpret_cast<uintptr_t>(type) >> 4) ^ (reinterpret_cast<uintptr_t>(name) >> 3)) &
             (kLookupCacheSize - 1);
  LookupCacheEntry& e = g_lookup_cache[h];
  if (e.type == type && e.name == name && e.epoch == g_type_epoch)
    return e.holder ? e.holder->entries[e.index].value : Value();
  lookup_uncached(type, name, &holder, &index);
  e = {type, name, g_type_epoch, holder, index};
  return holder ? holder->entries[index].value : Value();
}

std::vector<Type*> type_mro(Type* type) {
  std::vector<Type*> out;
  if (type->mro) {
    for (int64_t i = 0; i < type->mro->size; ++i) out.push_back(type->mro->items[i].as<Type>());
  } else {
    for (Type* t = type; t; t = t->base) out.push_back(t);
  }
  return out;
}

Value type_mro_tuple(Type* type) {
  if (type->mro) return Value(type->mro);
  std::vector<Type*> mro = type_mro(type);
  Tuple* t = tuple_new(int64_t(mro.size()));
  for (size_t i = 0; i < mro.size(); ++i) tuple_items(t)[i] = Value(mro[i]);
  return Value(t);
}

std::string type_qualified_name(const Type* type) {
  if (!is_heap_type(type)) return type->name;
  std::string qualname = type->qualname ? std::string(str_view(type->qualname)) : type->name;
  if (is_str(type->module)) {
    std::string_view module = str_view(type->module.as<Str>());
    if (module != "builtins") return std::string(module) + "." + qualname;
  }
  return qualname;
}

std::string type_traceback_name(const Type* type) {
  if (!is_heap_type(type)) return type->name;
  std::string qualname = type->qualname ? std::string(str_view(type->qualname)) : type->name;
  if (is_str(type->module)) {
    std::string_view module = str_view(type->module.as<Str>());
    if (module != "builtins" && module != "__main__") return std::string(module) + "." + qualname;
  }
  return qualname;
}

bool lookup_method(Value obj, Str* name, Value* method) {
  Type* type = type_of(obj);
  if (type->getattr && type->getattr != generic_getattr) return false;
  Value attr = type_lookup(type, name);
  if (attr.is_null()) return false;
  Type* attr_type = type_of(attr);
  if (attr_type == &FunctionType ||
      (attr_type == &NativeFunctionType && (attr.as<NativeFunction>()->flags & kNativeMethod) &&
       attr.as<NativeFunction>()->self.is_null())) {
    // An instance attribute of the same name shadows the method.
    if (Dict** slot = instance_dict_slot(obj)) {
      if (*slot && !dict_get_str(*slot, name).is_null()) return false;
    }
    *method = attr;
    return true;
  }
  return false;
}

namespace {

Value attribute_error(Value self, Type* type, Str* name) {
  if (is_subtype(type, &TypeType)) {
    return raise(&AttributeErrorType, "type object '%s' has no attribute '%s'",
                 self.as<Type>()->name, str_cstr(name));
  }
  return raise(&AttributeErrorType, "'%s' object has no attribute '%s'", type->name,
               str_cstr(name));
}

}  // namespace

Value generic_getattr(Value self, Str* name) {
  Type* type = type_of(self);
  Value attr = type_lookup(type, name);
  Type* attr_type = nullptr;
  if (!attr.is_null()) {
    attr_type = type_of(attr);
    if (attr_type->descr_set && attr_type->descr_get) return attr_type->descr_get(attr, self, type);
  }
  if (type->dict_offset) {
    Dict** slot = instance_dict_slot(self);
    if (*slot) {
      Value v = dict_get_str(*slot, name);
      if (!v.is_null()) return v;
    }
  }
  if (!attr.is_null()) {
    if (attr_type->descr_get) return attr_type->descr_get(attr, self, type);
    return attr;
  }
  // object's getset descriptors.
  if (name->data[0] == '_') {
    if (is_name(name, g_names.class_)) return Value(type);
    if (type->dict_offset && is_name(name, g_names.dict)) {
      Dict** slot = instance_dict_slot(self);
      if (!*slot) *slot = dict_new();
      return Value(*slot);
    }
  }
  return attribute_error(self, type, name);
}

namespace {

// The nearest class of t's bases chain that laid out slots.
Type* slotted_ancestor(Type* t) {
  while (is_heap_type(t) && !(t->flags & kTypeHasSlots)) t = t->base;
  return t;
}

// Do instances of a and b keep the same slots at the same places? (The
// same declaring classes, or classes declaring equal __slots__ on bases
// that do.)
bool same_slots(Type* a, Type* b) {
  a = slotted_ancestor(a);
  b = slotted_ancestor(b);
  if (a == b) return true;
  if (!is_heap_type(a) || !is_heap_type(b)) return false;
  Str* key = str_intern("__slots__");
  Value sa = dict_get_str(a->dict, key), sb = dict_get_str(b->dict, key);
  if (sa.is_null() || sb.is_null()) return false;
  int eq = obj_eq(sa, sb);
  if (eq < 0) error_clear();
  return eq == 1 && same_slots(a->base, b->base);
}

// obj.__class__ = cls: allowed between classes (heap types) whose
// instances have the same layout, as CPython's compatible_for_assignment.
int assign_class(Value self, Type* type, Value v) {
  if (v.is_null()) {
    raise(&TypeErrorType, "can't delete __class__ attribute");
    return -1;
  }
  if (!is_type(v)) {
    raise(&TypeErrorType, "__class__ must be set to a class, not '%s' object", type_name(v));
    return -1;
  }
  Type* target = v.as<Type>();
  if (!is_heap_type(type) || !is_heap_type(target)) {
    raise(&TypeErrorType,
          "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (target->static_base != type->static_base || target->instance_size != type->instance_size ||
      target->dict_offset != type->dict_offset || !same_slots(target, type)) {
    raise(&TypeErrorType, "__class__ assignment: '%s' object layout differs from '%s'",
          target->name, type->name);
    return -1;
  }
  self.obj()->type = target;
  g_type_epoch++;  // cached method lookups keyed by the old class
  return 0;
}

}  // namespace

int generic_setattr(Value self, Str* name, Value v) {
  Type* type = type_of(self);
  if (__builtin_expect(name->data[0] == '_', 0) && is_name(name, g_names.class_))
    return assign_class(self, type, v);
  Value attr = type_lookup(type, name);
  if (!attr.is_null() && type_of(attr)->descr_set) return type_of(attr)->descr_set(attr, self, v);
  if (type->dict_offset) {
    Dict** slot = instance_dict_slot(self);
    if (is_name(name, g_names.dict)) {
      if (v.is_null() || !isinstance(v, &DictType)) {
        raise(&TypeErrorType, "__dict__ must be set to a dictionary, not a '%s'",
              v.is_null() ? "NoneType" : type_name(v));
        return -1;
      }
      *slot = v.as<Dict>();
      return 0;
    }
    if (v.is_null()) {
      if (!*slot || dict_get_str(*slot, name).is_null()) {
        raise(&AttributeErrorType, "'%s' object has no attribute '%s'", type->name, str_cstr(name));
        return -1;
      }
      return dict_del(*slot, Value(name));
    }
    if (!*slot) *slot = dict_new();
    return dict_set_str(*slot, name, v);
  }
  if (attr.is_null()) {
    raise(&AttributeErrorType, "'%s' object has no attribute '%s'", type->name, str_cstr(name));
  } else {
    raise(&AttributeErrorType, "'%s' object attribute '%s' is read-only", type->name,
          str_cstr(name));
  }
  return -1;
}

Value call_unbound(Value method, Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Type* mt = type_of(method);
  size_t total = nargs + (kwnames ? size_t(tuple_size(kwnames)) : 0);
  if (mt == &FunctionType) {
    Value local[8];
    Value* buf = total + 1 <= 8 ? local : new Value[total + 1];
    buf[0] = self;
    for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
    Value r = call(method, buf, nargs + 1, kwnames);
    if (buf != local) delete[] buf;
    return r;
  }
  if (mt == &NativeFunctionType) {
    NativeFunction* fn = method.as<NativeFunction>();
    if ((fn->flags & kNativeMethod) && fn->self.is_null()) {
      if (fn->owner && !isinstance(self, fn->owner))
        return raise(&TypeErrorType,
                     "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", fn->name,
                     fn->owner->name, type_name(self));
      return fn->fn(self, args, nargs, kwnames);
    }
  }
  if (mt->descr_get) {
    Value bound = mt->descr_get(method, self, type_of(self));
    if (bound.is_null()) return bound;
    Rooted keep(&bound);
    return call(bound, args, nargs, kwnames);
  }
  return call(method, args, nargs, kwnames);
}

Value call_special(Value self, Str* name, const Value* args, size_t nargs, bool* found) {
  Value method = type_lookup(type_of(self), name);
  *found = !method.is_null();
  if (!*found) return Value();
  return call_unbound(method, self, args, nargs, nullptr);
}

}  // namespace pg
