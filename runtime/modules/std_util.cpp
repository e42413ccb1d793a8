// Helpers shared by the C++ standard library modules (see std_util.h), and
// their registration.
#include "modules/std_util.h"

#include <string_view>

#include "modules/modules.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {

void math_module_register();
void random_module_register();
void itertools_module_register();
void operator_module_register();
void gc_module_register();
void deque_module_register();
void re_pcre_module_register();  // _pcre, the core of re (re_pcre.cpp)
void cmath_module_register();
void io_fd_module_register();  // io_fd.cpp (under runtime/lib/io.py)
void struct_module_register();  // struct_module.cpp (under runtime/lib/struct.py)
void json_module_register();    // json_module.cpp (fast paths of runtime/lib/json.py)

Value number_index(Value v) {
  if (is_int(v)) return v;
  bool found = false;
  Value r = call_special(v, str_intern("__index__"), nullptr, 0, &found);
  if (!found)
    return raise(&TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
  if (r.is_null()) return r;
  if (!is_int(r)) return raise(&TypeErrorType, "__index__ returned non-int (type %s)", type_name(r));
  return r;
}

Value keyword_arg(const Value* args, size_t nargs, Tuple* kwnames, const char* name) {
  if (!kwnames) return Value();
  for (int64_t i = 0; i < tuple_size(kwnames); ++i)
    if (str_view(tuple_items(kwnames)[i].as<Str>()) == name) return args[nargs + size_t(i)];
  return Value();
}

bool check_keywords(const char* fname, Tuple* kwnames, std::initializer_list<const char*> allowed) {
  if (!kwnames) return true;
  for (int64_t i = 0; i < tuple_size(kwnames); ++i) {
    std::string_view k = str_view(tuple_items(kwnames)[i].as<Str>());
    bool ok = false;
    for (const char* a : allowed) ok = ok || k == a;
    if (!ok) {
      raise(&TypeErrorType, "%s() got an unexpected keyword argument '%.*s'", fname, int(k.size()),
            k.data());
      return false;
    }
  }
  return true;
}

void std_modules_register() {
  math_module_register();
  random_module_register();
  itertools_module_register();
  operator_module_register();
  gc_module_register();
  deque_module_register();
  re_pcre_module_register();
  cmath_module_register();
  io_fd_module_register();
  struct_module_register();
  json_module_register();
  atexit_module_register();
}

}  // namespace pg
