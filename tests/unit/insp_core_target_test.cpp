// CoreFileTarget on synthetic cores (exact read semantics, corrupt and
// truncated files) and on real ones: a gcore of a sleeping pyglass and a
// kernel core of a pyglass that called os.abort(). Also the ELF helpers the
// core target is built on (elf_util) and signal names.
//
// Real cores need the release VM (build/release/runtime/pyglass, or
// $PYGLASS_BIN), gdb for gcore, and kernel cores written to the crashing
// process's directory; each missing piece skips only the tests needing it.
#include <elf.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/procfs.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "inspector/core_target.h"
#include "inspector/elf_util.h"
#include "inspector/live_target.h"
#include "inspector/signals.h"
#include "pyglass/debug_abi.h"

namespace pgi {
namespace {

std::string pyglass_binary() {
  if (const char* env = std::getenv("PYGLASS_BIN")) return env;
  // The release VM (also from the sanitizer build's tests: ASan processes
  // make useless cores). Not __FILE__: ccache may make it relative.
  return std::string(PYGLASS_SOURCE_DIR) + "/build/release/runtime/pyglass";
}

std::string make_temp_dir() {
  char tmpl[] = "/tmp/pgi-core-XXXXXX";
  return mkdtemp(tmpl);
}

bool remove_tree(const std::string& dir) {
  return !dir.empty() && std::system(("rm -rf '" + dir + "'").c_str()) == 0;
}

void write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                              std::streamsize(bytes.size()));
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::vector<uint8_t> bytes(size_t(in.tellg()));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(bytes.size()));
  return bytes;
}

