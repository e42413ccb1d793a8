// Native (C/C++) stack unwinding for the targets: libunwind-ptrace for a
// live process the LiveProcessTarget has stopped, elfutils libdwfl for a
// core file. (libunwind-coredump 1.6.2 stops after frame 0 on PIE cores, see
// DESIGN.md "Facts verified on this machine"; libdwfl unwinds them fully.)
//
// Both produce NativeFrames with the same conventions:
//   pc     : frame 0's instruction pointer; for callers the return address
//            minus 1 (inside the call instruction), so that symbolizing and
//            "is pc inside eval_frame" checks never land on the next function
//            when a call is the last instruction of a function. A signal
//            frame's caller is not adjusted (it was interrupted, not calling).
//   sp     : the frame's stack pointer.
//   cfa    : the next (outer) frame's sp, i.e. the value of sp before the
//            call that created this frame; 0 for the outermost frame if the
//            unwinder cannot tell. [sp, cfa) is the frame's stack range, which
//            is how the walker finds the shim frame of each eval_frame().
//   symbol : demangled name, without symbol version, from the ELF symbol
//            tables (no debug info needed; a separate debug file found by
//            build-id adds local functions), else "module+0xADDR", else "".
//   module : basename of the ELF file, "" if pc is in no file.
// Unwinding is capped at kMaxNativeFrames (a corrupt stack may loop).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "inspector/elf_util.h"
#include "inspector/target.h"

namespace pgi {

constexpr size_t kMaxNativeFrames = 1024;

// Unwinds threads of one process through ptrace. Every thread passed to
// unwind() must be in a ptrace-stop of this process (the caller attached
// and stopped it); libunwind reads its registers with PTRACE_GETREGS and its
// memory with PTRACE_PEEKDATA. One unwinder per stop: it caches unwind
// tables, which is only valid while the process cannot change its mappings.
class PtraceUnwinder {
 public:
  PtraceUnwinder();
  ~PtraceUnwinder();
  PtraceUnwinder(const PtraceUnwinder&) = delete;
  PtraceUnwinder& operator=(const PtraceUnwinder&) = delete;

  // Frames innermost first, symbolized through `modules`; empty if the
  // thread's registers cannot be read.
  std::vector<NativeFrame> unwind(int64_t tid, const ModuleMap& modules);

 private:
  void* address_space_ = nullptr;  // unw_addr_space_t
};

// Unwinds the threads recorded in a core file with libdwfl. Setup (reading
// the core's notes, finding and opening every mapped ELF file) costs a few
// milliseconds and is done once, in create().
class DwflCoreUnwinder {
 public:
  // `core_path`: the core file. `executable`: the main executable to use
  // instead of the path recorded in the core ("" = the recorded one).
  // Returns null and sets *error when libdwfl cannot make sense of the core.
  static std::unique_ptr<DwflCoreUnwinder> create(const std::string& core_path,
                                                  const std::string& executable,
                                                  std::string* error);
  ~DwflCoreUnwinder();
  DwflCoreUnwinder(const DwflCoreUnwinder&) = delete;
  DwflCoreUnwinder& operator=(const DwflCoreUnwinder&) = delete;

  // Frames innermost first. Symbols come from libdwfl (symbol tables of the
  // files it found); where it has none, from `fallback` (ELF symbol tables
  // of the files the core names), then "module+0xADDR".
  std::vector<NativeFrame> unwind(int64_t tid, const ModuleMap& fallback);

 private:
  DwflCoreUnwinder() = default;
  int fd_ = -1;
  void* elf_ = nullptr;   // Elf*
  void* dwfl_ = nullptr;  // Dwfl*
};

}  // namespace pgi
