// Runtime start-up and the top-level run of a program.
#include "vm/runtime.h"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/compiler.h"
#include "modules/modules.h"
#include "modules/std_util.h"
#include "modules/sys_module.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "objects/numbers.h"
#include "objects/type.h"
#include "vm/eval.h"
#include "vm/generator.h"
#include "vm/import.h"
#include "vm/traceback.h"

namespace pg {

Runtime g_runtime;

namespace {
thread_local ThreadState* t_current_thread = nullptr;
ThreadState g_main_thread_state;
// How far nested native calls (a slot calling a Python dunder that calls a
// slot ...) may take the main thread's C stack before they raise
// RecursionError: the stack limit minus a margin for the code that runs
// after the check. The depth counters alone do not bound the C stack:
// sanitizer builds use several KiB per eval_frame activation.
char* g_stack_base = nullptr;
size_t g_stack_budget = 0;

void init_stack_budget() {
  g_stack_base = static_cast<char*>(__builtin_frame_address(0));
  struct rlimit rl;
  size_t limit = size_t(8) << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < (rlim_t(256) << 20))
    limit = size_t(rl.rlim_cur);
  size_t margin = limit / 8 > (size_t(256) << 10) ? limit / 8 : (size_t(256) << 10);
  g_stack_budget = limit > 2 * margin ? limit - margin : limit / 2;
}
}  // namespace

ThreadState* current_thread() { return t_current_thread; }
void set_current_thread(ThreadState* ts) { t_current_thread = ts; }

bool enter_native_recursion(const char* where) {
  ThreadState* ts = current_thread();
  bool too_deep = ++ts->c_recursion_depth > ts->c_recursion_limit;
  if (!too_deep && ts == &g_main_thread_state && g_stack_base) {
    char* here = static_cast<char*>(__builtin_frame_address(0));
    too_deep = here < g_stack_base && size_t(g_stack_base - here) > g_stack_budget;
  }
  if (too_deep) {
    --ts->c_recursion_depth;
    raise(&RecursionErrorType, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

void runtime_init(const std::vector<std::string>& argv) {
  ThreadState* ts = &g_main_thread_state;
  memset(static_cast<void*>(ts), 0, sizeof *ts);
  init_stack_budget();
  ts->native_tid = int64_t(syscall(SYS_gettid));
  ts->pthread_id = uint64_t(pthread_self());
  strncpy(ts->name, "MainThread", sizeof ts->name - 1);
  ts->recursion_limit = 1000;
  // Native recursion (repr of nested lists, calls from native code) gets a
  // separate, generous budget: each level uses far less C stack than the
  // 8 MiB default allows.
  ts->c_recursion_limit = 8000;
  ts->run_state = kThreadIdle;
  set_current_thread(ts);
  g_runtime.threads = ts;
  g_runtime.main_thread = ts;
  g_runtime.recursion_limit = 1000;

  type_ready(&ObjectType);
  type_ready(&TypeType);
  types_init();
  numbers_init();
  containers_init();
  exceptions_init();
  functions_init();
  code_init();
  traceback_init();
  type_ready(&ModuleType);
  type_ready(&FrameType);
  type_ready(&CellType);
  generators_init();
  gc_add_root_tracer(str_intern_trace);

  g_runtime.modules = dict_new();
  g_runtime.builtins = dict_new();
  builtins_init(g_runtime.builtins);
  classes_init(g_runtime.builtins);
  List* args = list_new(0);
  for (const std::string& a : argv) list_append(args, Value(str_new(a)));
  if (argv.empty()) list_append(args, Value(str_new("")));
  g_runtime.sys_argv = Value(args);
  sys_module_register();
  time_module_register();
  os_module_register();
  faulthandler_module_register();
  std_modules_register();
  Value builtins_module = module_new("builtins");
  dict_set_str(g_runtime.modules, str_intern("builtins"), builtins_module);
  // The builtins module's namespace is the builtins dict itself.
  builtins_module.as<Module>()->dict = g_runtime.builtins;
  dict_set_str(g_runtime.builtins, str_intern("__name__"), Value(str_intern("builtins")));
  // sys is always loaded (the import system reads sys.path).
  import_module("sys");
  g_runtime.initialized = 1;
}

void runtime_finalize() {
  faulthandler_shutdown();  // no watchdog may read objects being freed
  fflush(stdout);
  fflush(stderr);
  ThreadState* ts = current_thread();
  ts->current_exception = Value();
  ts->handled_exception = Value();
  g_runtime.modules = nullptr;
  g_runtime.builtins = nullptr;
  g_runtime.main_module = Value();
  g_runtime.sys_argv = Value();
  gc_free_all();
  while (ts->datastack_chunk) {
    StackChunk* c = ts->datastack_chunk;
    ts->datastack_chunk = c->previous;
    free(c);
  }
}

int handle_uncaught_exception() {
  Value exc = error_fetch();
  Rooted keep(&exc);
  if (isinstance(exc, &SystemExitType)) {
    Value code = obj_getattr_cstr(exc, "code");
    if (code.is_null()) {
      error_clear();
      code = None();
    }
    if (is_none(code)) return 0;
    int64_t status;
    if (is_int(code) && int_to_i64(code, &status)) return int(status & 0xff);
    Value s = obj_str(code);
    if (s.is_null()) {
      error_clear();
    } else {
      fflush(stdout);
      fprintf(stderr, "%s\n", str_cstr(s.as<Str>()));
    }
    return 1;
  }
  print_exception(exc, stderr);
  return 1;
}

int run_main_source(const std::string& source, const std::string& filename) {
  Value main = module_new("__main__");
  g_runtime.main_module = main;
  dict_set_str(g_runtime.modules, str_intern("__main__"), main);
  Dict* globals = module_dict(main);
  dict_set_str(globals, str_intern("__file__"), Value(str_new(filename)));
  dict_set_str(globals, str_intern("__builtins__"), Value(g_runtime.builtins));
  Code* code = compile_source(source, filename);
  if (!code) return handle_uncaught_exception();
  Value code_value(code);
  Rooted keep(&code_value);
  current_thread()->run_state = kThreadRunning;
  Value r = eval_code_in(code, globals, globals);
  current_thread()->run_state = kThreadIdle;
  if (r.is_null()) return handle_uncaught_exception();
  return 0;
}

int run_main_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fprintf(stderr, "pyglass: can't open file '%s': [Errno %d] %s\n", path.c_str(), errno,
            strerror(errno));
    return 2;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  // Like CPython, the main script's code and __file__ carry its absolute
  // path (sys.argv[0] keeps the path as given).
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  std::string filename = ec ? path : absolute.lexically_normal().string();
  return run_main_source(ss.str(), filename);
}

}  // namespace pg
