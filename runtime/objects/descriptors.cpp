// The built-in descriptor types of classes: staticmethod, classmethod,
// property, and super (which is not a descriptor but the other half of
// method lookup: it starts an MRO walk after a given class).
#include <cstdio>
#include <string>

#include "objects/class.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/type.h"
#include "vm/frame.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

bool is_name(Str* name, const char* text) { return str_view(name) == text; }

// ---------------------------------------------------------------------------
// staticmethod / classmethod
// ---------------------------------------------------------------------------

void wrapper_trace(Object* self, Visitor& v) {
  auto* w = static_cast<MethodWrapper*>(self);
  v.visit(w->callable);
  v.visit(Value(w->dict));
}

// Room for a subclass's dict and slots after the built-in struct.
template <class T>
T* alloc_descriptor(Type* type) {
  return gc_new<T>(type, type->instance_size > sizeof(T) ? type->instance_size - sizeof(T) : 0);
}

Value wrapper_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  // A subclass is made empty, then its __init__ (ours or the user's,
  // calling super().__init__(f)) fills it.
  if (is_heap_type(type) && nargs == 0 && !kwnames) {
    MethodWrapper* w = alloc_descriptor<MethodWrapper>(type);
    w->callable = None();
    return Value(w);
  }
  Type* base = is_heap_type(type) ? type->static_base : type;
  if (kwnames && tuple_size(kwnames) > 0)
    return raise(&TypeErrorType, "%s() takes no keyword arguments", base->name);
  if (nargs != 1)
    return raise(&TypeErrorType, "%s expected 1 argument, got %zu", base->name, nargs);
  MethodWrapper* w = alloc_descriptor<MethodWrapper>(type);
  w->callable = args[0];
  return Value(w);
}

// staticmethod.__init__(f) / classmethod.__init__(f), for subclasses.
Value wrapper_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(type_of(self)->name, nargs, kwnames, 1, 1)) return Value();
  self.as<MethodWrapper>()->callable = args[0];
  return None();
}

Value wrapper_getattr(Value self, Str* name) {
  auto* w = self.as<MethodWrapper>();
  if (is_name(name, "__func__") || is_name(name, "__wrapped__")) return w->callable;
  if (w->dict) {
    Value v = dict_get_str(w->dict, name);
    if (!v.is_null()) return v;
  }
  // __name__, __doc__, ... come from the wrapped function.
  if (is_name(name, "__name__") || is_name(name, "__qualname__") || is_name(name, "__doc__") ||
      is_name(name, "__module__"))
    return obj_getattr(w->callable, name);
  return generic_getattr(self, name);
}

int wrapper_setattr(Value self, Str* name, Value v) {
  auto* w = self.as<MethodWrapper>();
  if (!w->dict) w->dict = dict_new();
  if (v.is_null()) return dict_del(w->dict, Value(name));
  return dict_set_str(w->dict, name, v);
}

Value staticmethod_get(Value descr, Value, Type*) { return descr.as<MethodWrapper>()->callable; }

Value staticmethod_call(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  return call(self.as<MethodWrapper>()->callable, args, nargs, kwnames);
}

Value bound_method_new(Value function, Value self) {
  BoundMethod* m = gc_new<BoundMethod>(&BoundMethodType);
  m->function = function;
  m->self = self;
  return Value(m);
}

Value classmethod_get(Value descr, Value obj, Type* owner) {
  if (!owner) owner = type_of(obj);
  return bound_method_new(descr.as<MethodWrapper>()->callable, Value(owner));
}

Value wrapper_repr(Value self) {
  Value inner = obj_repr(self.as<MethodWrapper>()->callable);
  if (inner.is_null()) return inner;
  char buf[64];
  snprintf(buf, sizeof buf, " object at %p>", (void*)self.obj());
  return Value(str_new("<" + std::string(type_name(self)) + "(" +
                       std::string(str_view(inner.as<Str>())) + ")" + buf));
}

// ---------------------------------------------------------------------------
// property
// ---------------------------------------------------------------------------

void property_trace(Object* self, Visitor& v) {
  auto* p = static_cast<Property*>(self);
  v.visit(p->fget);
  v.visit(p->fset);
  v.visit(p->fdel);
  v.visit(p->doc);
  v.visit(p->name);
}

