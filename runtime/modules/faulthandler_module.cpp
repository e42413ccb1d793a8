// The `faulthandler` module: on a fatal signal (SIGSEGV, SIGFPE, SIGABRT,
// SIGBUS, SIGILL) print "Fatal Python error: ...", every thread's Python
// stack and the native stack, then let the signal kill the process as it
// would have (so the kernel still writes the core that pyglass-stack reads);
// dump_traceback() on demand; dump_traceback_later() from a watchdog thread.
// Also CPython's deliberate-crash helpers (_sigsegv, _sigabrt) that the
// debugger tests use to produce real cores.
//
// Enabled by faulthandler.enable(), `pyglass -X faulthandler` or the
// environment variable PYGLASSFAULTHANDLER (any non-empty value).
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "modules/modules.h"
#include "objects/gc.h"
#include "vm/fault_report.h"
#include "vm/thread_state.h"

namespace pg {

namespace {

struct FatalSignal {
  int signum;
  const char* name;  // CPython's wording
  struct sigaction previous;
  bool installed;
};

FatalSignal g_fatal_signals[] = {
    {SIGBUS, "Bus error", {}, false},
    {SIGILL, "Illegal instruction", {}, false},
    {SIGFPE, "Floating point exception", {}, false},
    {SIGABRT, "Aborted", {}, false},
    {SIGSEGV, "Segmentation fault", {}, false},
};

// What enable() asked for; read by the signal handler.
struct HandlerSettings {
  volatile sig_atomic_t enabled;
  volatile sig_atomic_t fd;
  volatile sig_atomic_t all_threads;
  Value file;  // kept alive (a GC root) so its descriptor stays open
};
HandlerSettings g_handler = {0, 2, 1, Value()};

// An alternate signal stack, so a native stack overflow can still be
// reported (the handler then runs on this stack, not the exhausted one).
alignas(16) char g_alt_stack[64 * 1024];
bool g_alt_stack_installed = false;

void uninstall_fatal_handlers() {
  for (FatalSignal& s : g_fatal_signals) {
    if (!s.installed) continue;
    sigaction(s.signum, &s.previous, nullptr);
    s.installed = false;
  }
  g_handler.enabled = 0;
}

void fatal_signal_handler(int signum, siginfo_t* info, void*) {
  int saved_errno = errno;
  FatalSignal* entry = nullptr;
  for (FatalSignal& s : g_fatal_signals)
    if (s.signum == signum) entry = &s;
  if (!entry || !entry->installed) return;
  // Restore the previous disposition first: a second fault while writing
  // the report then takes the default action instead of recursing.
  uninstall_fatal_handlers();
  int fd = g_handler.fd;
  fault_write(fd, "Fatal Python error: ");
  fault_write(fd, entry->name);
  fault_write(fd, "\n\n");
  fault_dump_python_stacks(fd, current_thread(), g_handler.all_threads != 0);
  fault_write(fd, "\n");
  fault_dump_native_stack(fd);
  errno = saved_errno;
  // A fault the kernel raised (si_code > 0) happens again when we return,
  // now with the default disposition: the core then records the original
  // fault address. A signal sent by kill()/abort() is sent again; it is
  // blocked while this handler runs and delivered as soon as we return.
  if (!info || info->si_code <= 0) ::raise(signum);
}

bool install_fatal_handlers() {
  if (!g_alt_stack_installed) {
    stack_t ss{};
    ss.ss_sp = g_alt_stack;
    ss.ss_size = sizeof g_alt_stack;
    if (sigaltstack(&ss, nullptr) == 0) g_alt_stack_installed = true;
  }
  for (FatalSignal& s : g_fatal_signals) {
    if (s.installed) continue;
    struct sigaction action{};
    action.sa_sigaction = fatal_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_SIGINFO;
    if (sigaction(s.signum, &action, &s.previous) != 0) {
      raise(&OSErrorType, "faulthandler: cannot install the handler of signal %d: %s", s.signum,
            strerror(errno));
      return false;
    }
    s.installed = true;
  }
  g_handler.enabled = 1;
  return true;
}

// The descriptor of the `file` argument: an int, an object with fileno()
// (flushed first, as CPython does), or stderr's when absent/None.
bool file_descriptor(Value file, int* fd) {
  if (file.is_null() || file == None()) {
    fflush(stderr);
    *fd = 2;
    return true;
  }
  if (is_int(file)) {
    int64_t v;
    if (!int_as_index(file, &v)) return false;
    if (v < 0) {
      raise(&ValueErrorType, "file is not a valid file descripter");  // sic: CPython 3.11
      return false;
    }
    *fd = int(v);
    return true;
  }
  Value flush = obj_getattr_cstr(file, "flush");
  if (flush.is_null()) {
    error_clear();
  } else if (call0(flush).is_null()) {
    return false;
  }
  Value fileno = obj_getattr_cstr(file, "fileno");
  if (fileno.is_null()) return false;
  Value r = call0(fileno);
  if (r.is_null()) return false;
  int64_t v;
  if (!is_int(r) || !int_as_index(r, &v) || v < 0) {
    if (!error_occurred()) raise(&RuntimeErrorType, "file.fileno() is not a valid file descriptor");
    return false;
  }
  fflush(stdout);
  fflush(stderr);
  *fd = int(v);
  return true;
}

// Parses (file=None, all_threads=True) keyword-or-positional arguments.
bool parse_file_all_threads(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                            Value* file, bool* all_threads) {
  Value bound[2];
  if (!bind_args(fname, args, nargs, kwnames, {"file", "all_threads"}, 0, bound)) return false;
  *file = bound[0];
  *all_threads = true;
  if (!bound[1].is_null()) {
    int t = obj_truth(bound[1]);
    if (t < 0) return false;
    *all_threads = t != 0;
  }
  return true;
}

Value faulthandler_enable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value file;
  bool all_threads;
  if (!parse_file_all_threads("enable", args, nargs, kwnames, &file, &all_threads)) return Value();
  int fd;
  if (!file_descriptor(file, &fd)) return Value();
  g_handler.fd = fd;
  g_handler.all_threads = all_threads ? 1 : 0;
  g_handler.file = file.is_null() ? Value() : file;
  if (!install_fatal_handlers()) return Value();
  return None();
}

Value faulthandler_disable(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("disable", nargs, kwnames, 0, 0)) return Value();
  bool was = g_handler.enabled != 0;
  uninstall_fatal_handlers();
  g_handler.file = Value();
  return Bool(was);
}