bool has_frame(const std::vector<NativeFrame>& frames, const std::string& needle) {
  for (const NativeFrame& f : frames) {
    if (f.symbol.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string dump(const std::vector<NativeFrame>& frames) {
  std::ostringstream s;
  for (const NativeFrame& f : frames) s << "  " << f.symbol << " (" << f.module << ")\n";
  return s.str();
}

// ---------------------------------------------------------------------------
// Synthetic cores: an ELF header, program headers, one note segment and the
// load segments, laid out by hand so every byte is known.

struct SynthSegment {
  uint64_t vaddr = 0;
  uint64_t memsz = 0;
  std::vector<uint8_t> data;  // filesz = data.size()
  bool writable = true;
};

void add_note(std::vector<uint8_t>& notes, uint32_t type, const std::string& name,
              const std::vector<uint8_t>& desc) {
  Elf64_Nhdr nh{uint32_t(name.size() + 1), uint32_t(desc.size()), type};
  auto put = [&](const void* p, size_t n) {
    const auto* b = static_cast<const uint8_t*>(p);
    notes.insert(notes.end(), b, b + n);
    while (notes.size() % 4) notes.push_back(0);
  };
  put(&nh, sizeof nh);
  put(name.c_str(), name.size() + 1);
  put(desc.data(), desc.size());
}

template <typename T>
std::vector<uint8_t> as_bytes(const T& v) {
  const auto* p = reinterpret_cast<const uint8_t*>(&v);
  return std::vector<uint8_t>(p, p + sizeof v);
}

std::vector<uint8_t> build_core(const std::vector<uint8_t>& notes,
                                const std::vector<SynthSegment>& segments,
                                uint16_t type = ET_CORE) {
  Elf64_Ehdr eh{};
  std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_type = type;
  eh.e_machine = EM_X86_64;
  eh.e_version = EV_CURRENT;
  eh.e_phoff = sizeof eh;
  eh.e_ehsize = sizeof eh;
  eh.e_phentsize = sizeof(Elf64_Phdr);
  eh.e_phnum = uint16_t(1 + segments.size());
  uint64_t offset = sizeof eh + eh.e_phnum * sizeof(Elf64_Phdr);
  std::vector<Elf64_Phdr> ph;
  ph.push_back(Elf64_Phdr{PT_NOTE, 0, offset, 0, 0, notes.size(), 0, 4});
  offset += notes.size();
  for (const SynthSegment& s : segments) {
    uint32_t flags = PF_R | (s.writable ? PF_W : 0);
    ph.push_back(Elf64_Phdr{PT_LOAD, flags, offset, s.vaddr, 0, s.data.size(), s.memsz, 4096});
    offset += s.data.size();
  }
  std::vector<uint8_t> out = as_bytes(eh);
  for (const Elf64_Phdr& p : ph) {
    std::vector<uint8_t> b = as_bytes(p);
    out.insert(out.end(), b.begin(), b.end());
  }
  out.insert(out.end(), notes.begin(), notes.end());
  for (const SynthSegment& s : segments) out.insert(out.end(), s.data.begin(), s.data.end());
  return out;
}

class SyntheticCoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = make_temp_dir();
    // A "mapped file" whose bytes stand in for a non-dumped segment.
    backing_ = dir_ + "/backing.bin";
    std::vector<uint8_t> file(0x2000);
    for (size_t i = 0; i < file.size(); i++) file[i] = uint8_t(i * 7);
    write_file(backing_, file);

    std::vector<uint8_t> notes;
    elf_prstatus st{};
    st.pr_pid = 4242;
    st.pr_cursig = SIGSEGV;
    reinterpret_cast<user_regs_struct*>(&st.pr_reg)->rip = 0x401000;
    reinterpret_cast<user_regs_struct*>(&st.pr_reg)->rsp = 0x7fff0000;
    add_note(notes, NT_PRSTATUS, "CORE", as_bytes(st));
    std::vector<uint8_t> si(128, 0);
    int32_t signo = SIGSEGV, code = 1 /* SEGV_MAPERR */;
    uint64_t addr = 0xdead;
    std::memcpy(&si[0], &signo, 4);
    std::memcpy(&si[8], &code, 4);
    std::memcpy(&si[16], &addr, 8);
    add_note(notes, 0x53494749 /* NT_SIGINFO */, "CORE", si);
    elf_prstatus st2{};
    st2.pr_pid = 4243;
    add_note(notes, NT_PRSTATUS, "CORE", as_bytes(st2));
    elf_prpsinfo ps{};
    ps.pr_pid = 4240;
    std::strcpy(ps.pr_fname, "synth");
    std::strcpy(ps.pr_psargs, "synth --flag ");
    add_note(notes, NT_PRPSINFO, "CORE", as_bytes(ps));
    // NT_FILE: [0x20000, 0x21000) maps backing.bin from page 1.
    std::vector<uint8_t> nt_file;
    for (uint64_t v : {uint64_t(1), uint64_t(4096), uint64_t(0x20000), uint64_t(0x21000), uint64_t(1)}) {
      std::vector<uint8_t> b = as_bytes(v);
      nt_file.insert(nt_file.end(), b.begin(), b.end());
    }
    nt_file.insert(nt_file.end(), backing_.begin(), backing_.end());
    nt_file.push_back(0);
    add_note(notes, 0x46494c45 /* NT_FILE */, "CORE", nt_file);
    notes_ = notes;

    segments_ = {
        {0x10000, 0x1000, std::vector<uint8_t>(0x1000, 'A')},
        {0x11000, 0x1000, std::vector<uint8_t>(0x1000, 'B')},  // adjacent to the first
        {0x20000, 0x1000, {}, false},                          // not dumped: file-backed
        {0x30000, 0x2000, std::vector<uint8_t>(0x2000, 'D')},  // last in the file
    };
    core_ = dir_ + "/core";
    write_file(core_, build_core(notes_, segments_));
  }
  void TearDown() override { EXPECT_TRUE(remove_tree(dir_)); }

  std::string dir_, backing_, core_;
  std::vector<uint8_t> notes_;
  std::vector<SynthSegment> segments_;
};

TEST_F(SyntheticCoreTest, ThreadsCrashAndProcessInfo) {
  InspectError err{ErrorKind::Other, ""};
  auto t = CoreFileTarget::open(core_, "", &err);
  ASSERT_TRUE(t) << err.message;
  EXPECT_EQ(t->pid(), 4240);
  EXPECT_EQ(t->program_name(), "synth");
  EXPECT_EQ(t->command_line(), "synth --flag");
  std::vector<ThreadInfo> threads = t->threads();
  ASSERT_EQ(threads.size(), 2u);
  EXPECT_EQ(threads[0].tid, 4242);
  ASSERT_TRUE(threads[0].regs);
  EXPECT_EQ(threads[0].regs->rip, 0x401000u);
  EXPECT_EQ(threads[0].regs->rsp, 0x7fff0000u);
  EXPECT_EQ(threads[1].tid, 4243);
  std::optional<CrashInfo> crash = t->crash_info();
  ASSERT_TRUE(crash);
  EXPECT_EQ(crash->signal, SIGSEGV);
  EXPECT_EQ(crash->signal_name, "SIGSEGV");
  EXPECT_EQ(crash->code, 1);
  EXPECT_TRUE(crash->has_fault_address);
  EXPECT_EQ(crash->fault_address, 0xdeadu);
  EXPECT_EQ(crash->tid, 4242);
  EXPECT_EQ(t->describe().rfind("core file " + core_, 0), 0u);
  // The only named file is not an ELF executable: no symbols, a warning.
  EXPECT_EQ(t->find_symbol(PG_DEBUG_SYMBOL), 0u);
  EXPECT_FALSE(t->warnings().empty());
}

TEST_F(SyntheticCoreTest, Reads) {
  auto t = CoreFileTarget::open(core_, "", nullptr);
  ASSERT_TRUE(t);
  char buf[16];
  ASSERT_TRUE(t->read(0x10ff8, buf, 16));  // spans two adjacent segments
  EXPECT_EQ(std::string(buf, 16), std::string(8, 'A') + std::string(8, 'B'));
  EXPECT_TRUE(t->read(0x30000, buf, 16));
  EXPECT_EQ(buf[0], 'D');
  EXPECT_FALSE(t->read(0x12000, buf, 1));   // hole
  EXPECT_FALSE(t->read(0x11ff8, buf, 16));  // runs into the hole
  EXPECT_FALSE(t->read(0xfff8, buf, 16));   // starts in the hole
  EXPECT_FALSE(t->read(~uint64_t(0) - 4, buf, 16));  // wraps around
  EXPECT_TRUE(t->read(0x10000, buf, 0));

  // Not dumped: read from the file NT_FILE names, at page 1 of it.
  uint8_t file_bytes[16];
  ASSERT_TRUE(t->read(0x20010, file_bytes, 16));
  for (int i = 0; i < 16; i++) EXPECT_EQ(file_bytes[i], uint8_t((0x1010 + i) * 7)) << i;

  // Ranges: only what the core holds, not the non-dumped segment.
  std::vector<MemoryRange> ranges = t->memory_ranges();
  for (const MemoryRange& r : ranges) EXPECT_NE(r.start, 0x20000u);
  EXPECT_EQ(ranges.size(), 3u);
}

TEST_F(SyntheticCoreTest, TruncatedCoreIsRefusedOrReadPartially) {
  std::vector<uint8_t> full = read_bytes(core_);
  std::vector<uint8_t> cut(full.begin(), full.end() - 0x1000);  // half of the last segment
  std::string path = dir_ + "/core.cut";
  write_file(path, cut);
  InspectError err{ErrorKind::Other, ""};
  EXPECT_FALSE(CoreFileTarget::open(path, "", &err));
  EXPECT_EQ(err.kind, ErrorKind::CorruptCore);
  EXPECT_EQ(err.message, "core " + path + " is truncated: segment 4 needs bytes up to " +
                             std::to_string(full.size()) + ", file has " +
                             std::to_string(cut.size()));

  CoreOpenOptions lenient;
  lenient.allow_truncated = true;
  auto t = CoreFileTarget::open(path, "", &err, lenient);
  ASSERT_TRUE(t) << err.message;
  char buf[16];
  EXPECT_TRUE(t->read(0x30ff0, buf, 16));   // still in the file
  EXPECT_FALSE(t->read(0x31000, buf, 16));  // cut off
  EXPECT_FALSE(t->read(0x30ff8, buf, 16));  // straddles the cut
  EXPECT_TRUE(t->read(0x10ff8, buf, 16));   // other segments unaffected
  bool warned = false;
  for (const std::string& w : t->warnings()) warned |= w.find("truncated") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST_F(SyntheticCoreTest, CorruptFilesAreRefused) {
  InspectError err{ErrorKind::Other, ""};
  std::string path = dir_ + "/bad";

  write_file(path, std::vector<uint8_t>(10, 0x7f));
  EXPECT_FALSE(CoreFileTarget::open(path, "", &err));
  EXPECT_EQ(err.kind, ErrorKind::CorruptCore);
  EXPECT_NE(err.message.find("is truncated"), std::string::npos) << err.message;

  write_file(path, std::vector<uint8_t>(4096, 'x'));
  EXPECT_FALSE(CoreFileTarget::open(path, "", &err));
  EXPECT_EQ(err.kind, ErrorKind::CorruptCore);
  EXPECT_EQ(err.message, "core " + path + " is not an ELF file (bad magic)");

  write_file(path, build_core(notes_, segments_, ET_DYN));
  EXPECT_FALSE(CoreFileTarget::open(path, "", &err));
  EXPECT_EQ(err.kind, ErrorKind::CorruptCore);
  EXPECT_NE(err.message.find("is not a core file"), std::string::npos) << err.message;

  write_file(path, build_core({}, segments_));
  EXPECT_FALSE(CoreFileTarget::open(path, "", &err));
  EXPECT_EQ(err.kind, ErrorKind::CorruptCore);
  EXPECT_NE(err.message.find("no threads"), std::string::npos) << err.message;

  // A note whose size runs past its segment.
  std::vector<uint8_t> bad_notes = notes_;
  reinterpret_cast<Elf64_Nhdr*>(bad_notes.data())->n_descsz = 1 << 30;
  write_file(path, build_core(bad_notes, segments_));
  EXPECT_FALSE(CoreFileTarget::open(path, "", &err));
  EXPECT_EQ(err.kind, ErrorKind::CorruptCore);

  // Program headers cut off.
  std::vector<uint8_t> full = read_bytes(core_);
  write_file(path, std::vector<uint8_t>(full.begin(), full.begin() + 100));
  EXPECT_FALSE(CoreFileTarget::open(path, "", &err));
  EXPECT_EQ(err.kind, ErrorKind::CorruptCore);
  EXPECT_NE(err.message.find("program headers"), std::string::npos) << err.message;

  EXPECT_FALSE(CoreFileTarget::open(dir_ + "/missing", "", &err));
  EXPECT_EQ(err.kind, ErrorKind::Other);
}

// ---------------------------------------------------------------------------
// Real cores of the VM, made once for the suite.

struct RealCores {
  std::string dir;
  std::string gcore;        // "" if it could not be made
  int64_t gcore_pid = 0;
  uint64_t gcore_table = 0;  // the table's address in the live process
  std::string kernel_core;  // "" if it could not be made
  int64_t kernel_pid = 0;
  std::string skip_gcore, skip_kernel;
};

RealCores* g_cores = nullptr;

pid_t spawn_in(const std::string& dir, const std::string& cmd, int* out_fd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    if (chdir(dir.c_str()) != 0) _exit(126);
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  *out_fd = fds[0];
  return pid;
}

bool wait_for_line(int fd, const std::string& word) {
  std::string out;
  pollfd p{fd, POLLIN, 0};
  while (out.find(word) == std::string::npos && poll(&p, 1, 5000) > 0) {
    char buf[128];
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, size_t(n));
  }
  return out.find(word) != std::string::npos;
}

void make_gcore(RealCores& c, const std::string& vm) {
  if (std::system("command -v gdb >/dev/null 2>&1") != 0) {
    c.skip_gcore = "gdb not installed";
    return;
  }
  std::ofstream(c.dir + "/sleeper.py") << "import time\n"
                                          "def inner():\n"
                                          "    time.sleep(60)\n"
                                          "print('ready', flush=True)\n"
                                          "inner()\n";
  int fd = -1;
  pid_t pid = spawn_in(c.dir, "exec '" + vm + "' sleeper.py", &fd);
  bool ready = wait_for_line(fd, "ready");
  close(fd);
  if (ready) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // into the sleep
    if (auto live = LiveProcessTarget::attach(pid, false, nullptr)) {
      c.gcore_table = live->find_symbol(PG_DEBUG_SYMBOL);
    }
    std::string path = c.dir + "/gcore.core";
    std::string cmd = "gdb -batch -nx -p " + std::to_string(pid) + " -ex 'gcore " + path +
                      "' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0 && access(path.c_str(), R_OK) == 0) {
      c.gcore = path;
      c.gcore_pid = pid;
    } else {
      c.skip_gcore = "gcore failed";
    }
  } else {
    c.skip_gcore = "pyglass did not start";
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

void make_kernel_core(RealCores& c, const std::string& vm) {
  std::ifstream pattern_file("/proc/sys/kernel/core_pattern");
  std::string pattern;
  std::getline(pattern_file, pattern);
  if (pattern.empty() || pattern[0] == '|' || pattern.find('/') != std::string::npos) {
    c.skip_kernel = "kernel cores do not land in the cwd (core_pattern '" + pattern + "')";
    return;
  }
  std::ofstream(c.dir + "/crasher.py") << "import os\n"
                                          "def boom():\n"
                                          "    os.abort()\n"
                                          "boom()\n";
  int fd = -1;
  pid_t pid = spawn_in(c.dir, "ulimit -c unlimited && exec '" + vm + "' crasher.py", &fd);
  close(fd);
  int status = 0;
  waitpid(pid, &status, 0);
  for (const std::string& name : {std::string("core"), "core." + std::to_string(pid), pattern}) {
    std::string path = c.dir + "/" + name;
    if (access(path.c_str(), R_OK) == 0) {
      c.kernel_core = path;
      c.kernel_pid = pid;
      return;
    }
  }
  c.skip_kernel = "no kernel core was written (status " + std::to_string(status) + ")";
}

class RealCoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    g_cores = new RealCores();
    std::string vm = pyglass_binary();
    if (access(vm.c_str(), X_OK) != 0) {
      g_cores->skip_gcore = g_cores->skip_kernel = "no pyglass binary at " + vm;
      return;
    }
    g_cores->dir = make_temp_dir();
    make_gcore(*g_cores, vm);
    make_kernel_core(*g_cores, vm);
  }
  static void TearDownTestSuite() {
    remove_tree(g_cores->dir);
    delete g_cores;
    g_cores = nullptr;
  }
};

