// Callable objects: native functions and methods, Python functions, bound
// methods; and the argument-checking helpers native code uses.
#include <cstdio>
#include <cstring>
#include <string>

#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/frame.h"

namespace pg {

namespace {

// ---- native functions -----------------------------------------------------

Value native_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  NativeFunction* fn = callable.as<NativeFunction>();
  if (!fn->self.is_null() || !(fn->flags & kNativeMethod)) return fn->fn(fn->self, args, nargs, kwnames);
  // An unbound method called through its type: `str.upper("x")`.
  if (nargs == 0)
    return raise(&TypeErrorType, "unbound method %s.%s() needs an argument",
                 fn->owner ? fn->owner->name : "?", fn->name);
  if (fn->owner && !isinstance(args[0], fn->owner))
    return raise(&TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                 fn->name, fn->owner->name, type_name(args[0]));
  return fn->fn(args[0], args + 1, nargs - 1, kwnames);
}

Value native_repr(Value self) {
  NativeFunction* fn = self.as<NativeFunction>();
  char buf[256];
  if (fn->self.is_null() || type_of(fn->self) == &ModuleType) {
    if (fn->owner && (fn->flags & kNativeMethod))
      snprintf(buf, sizeof buf, "<method '%s' of '%s' objects>", fn->name, fn->owner->name);
    else
      snprintf(buf, sizeof buf, "<built-in function %s>", fn->name);
  } else {
    snprintf(buf, sizeof buf, "<built-in method %s of %s object at %p>", fn->name,
             type_name(fn->self), (void*)fn->self.bits);
  }
  return str_from_cstr(buf);
}

void native_trace(Object* self, Visitor& v) { v.visit(static_cast<NativeFunction*>(self)->self); }

// Reading a native method through an instance binds it (`"a".upper`);
// through its class it stays unbound (`str.upper`). Class methods bind to
// the class either way; static methods and plain functions never bind.
Value native_descr_get(Value descr, Value obj, Type* owner) {
  NativeFunction* fn = descr.as<NativeFunction>();
  if (!fn->self.is_null()) return descr;
  if (fn->flags & kNativeMethod) {
    if (obj.is_null()) return descr;
    Value bound = native_function_new(fn->name, fn->fn, obj, fn->flags);
    bound.as<NativeFunction>()->owner = fn->owner;
    return bound;
  }
  if (fn->flags & kNativeClassMethod) {
    Value cls = Value(owner ? owner : type_of(obj));
    Value bound = native_function_new(fn->name, fn->fn, cls, fn->flags);
    bound.as<NativeFunction>()->owner = fn->owner;
    return bound;
  }
  return descr;
}

Value native_getattr(Value self, Str* name) {
  NativeFunction* fn = self.as<NativeFunction>();
  std::string_view n = str_view(name);
  if (n == "__name__") return str_from_cstr(fn->name);
  if (n == "__qualname__") {
    // Methods of built-in types are qualified by their type ("str.split").
    if (!fn->owner || !(fn->flags & (kNativeMethod | kNativeClassMethod))) return str_from_cstr(fn->name);
    std::string q = std::string(fn->owner->name) + "." + fn->name;
    return Value(str_new(q));
  }
  if (n == "__self__") return fn->self.is_null() ? None() : fn->self;
  return generic_getattr(self, name);
}

// ---- Python functions -----------------------------------------------------

Value function_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  return call_python_function(callable.as<Function>(), args, nargs, kwnames);
}

Value function_repr(Value self) {
  char buf[512];
  snprintf(buf, sizeof buf, "<function %s at %p>", str_cstr(self.as<Function>()->qualname),
           (void*)self.bits);
  return str_from_cstr(buf);
}

void function_trace(Object* self, Visitor& v) {
  Function* f = static_cast<Function*>(self);
  v.visit(Value(f->code));
  v.visit(Value(f->globals));
  v.visit(Value(f->builtins));
  v.visit(Value(f->name));
  v.visit(Value(f->qualname));
  v.visit(Value(f->module));
  v.visit(Value(f->defaults));
  v.visit(Value(f->kwdefaults));
  v.visit(Value(f->closure));
  v.visit(Value(f->dict));
  v.visit(f->doc);
  v.visit(f->annotations);
}

Value or_none(const Object* o) { return o ? Value(o) : None(); }