Value faulthandler_is_enabled(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("is_enabled", nargs, kwnames, 0, 0)) return Value();
  return Bool(g_handler.enabled != 0);
}

Value faulthandler_dump_traceback(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value file;
  bool all_threads;
  if (!parse_file_all_threads("dump_traceback", args, nargs, kwnames, &file, &all_threads))
    return Value();
  int fd;
  if (!file_descriptor(file, &fd)) return Value();
  fault_dump_python_stacks(fd, current_thread(), all_threads);
  return None();
}

// ---------------------------------------------------------------------------
// dump_traceback_later: a native watchdog thread (not a Python thread: it
// must keep working when every Python thread is stuck).
// ---------------------------------------------------------------------------
struct Watchdog {
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
  pthread_t thread{};
  bool running = false;    // a watchdog thread exists (joinable)
  bool cancelled = false;  // cancel requested
  int64_t timeout_ns = 0;
  bool repeat = false;
  bool exit_after = false;
  int fd = 2;
  Value file;
  char header[64] = {0};  // "Timeout (0:00:05)!\n", formatted in advance
};
Watchdog g_watchdog;

void* watchdog_main(void*) {
  Watchdog& w = g_watchdog;
  pthread_mutex_lock(&w.mutex);
  for (;;) {
    timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    int64_t ns = deadline.tv_nsec + w.timeout_ns % 1000000000;
    deadline.tv_sec += time_t(w.timeout_ns / 1000000000 + ns / 1000000000);
    deadline.tv_nsec = long(ns % 1000000000);
    int rc = 0;
    while (!w.cancelled && rc != ETIMEDOUT)
      rc = pthread_cond_timedwait(&w.wake, &w.mutex, &deadline);
    if (w.cancelled) break;
    fault_write(w.fd, w.header);
    fault_dump_python_stacks(w.fd, nullptr, true);
    if (w.exit_after) _exit(1);
    if (!w.repeat) break;
  }
  pthread_mutex_unlock(&w.mutex);
  return nullptr;
}

void cancel_watchdog() {
  Watchdog& w = g_watchdog;
  if (!w.running) return;
  pthread_mutex_lock(&w.mutex);
  w.cancelled = true;
  pthread_cond_signal(&w.wake);
  pthread_mutex_unlock(&w.mutex);
  pthread_join(w.thread, nullptr);
  w.running = false;
  w.file = Value();
}

