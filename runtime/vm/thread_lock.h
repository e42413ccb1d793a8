// Lock objects of the `_thread` module (modules/thread_module.cpp), here so
// the debug table (debug/debug_table.cpp) can export their layout: the tools
// show which thread holds the lock a blocked thread waits on.
#pragma once

#include <pthread.h>

#include <cstdint>

#include "objects/object.h"

namespace pg {

// One layout for `_thread.lock` and `_thread.RLock`. Fields valid always;
// `locked`, `owner_*` and `count` change only under `mutex` (which is taken
// with or without the GIL). The tools read `locked` and `owner_tid` racily:
// good enough to say who holds a lock a thread is stuck on.
//   owner_tid   : native tid of the thread that took the lock (0 = free).
//                 For a plain lock that is "who acquired it last"; any
//                 thread may release it (as in CPython).
//   owner_ident : get_ident() of that thread (RLock ownership).
//   count       : RLock recursion depth (1 for a held plain lock).
//   kind        : ThreadWaitKind: kWaitLock or kWaitRLock.
struct LockObject : Object {
  uint32_t locked;
  uint32_t kind;
  int64_t owner_tid;
  uint64_t owner_ident;
  int64_t count;
  pthread_mutex_t mutex;
  pthread_cond_t cond;
};

extern Type LockType, RLockType;

}  // namespace pg