Value bound_method_new(Value function, Value self) {
  BoundMethod* m = gc_new<BoundMethod>(&BoundMethodType);
  m->function = function;
  m->self = self;
  return Value(m);
}

// A function read through an instance becomes a bound method; read through
// its class it stays the plain function.
Value function_descr_get(Value descr, Value obj, Type*) {
  if (obj.is_null()) return descr;
  return bound_method_new(descr, obj);
}

Value function_getattr(Value self, Str* name) {
  Function* f = self.as<Function>();
  std::string_view n = str_view(name);
  if (n.size() > 4 && n[0] == '_' && n[1] == '_') {
    if (n == "__name__") return Value(f->name);
    if (n == "__qualname__") return Value(f->qualname);
    if (n == "__code__") return Value(f->code);
    if (n == "__globals__") return Value(f->globals);
    if (n == "__builtins__") return Value(f->builtins);
    if (n == "__closure__") return or_none(f->closure);
    if (n == "__defaults__") return or_none(f->defaults);
    if (n == "__kwdefaults__") return or_none(f->kwdefaults);
    if (n == "__module__") {
      if (f->module) return Value(f->module);
      Value v = f->dict ? dict_get_str(f->dict, name) : Value();
      return v.is_null() ? None() : v;
    }
    if (n == "__doc__") return f->doc.is_null() ? None() : f->doc;
    // Both made on first use, like CPython.
    if (n == "__annotations__") {
      if (f->annotations.is_null() || is_none(f->annotations)) f->annotations = Value(dict_new());
      return f->annotations;
    }
    if (n == "__dict__") {
      if (!f->dict) f->dict = dict_new();
      return Value(f->dict);
    }
  }
  if (f->dict) {
    Value v = dict_get_str(f->dict, name);
    if (!v.is_null()) return v;
  }
  return generic_getattr(self, name);
}

