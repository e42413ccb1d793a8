// Builtins that look at the running program or run code given at run time:
// globals, locals, dir, exec, eval, compile, __import__.
//
// Why in one file: they all reach the caller's frame (a native function has
// no frame of its own, so "the caller" is the innermost Python frame) or the
// compiler, which the other builtins never touch.
#include <string>

#include "compiler/compiler.h"
#include "modules/builtins_internal.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/import.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

// The innermost Python frame: the one that called the running builtin.
Frame* caller_frame() {
  Frame* f = current_thread()->current_frame;
  while (f && f->owner == kOwnedByCStack) f = f->previous;
  return f;
}

Value builtin_globals(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("globals", nargs, kwnames, 0, 0)) return Value();
  Frame* f = caller_frame();
  if (!f) return raise(&RuntimeErrorType, "globals(): no current frame");
  return Value(f->globals);
}

Value builtin_locals(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("locals", nargs, kwnames, 0, 0)) return Value();
  Frame* f = caller_frame();
  if (!f) return raise(&RuntimeErrorType, "locals(): no current frame");
  return frame_locals(f);
}

// Adds the keys of `d` (strings only) to `names`.
int add_keys(Dict* names, Dict* d) {
  for (int64_t i = 0; i < d->used; ++i) {
    Value k = d->entries[i].key;
    if (k.is_null() || type_of(k) != &StrType) continue;
    if (dict_set(names, k, None()) < 0) return -1;
  }
  return 0;
}

// dir(obj) without a user __dir__: CPython's object.__dir__ / type.__dir__ /
// module.__dir__ results (the attribute names reachable through the object).
Value default_dir(Value obj) {
  Dict* names = dict_new();
  Value keep(names);
  Rooted root(&keep);
  Type* t = type_of(obj);
  if (t == &ModuleType || is_subtype(t, &ModuleType)) {
    if (add_keys(names, module_dict(obj)) < 0) return Value();
    return dict_keys_list(names);
  }
  if (is_subtype(t, &TypeType)) {
    // A class: its own namespace and its bases' (the MRO).
    for (Type* base : type_mro(obj.as<Type>()))
      if (base->dict && add_keys(names, base->dict) < 0) return Value();
    return dict_keys_list(names);
  }
  Value inst_dict = obj_getattr_cstr(obj, "__dict__");
  if (inst_dict.is_null()) {
    if (!error_matches(&AttributeErrorType)) return Value();
    error_clear();
  } else if (type_of(inst_dict) == &DictType && add_keys(names, inst_dict.as<Dict>()) < 0) {
    return Value();
  }
  for (Type* base : type_mro(t))
    if (base->dict && add_keys(names, base->dict) < 0) return Value();
  return dict_keys_list(names);
}

Value builtin_dir(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!(builtins_detail::reject_keywords("dir", kwnames) &&
        builtins_detail::expect_positional("dir", nargs, 0, 1))) return Value();
  Value names;
  if (nargs == 0) {
    Frame* f = caller_frame();
    if (!f) return raise(&RuntimeErrorType, "dir(): no current frame");
    Value locals = frame_locals(f);
    if (locals.is_null()) return locals;
    names = dict_keys_list(locals.as<Dict>());
  } else {
    Type* t = type_of(args[0]);
    Value user = (t->flags & kTypeHeap) ? type_lookup(t, str_intern("__dir__")) : Value();
    if (!user.is_null()) {
      Value r = call1(user, args[0]);
      if (r.is_null()) return r;
      names = r;
    } else {
      names = default_dir(args[0]);
    }
  }
  if (names.is_null()) return names;
  return list_sorted(names, Value(), false);
}

// The source text of exec/eval/compile's first argument, or null with
// CPython's TypeError. Code objects are handled by the callers.
bool source_text(const char* fname, Value src, std::string* out) {
  if (type_of(src) == &StrType) {
    *out = std::string(str_view(src.as<Str>()));
    return true;
  }
  raise(&TypeErrorType, "%s() arg 1 must be a string, bytes or code object", fname);
  return false;
}

// Not given, or given as None.
bool absent(Value v) { return v.is_null() || v.bits == None().bits; }

// The namespaces exec/eval run in: the caller's when not given.
bool namespaces(const char* fname, Value g, Value l, Dict** globals, Dict** locals) {
  if (!absent(g) && type_of(g) != &DictType) {
    raise(&TypeErrorType, "%s() globals must be a dict, not %s", fname, type_name(g));
    return false;
  }
  if (!absent(l) && type_of(l) != &DictType) {
    // CPython accepts any mapping here; pyglass's name lookups need a dict.
    raise(&TypeErrorType, "locals must be a mapping");
    return false;
  }
  Frame* f = caller_frame();
  if (absent(g)) {
    if (!f) {
      raise(&RuntimeErrorType, "%s(): no current frame", fname);
      return false;
    }
    *globals = f->globals;
    if (absent(l)) {
      Value fl = frame_locals(f);
      if (fl.is_null()) return false;
      *locals = fl.as<Dict>();
      return true;
    }
  } else {
    *globals = g.as<Dict>();
  }
  *locals = (absent(l)) ? *globals : l.as<Dict>();
  return true;
}