Value property_make(Type* type, Value fget, Value fset, Value fdel, Value doc) {
  Property* p = alloc_descriptor<Property>(type);
  p->fget = fget.is_null() ? None() : fget;
  p->fset = fset.is_null() ? None() : fset;
  p->fdel = fdel.is_null() ? None() : fdel;
  p->doc = doc.is_null() ? None() : doc;
  if (is_none(p->doc) && !is_none(p->fget) && type_of(p->fget) == &FunctionType)
    p->doc = p->fget.as<Function>()->doc;
  if (p->doc.is_null()) p->doc = None();
  return Value(p);
}

Value property_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[4];
  if (!bind_args("property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, out))
    return Value();
  return property_make(type, out[0], out[1], out[2], out[3]);
}

// property.__init__(fget=None, fset=None, fdel=None, doc=None): what a
// subclass's __init__ reaches through super().__init__(...).
Value property_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value out[4];
  if (!bind_args("property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, out))
    return Value();
  Rooted keep(&self);
  Value fresh = property_make(&PropertyType, out[0], out[1], out[2], out[3]);
  Property* src = fresh.as<Property>();
  Property* p = self.as<Property>();
  p->fget = src->fget;
  p->fset = src->fset;
  p->fdel = src->fdel;
  p->doc = src->doc;
  return None();
}

// "property 'x' of 'C' object has no getter" (the name once __set_name__
// told it, like CPython 3.11).
Value property_error(Value self, Value obj, const char* what) {
  auto* p = self.as<Property>();
  if (!p->name.is_null() && is_str(p->name))
    return raise(&AttributeErrorType, "property '%s' of '%s' object has no %s",
                 str_cstr(p->name.as<Str>()), type_name(obj), what);
  return raise(&AttributeErrorType, "property of '%s' object has no %s", type_name(obj), what);
}

Value property_get(Value descr, Value obj, Type*) {
  if (obj.is_null()) return descr;
  auto* p = descr.as<Property>();
  if (is_none(p->fget)) return property_error(descr, obj, "getter");
  return call1(p->fget, obj);
}

int property_set(Value descr, Value obj, Value v) {
  auto* p = descr.as<Property>();
  Value r;
  if (v.is_null()) {
    if (is_none(p->fdel)) {
      property_error(descr, obj, "deleter");
      return -1;
    }
    r = call1(p->fdel, obj);
  } else {
    if (is_none(p->fset)) {
      property_error(descr, obj, "setter");
      return -1;
    }
    Value args[2] = {obj, v};
    r = call(p->fset, args, 2);
  }
  return r.is_null() ? -1 : 0;
}

Value property_getattr(Value self, Str* name) {
  auto* p = self.as<Property>();
  if (is_name(name, "fget")) return p->fget;
  if (is_name(name, "fset")) return p->fset;
  if (is_name(name, "fdel")) return p->fdel;
  if (is_name(name, "__doc__")) return p->doc;
  if (is_name(name, "__isabstractmethod__")) return False();
  return generic_getattr(self, name);
}

// getter/setter/deleter: a copy with one accessor replaced.
Value property_with(Value self, int which, const Value* args, size_t nargs, Tuple* kwnames,
                    const char* fname) {
  if (!check_nargs(fname, nargs, kwnames, 1, 1)) return Value();
  auto* p = self.as<Property>();
  Value f[3] = {p->fget, p->fset, p->fdel};
  f[which] = args[0];
  // A docstring taken from the old getter follows the new getter.
  Value doc = p->doc;
  if (which == 0 && type_of(p->fget) == &FunctionType && p->doc == p->fget.as<Function>()->doc)
    doc = Value();
  Value copy = property_make(type_of(self), f[0], f[1], f[2], doc);
  copy.as<Property>()->name = p->name;
  return copy;
}

Value property_getter(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return property_with(self, 0, args, nargs, kw, "getter");
}
Value property_setter(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return property_with(self, 1, args, nargs, kw, "setter");
}
Value property_deleter(Value self, const Value* args, size_t nargs, Tuple* kw) {
  return property_with(self, 2, args, nargs, kw, "deleter");
}

Value property_set_name(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__set_name__", nargs, kw, 2, 2)) return Value();
  self.as<Property>()->name = args[1];
  return None();
}

// property.__get__(obj, type=None) / __set__ / __delete__ called explicitly.
Value property_get_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__get__", nargs, kw, 1, 2)) return Value();
  if (is_none(args[0])) return self;
  return property_get(self, args[0], nullptr);
}
Value property_set_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__set__", nargs, kw, 2, 2)) return Value();
  if (property_set(self, args[0], args[1]) < 0) return Value();
  return None();
}
Value property_delete_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__delete__", nargs, kw, 1, 1)) return Value();
  if (property_set(self, args[0], Value()) < 0) return Value();
  return None();
}

