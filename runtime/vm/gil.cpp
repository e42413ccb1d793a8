// The global interpreter lock (see gil.h for the rules).
//
// State: `locked` and `holder` under `mutex`. A thread that wants the GIL
// waits on `cv` for at most one switch interval at a time; if the GIL did
// not change hands during a whole interval it sets g_gil_drop_request, and
// the holder gives the GIL up at its next safe point. The holder then waits
// (on `switched`) until some other thread really took the GIL, so that it
// cannot take it straight back (a thread spinning on the CPU would starve
// the others otherwise).
#include "vm/gil.h"

#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <new>

#include "objects/layouts.h"

namespace pg {

std::atomic<uint32_t> g_gil_drop_request{0};

namespace {

struct Gil {
  std::mutex mutex;
  std::condition_variable cv;        // signalled when the GIL is released
  std::condition_variable switched;  // signalled when the GIL is taken
  bool locked = false;
  ThreadState* holder = nullptr;
  uint64_t switch_number = 0;        // bumped each time the GIL is taken
  int waiters = 0;
  std::atomic<int64_t> interval_us{5000};  // 5 ms, as CPython
};

// Never destroyed: daemon threads may still wait on it while the process
// exits.
Gil& gil() {
  alignas(Gil) static unsigned char storage[sizeof(Gil)];
  static Gil* g = new (storage) Gil();
  return *g;
}

void take_locked(Gil& g, ThreadState* ts) {
  g.locked = true;
  g.holder = ts;
  g.switch_number++;
  g_gil_drop_request.store(0, std::memory_order_relaxed);
  set_run_state(ts, kThreadRunning);
  g.switched.notify_all();
}

}  // namespace

void gil_init(ThreadState* main) {
  Gil& g = gil();
  std::lock_guard<std::mutex> lock(g.mutex);
  take_locked(g, main);
}

void gil_acquire(ThreadState* ts) {
  Gil& g = gil();
  std::unique_lock<std::mutex> lock(g.mutex);
  if (g.locked) {
    set_run_state(ts, kThreadGilWait);
    g.waiters++;
    while (g.locked) {
      uint64_t seen = g.switch_number;
      auto interval = std::chrono::microseconds(g.interval_us.load(std::memory_order_relaxed));
      bool released = g.cv.wait_for(lock, interval, [&] { return !g.locked; });
      // A whole interval without a switch: ask the holder to drop it.
      if (!released && g.locked && g.switch_number == seen)
        g_gil_drop_request.store(1, std::memory_order_relaxed);
    }
    g.waiters--;
  }
  take_locked(g, ts);
}

void gil_release(ThreadState* ts, uint32_t state) {
  Gil& g = gil();
  std::lock_guard<std::mutex> lock(g.mutex);
  set_run_state(ts, state);
  g.locked = false;
  g.holder = nullptr;
  g.cv.notify_one();
}

void gil_yield() {
  ThreadState* ts = current_thread();
  Gil& g = gil();
  {
    std::unique_lock<std::mutex> lock(g.mutex);
    if (!g.locked || g.holder != ts) return;
    if (g.waiters == 0) {
      // Nobody to hand over to (the waiter gave up, e.g. a timed wait).
      g_gil_drop_request.store(0, std::memory_order_relaxed);
      return;
    }
    uint64_t seen = g.switch_number;
    set_run_state(ts, kThreadGilWait);
    g.locked = false;
    g.holder = nullptr;
    g.cv.notify_one();
    // Forced switch: wait until another thread took it.
    g.switched.wait(lock, [&] { return g.switch_number != seen; });
  }
  gil_acquire(ts);
}

Value sys_setswitchinterval(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("setswitchinterval", nargs, kwnames, 1, 1)) return Value();
  double d;
  if (is_float(args[0])) {
    d = float_value(args[0]);
  } else if (is_int(args[0])) {
    if (!number_to_double(args[0], &d)) return Value();
  } else {
    return raise(&TypeErrorType, "must be real number, not %s", type_name(args[0]));
  }
  if (!(d > 0)) return raise(&ValueErrorType, "switch interval must be strictly positive");
  double us = d * 1e6;
  if (us < 1) us = 1;
  if (us > 1e12) us = 1e12;
  gil().interval_us.store(int64_t(us), std::memory_order_relaxed);
  return None();
}

Value sys_getswitchinterval(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("getswitchinterval", nargs, kwnames, 0, 0)) return Value();
  return float_new(double(gil().interval_us.load(std::memory_order_relaxed)) / 1e6);
}

}  // namespace pg
