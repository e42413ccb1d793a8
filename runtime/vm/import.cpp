// The import system (see import.h). Modules are cached in sys.modules; a
// module is inserted before its code runs, so circular imports see the
// partially initialised module like in CPython.
//
// Finding a module `a.b.c`: the parent package `a.b` is imported first; the
// directories searched are the parent's `__path__` (a list of str), or
// sys.path for a top-level name. In each directory `c/__init__.py` (a
// package) wins over `c.py` (a plain module), as in CPython. A package gets
// `__path__ = [its directory]`; every module gets `__package__` (the package
// relative imports resolve against) and becomes an attribute of its parent.
#include "vm/import.h"

#include <fstream>
#include <sstream>
#include <string>

#include "compiler/compiler.h"
#include "objects/layouts.h"
#include "vm/eval.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Where a source module was found.
struct Found {
  std::string file;     // the .py file to run
  std::string package_dir;  // its directory when it is a package's __init__.py, else empty
  std::string source;
};

// Looks for `leaf` in the str entries of `dirs` (a list; other values are
// skipped like CPython skips non-str sys.path entries).
bool find_in_dirs(List* dirs, std::string_view leaf, Found* found) {
  for (int64_t i = 0; i < list_size(dirs); ++i) {
    Value d = list_items(dirs)[i];
    if (!is_str(d)) continue;
    std::string dir(str_view(d.as<Str>()));
    std::string base = (dir.empty() ? std::string() : dir + "/") + std::string(leaf);
    if (read_file(base + "/__init__.py", &found->source)) {
      found->file = base + "/__init__.py";
      found->package_dir = base;
      return true;
    }
    if (read_file(base + ".py", &found->source)) {
      found->file = base + ".py";
      found->package_dir.clear();
      return true;
    }
  }
  return false;
}

List* sys_path_list() {
  Value sys = dict_get_str(g_runtime.modules, str_intern("sys"));
  if (sys.is_null()) return nullptr;
  Value sys_path = dict_get_str(module_dict(sys), str_intern("path"));
  if (sys_path.is_null() || !isinstance(sys_path, &ListType)) return nullptr;
  return sys_path.as<List>();
}

Value load_source_module(std::string_view name, const Found& found) {
  Code* code = compile_source(found.source, found.file);
  if (!code) return Value();
  Value code_value(code);
  Rooted keep_code(&code_value);
  Value module = module_new(std::string(name).c_str());
  Rooted keep(&module);
  Dict* globals = module_dict(module);
  dict_set_str(globals, str_intern("__file__"), Value(str_new(found.file)));
  dict_set_str(globals, str_intern("__builtins__"), Value(g_runtime.builtins));
  if (!found.package_dir.empty()) {
    List* path = list_new(0);
    Value path_value(path);
    Rooted keep_path(&path_value);
    list_append(path, Value(str_new(found.package_dir)));
    dict_set_str(globals, str_intern("__path__"), path_value);
    dict_set_str(globals, str_intern("__package__"), Value(str_new(name)));
  } else {
    size_t dot = name.rfind('.');
    dict_set_str(globals, str_intern("__package__"),
                 Value(str_new(dot == std::string_view::npos ? std::string_view() : name.substr(0, dot))));
  }
  Str* key = str_intern(name);
  dict_set_str(g_runtime.modules, key, module);
  Value r = eval_code_in(code, globals, globals);
  if (r.is_null()) {
    if (!dict_get_str(g_runtime.modules, key).is_null()) {
      Value saved = error_fetch();
      Rooted keep_exc(&saved);
      dict_del(g_runtime.modules, Value(key));
      raise_exception(saved);
    }
    return Value();
  }
  // The module may have replaced itself in sys.modules (a CPython idiom).
  Value final_module = dict_get_str(g_runtime.modules, key);
  return final_module.is_null() ? module : final_module;
}

Value no_module(std::string_view name) {
  std::string n(name);
  return raise(&ModuleNotFoundErrorType, "No module named '%s'", n.c_str());
}