// ---------------------------------------------------------------------------
// super
// ---------------------------------------------------------------------------

void super_trace(Object* self, Visitor& v) {
  auto* s = static_cast<Super*>(self);
  v.visit(Value(s->type));
  v.visit(s->obj);
  v.visit(Value(s->obj_type));
}

// The type whose MRO super() walks: type(obj), or obj itself when it is a
// subclass of `type` (super() in a classmethod).
Type* super_check(Type* type, Value obj) {
  if (is_type(obj) && is_subtype(obj.as<Type>(), type)) return obj.as<Type>();
  if (isinstance(obj, type)) return type_of(obj);
  raise(&TypeErrorType, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

// Zero-argument super() (CPython's super_init_without_args): the class
// comes from the `__class__` cell the compiler gives every function that
// mentions super or __class__ inside a class body (the class statement
// fills the cell); the object is the calling function's first argument.
bool super_from_frame(Type** type, Value* obj) {
  Frame* f = current_thread()->current_frame;
  if (!f || !f->code) {
    raise(&RuntimeErrorType, "super(): no current frame");
    return false;
  }
  Code* code = f->code;
  if (code->argcount == 0) {
    raise(&RuntimeErrorType, "super(): no arguments");
    return false;
  }
  Value first = f->localsplus[0];
  if (!first.is_null() && (code->localspluskinds[0] & kLocalCell)) first = first.as<Cell>()->contents;
  if (first.is_null()) {
    raise(&RuntimeErrorType, "super(): arg[0] deleted");
    return false;
  }
  static Str* const kClass = str_intern("__class__");
  Value* names = tuple_items(code->localsplusnames);
  for (int32_t i = 0; i < code->nlocalsplus; ++i) {
    if (!(code->localspluskinds[i] & kLocalFree) || names[i].as<Str>() != kClass) continue;
    Value cell = f->localsplus[i];
    Value cls = cell.is_null() ? Value() : cell.as<Cell>()->contents;
    if (cls.is_null()) {
      raise(&RuntimeErrorType, "super(): empty __class__ cell");
      return false;
    }
    if (!is_type(cls)) {
      raise(&RuntimeErrorType, "super(): __class__ is not a type (%s)", type_name(cls));
      return false;
    }
    *type = cls.as<Type>();
    *obj = first;
    return true;
  }
  raise(&RuntimeErrorType, "super(): __class__ cell not found");
  return false;
}

Value super_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeErrorType, "super() takes no keyword arguments");
  Type* start;
  Value obj;
  if (nargs == 0) {
    if (!super_from_frame(&start, &obj)) return Value();
  } else if (nargs == 2) {
    if (!is_type(args[0]))
      return raise(&TypeErrorType, "super() argument 1 must be a type, not %s", type_name(args[0]));
    start = args[0].as<Type>();
    obj = args[1];
  } else if (nargs == 1) {
    return raise(&TypeErrorType, "pyglass does not support unbound super objects (super(type)) yet");
  } else {
    return raise(&TypeErrorType, "super() takes at most 2 arguments (%zu given)", nargs);
  }
  Type* obj_type = super_check(start, obj);
  if (!obj_type) return Value();
  Super* s = gc_new<Super>(type);
  s->type = start;
  s->obj = obj;
  s->obj_type = obj_type;
  return Value(s);
}

