// Native unwinding: libunwind-ptrace (live) and libdwfl (cores). See
// native_unwind.h for the frame conventions both follow.
#include "inspector/native_unwind.h"

#include <elfutils/libdwfl.h>
#include <fcntl.h>
#include <libelf.h>
#include <libunwind-ptrace.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pgi {
namespace {

// The DWARF register number of rsp on x86-64 (System V psABI, figure 3.36).
constexpr unsigned kDwarfRsp = 7;

// After unwinding, the CFA of each frame is the next frame's sp: the CFA is
// by definition the caller's sp at the call site, and the unwinders set the
// caller's sp to exactly that value.
void fill_cfas(std::vector<NativeFrame>& frames) {
  for (size_t i = 0; i + 1 < frames.size(); i++) {
    // A garbage frame (sp going down) gets no range rather than a huge one.
    frames[i].cfa = frames[i + 1].sp > frames[i].sp ? frames[i + 1].sp : 0;
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Live: libunwind-ptrace

PtraceUnwinder::PtraceUnwinder() {
  unw_addr_space_t as = unw_create_addr_space(&_UPT_accessors, 0);
  // The process is stopped for our whole lifetime, so unwind info looked up
  // for one thread is valid for the others (they share the mappings).
  if (as != nullptr) unw_set_caching_policy(as, UNW_CACHE_GLOBAL);
  address_space_ = as;
}

PtraceUnwinder::~PtraceUnwinder() {
  if (address_space_ != nullptr) unw_destroy_addr_space(static_cast<unw_addr_space_t>(address_space_));
}

std::vector<NativeFrame> PtraceUnwinder::unwind(int64_t tid, const ModuleMap& modules) {
  std::vector<NativeFrame> frames;
  auto as = static_cast<unw_addr_space_t>(address_space_);
  if (as == nullptr) return frames;
  void* upt = _UPT_create(pid_t(tid));
  if (upt == nullptr) return frames;
  unw_cursor_t cursor;
  if (unw_init_remote(&cursor, as, upt) < 0) {
    _UPT_destroy(upt);
    return frames;
  }
  bool caller_of_signal_frame = false;
  while (frames.size() < kMaxNativeFrames) {
    unw_word_t ip = 0, sp = 0;
    if (unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0 || unw_get_reg(&cursor, UNW_REG_SP, &sp) < 0) break;
    if (ip == 0) break;  // the end of the chain as some unwinders report it
    NativeFrame f;
    // Callers are at a return address; step back into the call instruction
    // unless the frame was interrupted by a signal (it then resumes at ip).
    f.pc = (frames.empty() || caller_of_signal_frame) ? ip : ip - 1;
    f.sp = sp;
    modules.symbolize(f);
    caller_of_signal_frame = unw_is_signal_frame(&cursor) > 0;
    frames.push_back(std::move(f));
    if (unw_step(&cursor) <= 0) break;
    // No progress (same ip and sp) would loop until the cap: stop now.
    unw_word_t next_ip = 0, next_sp = 0;
    unw_get_reg(&cursor, UNW_REG_IP, &next_ip);
    unw_get_reg(&cursor, UNW_REG_SP, &next_sp);
    if (next_ip == ip && next_sp == sp) break;
  }
  _UPT_destroy(upt);
  fill_cfas(frames);
  return frames;
}

// ---------------------------------------------------------------------------
// Cores: libdwfl

namespace {

// Where libdwfl looks for separate debug files; null = its default
// (/usr/lib/debug). Local lookups only: dwfl_build_id_find_debuginfo never
// asks a debuginfod server, which could take seconds.
char* g_debuginfo_path = nullptr;

const Dwfl_Callbacks kCoreCallbacks = {
    .find_elf = dwfl_build_id_find_elf,
    .find_debuginfo = dwfl_build_id_find_debuginfo,
    .section_address = nullptr,
    .debuginfo_path = &g_debuginfo_path,
};

struct FrameCollector {
  Dwfl* dwfl = nullptr;
  const ModuleMap* fallback = nullptr;
  std::vector<NativeFrame> frames;
};

void symbolize_with_dwfl(Dwfl* dwfl, const ModuleMap& fallback, NativeFrame& f) {
  Dwfl_Module* mod = dwfl_addrmodule(dwfl, f.pc);
  if (mod != nullptr) {
    GElf_Off offset = 0;
    GElf_Sym sym;
    const char* name = dwfl_module_addrinfo(mod, f.pc, &offset, &sym, nullptr, nullptr, nullptr);
    const char* mod_name = dwfl_module_info(mod, nullptr, nullptr, nullptr, nullptr, nullptr,
                                            nullptr, nullptr);
    if (name != nullptr && name[0] != '\0') {
      // libdwfl keeps symbol versions ("clock_nanosleep@GLIBC_2.2.5"); the
      // ELF fallback and the live unwinder show plain names.
      std::string plain(name, std::strcspn(name, "@"));
      f.symbol = demangle(plain);
      f.offset = offset;
      f.module = mod_name != nullptr ? path_basename(mod_name) : "";
      return;
    }
  }
  fallback.symbolize(f);
}

int collect_frame(Dwfl_Frame* state, void* arg) {
  auto* c = static_cast<FrameCollector*>(arg);
  Dwarf_Addr pc = 0;
  bool is_activation = false;
  if (!dwfl_frame_pc(state, &pc, &is_activation)) return DWARF_CB_ABORT;
  if (pc == 0) return DWARF_CB_ABORT;
  NativeFrame f;
  // "Activation" frames (frame 0, a frame interrupted by a signal) are at
  // the pc itself; callers at a return address, see native_unwind.h.
  f.pc = is_activation ? pc : pc - 1;
  Dwarf_Word sp = 0;
  if (dwfl_frame_reg(state, kDwarfRsp, &sp) == 0) f.sp = sp;
  symbolize_with_dwfl(c->dwfl, *c->fallback, f);
  c->frames.push_back(std::move(f));
  return c->frames.size() >= kMaxNativeFrames ? DWARF_CB_ABORT : DWARF_CB_OK;
}

struct ThreadSearch {
  pid_t tid = 0;
  FrameCollector* collector = nullptr;
};

int unwind_if_wanted(Dwfl_Thread* thread, void* arg) {
  auto* search = static_cast<ThreadSearch*>(arg);
  if (dwfl_thread_tid(thread) == search->tid) {
    // Its result (-1 at the end of the stack, ABORT at the cap) does not
    // matter: the frames collected so far are the answer.
    dwfl_thread_getframes(thread, collect_frame, search->collector);
  }
  // Always go on to the end of the thread list: the core backend of
  // libdwfl 0.188 frees its iteration state only there (stopping early, as
  // dwfl_getthread_frames does, leaks it).
  return DWARF_CB_OK;
}

}  // namespace

std::unique_ptr<DwflCoreUnwinder> DwflCoreUnwinder::create(const std::string& core_path,
                                                           const std::string& executable,
                                                           std::string* error) {
  std::unique_ptr<DwflCoreUnwinder> u(new DwflCoreUnwinder());
  auto fail = [&](const std::string& what) -> std::unique_ptr<DwflCoreUnwinder> {
    if (error) *error = what;
    return nullptr;  // u's destructor releases what was set up
  };
  elf_version(EV_CURRENT);
  u->fd_ = ::open(core_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (u->fd_ < 0) return fail(core_path + ": " + std::strerror(errno));
  Elf* elf = elf_begin(u->fd_, ELF_C_READ_MMAP, nullptr);
  if (elf == nullptr) return fail(core_path + ": " + elf_errmsg(-1));
  u->elf_ = elf;
  Dwfl* dwfl = dwfl_begin(&kCoreCallbacks);
  if (dwfl == nullptr) return fail(std::string("libdwfl: ") + dwfl_errmsg(-1));
  u->dwfl_ = dwfl;
  dwfl_report_begin(dwfl);
  int modules = dwfl_core_file_report(dwfl, elf, executable.empty() ? nullptr : executable.c_str());
  if (modules < 0) return fail(std::string("libdwfl cannot read the core: ") + dwfl_errmsg(-1));
  if (dwfl_report_end(dwfl, nullptr, nullptr) != 0) {
    return fail(std::string("libdwfl: ") + dwfl_errmsg(-1));
  }
  if (dwfl_core_file_attach(dwfl, elf) < 0) {
    return fail(std::string("libdwfl cannot read the core's threads: ") + dwfl_errmsg(-1));
  }
  return u;
}

DwflCoreUnwinder::~DwflCoreUnwinder() {
  if (dwfl_ != nullptr) dwfl_end(static_cast<Dwfl*>(dwfl_));
  if (elf_ != nullptr) elf_end(static_cast<Elf*>(elf_));
  if (fd_ >= 0) ::close(fd_);
}

std::vector<NativeFrame> DwflCoreUnwinder::unwind(int64_t tid, const ModuleMap& fallback) {
  FrameCollector c;
  c.dwfl = static_cast<Dwfl*>(dwfl_);
  c.fallback = &fallback;
  ThreadSearch search{pid_t(tid), &c};
  dwfl_getthreads(c.dwfl, unwind_if_wanted, &search);
  fill_cfas(c.frames);
  return std::move(c.frames);
}

}  // namespace pgi