Value run_code(const char* fname, CompileMode mode, const Value* args, size_t nargs,
               Tuple* kwnames) {
  Value bound[3];
  if (!bind_args(fname, args, nargs, kwnames, {"source", "globals", "locals"}, 1, bound))
    return Value();
  Code* code = nullptr;
  if (type_of(bound[0]) == &CodeType) {
    code = bound[0].as<Code>();
  } else {
    std::string text;
    if (!source_text(fname, bound[0], &text)) return Value();
    if (mode == CompileMode::Eval) {
      // eval() ignores leading blanks (CPython strips spaces and tabs).
      size_t start = text.find_first_not_of(" \t");
      text.erase(0, start == std::string::npos ? text.size() : start);
    }
    code = compile_source(text, "<string>", mode);
    if (!code) return Value();
  }
  Value keep_code(code);
  Rooted root(&keep_code);
  Dict* globals;
  Dict* locals;
  if (!namespaces(fname, bound[1], bound[2], &globals, &locals)) return Value();
  // Like CPython, a namespace without builtins gets them.
  Str* builtins_name = str_intern("__builtins__");
  if (dict_get_str(globals, builtins_name).is_null() &&
      dict_set_str(globals, builtins_name, Value(g_runtime.builtins)) < 0)
    return Value();
  Value r = eval_code_in(code, globals, locals);
  if (r.is_null() || mode == CompileMode::Eval) return r;
  return None();
}

Value builtin_exec(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_code("exec", CompileMode::Module, args, nargs, kwnames);
}

Value builtin_eval(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return run_code("eval", CompileMode::Eval, args, nargs, kwnames);
}

Value builtin_compile(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value bound[6];
  if (!bind_args("compile", args, nargs, kwnames,
                 {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, bound))
    return Value();
  std::string text;
  if (!source_text("compile", bound[0], &text)) return Value();
  if (type_of(bound[1]) != &StrType)
    return raise(&TypeErrorType, "compile() argument 'filename' must be str, not %s",
                 type_name(bound[1]));
  if (type_of(bound[2]) != &StrType)
    return raise(&TypeErrorType, "compile() argument 'mode' must be str, not %s",
                 type_name(bound[2]));
  std::string_view mode = str_view(bound[2].as<Str>());
  CompileMode m;
  if (mode == "exec" || mode == "single") {
    m = CompileMode::Module;
  } else if (mode == "eval") {
    m = CompileMode::Eval;
    size_t start = text.find_first_not_of(" \t");
    text.erase(0, start == std::string::npos ? text.size() : start);
  } else {
    return raise(&ValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  Code* code = compile_source(text, std::string(str_view(bound[1].as<Str>())), m);
  return code ? Value(code) : Value();
}

Value builtin_import(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value bound[5];
  if (!bind_args("__import__", args, nargs, kwnames,
                 {"name", "globals", "locals", "fromlist", "level"}, 1, bound))
    return Value();
  if (type_of(bound[0]) != &StrType)
    return raise(&TypeErrorType, "__import__() argument 1 must be str, not %s",
                 type_name(bound[0]));
  Value fromlist = bound[3].is_null() ? None() : bound[3];
  Value level = bound[4].is_null() ? Value::small(0) : bound[4];
  // Relative imports resolve against the given globals, else the caller's.
  Dict* globals = nullptr;
  if (!absent(bound[1])) {
    if (type_of(bound[1]) != &DictType)
      return raise(&TypeErrorType, "__import__() argument 'globals' must be dict, not %s",
                   type_name(bound[1]));
    globals = bound[1].as<Dict>();
  } else if (Frame* f = caller_frame()) {
    globals = f->globals;
  }
  return import_name(bound[0].as<Str>(), fromlist, level, globals);
}

}  // namespace

namespace builtins_detail {

void builtins_introspect_init(Dict* builtins) {
  static const struct {
    const char* name;
    NativeFn fn;
  } functions[] = {{"globals", builtin_globals}, {"locals", builtin_locals},
                   {"dir", builtin_dir},         {"exec", builtin_exec},
                   {"eval", builtin_eval},       {"compile", builtin_compile},
                   {"__import__", builtin_import}};
  for (const auto& f : functions)
    dict_set_str(builtins, str_intern(f.name), native_function_new(f.name, f.fn));
}

}  // namespace builtins_detail

}  // namespace pg
