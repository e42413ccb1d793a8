// The `_thread` module: OS threads, locks (`lock`, `RLock`) and thread
// identity. `threading` (runtime/lib/threading.py) is written over it.
//
// Each Python thread runs on its own pthread with its own thread state
// (taken from the pool in runtime.cpp) and data stack; it runs Python code
// only while holding the GIL (vm/gil.h). Blocking lock waits release the
// GIL and export what they wait for (ThreadState.wait_object/wait_kind), so
// the tools can print "[blocked on Lock 0x...]".
//
// pyglass extensions (documented in docs/language.md): start_new_thread
// takes an optional 4th argument, the thread's name; _set_thread_name,
// _apply, _print_exception and _count serve threading.py.
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "modules/modules.h"
#include "objects/layouts.h"
#include "vm/gil.h"
#include "vm/thread_state.h"
#include "vm/traceback.h"
#include "vm/thread_lock.h"

namespace pg {

namespace {

constexpr size_t kThreadStackSize = size_t(8) << 20;
constexpr double kTimeoutMax = 9223372036.0;  // _thread.TIMEOUT_MAX (as CPython on Linux)

// ---------------------------------------------------------------------------
// Locks
// ---------------------------------------------------------------------------

LockObject* as_lock(Value v) { return static_cast<LockObject*>(v.obj()); }

void lock_finalize(Object* o) {
  LockObject* l = static_cast<LockObject*>(o);
  pthread_mutex_destroy(&l->mutex);
  pthread_cond_destroy(&l->cond);
}

LockObject* lock_alloc(Type* type, uint32_t kind) {
  LockObject* l = gc_new<LockObject>(type);
  pthread_mutex_init(&l->mutex, nullptr);
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&l->cond, &attr);
  pthread_condattr_destroy(&attr);
  l->kind = kind;
  return l;
}

// Takes a free lock for the current thread (l->mutex held).
void lock_take(LockObject* l, ThreadState* ts) {
  l->locked = 1;
  l->owner_tid = ts->native_tid;
  l->owner_ident = ts->ident;
  l->count = 1;
}

// Waits for the lock: at once if free, else without the GIL up to
// timeout_ns (-1 = forever). Returns whether it was taken.
bool lock_wait(LockObject* l, int64_t timeout_ns) {
  ThreadState* ts = current_thread();
  pthread_mutex_lock(&l->mutex);
  if (!l->locked) {
    lock_take(l, ts);
    pthread_mutex_unlock(&l->mutex);
    return true;
  }
  pthread_mutex_unlock(&l->mutex);
  if (timeout_ns == 0) return false;
  bool got = false;
  {
    GilReleased released(kThreadLockWait, l, l->kind == kWaitRLock ? kWaitRLock : kWaitLock);
    timespec deadline{};
    if (timeout_ns > 0) {
      clock_gettime(CLOCK_MONOTONIC, &deadline);
      int64_t ns = int64_t(deadline.tv_nsec) + timeout_ns % 1000000000;
      deadline.tv_sec += time_t(timeout_ns / 1000000000 + ns / 1000000000);
      deadline.tv_nsec = long(ns % 1000000000);
    }
    pthread_mutex_lock(&l->mutex);
    while (l->locked) {
      if (timeout_ns < 0) {
        pthread_cond_wait(&l->cond, &l->mutex);
      } else if (pthread_cond_timedwait(&l->cond, &l->mutex, &deadline) == ETIMEDOUT) {
        break;
      }
    }
    if (!l->locked) {
      lock_take(l, ts);
      got = true;
    }
    pthread_mutex_unlock(&l->mutex);
  }
  return got;
}

void lock_free(LockObject* l) {
  pthread_mutex_lock(&l->mutex);
  l->locked = 0;
  l->owner_tid = 0;
  l->owner_ident = 0;
  l->count = 0;
  pthread_cond_signal(&l->cond);
  pthread_mutex_unlock(&l->mutex);
}

// acquire(blocking=True, timeout=-1) arguments -> timeout in ns (-1 forever).
bool acquire_timeout(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                     int64_t* out) {
  Value params[2];
  if (!bind_args(fname, args, nargs, kwnames, {"blocking", "timeout"}, 0, params)) return false;
  bool blocking = true;
  if (!params[0].is_null()) {
    int t = obj_truth(params[0]);
    if (t < 0) return false;
    blocking = t != 0;
  }
  double timeout = -1;
  if (!params[1].is_null()) {
    if (is_float(params[1])) {
      timeout = float_value(params[1]);
    } else {
      int64_t i;
      if (!int_as_index(params[1], &i)) return false;
      timeout = double(i);
    }
  }
  if (std::isnan(timeout)) {
    raise(&ValueErrorType, "Invalid value NaN (not a number)");
    return false;
  }
  if (!blocking && timeout != -1) {
    raise(&ValueErrorType, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    raise(&ValueErrorType, "timeout value must be positive");
    return false;
  }
  if (!blocking) {
    *out = 0;
  } else if (timeout == -1) {
    *out = -1;
  } else {
    if (timeout > kTimeoutMax) {
      raise(&OverflowErrorType, "timestamp out of range for platform time_t");
      return false;
    }
    *out = int64_t(std::ceil(timeout * 1e9));
  }
  return true;
}

Value lock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t timeout;
  if (!acquire_timeout("acquire", args, nargs, kwnames, &timeout)) return Value();
  return Value(lock_wait(as_lock(self), timeout) ? &TrueObject : &FalseObject);
}

Value lock_enter(Value self, const Value*, size_t, Tuple*) {
  lock_wait(as_lock(self), -1);
  return Value(&TrueObject);
}

Value lock_release(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("release", nargs, kwnames, 0, 0)) return Value();
  LockObject* l = as_lock(self);
  if (!l->locked) return raise(&RuntimeErrorType, "release unlocked lock");
  lock_free(l);
  return None();
}