// The attribute `name` of the first class after `start` in the MRO of
// `type` (heap types: the mro tuple; static types: the base chain).
Value lookup_after(Type* type, Type* start, Str* name) {
  if (Tuple* mro = type->mro) {
    int64_t i = 0;
    while (i < mro->size && mro->items[i].as<Type>() != start) ++i;
    for (++i; i < mro->size; ++i) {
      Type* t = mro->items[i].as<Type>();
      if (!t->dict) type_ready(t);
      Value attr = dict_get_str(t->dict, name);
      if (!attr.is_null()) return attr;
    }
    return Value();
  }
  Type* t = type;
  while (t && t != start) t = t->base;
  for (t = t ? t->base : nullptr; t; t = t->base) {
    if (!t->dict) type_ready(t);
    Value attr = dict_get_str(t->dict, name);
    if (!attr.is_null()) return attr;
  }
  return Value();
}

Value super_getattr(Value self, Str* name) {
  static Str* const kClass = str_intern("__class__");
  auto* s = self.as<Super>();
  if (name != kClass) {
    Value attr = lookup_after(s->obj_type, s->type, name);
    if (!attr.is_null()) {
      Type* at = type_of(attr);
      if (!at->descr_get) return attr;
      // Found through the class itself (super() in a classmethod): no instance.
      Value obj = s->obj == Value(s->obj_type) ? Value() : s->obj;
      return at->descr_get(attr, obj, s->obj_type);
    }
  }
  return generic_getattr(self, name);
}

Value super_repr(Value self) {
  auto* s = self.as<Super>();
  std::string text = "<super: <class '" + std::string(s->type->name) + "'>, <" +
                     std::string(s->obj_type->name) + " object>>";
  return Value(str_new(text));
}

}  // namespace

namespace {
// staticmethod and classmethod wrap one callable the same way; they differ
// in how the wrapper binds (descr_get) and whether it is callable itself.
Type method_wrapper_type(const char* name) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeNativeLayout;
  t.instance_size = sizeof(MethodWrapper);
  t.construct = wrapper_construct;
  t.getattr = wrapper_getattr;
  t.setattr = wrapper_setattr;
  t.trace = wrapper_trace;
  t.repr = wrapper_repr;
  return t;
}
}  // namespace

Type StaticMethodType = [] {
  Type t = method_wrapper_type("staticmethod");
  t.descr_get = staticmethod_get;
  t.call = staticmethod_call;
  return t;
}();

Type ClassMethodType = [] {
  Type t = method_wrapper_type("classmethod");
  t.descr_get = classmethod_get;
  return t;
}();

Type PropertyType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "property";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeNativeLayout;
  t.instance_size = sizeof(Property);
  t.construct = property_construct;
  t.getattr = property_getattr;
  t.trace = property_trace;
  t.descr_get = property_get;
  t.descr_set = property_set;
  return t;
}();

Type SuperType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "super";
  t.base = &ObjectType;
  t.instance_size = sizeof(Super);
  t.construct = super_construct;
  t.getattr = super_getattr;
  t.trace = super_trace;
  t.repr = super_repr;
  return t;
}();

void classes_init(Dict* builtins) {
  classes_init_names();
  builtin_dunders_init();
  slots_init();
  for (Type* t : {&StaticMethodType, &ClassMethodType, &PropertyType, &SuperType}) {
    type_ready(t);
    dict_set_str(builtins, str_intern(t->name), Value(t));
  }
  type_add_method(&PropertyType, "__init__", property_init);
  type_add_method(&StaticMethodType, "__init__", wrapper_init);
  type_add_method(&ClassMethodType, "__init__", wrapper_init);
  type_add_method(&PropertyType, "getter", property_getter);
  type_add_method(&PropertyType, "setter", property_setter);
  type_add_method(&PropertyType, "deleter", property_deleter);
  type_add_method(&PropertyType, "__set_name__", property_set_name);
  type_add_method(&PropertyType, "__get__", property_get_method);
  type_add_method(&PropertyType, "__set__", property_set_method);
  type_add_method(&PropertyType, "__delete__", property_delete_method);
  dict_set_str(builtins, str_intern("__build_class__"),
               native_function_new("__build_class__", builtin_build_class));
}

}  // namespace pg