// The special attributes check their types as CPython does; everything
// else (functools.wraps's __wrapped__, user attributes) lands in __dict__.
int function_setattr(Value self, Str* name, Value v) {
  Function* f = self.as<Function>();
  std::string_view n = str_view(name);
  auto fail = [](const char* msg) {
    raise(&TypeErrorType, "%s", msg);
    return -1;
  };
  if (n == "__name__" || n == "__qualname__") {
    if (v.is_null() || !is_str(v)) {
      return fail(n == "__name__" ? "__name__ must be set to a string object"
                                  : "__qualname__ must be set to a string object");
    }
    (n == "__name__" ? f->name : f->qualname) = v.as<Str>();
    return 0;
  }
  if (n == "__doc__") {
    f->doc = v.is_null() ? None() : v;
    return 0;
  }
  if (n == "__defaults__") {
    if (v.is_null() || is_none(v)) f->defaults = nullptr;
    else if (type_of(v) == &TupleType) f->defaults = v.as<Tuple>();
    else return fail("__defaults__ must be set to a tuple object");
    return 0;
  }
  if (n == "__kwdefaults__") {
    if (v.is_null() || is_none(v)) f->kwdefaults = nullptr;
    else if (isinstance(v, &DictType)) f->kwdefaults = v.as<Dict>();
    else return fail("__kwdefaults__ must be set to a dict object");
    return 0;
  }
  if (n == "__annotations__") {
    if (v.is_null() || is_none(v)) f->annotations = Value();
    else if (isinstance(v, &DictType)) f->annotations = v;
    else return fail("__annotations__ must be set to a dict object");
    return 0;
  }
  if (n == "__code__") {
    if (v.is_null() || type_of(v) != &CodeType) return fail("__code__ must be set to a code object");
    Code* code = v.as<Code>();
    int64_t nfree = 0;
    for (int32_t i = 0; i < code->nlocalsplus; ++i)
      if (code->localspluskinds[i] & kLocalFree) ++nfree;
    int64_t nclosure = f->closure ? tuple_size(f->closure) : 0;
    if (nfree != nclosure) {
      raise(&ValueErrorType, "%s() requires a code object with %lld free vars, not %lld",
            str_cstr(f->name), (long long)nclosure, (long long)nfree);
      return -1;
    }
    f->code = code;
    return 0;
  }
  if (n == "__dict__") {
    if (v.is_null()) return fail("cannot delete __dict__");
    if (!isinstance(v, &DictType)) {
      raise(&TypeErrorType, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
      return -1;
    }
    f->dict = v.as<Dict>();
    return 0;
  }
  if (n == "__globals__" || n == "__closure__" || n == "__builtins__") {
    raise(&AttributeErrorType, "readonly attribute");
    return -1;
  }
  if (n == "__module__") {
    if (!v.is_null() && is_str(v)) {
      f->module = v.as<Str>();
      if (f->dict && !dict_get_str(f->dict, name).is_null()) dict_del(f->dict, Value(name));
      return 0;
    }
    f->module = nullptr;
    if (v.is_null() || is_none(v)) {
      if (f->dict && !dict_get_str(f->dict, name).is_null()) dict_del(f->dict, Value(name));
      return 0;
    }
  }
  if (!f->dict) f->dict = dict_new();
  if (v.is_null()) {
    if (dict_get_str(f->dict, name).is_null()) {
      raise(&AttributeErrorType, "'function' object has no attribute '%s'", str_cstr(name));
      return -1;
    }
    return dict_del(f->dict, Value(name));
  }
  return dict_set_str(f->dict, name, v);
}

// ---- bound methods --------------------------------------------------------

Value bound_call(Value callable, const Value* args, size_t nargs, Tuple* kwnames) {
  BoundMethod* m = callable.as<BoundMethod>();
  size_t total = nargs + (kwnames ? size_t(tuple_size(kwnames)) : 0);
  // Small calls use the C stack; the values stay rooted by the caller.
  Value local[16];
  Value* buf = total + 1 <= 16 ? local : new Value[total + 1];
  buf[0] = m->self;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  Value r = call(m->function, buf, nargs + 1, kwnames);
  if (buf != local) delete[] buf;
  return r;
}

void bound_trace(Object* self, Visitor& v) {
  v.visit(static_cast<BoundMethod*>(self)->function);
  v.visit(static_cast<BoundMethod*>(self)->self);
}

// <bound method C.f of <__main__.C object at 0x...>>
Value bound_repr(Value self) {
  BoundMethod* m = self.as<BoundMethod>();
  Value name = obj_getattr_cstr(m->function, "__qualname__");
  if (name.is_null()) {
    error_clear();
    name = str_from_cstr("?");
  }
  Rooted keep_name(&name);
  Value inner = obj_repr(m->self);
  if (inner.is_null()) return inner;
  std::string text = "<bound method ";
  text += is_str(name) ? str_view(name.as<Str>()) : "?";
  text += " of ";
  text += str_view(inner.as<Str>());
  text += ">";
  return Value(str_new(text));
}

Value bound_getattr(Value self, Str* name) {
  BoundMethod* m = self.as<BoundMethod>();
  std::string_view n = str_view(name);
  if (n == "__self__") return m->self;
  if (n == "__func__") return m->function;
  if (n == "__class__") return Value(&BoundMethodType);
  // Everything else (__name__, __qualname__, __doc__, attributes) is the
  // function's.
  return obj_getattr(m->function, name);
}

// Two bound methods are equal when they bind the same object to equal
// functions.
Value bound_compare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &BoundMethodType)
    return NotImplemented();
  BoundMethod* x = a.as<BoundMethod>();
  BoundMethod* y = b.as<BoundMethod>();
  bool same = x->self == y->self;
  if (same) {
    int eq = obj_eq(x->function, y->function);
    if (eq < 0) return Value();
    same = eq;
  }
  return Bool(op == CompareOp::Eq ? same : !same);
}

bool bound_hash(Value self, int64_t* out) {
  BoundMethod* m = self.as<BoundMethod>();
  int64_t h;
  if (!obj_hash(m->function, &h)) return false;
  uint64_t a = m->self.bits;
  *out = h ^ int64_t((a >> 4) | (a << 60));
  if (*out == -1) *out = -2;
  return true;
}

Type make_callable_type(const char* name, size_t size) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = uint32_t(size);
  return t;
}

}  // namespace

Type NativeFunctionType = [] {
  Type t = make_callable_type("builtin_function_or_method", sizeof(NativeFunction));
  t.call = native_call;
  t.repr = native_repr;
  t.trace = native_trace;
  t.getattr = native_getattr;
  t.descr_get = native_descr_get;
  return t;
}();

Type FunctionType = [] {
  Type t = make_callable_type("function", sizeof(Function));
  t.call = function_call;
  t.repr = function_repr;
  t.trace = function_trace;
  t.getattr = function_getattr;
  t.setattr = function_setattr;
  t.descr_get = function_descr_get;
  return t;
}();