#define NEED_GCORE() \
  if (g_cores->gcore.empty()) GTEST_SKIP() << g_cores->skip_gcore
#define NEED_KERNEL_CORE() \
  if (g_cores->kernel_core.empty()) GTEST_SKIP() << g_cores->skip_kernel

TEST_F(RealCoreTest, GcoreOfSleepingProcess) {
  NEED_GCORE();
  InspectError err{ErrorKind::Other, ""};
  auto t = CoreFileTarget::open(g_cores->gcore, "", &err);
  ASSERT_TRUE(t) << err.message;
  EXPECT_EQ(t->pid(), g_cores->gcore_pid);
  EXPECT_EQ(t->executable(), pyglass_binary());
  EXPECT_EQ(t->describe(), "core file " + g_cores->gcore + " (from " + pyglass_binary() + ")");
  EXPECT_FALSE(t->crash_info()) << t->crash_info()->signal_name;  // gdb's stop is no crash

  uint64_t table = t->find_symbol(PG_DEBUG_SYMBOL);
  EXPECT_EQ(table, g_cores->gcore_table);
  ASSERT_NE(table, 0u);
  char cookie[PG_DEBUG_COOKIE_SIZE];
  ASSERT_TRUE(t->read(table, cookie, sizeof cookie));
  EXPECT_STREQ(cookie, PG_DEBUG_COOKIE);

  std::vector<ThreadInfo> threads = t->threads();
  ASSERT_FALSE(threads.empty());
  EXPECT_EQ(threads[0].tid, g_cores->gcore_pid);
  ASSERT_TRUE(threads[0].regs);
  EXPECT_NE(threads[0].regs->rsp, 0u);

  std::vector<NativeFrame> frames = t->native_stack(g_cores->gcore_pid);
  EXPECT_TRUE(has_frame(frames, "pg::eval_frame")) << dump(frames);
  EXPECT_TRUE(has_frame(frames, "sleep")) << dump(frames);
  EXPECT_TRUE(has_frame(frames, "main")) << dump(frames);
  for (size_t i = 0; i + 1 < frames.size(); i++) EXPECT_EQ(frames[i].cfa, frames[i + 1].sp) << i;
  EXPECT_TRUE(t->native_stack(12345678).empty());
}

