// pgi::Target over LLDB's SB API: the inspector reads a process (live,
// `lldb -p PID`) or a core (`lldb pyglass -c core`) through the debugger
// that already holds it. Nothing here decodes pyglass structures; this file
// only translates LLDB's view (memory, threads, frames, symbols, stop
// reasons) into the inspector's plain types.
//
//   memory   SBProcess::ReadMemory (LLDB's own cache; for a core, the core's
//            segments and the executable's file sections)
//   symbols  the executable's `.pyglass_debug` section (survives strip), then
//            its symbol table, then every module
//   threads  SBProcess threads; tid = SBThread::GetThreadID() (the LWP)
//   native   SBThread frames, inlined frames skipped (they share the
//            concrete frame's pc and stack range); callers' pc is the return
//            address - 1, as the CLI's unwinders give it
//   crash    a thread stopped by a fatal signal (cores; a live process that
//            faulted under LLDB); SIGSTOP of an attach is not a crash
#pragma once

#include <lldb/API/LLDB.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inspector/target.h"

namespace pglldb {

class LldbTarget : public pgi::Target {
 public:
  LldbTarget(lldb::SBTarget target, lldb::SBProcess process);

  bool read(uint64_t addr, void* buf, size_t len) override;
  uint64_t find_symbol(const std::string& name) override;
  std::vector<pgi::MemoryRange> memory_ranges() override;
  std::vector<pgi::ThreadInfo> threads() override;
  std::vector<pgi::NativeFrame> native_stack(int64_t tid) override;
  std::optional<pgi::CrashInfo> crash_info() override;
  int64_t pid() override;
  std::string describe() override;

  // True when the process is a core file (LLDB's elf-core process plugin).
  bool is_core();
  // For each frame of the last native_stack() call, the LLDB frame index it
  // came from (SBThread::GetFrameAtIndex), so a front end can select it.
  const std::vector<uint32_t>& last_frame_indices() const { return last_indices_; }

  // Load address of a `.pyglass_debug` section (executable first), 0 if none.
  uint64_t debug_section_address();

  lldb::SBTarget& sb_target() { return target_; }
  lldb::SBProcess& sb_process() { return process_; }

 private:
  lldb::SBTarget target_;
  lldb::SBProcess process_;
  std::vector<uint32_t> last_indices_;
  bool crash_known_ = false;
  std::optional<pgi::CrashInfo> crash_;
};

}  // namespace pglldb