Value lock_exit(Value self, const Value*, size_t, Tuple*) {
  LockObject* l = as_lock(self);
  if (!l->locked) return raise(&RuntimeErrorType, "release unlocked lock");
  lock_free(l);
  return None();
}

Value lock_locked(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("locked", nargs, kwnames, 0, 0)) return Value();
  return Value(as_lock(self)->locked ? &TrueObject : &FalseObject);
}

Value lock_repr(Value self) {
  LockObject* l = as_lock(self);
  char buf[160];
  snprintf(buf, sizeof buf, "<%s _thread.lock object at %p>", l->locked ? "locked" : "unlocked",
           static_cast<void*>(l));
  return str_from_cstr(buf);
}

// RLock: owner + count; only the owner may release.
Value rlock_acquire(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t timeout;
  if (!acquire_timeout("acquire", args, nargs, kwnames, &timeout)) return Value();
  LockObject* l = as_lock(self);
  ThreadState* ts = current_thread();
  if (l->locked && l->owner_ident == ts->ident) {
    l->count++;
    return Value(&TrueObject);
  }
  return Value(lock_wait(l, timeout) ? &TrueObject : &FalseObject);
}

Value rlock_enter(Value self, const Value*, size_t, Tuple*) {
  LockObject* l = as_lock(self);
  if (l->locked && l->owner_ident == current_thread()->ident) {
    l->count++;
  } else {
    lock_wait(l, -1);
  }
  return Value(&TrueObject);
}

Value rlock_release(Value self, const Value*, size_t, Tuple*) {
  LockObject* l = as_lock(self);
  if (!l->locked || l->owner_ident != current_thread()->ident)
    return raise(&RuntimeErrorType, "cannot release un-acquired lock");
  if (--l->count == 0) lock_free(l);
  return None();
}

Value rlock_is_owned(Value self, const Value*, size_t, Tuple*) {
  LockObject* l = as_lock(self);
  return Value(l->locked && l->owner_ident == current_thread()->ident ? &TrueObject
                                                                      : &FalseObject);
}