TEST_F(RealCoreTest, KernelCoreOfAbort) {
  NEED_KERNEL_CORE();
  InspectError err{ErrorKind::Other, ""};
  auto t = CoreFileTarget::open(g_cores->kernel_core, "", &err);
  ASSERT_TRUE(t) << err.message;
  EXPECT_EQ(t->pid(), g_cores->kernel_pid);
  EXPECT_EQ(t->program_name(), "pyglass");
  std::optional<CrashInfo> crash = t->crash_info();
  ASSERT_TRUE(crash);
  EXPECT_EQ(crash->signal, SIGABRT);
  EXPECT_EQ(crash->signal_name, "SIGABRT");
  EXPECT_FALSE(crash->has_fault_address);
  EXPECT_EQ(crash->tid, g_cores->kernel_pid);

  uint64_t table = t->find_symbol(PG_DEBUG_SYMBOL);
  ASSERT_NE(table, 0u);
  PgDebugTable header;
  ASSERT_TRUE(t->read(table, &header, sizeof header));
  EXPECT_STREQ(header.cookie, PG_DEBUG_COOKIE);
  EXPECT_EQ(header.table_address, table);

  // The eval loop's code was not dumped (read-only, file-backed): it comes
  // from the executable via NT_FILE and must equal the file's bytes there.
  std::shared_ptr<const ElfFile> exe = ElfFile::open(pyglass_binary());
  ASSERT_TRUE(exe);
  uint64_t bias = table - *exe->symbol_address(PG_DEBUG_SYMBOL);
  uint8_t from_core[32], from_file[32];
  ASSERT_TRUE(t->read(header.eval_start, from_core, sizeof from_core));
  // Find the file offset of eval_start's link-time address via the
  // executable's program headers.
  uint64_t link = header.eval_start - bias;
  Elf64_Ehdr eh;
  ASSERT_TRUE(exe->read_file(0, &eh, sizeof eh));
  bool found = false;
  for (unsigned i = 0; i < eh.e_phnum && !found; i++) {
    Elf64_Phdr ph;
    ASSERT_TRUE(exe->read_file(eh.e_phoff + i * sizeof ph, &ph, sizeof ph));
    if (ph.p_type == PT_LOAD && link >= ph.p_vaddr && link + 32 <= ph.p_vaddr + ph.p_filesz) {
      ASSERT_TRUE(exe->read_file(ph.p_offset + (link - ph.p_vaddr), from_file, sizeof from_file));
      found = true;
    }
  }
  ASSERT_TRUE(found);
  EXPECT_EQ(std::memcmp(from_core, from_file, sizeof from_core), 0);

  std::vector<NativeFrame> frames = t->native_stack(crash->tid);
  EXPECT_TRUE(has_frame(frames, "abort")) << dump(frames);
  EXPECT_TRUE(has_frame(frames, "raise")) << dump(frames);
  EXPECT_TRUE(has_frame(frames, "pg::eval_frame")) << dump(frames);
  EXPECT_TRUE(has_frame(frames, "main")) << dump(frames);
  ASSERT_FALSE(frames.empty());
  EXPECT_EQ(frames[0].module.rfind("libc", 0), 0u) << dump(frames);
}