// The package a module's globals resolve relative imports against:
// __package__ when set, else derived from __name__ (and __path__).
bool package_of(Dict* globals, std::string* out) {
  Value pkg = globals ? dict_get_str(globals, str_intern("__package__")) : Value();
  if (!pkg.is_null() && is_str(pkg)) {
    *out = std::string(str_view(pkg.as<Str>()));
    return true;
  }
  if (!pkg.is_null() && !is_none(pkg)) {
    raise(&TypeErrorType, "package must be a string");
    return false;
  }
  Value name = globals ? dict_get_str(globals, str_intern("__name__")) : Value();
  if (name.is_null() || !is_str(name)) {
    out->clear();
    return true;
  }
  std::string n(str_view(name.as<Str>()));
  if (n == "__main__") {
    out->clear();
    return true;
  }
  if (!dict_get_str(globals, str_intern("__path__")).is_null()) {
    *out = n;
  } else {
    size_t dot = n.rfind('.');
    *out = dot == std::string::npos ? std::string() : n.substr(0, dot);
  }
  return true;
}

// The absolute name of `from <level dots><name> import ...`.
bool resolve_relative(std::string_view name, int64_t level, Dict* globals, std::string* out) {
  std::string package;
  if (!package_of(globals, &package)) return false;
  if (package.empty()) {
    raise(&ImportErrorType, "attempted relative import with no known parent package");
    return false;
  }
  std::string base = package;
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(&ImportErrorType, "attempted relative import beyond top-level package");
      return false;
    }
    base.resize(dot);
  }
  *out = name.empty() ? base : base + "." + std::string(name);
  return true;
}

// `from package import name` where name is a submodule not yet imported:
// imports package.name (a missing submodule is not an error here; the
// IMPORT_FROM that follows reports the missing name).
bool import_fromlist_item(Value module, std::string_view module_name, Str* item) {
  if (!dict_get_str(module_dict(module), item).is_null()) return true;
  std::string sub = std::string(module_name) + "." + std::string(str_view(item));
  Value m = import_module(sub);
  if (!m.is_null()) return true;
  if (error_matches(&ModuleNotFoundErrorType)) {
    error_clear();
    return true;
  }
  return false;
}

bool handle_fromlist(Value module, std::string_view module_name, Value fromlist) {
  if (type_of(module) != &ModuleType) return true;
  if (dict_get_str(module_dict(module), str_intern("__path__")).is_null()) return true;
  Tuple* names = fromlist.as<Tuple>();
  for (int64_t i = 0; i < tuple_size(names); ++i) {
    Value item = tuple_items(names)[i];
    if (!is_str(item)) continue;
    if (str_view(item.as<Str>()) == "*") {
      Value all = dict_get_str(module_dict(module), str_intern("__all__"));
      if (all.is_null()) continue;
      Rooted keep_all(&all);
      Value it = obj_iter(all);
      if (it.is_null()) return false;
      Rooted keep_it(&it);
      while (true) {
        Value x = iter_next(it);
        if (x.is_null()) {
          if (error_occurred()) return false;
          break;
        }
        if (is_str(x) && !import_fromlist_item(module, module_name, x.as<Str>())) return false;
      }
      continue;
    }
    if (!import_fromlist_item(module, module_name, item.as<Str>())) return false;
  }
  return true;
}

}  // namespace

Value import_module(std::string_view name) {
  Str* key = str_intern(name);
  Value cached = dict_get_str(g_runtime.modules, key);
  if (!cached.is_null()) return cached;
  if (name.empty()) return raise(&ValueErrorType, "Empty module name");
  if (ModuleInitFn init = find_builtin_module(name)) {
    Value module = init();
    if (module.is_null()) return module;
    dict_set_str(g_runtime.modules, key, module);
    return module;
  }
  size_t dot = name.rfind('.');
  Found found;
  if (dot == std::string_view::npos) {
    List* dirs = sys_path_list();
    if (!dirs || !find_in_dirs(dirs, name, &found)) return no_module(name);
    return load_source_module(name, found);
  }
  // A submodule: its parent package first, then the parent's __path__.
  std::string_view parent_name = name.substr(0, dot);
  Value parent = import_module(parent_name);
  if (parent.is_null()) return parent;
  Rooted keep_parent(&parent);
  // Importing the parent may have imported this module too.
  cached = dict_get_str(g_runtime.modules, key);
  if (!cached.is_null()) return cached;
  Value path = type_of(parent) == &ModuleType ? dict_get_str(module_dict(parent), str_intern("__path__"))
                                              : Value();
  if (path.is_null() || !isinstance(path, &ListType)) {
    std::string n(name), p(parent_name);
    return raise(&ModuleNotFoundErrorType, "No module named '%s'; '%s' is not a package", n.c_str(),
                 p.c_str());
  }
  if (!find_in_dirs(path.as<List>(), name.substr(dot + 1), &found)) return no_module(name);
  Value module = load_source_module(name, found);
  if (module.is_null()) return module;
  Rooted keep(&module);
  std::string leaf(name.substr(dot + 1));
  if (obj_setattr(parent, str_intern(leaf), module) < 0) return Value();
  return module;
}

