// sys.settrace / sys.gettrace / sys.setprofile / sys.getprofile (tracing,
// issue 9): thin wrappers over vm/trace.h, registered from sys's init.
#include "modules/sys_module.h"

#include "modules/modules.h"
#include "objects/exceptions.h"
#include "vm/trace.h"

#include <cstdio>
#include <string>

namespace pg {

namespace {

Value sys_settrace(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("settrace", nargs, kwnames, 1, 1)) return Value();
  trace_set(current_thread(), args[0]);
  return None();
}

Value sys_gettrace(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("gettrace", nargs, kwnames, 0, 0)) return Value();
  Value f = current_thread()->trace_func;
  return f.is_null() ? None() : f;
}

Value sys_setprofile(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("setprofile", nargs, kwnames, 1, 1)) return Value();
  profile_set(current_thread(), args[0]);
  return None();
}

Value sys_getprofile(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("getprofile", nargs, kwnames, 0, 0)) return Value();
  Value f = current_thread()->profile_func;
  return f.is_null() ? None() : f;
}

// sys.exc_info() / sys.exception(): the exception being handled (what
// traceback.print_exc and format_exc report).
Value sys_exc_info(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("exc_info", nargs, kwnames, 0, 0)) return Value();
  Value exc = current_thread()->handled_exception;
  if (exc.is_null() || is_none(exc)) return Value(tuple_from({None(), None(), None()}));
  Value tb = is_exception(exc) ? exc.as<ExceptionObject>()->traceback : Value();
  return Value(tuple_from({Value(type_of(exc)), exc, tb.is_null() ? None() : tb}));
}

Value sys_exception(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("exception", nargs, kwnames, 0, 0)) return Value();
  Value exc = current_thread()->handled_exception;
  return exc.is_null() ? None() : exc;
}

}  // namespace

void sys_trace_add_functions(Value m) {
  // The stdlib work defines these in sys_module.cpp too: keep theirs.
  if (obj_getattr_cstr(m, "exc_info").is_null()) {
    error_clear();
    module_add_function(m, "exc_info", sys_exc_info);
    module_add_function(m, "exception", sys_exception);
  }
  module_add_function(m, "settrace", sys_settrace);
  module_add_function(m, "gettrace", sys_gettrace);
  module_add_function(m, "setprofile", sys_setprofile);
  module_add_function(m, "getprofile", sys_getprofile);
}

}  // namespace pg

// ---------------------------------------------------------------------------
// _linecache: the native half of the bundled linecache module (pyglass has
// no open() yet). getlines(filename) -> the file's lines, each ending with
// its newline as readlines() gives them; [] when the file cannot be read.
// ---------------------------------------------------------------------------

namespace pg {

namespace {

Value linecache_getlines(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("getlines", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "getlines() argument must be str, not %s", type_name(args[0]));
  Value out = Value(list_new(0));
  Rooted keep(&out);
  std::string name(str_view(args[0].as<Str>()));
  FILE* fp = name.empty() ? nullptr : fopen(name.c_str(), "rb");
  if (!fp) return out;
  std::string text;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, fp)) > 0) text.append(buf, n);
  fclose(fp);
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    list_append(out.as<List>(), Value(str_from_os_bytes(std::string_view(text).substr(start, end - start))));
    start = end;
  }
  return out;
}

Value linecache_init() {
  Value m = module_new("_linecache");
  module_add_function(m, "getlines", linecache_getlines);
  return m;
}

}  // namespace

void trace_modules_register() { register_builtin_module("_linecache", linecache_init); }

}  // namespace pg