TEST_F(RealCoreTest, ExecutableIsChecked) {
  NEED_KERNEL_CORE();
  InspectError err{ErrorKind::Other, ""};
  // The right file, named explicitly (e.g. a copy elsewhere): accepted.
  auto t = CoreFileTarget::open(g_cores->kernel_core, pyglass_binary(), &err);
  ASSERT_TRUE(t) << err.message;
  for (const std::string& w : t->warnings()) EXPECT_EQ(w.find("build-id"), std::string::npos) << w;

  EXPECT_FALSE(CoreFileTarget::open(g_cores->kernel_core, "/bin/ls", &err));
  EXPECT_EQ(err.kind, ErrorKind::ExecutableMismatch);
  EXPECT_EQ(err.message.rfind("core " + g_cores->kernel_core +
                                  " was produced by a different build than /bin/ls (build-id ",
                              0),
            0u)
      << err.message;
  std::string own_id = hex_string(ElfFile::open(pyglass_binary())->build_id());
  EXPECT_NE(err.message.find(own_id), std::string::npos) << err.message;

  EXPECT_FALSE(CoreFileTarget::open(g_cores->kernel_core, "/nonexistent/pyglass", &err));
  EXPECT_EQ(err.kind, ErrorKind::Other);
  EXPECT_NE(err.message.find("/nonexistent/pyglass"), std::string::npos);
}