// Condition support: release completely, remembering (count, owner).
Value rlock_release_save(Value self, const Value*, size_t, Tuple*) {
  LockObject* l = as_lock(self);
  if (!l->locked) return raise(&RuntimeErrorType, "cannot release un-acquired lock");
  Value saved = Value(tuple_from({int_from_i64(l->count), int_from_u64(l->owner_ident)}));
  lock_free(l);
  return saved;
}

Value rlock_acquire_restore(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_acquire_restore", nargs, kwnames, 1, 1)) return Value();
  if (type_of(args[0]) != &TupleType || tuple_size(args[0].as<Tuple>()) != 2)
    return raise(&TypeErrorType, "_acquire_restore() argument must be a (count, owner) tuple");
  int64_t count;
  if (!int_as_index(tuple_items(args[0].as<Tuple>())[0], &count)) return Value();
  LockObject* l = as_lock(self);
  lock_wait(l, -1);
  l->count = count;
  return None();
}

Value rlock_repr(Value self) {
  LockObject* l = as_lock(self);
  char buf[200];
  snprintf(buf, sizeof buf, "<%s _thread.RLock object owner=%llu count=%lld at %p>",
           l->locked ? "locked" : "unlocked", (unsigned long long)(l->locked ? l->owner_ident : 0),
           (long long)(l->locked ? l->count : 0), static_cast<void*>(l));
  return str_from_cstr(buf);
}

Value rlock_construct(Type* type, const Value*, size_t, Tuple*) {
  return Value(lock_alloc(type, kWaitRLock));
}

}  // namespace

Type LockType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "_thread.lock";
  t.base = &ObjectType;
  t.instance_size = sizeof(LockObject);
  t.repr = lock_repr;
  t.finalize = lock_finalize;
  return t;
}();

Type RLockType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "_thread.RLock";
  t.base = &ObjectType;
  t.instance_size = sizeof(LockObject);
  t.repr = rlock_repr;
  t.finalize = lock_finalize;
  t.construct = rlock_construct;
  return t;
}();

