// The `sys` module: argv, path, modules, exit, recursion limit, _getframe
// and interpreter facts.
#include "modules/sys_module.h"

#include <climits>
#include <cstdlib>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "modules/modules.h"
#include "objects/layouts.h"
#include "vm/frame.h"
#include "vm/gil.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

Value sys_exit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("exit", nargs, kwnames, 0, 1)) return Value();
  Value code = nargs ? args[0] : None();
  Value exc = call1(Value(&SystemExitType), code);
  if (exc.is_null()) return exc;
  return raise_exception(exc);
}

Value sys_getrecursionlimit(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("getrecursionlimit", nargs, kwnames, 0, 0)) return Value();
  return Value::small(g_runtime.recursion_limit);
}

Value sys_setrecursionlimit(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("setrecursionlimit", nargs, kwnames, 1, 1)) return Value();
  if (!is_int(args[0]) || isinstance(args[0], &BoolType)) {
    if (is_float(args[0])) return raise(&TypeErrorType, "'float' object cannot be interpreted as an integer");
  }
  int64_t limit;
  if (!int_as_index(args[0], &limit)) return Value();
  if (limit < 1) return raise(&ValueErrorType, "recursion limit must be greater or equal than 1");
  if (limit > INT_MAX) return raise(&OverflowErrorType, "Python int too large to convert to C int");
  ThreadState* ts = current_thread();
  if (limit <= ts->recursion_depth)
    return raise(&RecursionErrorType,
                 "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                 (long long)limit, ts->recursion_depth);
  g_runtime.recursion_limit = int32_t(limit);
  for (ThreadState* t = g_runtime.threads; t; t = t->next) t->recursion_limit = int32_t(limit);
  return None();
}

Value sys_getframe(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_getframe", nargs, kwnames, 0, 1)) return Value();
  int64_t depth = 0;
  if (nargs && !int_as_index(args[0], &depth)) return Value();
  Frame* f = current_thread()->current_frame;
  // Skip shims; a native function like this one has no frame of its own.
  while (f && f->owner == kOwnedByCStack) f = f->previous;
  while (depth > 0 && f) {
    f = f->previous;
    while (f && f->owner == kOwnedByCStack) f = f->previous;
    --depth;
  }
  if (!f) return raise(&ValueErrorType, "call stack is not deep enough");
  return Value(frame_get_object(f));
}

Value sys_intern(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("intern", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "intern() argument must be str, not %s", type_name(args[0]));
  return Value(str_intern(str_view(args[0].as<Str>())));
}

std::string script_directory() {
  Value argv = g_runtime.sys_argv;
  if (argv.is_null() || list_size(argv.as<List>()) == 0) return "";
  std::string script(str_view(list_items(argv.as<List>())[0].as<Str>()));
  if (script.empty() || script == "-c") return "";
  char resolved[PATH_MAX];
  if (!realpath(script.c_str(), resolved)) return "";
  std::string path(resolved);
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash == 0 ? 1 : slash);
}

bool is_directory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The bundled library (runtime/lib): installed next to the binary
// (<prefix>/<bindir>/pyglass -> <prefix>/<datadir>/pyglass/lib), else the
// source tree's copy, whose absolute path was compiled in.
std::string bundled_lib_directory(const std::string& executable) {
  size_t slash = executable.rfind('/');
  if (slash != std::string::npos) {
    std::string prefix = executable.substr(0, slash);
    std::string bindir = PYGLASS_INSTALL_BINDIR;
    bool ok = true;
    for (size_t start = 0; ok && start < bindir.size();) {
      size_t end = bindir.find('/', start);
      if (end == std::string::npos) end = bindir.size();
      if (end > start) {
        size_t up = prefix.rfind('/');
        if (up == std::string::npos) ok = false;
        else prefix.resize(up);
      }
      start = end + 1;
    }
    std::string installed = prefix + "/" + PYGLASS_INSTALLED_LIB_DIR;
    if (ok && is_directory(installed)) return installed;
  }
  return PYGLASS_SOURCE_LIB_DIR;
}

Value sys_init() {
  Value m = module_new("sys");
  module_add(m, "argv", g_runtime.sys_argv);
  module_add(m, "modules", Value(g_runtime.modules));
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = '\0';
  // sys.path: the script's directory, then PYGLASSPATH's entries (like
  // PYTHONPATH), then the bundled library.
  List* path = list_new(0);
  module_add(m, "path", Value(path));
  list_append(path, Value(str_new(script_directory())));
  if (const char* extra = getenv("PYGLASSPATH")) {
    std::string entries(extra);
    for (size_t start = 0; start <= entries.size();) {
      size_t end = entries.find(':', start);
      if (end == std::string::npos) end = entries.size();
      if (end > start) list_append(path, Value(str_from_os_bytes(entries.substr(start, end - start))));
      start = end + 1;
    }
  }
  list_append(path, Value(str_new(bundled_lib_directory(exe))));
  module_add(m, "maxsize", int_from_i64(INT64_MAX));
  module_add(m, "platform", str_from_cstr("linux"));
  module_add(m, "byteorder", str_from_cstr("little"));
  module_add(m, "version", str_from_cstr("3.11.7 (pyglass 0.1)"));
  module_add(m, "version_info",
             Value(tuple_from({Value::small(3), Value::small(11), Value::small(7),
                               str_from_cstr("final"), Value::small(0)})));
  module_add(m, "executable", str_from_cstr(exe));
  module_add_function(m, "exit", sys_exit);
  sys_trace_add_functions(m);  // tracing (issue 9)
  module_add_function(m, "getrecursionlimit", sys_getrecursionlimit);
  module_add_function(m, "setrecursionlimit", sys_setrecursionlimit);
  module_add_function(m, "_getframe", sys_getframe);
  module_add_function(m, "intern", sys_intern);
  module_add_function(m, "setswitchinterval", sys_setswitchinterval);  // threads (issue 8)
  module_add_function(m, "getswitchinterval", sys_getswitchinterval);
  return m;
}

}  // namespace

void sys_module_register() { register_builtin_module("sys", sys_init); }

}  // namespace pg