TEST_F(RealCoreTest, TruncatedKernelCore) {
  NEED_KERNEL_CORE();
  std::vector<uint8_t> full = read_bytes(g_cores->kernel_core);
  std::string path = g_cores->dir + "/core.truncated";
  write_file(path, std::vector<uint8_t>(full.begin(), full.begin() + full.size() * 3 / 5));
  InspectError err{ErrorKind::Other, ""};
  EXPECT_FALSE(CoreFileTarget::open(path, "", &err));
  EXPECT_EQ(err.kind, ErrorKind::CorruptCore);
  EXPECT_EQ(err.message.rfind("core " + path + " is truncated: segment ", 0), 0u) << err.message;
}

// A multi-threaded process (this test binary, forked) where a thread other
// than the main one aborts: the crashing thread comes first in the core and
// is the one crash_info() names.
TEST(KernelCore, CrashingThreadOfMultiThreadedProcess) {
  std::ifstream pattern_file("/proc/sys/kernel/core_pattern");
  std::string pattern;
  std::getline(pattern_file, pattern);
  if (pattern != "core") GTEST_SKIP() << "core_pattern is '" << pattern << "'";
  std::string dir = make_temp_dir();
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
    if (setrlimit(RLIMIT_CORE, &unlimited) != 0 || chdir(dir.c_str()) != 0) _exit(3);
    std::thread([] {
      for (;;) pause();
    }).detach();
    std::thread([fd = fds[1]] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let the other start
      pid_t tid = pid_t(gettid());
      if (::write(fd, &tid, sizeof tid) != sizeof tid) _exit(4);
      abort();
    }).detach();
    for (;;) pause();
  }
  close(fds[1]);
  pid_t crashing = 0;
  ASSERT_EQ(::read(fds[0], &crashing, sizeof crashing), ssize_t(sizeof crashing));
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  std::string core = dir + "/core";
  if (!WCOREDUMP(status) || access(core.c_str(), R_OK) != 0) {
    remove_tree(dir);
    GTEST_SKIP() << "no core dumped (sanitizer build?)";
  }
  InspectError err{ErrorKind::Other, ""};
  auto t = CoreFileTarget::open(core, "", &err);
  ASSERT_TRUE(t) << err.message;
  EXPECT_EQ(t->pid(), child);
  std::vector<ThreadInfo> threads = t->threads();
  ASSERT_EQ(threads.size(), 3u);
  EXPECT_EQ(threads[0].tid, crashing);
  std::optional<CrashInfo> crash = t->crash_info();
  ASSERT_TRUE(crash);
  EXPECT_EQ(crash->signal_name, "SIGABRT");
  EXPECT_EQ(crash->tid, crashing);
  std::vector<NativeFrame> frames = t->native_stack(crashing);
  EXPECT_TRUE(has_frame(frames, "abort")) << dump(frames);
  for (const ThreadInfo& th : threads) EXPECT_FALSE(t->native_stack(th.tid).empty()) << th.tid;
  EXPECT_TRUE(remove_tree(dir));
}

