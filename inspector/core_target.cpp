// An ELF core file as a Target (see core_target.h). The core is parsed by
// hand from its mmap: every offset is checked against the file size, so a
// corrupt or truncated core is reported, never crashed on.
#include "inspector/core_target.h"

#include <elf.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/procfs.h>
#include <sys/stat.h>
#include <sys/user.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>

#include "inspector/signals.h"

namespace pgi {
namespace {

// Notes the kernel and gdb write (linux/elf.h; not all in glibc's elf.h).
constexpr uint32_t kNtPrstatus = 1;
constexpr uint32_t kNtPrpsinfo = 3;
constexpr uint32_t kNtAuxv = 6;
constexpr uint32_t kNtSiginfo = 0x53494749;  // "SIGI"
constexpr uint32_t kNtFile = 0x46494c45;     // "FILE"

// The siginfo_t fields we read (x86-64 kernel layout: three ints, padding,
// then the union whose first member for fault signals is si_addr).
constexpr size_t kSiSigno = 0, kSiCode = 8, kSiAddr = 16, kSiginfoMin = 24;

static_assert(sizeof(user_regs_struct) == sizeof(elf_gregset_t),
              "NT_PRSTATUS pr_reg is a user_regs_struct on x86-64");

bool in_bounds(uint64_t off, uint64_t len, uint64_t size) {
  return off <= size && len <= size - off;
}
uint64_t align4(uint64_t v) { return (v + 3) & ~uint64_t(3); }

template <typename T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

Registers registers_from(const user_regs_struct& r) {
  Registers g;
  g.rip = r.rip; g.rsp = r.rsp; g.rbp = r.rbp; g.rbx = r.rbx;
  g.r12 = r.r12; g.r13 = r.r13; g.r14 = r.r14; g.r15 = r.r15;
  g.rax = r.rax; g.rcx = r.rcx; g.rdx = r.rdx; g.rsi = r.rsi; g.rdi = r.rdi;
  g.r8 = r.r8; g.r9 = r.r9; g.r10 = r.r10; g.r11 = r.r11;
  return g;
}

std::string c_string(const char* p, size_t max) { return std::string(p, strnlen(p, max)); }

void set_error(InspectError* err, ErrorKind kind, std::string message) {
  if (err != nullptr) *err = InspectError{kind, std::move(message)};
}

}  // namespace

std::unique_ptr<CoreFileTarget> CoreFileTarget::open(const std::string& core_path,
                                                     const std::string& exe_path,
                                                     InspectError* err) {
  return open(core_path, exe_path, err, CoreOpenOptions{});
}

std::unique_ptr<CoreFileTarget> CoreFileTarget::open(const std::string& core_path,
                                                     const std::string& exe_path,
                                                     InspectError* err,
                                                     const CoreOpenOptions& options) {
  std::unique_ptr<CoreFileTarget> t(new CoreFileTarget());
  t->core_path_ = core_path;
  int fd = ::open(core_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    set_error(err, ErrorKind::Other, "cannot open core " + core_path + ": " + std::strerror(errno));
    return nullptr;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    set_error(err, ErrorKind::Other, "core " + core_path + " is not a regular file");
    return nullptr;
  }
  t->size_ = size_t(st.st_size);
  if (t->size_ > 0) {
    void* p = mmap(nullptr, t->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      set_error(err, ErrorKind::Other,
                "cannot map core " + core_path + ": " + std::strerror(errno));
      return nullptr;
    }
    t->data_ = static_cast<const uint8_t*>(p);
  }
  ::close(fd);
  if (!t->parse(options, err)) return nullptr;
  if (!t->resolve_executable(exe_path, err)) return nullptr;
  return t;
}

CoreFileTarget::~CoreFileTarget() {
  unwinder_.reset();
  if (data_ != nullptr) munmap(const_cast<uint8_t*>(data_), size_);
}

// ---------------------------------------------------------------------------
// Parsing

bool CoreFileTarget::parse(const CoreOpenOptions& options, InspectError* err) {
  const std::string name = "core " + core_path_;
  Elf64_Ehdr eh;
  if (size_ < sizeof eh) {
    set_error(err, ErrorKind::CorruptCore,
              name + " is truncated: " + std::to_string(size_) + " bytes, less than an ELF header");
    return false;
  }
  std::memcpy(&eh, data_, sizeof eh);
  if (std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0) {
    set_error(err, ErrorKind::CorruptCore, name + " is not an ELF file (bad magic)");
    return false;
  }
  if (eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB ||
      eh.e_machine != EM_X86_64) {
    set_error(err, ErrorKind::CorruptCore, name + " is not an x86-64 core (64-bit little-endian)");
    return false;
  }
  if (eh.e_type != ET_CORE) {
    const char* what = eh.e_type == ET_EXEC || eh.e_type == ET_DYN ? "an executable or library"
                                                                   : "an ELF file of another kind";
    set_error(err, ErrorKind::CorruptCore, name + " is not a core file: it is " + what);
    return false;
  }
  uint64_t ph_bytes = uint64_t(eh.e_phnum) * sizeof(Elf64_Phdr);
  if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phnum == 0) {
    set_error(err, ErrorKind::CorruptCore, name + " has no valid program headers");
    return false;
  }
  if (!in_bounds(eh.e_phoff, ph_bytes, size_)) {
    set_error(err, ErrorKind::CorruptCore,
              name + " is truncated: program headers need bytes up to " +
                  std::to_string(eh.e_phoff + ph_bytes) + ", file has " + std::to_string(size_));
    return false;
  }

