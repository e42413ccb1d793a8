// Thread states and the runtime root: where everything the tools read starts.
//
// The runtime root `g_runtime` is a plain global reachable through the debug
// table; from it, the list of thread states, and from each thread state its
// innermost frame (`current_frame`) and its data-stack chunks.
#pragma once

#include <cstddef>
#include <cstdint>

#include "objects/object.h"

namespace pg {

struct Frame;

// One chunk of a thread's data stack (frames are bump-allocated in it).
//   previous  : the older chunk, null for the thread's first chunk.
//   size      : bytes of the whole chunk, header included (16 KiB, or more
//               for a frame that does not fit).
//   saved_top : valid only while a newer chunk is in use: the allocation top
//               of this chunk at the moment the newer chunk was pushed.
//   data      : the frames.
struct StackChunk {
  StackChunk* previous;
  size_t size;
  Value* saved_top;
  Value data[];
};
inline constexpr size_t kStackChunkSize = 16 * 1024;

// What a thread is doing, for the tools (PG_THREAD_* in debug_abi.h). Only
// the thread itself writes its run_state; tools read it at any moment.
enum ThreadRunState : uint32_t {
  kThreadRunning = 0,    // holds the GIL (runs Python or native code)
  kThreadIdle = 1,       // holds the GIL, no Python code on its stack
  kThreadGilWait = 2,    // waiting to take the GIL
  kThreadLockWait = 3,   // GIL released, blocked on wait_object (a lock)
  kThreadSleeping = 4,   // GIL released, in time.sleep()
  kThreadDead = 5,       // pooled slot: no thread uses this state now
  kThreadStarting = 6,   // created by start_new_thread, OS thread not yet running
};

// What a kThreadLockWait thread waits on (ThreadState.wait_kind).
enum ThreadWaitKind : uint32_t {
  kWaitNone = 0,
  kWaitLock = 1,   // a _thread.lock
  kWaitRLock = 2,  // a _thread.RLock
};

// Per-thread interpreter state. Fields valid always unless noted.
struct ThreadState {
  ThreadState* next;          // next thread state on g_runtime.threads (null = last)
#ifdef PYGLASS_DEBUG_PADDING
  uint64_t debug_padding[5];  // test builds only (see Frame)
#endif
  int64_t native_tid;         // kernel thread id (gettid)
  char name[64];              // thread name, NUL terminated ("MainThread")
  Frame* current_frame;       // innermost frame, null when no Python code runs
  StackChunk* datastack_chunk;  // chunk holding the newest frame (null before first use)
  Value* datastack_top;       // first free slot in datastack_chunk
  Value* datastack_limit;     // end of datastack_chunk
  Value current_exception;    // exception being raised and propagated; null = none
  Value handled_exception;    // exception of the innermost running except block; null = none
  int32_t recursion_depth;    // Python frames live on this thread
  int32_t recursion_limit;    // copy of sys.getrecursionlimit()
  int32_t c_recursion_depth;  // nested native calls (repr, call) guarding the C stack
  int32_t c_recursion_limit;
  uint32_t run_state;         // ThreadRunState
  uint32_t reserved;
  Rooted* rooted;             // innermost Rooted (GC roots held by native code)
  // ---- threads (issue 8). Thread states come from a pool and are never
  // freed (docs/frame-layout.md, "Thread list protocol").
  Object* wait_object;        // kThreadLockWait: the lock object waited on; else null
  uint32_t wait_kind;         // ThreadWaitKind, valid with wait_object
  uint32_t generation;        // bumped each time the pooled state is (re)used
  uint64_t ident;             // threading.get_ident() (pthread_self), 0 when dead
  // Valid in kThreadStarting only: what the new thread will call (rooted
  // through the thread list until the thread takes them).
  Value start_callable;
  Value start_args;
  Value start_kwargs;
  ThreadState* next_free;     // pool free list link (dead states only)
  char* stack_base;           // C stack of the thread, for the native recursion guard
  size_t stack_budget;        // bytes of C stack native recursion may use
  // ---- tracing (issue 9, vm/trace.h). Not read by the tools.
  Value trace_func;           // sys.settrace's function; null = none
  Value profile_func;         // sys.setprofile's function; null = none
  int32_t tracing;            // > 0 while a trace/profile function runs (no events then)
  uint32_t use_tracing;       // 1 = (trace_func or profile_func) and tracing == 0
};

// Runtime root.
struct Runtime {
  ThreadState* threads;       // list of live thread states (linked by next)
  ThreadState* main_thread;
  Dict* modules;              // sys.modules
  Dict* builtins;             // the builtins namespace
  Value main_module;          // __main__ module (null before start)
  int32_t recursion_limit;    // sys.getrecursionlimit()
  int32_t initialized;        // 1 once runtime_init() finished
  Value sys_argv;             // list of str
  ThreadState* threads_tail;  // last state on `threads` (new states are appended)
};
extern Runtime g_runtime;

ThreadState* current_thread();
void set_current_thread(ThreadState* ts);

// run_state is read by other threads (the GIL holder counting live
// threads, the collector) and by tools at any moment: one atomic word.
inline void set_run_state(ThreadState* ts, uint32_t state) {
  __atomic_store_n(&ts->run_state, state, __ATOMIC_RELEASE);
}
inline uint32_t get_run_state(const ThreadState* ts) {
  return __atomic_load_n(&ts->run_state, __ATOMIC_ACQUIRE);
}

// Thread-state pool (runtime.cpp). Call with the GIL held. The state is
// zeroed except `next` and `generation`, and is on g_runtime.threads.
ThreadState* thread_state_acquire();
// Returns a finished thread's state to the pool (GIL held; the caller
// releases the GIL afterwards and never touches the state again).
void thread_state_release(ThreadState* ts);
// Number of thread states in use other than `except`.
int thread_states_alive(const ThreadState* except);
// Records the C stack of the calling thread for the native recursion guard.
void thread_state_set_stack(ThreadState* ts, size_t stack_size);

// C-stack guard for recursive native code (repr of nested containers, calls
// from native code back into Python). Returns false with RecursionError set.
bool enter_native_recursion(const char* where);
inline void leave_native_recursion() { current_thread()->c_recursion_depth--; }

}  // namespace pg