// ---------------------------------------------------------------------------
// ELF helpers and signal names

TEST(ElfUtil, SymbolsAndBuildIdOfTheVm) {
  std::string vm = pyglass_binary();
  if (access(vm.c_str(), R_OK) != 0) GTEST_SKIP() << "no pyglass binary";
  std::shared_ptr<const ElfFile> f = ElfFile::open(vm);
  ASSERT_TRUE(f);
  EXPECT_EQ(ElfFile::open(vm), f);  // cached
  EXPECT_EQ(f->build_id().size(), 20u);  // sha1
  EXPECT_EQ(f->elf_type(), ET_DYN);
  std::optional<uint64_t> table = f->symbol_address(PG_DEBUG_SYMBOL);
  ASSERT_TRUE(table);
  std::optional<SymbolMatch> m = f->symbolize(*table + 8);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, PG_DEBUG_SYMBOL);
  EXPECT_EQ(m->offset, 8u);
  EXPECT_FALSE(f->symbol_address("definitely_not_a_symbol"));
  // PIE: the first mapping (file offset 0) at base B has bias B.
  EXPECT_EQ(f->bias_for_mapping(0x555500000000, 0), uint64_t(0x555500000000));
}

TEST(ElfUtil, NonElfAndHelpers) {
  std::string err;
  EXPECT_FALSE(ElfFile::open("/proc/self/status", &err));
  EXPECT_FALSE(err.empty());
  EXPECT_FALSE(ElfFile::open("/nonexistent", &err));
  EXPECT_NE(err.find("/nonexistent"), std::string::npos);
  EXPECT_EQ(demangle("_ZN2pg10eval_frameEv"), "pg::eval_frame()");
  EXPECT_EQ(demangle("main"), "main");
  EXPECT_EQ(demangle("_Znot_really"), "_Znot_really");
  EXPECT_EQ(hex_string({0x01, 0xab, 0xff}), "01abff");
  EXPECT_EQ(path_basename("/usr/lib/libc.so.6"), "libc.so.6");
  EXPECT_EQ(path_basename("plain"), "plain");
}