  bool truncated = false;
  for (unsigned i = 0; i < eh.e_phnum; i++) {
    Elf64_Phdr ph = load<Elf64_Phdr>(data_ + eh.e_phoff + i * sizeof(Elf64_Phdr));
    uint64_t needed = ph.p_offset + ph.p_filesz;
    bool fits = in_bounds(ph.p_offset, ph.p_filesz, size_);
    if (ph.p_type == PT_NOTE) {
      if (!fits) {
        set_error(err, ErrorKind::CorruptCore,
                  name + " is truncated: its notes (segment " + std::to_string(i) +
                      ") need bytes up to " + std::to_string(needed) + ", file has " +
                      std::to_string(size_));
        return false;
      }
      if (!parse_notes(data_ + ph.p_offset, ph.p_filesz, err)) return false;
    } else if (ph.p_type == PT_LOAD) {
      Segment s;
      s.vaddr = ph.p_vaddr;
      s.memsz = std::max(ph.p_memsz, ph.p_filesz);
      s.filesz = ph.p_filesz;
      s.offset = ph.p_offset;
      s.writable = (ph.p_flags & PF_W) != 0;
      s.available = fits ? ph.p_filesz : (ph.p_offset < size_ ? size_ - ph.p_offset : 0);
      if (!fits && !truncated) {
        truncated = true;
        std::string what = name + " is truncated: segment " + std::to_string(i) +
                           " needs bytes up to " + std::to_string(needed) + ", file has " +
                           std::to_string(size_);
        if (!options.allow_truncated) {
          set_error(err, ErrorKind::CorruptCore, what);
          return false;
        }
        warnings_.push_back(what + "; memory beyond the end is unreadable");
      }
      segments_.push_back(s);
    }
  }
  std::sort(segments_.begin(), segments_.end(),
            [](const Segment& a, const Segment& b) { return a.vaddr < b.vaddr; });
  if (threads_.empty()) {
    set_error(err, ErrorKind::CorruptCore, name + " has no threads (no NT_PRSTATUS note)");
    return false;
  }
  if (pid_ == 0) pid_ = threads_.front().tid;
  if (crash_ && crash_->tid == 0) crash_->tid = threads_.front().tid;
  // A core written by gcore records the debugger's stop (SIGSTOP) rather
  // than a crash; only a fatal signal makes a crash report.
  if (crash_ && !signal_is_fatal(crash_->signal)) crash_.reset();
  return true;
}