Type BoundMethodType = [] {
  Type t = make_callable_type("method", sizeof(BoundMethod));
  t.call = bound_call;
  t.trace = bound_trace;
  t.repr = bound_repr;
  t.getattr = bound_getattr;
  t.compare = bound_compare;
  t.hash = bound_hash;
  return t;
}();

Value native_function_new(const char* name, NativeFn fn, Value self, uint32_t flags) {
  NativeFunction* f = gc_new<NativeFunction>(&NativeFunctionType);
  f->name = name;
  f->fn = fn;
  f->self = self;
  f->flags = flags;
  return Value(f);
}

void type_add_method(Type* type, const char* name, NativeFn fn, uint32_t flags) {
  if (!type->dict) type_ready(type);
  Value f = native_function_new(name, fn, Value(), flags);
  f.as<NativeFunction>()->owner = type;
  dict_set_str(type->dict, str_intern(name), f);
  g_type_epoch++;  // lookups cached before may now find this method
}

Function* function_new(Code* code, Dict* globals, Value qualname) {
  Function* f = gc_new<Function>(&FunctionType);
  f->code = code;
  f->globals = globals;
  f->builtins = g_runtime.builtins;
  f->name = code->name;
  f->qualname = qualname.is_null() ? code->qualname : qualname.as<Str>();
  Value module = dict_get_str(globals, str_intern("__name__"));
  if (!module.is_null() && is_str(module)) f->module = module.as<Str>();
  f->doc = None();
  return f;
}

void functions_init() {
  type_ready(&NativeFunctionType);
  type_ready(&FunctionType);
  type_ready(&BoundMethodType);
}

// ---- argument helpers -----------------------------------------------------

bool check_nargs(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise(&TypeErrorType, "%s() takes no keyword arguments", fname);
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    if (min == 0)
      raise(&TypeErrorType, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == 1)
      raise(&TypeErrorType, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else
      raise(&TypeErrorType, "%s expected %zu arguments, got %zu", fname, min, nargs);
  } else if (nargs < min) {
    raise(&TypeErrorType, "%s expected at least %zu argument%s, got %zu", fname, min,
          min == 1 ? "" : "s", nargs);
  } else {
    raise(&TypeErrorType, "%s expected at most %zu argument%s, got %zu", fname, max,
          max == 1 ? "" : "s", nargs);
  }
  return false;
}

bool bind_args(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
               std::initializer_list<const char*> names, size_t required, Value* out) {
  size_t nparams = names.size();
  for (size_t i = 0; i < nparams; ++i) out[i] = Value();
  if (nargs > nparams) {
    raise(&TypeErrorType, "%s() takes at most %zu argument%s (%zu given)", fname, nparams,
          nparams == 1 ? "" : "s", nargs);
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames) {
    int64_t nkw = tuple_size(kwnames);
    for (int64_t k = 0; k < nkw; ++k) {
      std::string_view key = str_view(tuple_items(kwnames)[k].as<Str>());
      size_t idx = 0;
      for (const char* n : names) {
        if (key == n) break;
        ++idx;
      }
      if (idx == nparams) {
        raise(&TypeErrorType, "%s() got an unexpected keyword argument '%.*s'", fname,
              int(key.size()), key.data());
        return false;
      }
      if (!out[idx].is_null()) {
        raise(&TypeErrorType, "argument for %s() given by name ('%.*s') and position (%zu)",
              fname, int(key.size()), key.data(), idx + 1);
        return false;
      }
      out[idx] = args[nargs + k];
    }
  }
  size_t idx = 0;
  for (const char* n : names) {
    if (idx < required && out[idx].is_null()) {
      raise(&TypeErrorType, "%s() missing required argument '%s' (pos %zu)", fname, n, idx + 1);
      return false;
    }
    ++idx;
  }
  return true;
}

}  // namespace pg

namespace pg {

namespace {
void cell_trace(Object* self, Visitor& v) { v.visit(static_cast<Cell*>(self)->contents); }
}  // namespace

// Cells hold variables shared between a function and its inner functions.
Type CellType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "cell";
  t.base = &ObjectType;
  t.instance_size = sizeof(Cell);
  t.trace = cell_trace;
  return t;
}();

}  // namespace pg
