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
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/traceback.h"

namespace pg {

Runtime g_runtime;

namespace {
thread_local ThreadState* t_current_thread = nullptr;
ThreadState g_main_thread_state;
}  // namespace

ThreadState* current_thread() { return t_current_thread; }
void set_current_thread(ThreadState* ts) { t_current_thread = ts; }

bool enter_native_recursion(const char* where) {
  ThreadState* ts = current_thread();
  bool too_deep = ++ts->c_recursion_depth > ts->c_recursion_limit;
  if (!too_deep && ts->stack_base) {
    char* here = static_cast<char*>(__builtin_frame_address(0));
    too_deep = here < ts->stack_base && size_t(ts->stack_base - here) > ts->stack_budget;
  }
  if (too_deep) {
    --ts->c_recursion_depth;
    raise(&RecursionErrorType, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// The thread-state pool (threads, issue 8). The protocol out-of-process
// readers rely on (docs/frame-layout.md, "Thread list protocol"):
//   * a thread state is never freed: finished ones are marked kThreadDead
//     and reused by the next thread started;
//   * a new state is fully initialised before it is linked, by one release
//     store, at the end of the list; `next` never changes after that except
//     from null to a new, initialised state;
//   * so a reader that follows `next` pointers at any instant only ever
//     reads thread-state memory, and skips dead states.
// All of this runs with the GIL held.
// ---------------------------------------------------------------------------

namespace {
ThreadState* g_free_states = nullptr;

void thread_state_defaults(ThreadState* ts) {
  ts->recursion_limit = g_runtime.recursion_limit ? g_runtime.recursion_limit : 1000;
  // Native recursion (repr of nested lists, calls from native code) gets a
  // separate, generous budget; the stack-address check bounds it too.
  ts->c_recursion_limit = 8000;
  ts->trace_func = ts->profile_func = Value();  // tracing (issue 9)
  ts->tracing = 0;
  ts->use_tracing = 0;
}
}  // namespace

ThreadState* thread_state_acquire() {
  ThreadState* ts = g_free_states;
  if (ts) {
    g_free_states = ts->next_free;
    // Rebuilt in a copy and written in one go, so that a tool reading the
    // state meanwhile sees DEAD or STARTING, never a zeroed run_state
    // (which would mean "running").
    ThreadState fresh;
    memset(static_cast<void*>(&fresh), 0, sizeof fresh);
    fresh.next = ts->next;
    fresh.run_state = kThreadStarting;
    fresh.generation = ts->generation + 1;
    StackChunk* chunk = ts->datastack_chunk;  // kept: the pool reuses data stacks too
    fresh.datastack_chunk = chunk;
    if (chunk) {
      chunk->saved_top = nullptr;
      fresh.datastack_top = chunk->data;
      fresh.datastack_limit = reinterpret_cast<Value*>(reinterpret_cast<char*>(chunk) + chunk->size);
    }
    memcpy(static_cast<void*>(ts), &fresh, sizeof fresh);
    thread_state_defaults(ts);
    return ts;
  }
  ts = static_cast<ThreadState*>(calloc(1, sizeof(ThreadState)));
  if (!ts) {
    fputs("pyglass: out of memory\n", stderr);
    abort();
  }
  ts->run_state = kThreadStarting;
  ts->generation = 1;
  thread_state_defaults(ts);
  __atomic_store_n(&g_runtime.threads_tail->next, ts, __ATOMIC_RELEASE);
  g_runtime.threads_tail = ts;
  return ts;
}

void thread_state_release(ThreadState* ts) {
  ts->current_frame = nullptr;
  ts->current_exception = Value();
  ts->handled_exception = Value();
  ts->start_callable = ts->start_args = ts->start_kwargs = Value();
  ts->trace_func = ts->profile_func = Value();  // tracing (issue 9)
  ts->use_tracing = 0;
  ts->rooted = nullptr;
  ts->wait_object = nullptr;
  ts->ident = 0;
  ts->native_tid = 0;
  ts->stack_base = nullptr;
  // Only the older chunks are freed; the first one stays for reuse.
  while (ts->datastack_chunk && ts->datastack_chunk->previous) {
    StackChunk* c = ts->datastack_chunk;
    ts->datastack_chunk = c->previous;
    free(c);
  }
  set_run_state(ts, kThreadDead);
  ts->next_free = g_free_states;
  g_free_states = ts;
}

int thread_states_alive(const ThreadState* except) {
  int n = 0;
  for (ThreadState* ts = g_runtime.threads; ts; ts = ts->next)
    if (ts != except && get_run_state(ts) != kThreadDead) n++;
  return n;
}

void thread_state_set_stack(ThreadState* ts, size_t limit) {
  ts->stack_base = static_cast<char*>(__builtin_frame_address(0));
  size_t margin = limit / 8 > (size_t(256) << 10) ? limit / 8 : (size_t(256) << 10);
  ts->stack_budget = limit > 2 * margin ? limit - margin : limit / 2;
}

void runtime_init(const std::vector<std::string>& argv) {
  ThreadState* ts = &g_main_thread_state;
  memset(static_cast<void*>(ts), 0, sizeof *ts);
  // The main thread's C stack: as large as RLIMIT_STACK says (8 MiB when
  // unlimited or huge).
  struct rlimit rl;
  size_t limit = size_t(8) << 20;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < (rlim_t(256) << 20))
    limit = size_t(rl.rlim_cur);
  thread_state_set_stack(ts, limit);
  ts->native_tid = int64_t(syscall(SYS_gettid));
  ts->ident = uint64_t(pthread_self());
  strncpy(ts->name, "MainThread", sizeof ts->name - 1);
  g_runtime.recursion_limit = 1000;
  thread_state_defaults(ts);
  ts->generation = 1;
  set_current_thread(ts);
  g_runtime.threads = ts;
  g_runtime.threads_tail = ts;
  g_runtime.main_thread = ts;
  gil_init(ts);
  ts->run_state = kThreadIdle;

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
  trace_modules_register();  // _linecache (issue 9)
  time_module_register();
  os_module_register();
  faulthandler_module_register();
  std_modules_register();
  thread_module_register();
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
  // Daemon threads (or threads still finishing) may wait for the GIL, which
  // this thread keeps until the process exits: their objects must stay.
  if (thread_states_alive(ts) > 0) return;
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

// Like CPython at exit: when the program used `threading`, its _shutdown()
// joins every non-daemon thread before the process ends.
static void wait_for_thread_shutdown() {
  Value threading = dict_get_str(g_runtime.modules, str_intern("threading"));
  if (threading.is_null()) return;
  Rooted keep(&threading);
  Value shutdown = obj_getattr_cstr(threading, "_shutdown");
  if (shutdown.is_null()) {
    error_clear();
    return;
  }
  set_run_state(current_thread(), kThreadRunning);
  Value r = call0(shutdown);
  set_run_state(current_thread(), kThreadIdle);
  if (r.is_null()) {
    Value exc = error_fetch();
    Rooted keep_exc(&exc);
    fflush(stdout);
    fputs("Exception ignored in: <module 'threading'>\n", stderr);
    print_exception(exc, stderr);
  }
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
  set_run_state(current_thread(), kThreadRunning);
  Value r = eval_code_in(code, globals, globals);
  set_run_state(current_thread(), kThreadIdle);
  int status = r.is_null() ? handle_uncaught_exception() : 0;
  wait_for_thread_shutdown();
  atexit_run_callbacks();
  return status;
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