bool CoreFileTarget::parse_notes(const uint8_t* notes, size_t size, InspectError* err) {
  uint64_t pos = 0;
  bool seen_siginfo = false;
  while (in_bounds(pos, sizeof(Elf64_Nhdr), size)) {
    Elf64_Nhdr nh = load<Elf64_Nhdr>(notes + pos);
    uint64_t name_pos = pos + sizeof nh;
    uint64_t desc_pos = name_pos + align4(nh.n_namesz);
    if (!in_bounds(name_pos, nh.n_namesz, size) || !in_bounds(desc_pos, nh.n_descsz, size)) {
      set_error(err, ErrorKind::CorruptCore,
                "core " + core_path_ + " has a corrupt note at offset " + std::to_string(pos) +
                    " of its note segment");
      return false;
    }
    const uint8_t* desc = notes + desc_pos;
    size_t dsz = nh.n_descsz;
    bool is_core = nh.n_namesz == 5 && std::memcmp(notes + name_pos, "CORE", 5) == 0;
    pos = desc_pos + align4(nh.n_descsz);
    if (!is_core) continue;  // "LINUX" notes: FP/xstate registers, not needed

    if (nh.n_type == kNtPrstatus && dsz >= sizeof(elf_prstatus)) {
      CoreThread th;
      th.tid = load<int32_t>(desc + offsetof(elf_prstatus, pr_pid));
      th.regs = registers_from(load<user_regs_struct>(desc + offsetof(elf_prstatus, pr_reg)));
      if (threads_.empty()) {
        // The first thread received the signal; pr_cursig is the fallback
        // when the core has no NT_SIGINFO (old kernels).
        int cursig = load<int16_t>(desc + offsetof(elf_prstatus, pr_cursig));
        if (!crash_ && cursig != 0) {
          crash_ = CrashInfo{};
          crash_->signal = cursig;
          crash_->signal_name = signal_name(cursig);
        }
        if (crash_) crash_->tid = th.tid;
      }
      threads_.push_back(th);
    } else if (nh.n_type == kNtPrpsinfo && dsz >= sizeof(elf_prpsinfo)) {
      pid_ = load<int32_t>(desc + offsetof(elf_prpsinfo, pr_pid));
      fname_ = c_string(reinterpret_cast<const char*>(desc + offsetof(elf_prpsinfo, pr_fname)),
                        sizeof(elf_prpsinfo::pr_fname));
      psargs_ = c_string(reinterpret_cast<const char*>(desc + offsetof(elf_prpsinfo, pr_psargs)),
                         sizeof(elf_prpsinfo::pr_psargs));
      while (!psargs_.empty() && psargs_.back() == ' ') psargs_.pop_back();
    } else if (nh.n_type == kNtSiginfo && dsz >= kSiginfoMin && !seen_siginfo) {
      // Each thread has one; the first belongs to the first (crashing) thread.
      seen_siginfo = true;
      CrashInfo c;
      c.signal = load<int32_t>(desc + kSiSigno);
      c.code = load<int32_t>(desc + kSiCode);
      c.signal_name = signal_name(c.signal);
      // si_addr is meaningful only for faults raised by the kernel (code > 0);
      // abort()'s SIGABRT is SI_TKILL and has a pid/uid there instead.
      if (signal_has_fault_address(c.signal) && c.code > 0) {
        c.fault_address = load<uint64_t>(desc + kSiAddr);
        c.has_fault_address = true;
      }
      if (!threads_.empty()) c.tid = threads_.front().tid;
      crash_ = c;
    } else if (nh.n_type == kNtAuxv) {
      for (size_t i = 0; i + 16 <= dsz; i += 16) {
        uint64_t type = load<uint64_t>(desc + i);
        if (type == AT_NULL) break;
        if (type == AT_ENTRY) at_entry_ = load<uint64_t>(desc + i + 8);
      }
    } else if (nh.n_type == kNtFile && dsz >= 16) {
      // count, page_size, count x (start, end, page offset), then names.
      uint64_t count = load<uint64_t>(desc);
      uint64_t page_size = load<uint64_t>(desc + 8);
      if (count > dsz / 24) continue;  // corrupt: ignore the note
      uint64_t names = 16 + count * 24;
      std::vector<FileMapping> files;
      for (uint64_t i = 0; i < count && names < dsz; i++) {
        const char* s = reinterpret_cast<const char*>(desc + names);
        size_t len = strnlen(s, dsz - names);
        FileMapping f;
        f.start = load<uint64_t>(desc + 16 + i * 24);
        f.end = load<uint64_t>(desc + 16 + i * 24 + 8);
        f.file_offset = load<uint64_t>(desc + 16 + i * 24 + 16) * page_size;
        f.path.assign(s, len);
        names += len + 1;
        files.push_back(std::move(f));
      }
      files_ = std::move(files);
    }
  }
  return true;
}