namespace {

// ---------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------

// fn(*args, **kwargs) for a tuple and a dict (or None/null).
Value apply(Value fn, Value args, Value kwargs) {
  if (type_of(args) != &TupleType && !(type_of(args)->flags & kTypeTupleSubclass))
    return raise(&TypeErrorType, "2nd arg must be a tuple");
  Tuple* a = args.as<Tuple>();
  int64_t n = tuple_size(a);
  if (kwargs.is_null() || is_none(kwargs)) return call(fn, tuple_items(a), size_t(n), nullptr);
  if (type_of(kwargs) != &DictType && !(type_of(kwargs)->flags & kTypeDictSubclass))
    return raise(&TypeErrorType, "optional 3rd arg must be a dictionary");
  Dict* kw = kwargs.as<Dict>();
  int64_t nk = dict_size(kw);
  Value names = Value(tuple_new(nk));
  Rooted keep_names(&names);
  std::vector<Value> all(size_t(n + nk));
  for (int64_t i = 0; i < n; ++i) all[size_t(i)] = tuple_items(a)[i];
  int64_t pos = 0, i = 0;
  Value k, v;
  while (dict_next(kw, &pos, &k, &v)) {
    if (!is_str(k)) return raise(&TypeErrorType, "keywords must be strings");
    tuple_items(names.as<Tuple>())[i] = k;
    all[size_t(n + i)] = v;
    ++i;
  }
  return call(fn, all.data(), size_t(n), names.as<Tuple>());
}

// The kernel's name of a thread (what gdb's `info threads` and `thread
// apply all` headers, LLDB and /proc show): the Python thread name, cut to
// the kernel's 15 bytes. The main thread keeps the program's name.
void set_os_thread_name(pthread_t thread, const char* name) {
  char buf[16] = {};
  strncpy(buf, name, sizeof buf - 1);
  pthread_setname_np(thread, buf);
}

void* thread_main(void* arg) {
  ThreadState* ts = static_cast<ThreadState*>(arg);
  set_current_thread(ts);
  set_os_thread_name(pthread_self(), ts->name);
  // (ident was set by the creating thread before it released the GIL.)
  ts->native_tid = int64_t(syscall(SYS_gettid));
  thread_state_set_stack(ts, kThreadStackSize);
  gil_acquire(ts);
  {
    Value fn = ts->start_callable, args = ts->start_args, kwargs = ts->start_kwargs;
    Rooted r1(&fn), r2(&args), r3(&kwargs);
    ts->start_callable = ts->start_args = ts->start_kwargs = Value();
    Value result = apply(fn, args, kwargs);
    if (result.is_null()) {
      if (error_matches(&SystemExitType)) {
        error_clear();
      } else {
        Value exc = error_fetch();
        Rooted keep(&exc);
        Value r = obj_repr(fn);
        if (r.is_null()) error_clear();
        fflush(stdout);
        fprintf(stderr, "Exception ignored in thread started by: %s\n",
                r.is_null() ? "<object>" : str_cstr(r.as<Str>()));
        print_exception(exc, stderr);
        fflush(stderr);
      }
    }
  }
  fflush(stdout);
  thread_state_release(ts);
  set_current_thread(nullptr);
  gil_release(ts, kThreadDead);
  return nullptr;
}

Value thread_start_new_thread(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("start_new_thread", nargs, kwnames, 2, 4)) return Value();
  if (type_of(args[0])->call == nullptr)
    return raise(&TypeErrorType, "first arg must be callable");
  if (type_of(args[1]) != &TupleType && !(type_of(args[1])->flags & kTypeTupleSubclass))
    return raise(&TypeErrorType, "2nd arg must be a tuple");
  Value kwargs = nargs >= 3 ? args[2] : Value();
  if (!kwargs.is_null() && !is_none(kwargs) && type_of(kwargs) != &DictType &&
      !(type_of(kwargs)->flags & kTypeDictSubclass))
    return raise(&TypeErrorType, "optional 3rd arg must be a dictionary");
  std::string name = "Dummy";
  if (nargs >= 4 && is_str(args[3])) name = std::string(str_view(args[3].as<Str>()));
  ThreadState* ts = thread_state_acquire();
  strncpy(ts->name, name.c_str(), sizeof ts->name - 1);
  ts->start_callable = args[0];
  ts->start_args = args[1];
  ts->start_kwargs = kwargs;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kThreadStackSize);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t thread;
  int rc = pthread_create(&thread, &attr, thread_main, ts);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    thread_state_release(ts);
    return raise(&RuntimeErrorType, "can't start new thread");
  }
  ts->ident = uint64_t(thread);
  return int_from_u64(uint64_t(thread));
}

Value thread_allocate_lock(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("allocate_lock", nargs, kwnames, 0, 0)) return Value();
  return Value(lock_alloc(&LockType, kWaitLock));
}

Value thread_get_ident(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("get_ident", nargs, kwnames, 0, 0)) return Value();
  return int_from_u64(current_thread()->ident);
}

Value thread_get_native_id(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("get_native_id", nargs, kwnames, 0, 0)) return Value();
  return int_from_i64(current_thread()->native_tid);
}

Value thread_count(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_count", nargs, kwnames, 0, 0)) return Value();
  return int_from_i64(thread_states_alive(g_runtime.main_thread));
}

