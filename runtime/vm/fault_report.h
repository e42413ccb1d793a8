// Crash reports written from a signal handler: every thread's Python stack,
// straight from the frames, and the crashing thread's native stack.
//
// Everything here is async-signal-safe in the sense that matters for a
// crashing process: no allocation, no locks, no stdio; only write(2) on a
// file descriptor and plain reads of the runtime's structures (which may be
// half-updated: every pointer walk is bounded). The native stack comes from
// libunwind's local unwinder, which is designed to run in signal handlers.
//
// The Python part follows CPython's faulthandler format exactly:
//   Current thread 0x00007f... (most recent call first):
//     File "prog.py", line 3 in f
// ("Stack (most recent call first):" when only the current thread is
// dumped), at most kFaultMaxFrames frames per thread, then "  ...".
#pragma once

#include "vm/thread_state.h"

namespace pg {

inline constexpr int kFaultMaxFrames = 100;
inline constexpr int kFaultMaxThreads = 100;

// Writes `text` to `fd` (retrying on EINTR and short writes).
void fault_write(int fd, const char* text);
// Writes the Python stacks. With all_threads, every thread state on the
// runtime's list, `current` marked "Current thread"; else only `current`'s
// stack under "Stack (most recent call first):". `current` may be null (a
// thread the VM does not know, such as a watchdog).
void fault_dump_python_stacks(int fd, ThreadState* current, bool all_threads);
// Writes the calling thread's native stack:
//   Current thread's C stack trace (most recent call first):
//     Binary file "/path/pyglass", at eval_frame+0x1a2 [0x55d1c0a3b0f2]
void fault_dump_native_stack(int fd);

}  // namespace pg