bool CoreFileTarget::resolve_executable(const std::string& given, InspectError* err) {
  // The main executable is the file mapped at the entry point; without an
  // auxv, the kernel's NT_FILE lists it first (lowest address) in practice.
  const FileMapping* entry_map = nullptr;
  for (const FileMapping& f : files_) {
    if (at_entry_ != 0 && at_entry_ >= f.start && at_entry_ < f.end) entry_map = &f;
  }
  if (entry_map == nullptr && !files_.empty()) entry_map = &files_.front();
  if (entry_map != nullptr) recorded_exe_ = entry_map->path;

  exe_given_ = !given.empty();
  exe_path_ = exe_given_ ? given : recorded_exe_;
  for (FileMapping& f : files_) {
    f.open_path = (exe_given_ && f.path == recorded_exe_) ? given : f.path;
  }
  modules_ = ModuleMap(files_);
  if (exe_path_.empty()) {
    warnings_.push_back("core " + core_path_ +
                        " does not name its executable; give it to find symbols");
    return true;
  }

  std::string why;
  exe_ = ElfFile::open(exe_path_, &why);
  if (!exe_) {
    if (exe_given_) {
      set_error(err, ErrorKind::Other, "cannot read executable " + why);
      return false;
    }
    warnings_.push_back("cannot read the executable the core names (" + why +
                        "); give its path to find symbols");
    return true;
  }

  // Build-id check: the core's copy of the executable's first page (the
  // kernel dumps the ELF header page of every mapped ELF file) against the
  // file. Read from the core only, never from the file we are checking.
  const FileMapping* first = nullptr;
  for (const FileMapping& f : files_) {
    if (f.path == recorded_exe_ && f.file_offset == 0 && (first == nullptr || f.start < first->start)) {
      first = &f;
    }
  }
  std::vector<uint8_t> core_id;
  if (first != nullptr) {
    core_id = build_id_from_image(
        [this](uint64_t a, void* b, size_t n) { return read_impl(a, static_cast<uint8_t*>(b), n, false); },
        first->start, first->end - first->start);
  }
  const std::vector<uint8_t>& file_id = exe_->build_id();
  if (core_id.empty()) {
    warnings_.push_back("core " + core_path_ + " lacks the executable's first page; cannot check that " +
                        exe_path_ + " is the build that produced it");
  } else if (file_id.empty()) {
    warnings_.push_back(exe_path_ + " has no build-id; cannot check that it produced core " +
                        core_path_);
  } else if (core_id != file_id) {
    set_error(err, ErrorKind::ExecutableMismatch,
              "core " + core_path_ + " was produced by a different build than " + exe_path_ +
                  " (build-id " + hex_string(core_id) + " in the core vs " + hex_string(file_id) +
                  " in the file)");
    return false;
  }

  // Load bias: where the entry point is versus where the file says it is.
  if (at_entry_ != 0) {
    exe_bias_ = at_entry_ - exe_->entry();
  } else if (first != nullptr) {
    exe_bias_ = exe_->bias_for_mapping(first->start, first->file_offset);
  }
  return true;
}

// ---------------------------------------------------------------------------
// Memory

const CoreFileTarget::Segment* CoreFileTarget::segment_at(uint64_t addr) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), addr,
                             [](uint64_t a, const Segment& s) { return a < s.vaddr; });
  if (it == segments_.begin()) return nullptr;
  --it;
  return addr - it->vaddr < it->memsz ? &*it : nullptr;
}

bool CoreFileTarget::read(uint64_t addr, void* buf, size_t len) {
  return read_impl(addr, static_cast<uint8_t*>(buf), len, true);
}