TEST(ElfUtil, SymbolizesOwnFunctions) {
  // This test binary: a function of ours resolves to its own name.
  std::vector<ProcMapping> maps = read_proc_maps(getpid());
  std::vector<FileMapping> files;
  for (const ProcMapping& m : maps) {
    if (!m.path.empty() && m.path[0] == '/') files.push_back({m.start, m.end, m.offset, m.path, ""});
  }
  ModuleMap modules(files);
  NativeFrame f;
  f.pc = reinterpret_cast<uint64_t>(&read_proc_maps) + 1;
  modules.symbolize(f);
  EXPECT_EQ(f.symbol.rfind("pgi::read_proc_maps(", 0), 0u) << f.symbol;
  EXPECT_EQ(f.offset, 1u);
  f.pc = reinterpret_cast<uint64_t>(&getpid);
  modules.symbolize(f);
  EXPECT_EQ(f.module.rfind("libc", 0), 0u) << f.module;
  f.pc = 16;
  modules.symbolize(f);
  EXPECT_EQ(f.symbol, "");
  EXPECT_EQ(f.module, "");
}

TEST(Signals, Names) {
  EXPECT_EQ(signal_name(11), "SIGSEGV");
  EXPECT_EQ(signal_name(6), "SIGABRT");
  EXPECT_EQ(signal_name(7), "SIGBUS");
  EXPECT_EQ(signal_name(31), "SIGSYS");
  EXPECT_EQ(signal_name(34), "SIGRTMIN+2");
  EXPECT_EQ(signal_name(0), "SIG0");
  EXPECT_EQ(signal_name(99), "SIG99");
  EXPECT_TRUE(signal_has_fault_address(SIGSEGV));
  EXPECT_FALSE(signal_has_fault_address(SIGABRT));
  EXPECT_TRUE(signal_is_fatal(SIGABRT));
  EXPECT_FALSE(signal_is_fatal(SIGSTOP));
  EXPECT_EQ(signal_code_name(SIGSEGV, 1), "SEGV_MAPERR");
  EXPECT_EQ(signal_code_name(SIGABRT, -6), "SI_TKILL");
  EXPECT_EQ(signal_code_name(SIGABRT, 3), "");
}

}  // namespace
}  // namespace pgi
