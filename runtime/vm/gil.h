// The global interpreter lock.
//
// Python code and everything that touches the object heap run only on the
// thread holding the GIL. A thread gives it up
//   * around blocking calls (time.sleep, lock waits), through GilReleased;
//   * at eval-loop safe points (backward jumps, calls) when another thread
//     has waited a whole switch interval and set g_gil_drop_request.
// Without threads the flag is never set: the eval loop pays one predictable
// load per safe point (GIL_SAFE_POINT).
//
// The collector runs only on the GIL holder. Every other thread is then
// either waiting for the GIL at a safe point or inside a blocking call: its
// frames (stack_depth saved at every instruction), exceptions and Rooted
// chain are consistent and not changing, so gc_collect can scan them.
#pragma once

#include <atomic>
#include <cstdint>

#include "vm/thread_state.h"

namespace pg {

// Set by a thread that waited a switch interval for the GIL; cleared when
// the GIL changes hands.
extern std::atomic<uint32_t> g_gil_drop_request;

// The main thread takes the GIL at start-up (runtime_init).
void gil_init(ThreadState* main);
// Takes the GIL for `ts` (blocking); sets ts->run_state to kThreadRunning.
void gil_acquire(ThreadState* ts);
// Gives the GIL up, recording `state` (what the thread does meanwhile).
void gil_release(ThreadState* ts, uint32_t state);
// At a safe point with g_gil_drop_request set: hands the GIL to a waiting
// thread and takes it back after that thread ran.
void gil_yield();

// sys.setswitchinterval / sys.getswitchinterval (seconds).
Value sys_setswitchinterval(Value, const Value* args, size_t nargs, Tuple* kwnames);
Value sys_getswitchinterval(Value, const Value* args, size_t nargs, Tuple* kwnames);

// Scope without the GIL around a blocking call. Nothing in the scope may
// touch heap objects; `wait_object` (a lock) is only exported to the tools.
class GilReleased {
 public:
  GilReleased(uint32_t state, Object* wait_object = nullptr, uint32_t wait_kind = kWaitNone)
      : ts_(current_thread()) {
    ts_->wait_object = wait_object;
    ts_->wait_kind = wait_kind;
    gil_release(ts_, state);
  }
  ~GilReleased() {
    gil_acquire(ts_);
    ts_->wait_object = nullptr;
    ts_->wait_kind = kWaitNone;
  }
  GilReleased(const GilReleased&) = delete;
  GilReleased& operator=(const GilReleased&) = delete;

 private:
  ThreadState* ts_;
};

}  // namespace pg

// threads (issue 8): the eval loop's GIL check, at the same safe points as
// the collector's.
#define GIL_SAFE_POINT()                                                                  \
  do {                                                                                    \
    if (__builtin_expect(::pg::g_gil_drop_request.load(std::memory_order_relaxed), 0)) \
      ::pg::gil_yield();                                                                  \
  } while (0)