bool CoreFileTarget::read_impl(uint64_t addr, uint8_t* buf, size_t len, bool use_files) const {
  if (addr + len < addr) return false;
  while (len > 0) {
    const Segment* s = segment_at(addr);
    if (s == nullptr) {
      // gdb's gcore leaves unwritten read-only file mappings (.rodata,
      // text) out of the core entirely: read them from the mapped files.
      return use_files && read_from_files(addr, buf, len);
    }
    uint64_t off = addr - s->vaddr;
    size_t n = size_t(std::min<uint64_t>(len, s->memsz - off));
    if (off < s->available) {
      n = size_t(std::min<uint64_t>(n, s->available - off));
      std::memcpy(buf, data_ + s->offset + off, n);
    } else if (off < s->filesz) {
      return false;  // dumped, but cut off by truncation
    } else {
      if (!use_files || !read_from_files(addr, buf, n)) return false;
    }
    addr += n;
    buf += n;
    len -= n;
  }
  return true;
}

CoreFileTarget::BackingFile::~BackingFile() {
  if (data != nullptr) munmap(const_cast<uint8_t*>(data), size);
}

const CoreFileTarget::BackingFile* CoreFileTarget::backing_file(const std::string& path) const {
  auto it = backing_.find(path);
  if (it != backing_.end()) return it->second.get();
  // Any mapped file, not only ELF ones (a program may map data files);
  // a failure is remembered so that each read does not retry the open.
  auto file = std::make_unique<BackingFile>();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    void* p = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      file->data = static_cast<const uint8_t*>(p);
      file->size = size_t(st.st_size);
    }
  }
  if (fd >= 0) ::close(fd);
  const BackingFile* result = file.get();
  backing_.emplace(path, std::move(file));
  return result;
}

bool CoreFileTarget::read_from_files(uint64_t addr, uint8_t* buf, size_t len) const {
  while (len > 0) {
    const FileMapping* m = modules_.mapping_at(addr);
    if (m == nullptr) return false;
    const BackingFile* file = backing_file(m->open_path);
    size_t n = size_t(std::min<uint64_t>(len, m->end - addr));
    uint64_t off = m->file_offset + (addr - m->start);
    if (file->data == nullptr || off > file->size || n > file->size - off) return false;
    std::memcpy(buf, file->data + off, n);
    addr += n;
    buf += n;
    len -= n;
  }
  return true;
}

uint64_t CoreFileTarget::find_symbol(const std::string& name) {
  if (!exe_ || !exe_bias_) return 0;
  std::optional<uint64_t> a = exe_->symbol_address(name);
  return a ? *a + *exe_bias_ : 0;
}

std::vector<MemoryRange> CoreFileTarget::memory_ranges() {
  // Only what the core holds: the table is in written memory, always dumped.
  auto owner = [this](const Segment& s) -> const FileMapping* { return modules_.mapping_at(s.vaddr); };
  std::vector<MemoryRange> out;
  for (int pass = 0; pass < 3; pass++) {
    for (const Segment& s : segments_) {
      if (s.available == 0) continue;
      const FileMapping* f = owner(s);
      bool of_exe = f != nullptr && !recorded_exe_.empty() && f->path == recorded_exe_;
      bool take = pass == 0   ? of_exe && s.writable
                  : pass == 1 ? of_exe && !s.writable
                              : f == nullptr && s.writable;
      if (take) out.push_back({s.vaddr, s.vaddr + s.available, f ? f->path : ""});
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Threads

std::vector<ThreadInfo> CoreFileTarget::threads() {
  std::vector<ThreadInfo> out;
  for (const CoreThread& t : threads_) {
    ThreadInfo info;
    info.tid = t.tid;
    info.regs = t.regs;
    // Cores keep no per-thread names; the process name is the main thread's.
    if (t.tid == pid_) info.comm = fname_;
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<NativeFrame> CoreFileTarget::native_stack(int64_t tid) {
  if (!unwinder_tried_) {
    unwinder_tried_ = true;
    std::string why;
    unwinder_ = DwflCoreUnwinder::create(core_path_, exe_given_ ? exe_path_ : "", &why);
    if (!unwinder_) warnings_.push_back("native stacks unavailable: " + why);
  }
  if (!unwinder_) return {};
  return unwinder_->unwind(tid, modules_);
}

std::string CoreFileTarget::describe() {
  std::string s = "core file " + core_path_;
  if (!exe_path_.empty()) s += " (from " + exe_path_ + ")";
  return s;
}

}  // namespace pgi
