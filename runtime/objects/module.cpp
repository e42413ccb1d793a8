// Module objects and the registry of built-in modules.
#include <map>
#include <string>

#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {

namespace {

Value module_repr(Value self) {
  Module* m = self.as<Module>();
  std::string text = "<module '";
  text += str_view(m->name);
  Value file = dict_get_str(m->dict, str_intern("__file__"));
  if (!file.is_null() && is_str(file)) {
    text += "' from '";
    text += str_view(file.as<Str>());
    text += "'>";
  } else {
    text += "' (built-in)>";
  }
  return Value(str_new(text));
}

Value module_getattr(Value self, Str* name) {
  Module* m = self.as<Module>();
  Value v = dict_get_str(m->dict, name);
  if (!v.is_null()) return v;
  if (str_view(name) == "__dict__") return Value(m->dict);
  return raise(&AttributeErrorType, "module '%s' has no attribute '%s'", str_cstr(m->name),
               str_cstr(name));
}

int module_setattr(Value self, Str* name, Value v) {
  Module* m = self.as<Module>();
  if (v.is_null()) return dict_del(m->dict, Value(name));
  return dict_set_str(m->dict, name, v);
}

void module_trace(Object* self, Visitor& v) {
  Module* m = static_cast<Module*>(self);
  v.visit(Value(m->name));
  v.visit(Value(m->dict));
}

std::map<std::string, ModuleInitFn, std::less<>>& registry() {
  static std::map<std::string, ModuleInitFn, std::less<>> modules;
  return modules;
}

}  // namespace

Type ModuleType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "module";
  t.base = &ObjectType;
  t.instance_size = sizeof(Module);
  t.repr = module_repr;
  t.getattr = module_getattr;
  t.setattr = module_setattr;
  t.trace = module_trace;
  return t;
}();

Value module_new(const char* name) {
  Module* m = gc_new<Module>(&ModuleType);
  m->name = str_intern(name);
  m->dict = dict_new();
  dict_set_str(m->dict, str_intern("__name__"), Value(m->name));
  dict_set_str(m->dict, str_intern("__doc__"), None());  // a module docstring replaces it
  return Value(m);
}

Dict* module_dict(Value module) { return module.as<Module>()->dict; }

void module_add(Value module, const char* name, Value v) {
  dict_set_str(module_dict(module), str_intern(name), v);
}

void module_add_function(Value module, const char* name, NativeFn fn) {
  module_add(module, name, native_function_new(name, fn, module, 0));
}

void register_builtin_module(const char* name, ModuleInitFn init) { registry()[name] = init; }

ModuleInitFn find_builtin_module(std::string_view name) {
  auto it = registry().find(name);
  return it == registry().end() ? nullptr : it->second;
}

}  // namespace pg
