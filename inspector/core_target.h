// An ELF core file (from the kernel or from gdb's gcore) as a Target.
//
// What a core holds and where the rest comes from:
//   - memory: PT_LOAD segments. A segment's bytes beyond p_filesz were not
//     dumped (the kernel leaves out file-backed pages it can re-read:
//     program text, read-only data); those are read from the mapped file
//     on disk, found through the NT_FILE note. Only pages the process never
//     wrote are left out, so the file's bytes are what the process saw.
//   - threads: one NT_PRSTATUS note each (tid and registers), in the order
//     the kernel wrote them: the thread that received the fatal signal first.
//   - why it died: NT_SIGINFO (signal, si_code, fault address).
//   - the executable: NT_AUXV's AT_ENTRY gives its load address; NT_FILE
//     its path (or the user names it). Its build-id, read from the core's
//     copy of its first page, must match the file's.
//
// The core is mmapped read-only; reads are a binary search over the sorted
// segments and a memcpy. Nothing here writes anything anywhere.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "inspector/elf_util.h"
#include "inspector/native_unwind.h"
#include "inspector/target.h"

namespace pgi {

struct CoreOpenOptions {
  // A core shorter than its program headers say (ulimit -c, a full disk,
  // an interrupted copy) is refused with CorruptCore unless this is set;
  // then it opens, warnings() says what is missing, and reads of the
  // missing bytes fail while the rest stays readable.
  bool allow_truncated = false;
};

class CoreFileTarget final : public Target {
 public:
  // Opens `core_path`. `exe_path` names the executable when the path the
  // core recorded is wrong or absent on this machine ("" = the recorded
  // one). Errors: CorruptCore (not a core, truncated, no threads),
  // ExecutableMismatch (build-ids differ), Other (cannot open a file).
  static std::unique_ptr<CoreFileTarget> open(const std::string& core_path,
                                              const std::string& exe_path,
                                              InspectError* err = nullptr);
  static std::unique_ptr<CoreFileTarget> open(const std::string& core_path,
                                              const std::string& exe_path, InspectError* err,
                                              const CoreOpenOptions& options);
  ~CoreFileTarget() override;
  CoreFileTarget(const CoreFileTarget&) = delete;
  CoreFileTarget& operator=(const CoreFileTarget&) = delete;

  bool read(uint64_t addr, void* buf, size_t len) override;
  uint64_t find_symbol(const std::string& name) override;
  std::vector<MemoryRange> memory_ranges() override;
  std::vector<ThreadInfo> threads() override;
  std::vector<NativeFrame> native_stack(int64_t tid) override;
  std::optional<CrashInfo> crash_info() override { return crash_; }
  int64_t pid() override { return pid_; }
  std::string describe() override;

  // The executable in use (given or recorded); "" if unknown.
  const std::string& executable() const { return exe_path_; }
  // From NT_PRPSINFO: the process's command name and the start of its
  // command line ("" if the core has no such note).
  const std::string& program_name() const { return fname_; }
  const std::string& command_line() const { return psargs_; }
  // Non-fatal problems, one line each (executable not found, build-id not
  // checkable, truncated segments when allowed, native unwinder failed).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  // A PT_LOAD segment.
  //   filesz    : bytes the core claims to hold ([vaddr, vaddr + filesz)).
  //   available : bytes it really holds (< filesz only in a truncated core).
  //   [vaddr + filesz, vaddr + memsz) was not dumped: see read().
  struct Segment {
    uint64_t vaddr = 0, memsz = 0, filesz = 0, available = 0, offset = 0;
    bool writable = false;
  };
  struct CoreThread {
    int64_t tid = 0;
    Registers regs;
  };

  CoreFileTarget() = default;
  bool parse(const CoreOpenOptions& options, InspectError* err);
  bool parse_notes(const uint8_t* notes, size_t size, InspectError* err);
  bool resolve_executable(const std::string& given, InspectError* err);
  // Reads through the core only (use_files = false) or also from the
  // files behind non-dumped pages (true).
  bool read_impl(uint64_t addr, uint8_t* buf, size_t len, bool use_files) const;
  bool read_from_files(uint64_t addr, uint8_t* buf, size_t len) const;
  const Segment* segment_at(uint64_t addr) const;

  // A file behind non-dumped pages, mapped read-only on first use;
  // data == null if it cannot be read.
  struct BackingFile {
    const uint8_t* data = nullptr;
    size_t size = 0;
    ~BackingFile();
  };
  const BackingFile* backing_file(const std::string& path) const;

  std::string core_path_;
  const uint8_t* data_ = nullptr;  // read-only mmap of the core
  size_t size_ = 0;

  std::vector<Segment> segments_;  // sorted by vaddr, non-overlapping
  std::vector<CoreThread> threads_;
  std::vector<FileMapping> files_;  // NT_FILE, open_path = the file to read
  ModuleMap modules_;               // built from files_
  std::optional<CrashInfo> crash_;
  int64_t pid_ = 0;
  std::string fname_, psargs_;
  uint64_t at_entry_ = 0;  // 0 = no NT_AUXV / no AT_ENTRY
  std::vector<std::string> warnings_;

  std::string exe_path_;        // the file we read symbols from
  std::string recorded_exe_;    // the path NT_FILE gives for it
  bool exe_given_ = false;
  std::shared_ptr<const ElfFile> exe_;
  std::optional<uint64_t> exe_bias_;

  mutable std::map<std::string, std::unique_ptr<BackingFile>> backing_;  // by open_path

  bool unwinder_tried_ = false;
  std::unique_ptr<DwflCoreUnwinder> unwinder_;
};

}  // namespace pgi
