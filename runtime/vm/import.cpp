// The import system (see import.h). Modules are cached in sys.modules; a
// module is inserted before its code runs, so circular imports see the
// partially initialised module like in CPython.
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

// Finds NAME.py in the directories of sys.path.
bool find_source(std::string_view name, std::string* path, std::string* source) {
  Value sys = dict_get_str(g_runtime.modules, str_intern("sys"));
  if (sys.is_null()) return false;
  Value sys_path = dict_get_str(module_dict(sys), str_intern("path"));
  if (sys_path.is_null() || type_of(sys_path) != &ListType) return false;
  List* dirs = sys_path.as<List>();
  for (int64_t i = 0; i < list_size(dirs); ++i) {
    Value d = list_items(dirs)[i];
    if (!is_str(d)) continue;
    std::string dir(str_view(d.as<Str>()));
    std::string candidate = (dir.empty() ? std::string() : dir + "/") + std::string(name) + ".py";
    if (read_file(candidate, source)) {
      *path = candidate;
      return true;
    }
  }
#ifdef PYGLASS_LIB_DIR
  // threads (issue 8): bundled library modules (runtime/lib, e.g.
  // threading.py) after sys.path. Temporary hook until the "stdlib" work
  // decides how bundled modules are found.
  std::string bundled = std::string(PYGLASS_LIB_DIR) + "/" + std::string(name) + ".py";
  if (read_file(bundled, source)) {
    *path = bundled;
    return true;
  }
#endif
  return false;
}

Value load_source_module(std::string_view name, const std::string& path, const std::string& source) {
  Code* code = compile_source(source, path);
  if (!code) return Value();
  Value module = module_new(std::string(name).c_str());
  Rooted keep(&module);
  Value code_value(code);
  Rooted keep_code(&code_value);
  Dict* globals = module_dict(module);
  dict_set_str(globals, str_intern("__file__"), Value(str_new(path)));
  dict_set_str(globals, str_intern("__builtins__"), Value(g_runtime.builtins));
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
  return module;
}

}  // namespace

Value import_module(std::string_view name) {
  Str* key = str_intern(name);
  Value cached = dict_get_str(g_runtime.modules, key);
  if (!cached.is_null()) return cached;
  if (ModuleInitFn init = find_builtin_module(name)) {
    Value module = init();
    if (module.is_null()) return module;
    dict_set_str(g_runtime.modules, key, module);
    return module;
  }
  std::string path, source;
  if (find_source(name, &path, &source)) return load_source_module(name, path, source);
  std::string n(name);
  return raise(&ModuleNotFoundErrorType, "No module named '%s'", n.c_str());
}

Value import_name(Str* name, Value fromlist, Value level) {
  std::string_view full = str_view(name);
  // Import every prefix of a dotted name; bind the top one unless `from`.
  size_t dot = full.find('.');
  Value top = import_module(full.substr(0, dot));
  if (top.is_null() || dot == std::string_view::npos) return top;
  Value last = top;
  while (dot != std::string_view::npos) {
    size_t next = full.find('.', dot + 1);
    last = import_module(full.substr(0, next));
    if (last.is_null()) return last;
    dot = next;
  }
  return is_none(fromlist) ? top : last;
}

Value import_from(Value module, Str* name) {
  Value v = obj_getattr(module, name);
  if (!v.is_null()) return v;
  if (!error_matches(&AttributeErrorType)) return v;
  error_clear();
  std::string mod_name = "<unknown module name>";
  if (type_of(module) == &ModuleType) mod_name = std::string(str_view(module.as<Module>()->name));
  Value file = type_of(module) == &ModuleType
                   ? dict_get_str(module_dict(module), str_intern("__file__"))
                   : Value();
  if (!file.is_null() && is_str(file))
    return raise(&ImportErrorType, "cannot import name '%s' from '%s' (%s)", str_cstr(name),
                 mod_name.c_str(), str_cstr(file.as<Str>()));
  return raise(&ImportErrorType, "cannot import name '%s' from '%s' (unknown location)",
               str_cstr(name), mod_name.c_str());
}

}  // namespace pg