Value import_name(Str* name, Value fromlist, Value level_value, Dict* globals) {
  int64_t level = 0;
  if (level_value.is_small()) level = level_value.small_value();
  std::string absolute;
  if (level > 0) {
    if (!resolve_relative(str_view(name), level, globals, &absolute)) return Value();
  } else {
    absolute = std::string(str_view(name));
  }
  std::string_view full = absolute;
  bool has_fromlist = !is_none(fromlist) && type_of(fromlist) == &TupleType &&
                      tuple_size(fromlist.as<Tuple>()) > 0;
  if (has_fromlist || level > 0) {
    Value module = import_module(full);
    if (module.is_null() || !has_fromlist) return module;
    Rooted keep(&module);
    if (!handle_fromlist(module, full, fromlist)) return Value();
    return module;
  }
  // `import a.b.c` imports every prefix and binds the top package.
  size_t dot = full.find('.');
  Value top = import_module(full.substr(0, dot));
  if (top.is_null() || dot == std::string_view::npos) return top;
  Rooted keep_top(&top);
  if (import_module(full).is_null()) return Value();
  return top;
}

Value import_from(Value module, Str* name) {
  Value v = obj_getattr(module, name);
  if (!v.is_null()) return v;
  if (!error_matches(&AttributeErrorType)) return v;
  error_clear();
  std::string mod_name = "<unknown module name>";
  if (type_of(module) == &ModuleType) mod_name = std::string(str_view(module.as<Module>()->name));
  // A submodule imported since (circular package imports) is in sys.modules.
  if (type_of(module) == &ModuleType) {
    Value sub = dict_get_str(g_runtime.modules, str_intern(mod_name + "." + std::string(str_view(name))));
    if (!sub.is_null()) return sub;
  }
  Value file = type_of(module) == &ModuleType
                   ? dict_get_str(module_dict(module), str_intern("__file__"))
                   : Value();
  if (!file.is_null() && is_str(file))
    return raise(&ImportErrorType, "cannot import name '%s' from '%s' (%s)", str_cstr(name),
                 mod_name.c_str(), str_cstr(file.as<Str>()));
  return raise(&ImportErrorType, "cannot import name '%s' from '%s' (unknown location)",
               str_cstr(name), mod_name.c_str());
}

int import_star(Value module, Dict* locals) {
  Value all = obj_getattr_cstr(module, "__all__");
  Rooted keep_all(&all);
  if (all.is_null()) {
    if (!error_matches(&AttributeErrorType)) return -1;
    error_clear();
    // No __all__: every name of the module's dict not starting with '_'.
    Value dict_value = obj_getattr_cstr(module, "__dict__");
    if (dict_value.is_null()) return -1;
    if (!isinstance(dict_value, &DictType)) {
      raise(&ImportErrorType, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    Rooted keep_dict(&dict_value);
    Dict* d = dict_value.as<Dict>();
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
      if (!is_str(k) || str_view(k.as<Str>()).starts_with("_")) continue;
      if (dict_set(locals, k, v) < 0) return -1;
    }
    return 0;
  }
  Value it = obj_iter(all);
  if (it.is_null()) return -1;
  Rooted keep_it(&it);
  while (true) {
    Value name = iter_next(it);
    if (name.is_null()) return error_occurred() ? -1 : 0;
    Rooted keep_name(&name);
    if (!is_str(name)) {
      std::string mod = type_of(module) == &ModuleType ? std::string(str_view(module.as<Module>()->name)) : "";
      raise(&TypeErrorType, "Item in %s.__all__ must be str, not %s", mod.c_str(), type_name(name));
      return -1;
    }
    Value v = obj_getattr(module, name.as<Str>());
    if (v.is_null()) return -1;
    if (dict_set(locals, name, v) < 0) return -1;
  }
}

}  // namespace pg