// _set_thread_name(ident, name): the name the tools show for that thread.
Value thread_set_thread_name(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_set_thread_name", nargs, kwnames, 2, 2)) return Value();
  if (!is_str(args[1])) return raise(&TypeErrorType, "thread name must be a str");
  uint64_t ident = 0;
  int64_t i;
  if (is_int(args[0]) && int_to_i64(args[0], &i)) ident = uint64_t(i);
  else if (is_int(args[0])) ident = uint64_t(int_to_double(args[0], nullptr));
  for (ThreadState* ts = g_runtime.threads; ts; ts = ts->next) {
    if (get_run_state(ts) == kThreadDead || ts->ident != ident) continue;
    std::string_view name = str_view(args[1].as<Str>());
    char buf[sizeof ts->name] = {};
    memcpy(buf, name.data(), name.size() < sizeof buf - 1 ? name.size() : sizeof buf - 1);
    memcpy(ts->name, buf, sizeof buf);
    if (ts != g_runtime.main_thread) set_os_thread_name(pthread_t(ts->ident), buf);
  }
  return None();
}

Value thread_apply(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_apply", nargs, kwnames, 2, 3)) return Value();
  return apply(args[0], args[1], nargs == 3 ? args[2] : Value());
}

// _print_exception(exc[, header]): header line (if given), then the
// traceback, to stderr (threading.excepthook; there is no sys.stderr yet).
Value thread_print_exception(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_print_exception", nargs, kwnames, 1, 2)) return Value();
  fflush(stdout);
  if (nargs == 2 && is_str(args[1])) fprintf(stderr, "%s\n", str_cstr(args[1].as<Str>()));
  print_exception(args[0], stderr);
  fflush(stderr);
  return None();
}

// A number unique to the calling thread for the life of the process (a
// pooled state's address and its generation): threading.local's key.
Value thread_serial(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_serial", nargs, kwnames, 0, 0)) return Value();
  ThreadState* ts = current_thread();
  Value parts[2] = {int_from_u64(uint64_t(reinterpret_cast<uintptr_t>(ts))),
                    int_from_u64(ts->generation)};
  return Value(tuple_from({parts[0], parts[1]}));
}

Value thread_module_init() {
  Value m = module_new("_thread");
  Rooted keep(&m);
  module_add_function(m, "start_new_thread", thread_start_new_thread);
  module_add_function(m, "start_new", thread_start_new_thread);
  module_add_function(m, "allocate_lock", thread_allocate_lock);
  module_add_function(m, "allocate", thread_allocate_lock);
  module_add_function(m, "get_ident", thread_get_ident);
  module_add_function(m, "get_native_id", thread_get_native_id);
  module_add_function(m, "_count", thread_count);
  module_add_function(m, "_set_thread_name", thread_set_thread_name);
  module_add_function(m, "_apply", thread_apply);
  module_add_function(m, "_print_exception", thread_print_exception);
  module_add_function(m, "_serial", thread_serial);
  module_add(m, "LockType", Value(&LockType));
  module_add(m, "RLock", Value(&RLockType));
  module_add(m, "error", Value(&RuntimeErrorType));
  module_add(m, "TIMEOUT_MAX", float_new(kTimeoutMax));
  return m;
}

}  // namespace

void thread_module_register() {
  type_add_method(&LockType, "acquire", lock_acquire);
  type_add_method(&LockType, "acquire_lock", lock_acquire);
  type_add_method(&LockType, "release", lock_release);
  type_add_method(&LockType, "release_lock", lock_release);
  type_add_method(&LockType, "locked", lock_locked);
  type_add_method(&LockType, "locked_lock", lock_locked);
  type_add_method(&LockType, "__enter__", lock_enter);
  type_add_method(&LockType, "__exit__", lock_exit);
  type_ready(&LockType);
  type_add_method(&RLockType, "acquire", rlock_acquire);
  type_add_method(&RLockType, "release", rlock_release);
  type_add_method(&RLockType, "__enter__", rlock_enter);
  type_add_method(&RLockType, "__exit__", rlock_release);
  type_add_method(&RLockType, "_is_owned", rlock_is_owned);
  type_add_method(&RLockType, "_release_save", rlock_release_save);
  type_add_method(&RLockType, "_acquire_restore", rlock_acquire_restore);
  type_ready(&RLockType);
  register_builtin_module("_thread", thread_module_init);
}

}  // namespace pg
