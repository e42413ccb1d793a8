// A live process as a Target.
//
// Blocking mode (the default): attach() seizes every thread with ptrace and
// stops it, so that the frames, thread states and native stacks read
// afterwards form one consistent snapshot; the destructor detaches every
// thread, leaving the process as it was (running threads run again, a
// process stopped by SIGSTOP before we came stays stopped). Nothing is ever
// written to the process.
//
// Non-blocking mode (--no-block): no ptrace at all; memory is read with
// process_vm_readv while the process runs. Reads may then see a frame chain
// being modified (the walker copes: it trusts nothing); threads() has no
// registers and native_stack() is empty.
//
// A LiveProcessTarget is used from one thread: ptrace requests must come
// from the thread that attached.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "inspector/elf_util.h"
#include "inspector/native_unwind.h"
#include "inspector/target.h"

namespace pgi {

// One line of /proc/PID/maps.
struct ProcMapping {
  uint64_t start = 0, end = 0, offset = 0;
  bool readable = false, writable = false, executable = false;
  uint64_t inode = 0;
  std::string path;  // "" for anonymous, "[heap]", "/usr/lib/...", "... (deleted)"
};

// Parses /proc/PID/maps; empty if it cannot be read.
std::vector<ProcMapping> read_proc_maps(int64_t pid);

// The one-line Permission error for a failed attach, with the fix:
// `ptrace_scope` is the value of /proc/sys/kernel/yama/ptrace_scope (-1
// when the file does not exist) and `tracer_pid` the TracerPid of the
// process (0 when not traced). Exposed for tests.
std::string attach_permission_message(int64_t pid, int errno_value, int ptrace_scope,
                                      int64_t tracer_pid, const std::string& tracer_comm);

class LiveProcessTarget final : public Target {
 public:
  // Attaches to `pid`. On failure returns null and fills *err (NoSuchProcess,
  // Permission with the fix, or Other). With block == false, only checks
  // that the process exists and can be read.
  static std::unique_ptr<LiveProcessTarget> attach(int64_t pid, bool block = true,
                                                   InspectError* err = nullptr);
  ~LiveProcessTarget() override;  // detaches every thread
  LiveProcessTarget(const LiveProcessTarget&) = delete;
  LiveProcessTarget& operator=(const LiveProcessTarget&) = delete;

  bool read(uint64_t addr, void* buf, size_t len) override;
  uint64_t find_symbol(const std::string& name) override;
  std::vector<MemoryRange> memory_ranges() override;
  std::vector<ThreadInfo> threads() override;
  std::vector<NativeFrame> native_stack(int64_t tid) override;
  int64_t pid() override { return pid_; }
  std::string describe() override;

  bool blocking() const { return blocking_; }
  // Path of the main executable as the process sees it (/proc/PID/exe).
  const std::string& executable() const { return exe_path_; }
  // Non-fatal problems met while attaching (a thread that would not stop,
  // a thread that exited meanwhile, ...), one line each.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // Detaches now (idempotent; the destructor calls it). After this, the
  // target keeps working in non-blocking mode.
  void detach();

  // Reads through /proc/PID/mem instead of process_vm_readv from now on.
  // read() switches by itself when process_vm_readv is refused (seccomp,
  // old kernels); this is for tests of that path and for kernels where
  // process_vm_readv misbehaves.
  void use_proc_mem_reads() { vm_readv_works_ = false; }

 private:
  // A thread we seized.
  //   stopped        : we saw its ptrace-stop (regs and stack are valid).
  //   was_stopped    : it was already stopped (group-stop, state 'T') before
  //                    we came: it must stay stopped after we leave.
  //   pending_signal : a signal we intercepted while stopping it (a
  //                    signal-delivery-stop); handed back at detach so the
  //                    process still receives it.
  //   gone           : it exited while we were attaching (nothing to detach).
  struct Seized {
    pid_t tid = 0;
    bool stopped = false;
    bool was_stopped = false;
    bool gone = false;
    int pending_signal = 0;
  };

  explicit LiveProcessTarget(int64_t pid) : pid_(pid) {}
  bool seize_all(InspectError* err);
  // One non-blocking look for t's ptrace-stop; true once it is stopped.
  bool poll_stop(Seized& t);
  // Waits (bounded) until seized_[from...] are stopped or gone; warns about
  // the ones that are neither.
  void wait_for_stops(size_t from);
  bool read_via_proc_mem(uint64_t addr, void* buf, size_t len);
  void load_executable();
  const ModuleMap& modules();
  const Seized* seized(int64_t tid) const;

  int64_t pid_ = 0;
  bool blocking_ = false;
  std::vector<Seized> seized_;
  std::vector<std::string> warnings_;
  int mem_fd_ = -1;            // /proc/PID/mem, opened on first fallback read
  bool vm_readv_works_ = true;  // false after EPERM/ENOSYS from process_vm_readv

  // Main executable, loaded lazily by find_symbol().
  bool exe_loaded_ = false;
  std::string exe_path_;
  std::shared_ptr<const ElfFile> exe_;
  std::optional<uint64_t> exe_bias_;

  std::optional<ModuleMap> modules_;          // lazily, from /proc/PID/maps
  std::unique_ptr<PtraceUnwinder> unwinder_;  // lazily, while attached
};

}  // namespace pgi
