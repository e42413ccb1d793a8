// The one memory-read interface of the inspector. A Target is a process
// (live), a core file, or a debugger (gdb/LLDB callbacks). Everything the
// inspector knows about the target comes through here, so the walker,
// renderer and formatter are identical for every front end.
//
// Contract: a Target never writes to the target process and leaves it
// running as it found it (a live target stops the threads only for its own
// lifetime, see LiveProcessTarget).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pgi {

// x86-64 registers the unwinders need (as in NT_PRSTATUS / user_regs_struct).
struct Registers {
  uint64_t rip = 0, rsp = 0, rbp = 0, rbx = 0, r12 = 0, r13 = 0, r14 = 0, r15 = 0;
  uint64_t rax = 0, rcx = 0, rdx = 0, rsi = 0, rdi = 0, r8 = 0, r9 = 0, r10 = 0, r11 = 0;
};

struct ThreadInfo {
  int64_t tid = 0;
  std::optional<Registers> regs;  // absent when the target cannot give them
  std::string comm;               // kernel thread name (/proc/PID/task/TID/comm), may be empty
};

// One native (C/C++) frame, innermost first.
//   pc       : program counter (return address - 1 for callers is the
//              unwinder's business; this is the value to symbolize).
//   sp       : stack pointer in this frame (lowest address of its stack range).
//   cfa      : canonical frame address (the caller's sp before the call);
//              [sp, cfa) is this frame's stack range; 0 if unknown.
//   symbol   : demangled function name, "" if unknown.
//   module   : path or basename of the ELF object containing pc, "" if unknown.
//   offset   : pc - symbol start (valid when symbol is known).
struct NativeFrame {
  uint64_t pc = 0;
  uint64_t sp = 0;
  uint64_t cfa = 0;
  std::string symbol;
  std::string module;
  uint64_t offset = 0;
};

// Why a core's process died (NT_SIGINFO / NT_PRSTATUS).
struct CrashInfo {
  int signal = 0;            // e.g. 11
  std::string signal_name;   // e.g. "SIGSEGV"
  int code = 0;              // si_code
  uint64_t fault_address = 0;
  bool has_fault_address = false;  // SIGSEGV/SIGBUS/SIGFPE/SIGILL
  int64_t tid = 0;           // thread that received it
};

struct MemoryRange {
  uint64_t start = 0;
  uint64_t end = 0;  // exclusive
  std::string name;  // mapping path or "" for anonymous
};

class Target {
 public:
  virtual ~Target() = default;
  // Reads exactly `len` bytes at `addr`. Returns false if any of them is
  // unreadable (the buffer content is then unspecified).
  virtual bool read(uint64_t addr, void* buf, size_t len) = 0;
  // Address of a dynamic or static symbol of the main executable, or 0.
  virtual uint64_t find_symbol(const std::string& name) = 0;
  // Readable memory ranges where the debug table may be (the main
  // executable's writable mappings first): used to find the table by its
  // cookie when the symbol cannot be resolved.
  virtual std::vector<MemoryRange> memory_ranges() = 0;
  virtual std::vector<ThreadInfo> threads() = 0;
  // Native stack of a thread, innermost first; empty when unavailable.
  virtual std::vector<NativeFrame> native_stack(int64_t tid) = 0;
  virtual std::optional<CrashInfo> crash_info() { return std::nullopt; }
  // Process id (live) or the pid recorded in the core; 0 if unknown.
  virtual int64_t pid() = 0;
  // "process 1234" / "core file ./core (from /usr/bin/pyglass)".
  virtual std::string describe() = 0;
};

// Errors a target or the inspector reports. Each kind has its own exit code
// in pyglass-stack (see cli/).
enum class ErrorKind {
  NotPyglass,        // no debug table found: not a pyglass process / wrong executable
  Permission,        // ptrace / memory access denied
  NoSuchProcess,     // process gone
  ExecutableMismatch,// core and executable do not match (build-id)
  VersionMismatch,   // table of an unsupported major version
  CorruptCore,       // truncated or corrupt core file
  Other,
};

struct InspectError {
  ErrorKind kind;
  std::string message;  // one clear line, saying how to fix it where possible
};

}  // namespace pgi