// CPython's "Timeout (H:MM:SS[.ffffff])!" header.
void format_timeout_header(int64_t timeout_ns, char* out, size_t size) {
  int64_t us = timeout_ns / 1000;
  int64_t sec = us / 1000000;
  int64_t frac = us % 1000000;
  if (frac)
    snprintf(out, size, "Timeout (%lld:%02lld:%02lld.%06lld)!\n", (long long)(sec / 3600),
             (long long)(sec / 60 % 60), (long long)(sec % 60), (long long)frac);
  else
    snprintf(out, size, "Timeout (%lld:%02lld:%02lld)!\n", (long long)(sec / 3600),
             (long long)(sec / 60 % 60), (long long)(sec % 60));
}

Value faulthandler_dump_traceback_later(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value bound[4];
  if (!bind_args("dump_traceback_later", args, nargs, kwnames,
                 {"timeout", "repeat", "file", "exit"}, 1, bound))
    return Value();
  double timeout;
  if (!number_to_double(bound[0], &timeout)) return Value();
  if (timeout <= 0) return raise(&ValueErrorType, "timeout must be greater than 0");
  if (timeout > 1e9) return raise(&OverflowErrorType, "timeout value is too large");
  bool repeat = false, exit_after = false;
  if (!bound[1].is_null()) {
    int t = obj_truth(bound[1]);
    if (t < 0) return Value();
    repeat = t;
  }
  if (!bound[3].is_null()) {
    int t = obj_truth(bound[3]);
    if (t < 0) return Value();
    exit_after = t;
  }
  int fd;
  if (!file_descriptor(bound[2], &fd)) return Value();
  cancel_watchdog();  // one watchdog at a time, as CPython
  Watchdog& w = g_watchdog;
  w.timeout_ns = int64_t(timeout * 1e9);
  w.repeat = repeat;
  w.exit_after = exit_after;
  w.fd = fd;
  w.file = bound[2].is_null() ? Value() : bound[2];
  w.cancelled = false;
  format_timeout_header(w.timeout_ns, w.header, sizeof w.header);
  if (pthread_create(&w.thread, nullptr, watchdog_main, nullptr) != 0)
    return raise(&RuntimeErrorType, "unable to start watchdog thread");
  w.running = true;
  return None();
}

Value faulthandler_cancel_later(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("cancel_dump_traceback_later", nargs, kwnames, 0, 0)) return Value();
  cancel_watchdog();
  return None();
}

// Reads address 0 like a buggy native extension would, so the kernel
// reports SIGSEGV with fault address 0 (the volatile zero keeps the
// compiler from turning the read into a trap instruction). The installed
// handler, if any, reports it first.
Value faulthandler_sigsegv(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_sigsegv", nargs, kwnames, 0, 1)) return Value();
  fflush(stdout);
  fflush(stderr);
  static volatile uintptr_t zero = 0;
  int value = *reinterpret_cast<volatile int*>(zero);
  (void)value;
  ::raise(SIGSEGV);  // not reached
  return None();
}

Value faulthandler_sigabrt(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_sigabrt", nargs, kwnames, 0, 0)) return Value();
  fflush(stdout);
  fflush(stderr);
  abort();
}

Value faulthandler_sigfpe(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_sigfpe", nargs, kwnames, 0, 0)) return Value();
  fflush(stdout);
  fflush(stderr);
  ::raise(SIGFPE);
  return None();
}

void trace_roots(Visitor& v) {
  v.visit(g_handler.file);
  v.visit(g_watchdog.file);
}

Value faulthandler_init() {
  Value m = module_new("faulthandler");
  module_add_function(m, "enable", faulthandler_enable);
  module_add_function(m, "disable", faulthandler_disable);
  module_add_function(m, "is_enabled", faulthandler_is_enabled);
  module_add_function(m, "dump_traceback", faulthandler_dump_traceback);
  module_add_function(m, "dump_traceback_later", faulthandler_dump_traceback_later);
  module_add_function(m, "cancel_dump_traceback_later", faulthandler_cancel_later);
  module_add_function(m, "_sigsegv", faulthandler_sigsegv);
  module_add_function(m, "_sigabrt", faulthandler_sigabrt);
  module_add_function(m, "_sigfpe", faulthandler_sigfpe);
  return m;
}

}  // namespace

void faulthandler_module_register() {
  register_builtin_module("faulthandler", faulthandler_init);
  gc_add_root_tracer(trace_roots);
}

void faulthandler_enable_at_startup() {
  g_handler.fd = 2;
  g_handler.all_threads = 1;
  if (!install_fatal_handlers()) error_clear();
}

void faulthandler_shutdown() {
  cancel_watchdog();
  uninstall_fatal_handlers();
  g_handler.file = Value();
}

}  // namespace pg
