// pgi::Target over LLDB: see lldb_target.h.
#include "lldb-plugin/lldb_target.h"

#include <fmt/format.h>

#include <cstring>
#include <string_view>

#include "inspector/elf_util.h"
#include "inspector/signals.h"
#include "pyglass/debug_abi.h"

namespace pglldb {

namespace {

constexpr uint32_t kMaxNativeFrames = 10000;

// LLDB names functions of a stripped binary after their eh_frame entries.
bool synthetic_name(std::string_view name) {
  return name.empty() || name.starts_with("___lldb_unnamed_symbol");
}

std::string basename_of(lldb::SBModule module) {
  const char* f = module.IsValid() ? module.GetFileSpec().GetFilename() : nullptr;
  return f ? f : "";
}

// The executable's module first, then the others in load order.
std::vector<lldb::SBModule> modules_exe_first(lldb::SBTarget& target) {
  std::vector<lldb::SBModule> out;
  lldb::SBFileSpec exe = target.GetExecutable();
  lldb::SBModule main = exe.IsValid() ? target.FindModule(exe) : lldb::SBModule();
  if (main.IsValid()) out.push_back(main);
  for (uint32_t i = 0, n = target.GetNumModules(); i < n; ++i) {
    lldb::SBModule m = target.GetModuleAtIndex(i);
    if (m.IsValid() && m != main) out.push_back(m);
  }
  return out;
}

uint64_t symbol_in(lldb::SBTarget& target, lldb::SBModule module, const char* name) {
  lldb::SBSymbol sym = module.FindSymbol(name);
  if (!sym.IsValid()) return 0;
  lldb::addr_t a = sym.GetStartAddress().GetLoadAddress(target);
  return a == LLDB_INVALID_ADDRESS ? 0 : a;
}

}  // namespace

LldbTarget::LldbTarget(lldb::SBTarget target, lldb::SBProcess process)
    : target_(target), process_(process) {}

bool LldbTarget::read(uint64_t addr, void* buf, size_t len) {
  if (len == 0) return true;
  lldb::SBError error;
  size_t got = process_.ReadMemory(addr, buf, len, error);
  if (got == len && error.Success()) return true;
  // A core holds the memory the process wrote; read-only data of the
  // executable and its libraries (type names, string constants) is read
  // from the files, which the target's read does for a section address.
  lldb::SBAddress where(addr, target_);
  if (!where.GetSection().IsValid()) return false;
  lldb::SBError file_error;
  got = target_.ReadMemory(where, buf, len, file_error);
  return got == len && file_error.Success();
}

uint64_t LldbTarget::debug_section_address() {
  for (lldb::SBModule& m : modules_exe_first(target_)) {
    lldb::SBSection s = m.FindSection(PG_DEBUG_SECTION);
    if (!s.IsValid()) continue;
    lldb::addr_t a = s.GetLoadAddress(target_);
    if (a != LLDB_INVALID_ADDRESS && a != 0) return a;
  }
  return 0;
}

uint64_t LldbTarget::find_symbol(const std::string& name) {
  // The table: its section is cheaper to find than any symbol (no symbol
  // table is parsed) and is there in stripped binaries too.
  if (name == PG_DEBUG_SYMBOL) {
    if (uint64_t a = debug_section_address()) return a;
  }
  std::vector<lldb::SBModule> modules = modules_exe_first(target_);
  if (!modules.empty()) {
    if (uint64_t a = symbol_in(target_, modules.front(), name.c_str())) return a;
  }
  for (size_t i = 1; i < modules.size(); ++i) {
    if (uint64_t a = symbol_in(target_, modules[i], name.c_str())) return a;
  }
  return 0;
}

std::vector<pgi::MemoryRange> LldbTarget::memory_ranges() {
  // Only the sections that hold the table: a cookie scan through the
  // debugger would be slow, and anywhere else the table cannot be.
  std::vector<pgi::MemoryRange> out;
  for (lldb::SBModule& m : modules_exe_first(target_)) {
    lldb::SBSection s = m.FindSection(PG_DEBUG_SECTION);
    if (!s.IsValid()) continue;
    lldb::addr_t a = s.GetLoadAddress(target_);
    if (a == LLDB_INVALID_ADDRESS || a == 0) continue;
    const char* path = m.GetFileSpec().GetFilename();
    out.push_back({a, a + s.GetByteSize(), path ? path : ""});
  }
  return out;
}

std::vector<pgi::ThreadInfo> LldbTarget::threads() {
  std::vector<pgi::ThreadInfo> out;
  for (uint32_t i = 0, n = process_.GetNumThreads(); i < n; ++i) {
    lldb::SBThread t = process_.GetThreadAtIndex(i);
    if (!t.IsValid()) continue;
    pgi::ThreadInfo info;
    info.tid = int64_t(t.GetThreadID());
    const char* name = t.GetName();
    if (name) info.comm = name;
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<pgi::NativeFrame> LldbTarget::native_stack(int64_t tid) {
  std::vector<pgi::NativeFrame> out;
  last_indices_.clear();
  lldb::SBThread thread = process_.GetThreadByID(lldb::tid_t(tid));
  if (!thread.IsValid()) return out;
  const uint32_t n = std::min(thread.GetNumFrames(), kMaxNativeFrames);
  bool after_signal_frame = false;
  for (uint32_t i = 0; i < n; ++i) {
    lldb::SBFrame frame = thread.GetFrameAtIndex(i);
    if (!frame.IsValid()) break;
    // An inlined frame shares its pc and stack range with the concrete
    // frame after it; the CLI's unwinders do not show it either.
    if (frame.IsInlined()) continue;
    pgi::NativeFrame f;
    const bool adjust = !out.empty() && !after_signal_frame;
    f.pc = frame.GetPC() - (adjust ? 1 : 0);
    f.sp = frame.GetSP();
    lldb::addr_t cfa = frame.GetCFA();
    f.cfa = cfa == LLDB_INVALID_ADDRESS ? 0 : cfa;
    lldb::SBModule module = frame.GetModule();
    f.module = basename_of(module);
    // The symbol table's name first, as the CLI's unwinders name frames
    // ("clock_nanosleep", where debug info says "__GI___clock_nanosleep"),
    // without a symbol version; then the debug info's function name.
    lldb::SBSymbol sym = frame.GetSymbol();
    lldb::SBFunction func = frame.GetFunction();
    std::string name = sym.IsValid() && sym.GetName() ? sym.GetName() : "";
    lldb::addr_t start = LLDB_INVALID_ADDRESS;
    if (!synthetic_name(name)) {
      // Demangled by the inspector's demangler (libstdc++'s), which the CLI
      // uses too: LLVM's spells templates differently ("> >" vs ">>").
      const char* mangled = sym.GetMangledName();
      name = mangled && *mangled ? mangled : name;
      name = pgi::demangle(name.substr(0, name.find('@')));
      start = sym.GetStartAddress().GetLoadAddress(target_);
    } else if (func.IsValid() && func.GetName() && !synthetic_name(func.GetName())) {
      const char* display = frame.GetFunctionName();
      name = display ? display : func.GetName();
      start = func.GetStartAddress().GetLoadAddress(target_);
    } else {
      name.clear();
    }
    if (!name.empty()) {
      f.symbol = name;
      if (start != LLDB_INVALID_ADDRESS && start <= f.pc) f.offset = f.pc - start;
    } else if (!f.module.empty()) {
      // As the CLI names it: the module and the link-time address.
      lldb::addr_t file_addr = frame.GetPCAddress().GetFileAddress();
      if (file_addr != LLDB_INVALID_ADDRESS)
        f.symbol = fmt::format("{}+{:#x}", f.module, file_addr - (adjust ? 1 : 0));
    }
    // A frame interrupted by a signal resumes at its pc, not after a call.
    after_signal_frame = name == "__restore_rt";
    out.push_back(std::move(f));
    last_indices_.push_back(i);
  }
  return out;
}

std::optional<pgi::CrashInfo> LldbTarget::crash_info() {
  if (crash_known_) return crash_;
  crash_known_ = true;
  // The selected thread first: LLDB selects the one that received the
  // signal.
  std::vector<lldb::SBThread> order;
  lldb::SBThread selected = process_.GetSelectedThread();
  if (selected.IsValid()) order.push_back(selected);
  for (uint32_t i = 0, n = process_.GetNumThreads(); i < n; ++i) {
    lldb::SBThread t = process_.GetThreadAtIndex(i);
    if (t.IsValid() && !(selected.IsValid() && t.GetThreadID() == selected.GetThreadID()))
      order.push_back(t);
  }
  for (lldb::SBThread& t : order) {
    if (t.GetStopReason() != lldb::eStopReasonSignal || t.GetStopReasonDataCount() < 1) continue;
    int signo = int(t.GetStopReasonDataAtIndex(0));
    if (!pgi::signal_is_fatal(signo)) continue;
    pgi::CrashInfo c;
    c.signal = signo;
    c.signal_name = pgi::signal_name(signo);
    c.tid = int64_t(t.GetThreadID());
    // si_code and si_addr when LLDB has the siginfo (live, and cores with
    // an NT_SIGINFO note); LLDB types siginfo_t itself, no debug info needed.
    lldb::SBValue info = t.GetSiginfo();
    if (info.IsValid()) {
      lldb::SBValue code = info.GetChildMemberWithName("si_code");
      if (code.IsValid()) c.code = int(code.GetValueAsSigned(0));
      lldb::SBValue addr =
          info.GetValueForExpressionPath("._sifields._sigfault.si_addr");
      if (addr.IsValid() && pgi::signal_has_fault_address(signo)) {
        lldb::SBError err;
        uint64_t a = addr.GetValueAsUnsigned(err, 0);
        if (err.Success()) {
          c.fault_address = a;
          c.has_fault_address = true;
        }
      }
    }
    crash_ = c;
    break;
  }
  return crash_;
}

int64_t LldbTarget::pid() {
  lldb::pid_t p = process_.GetProcessID();
  return p == LLDB_INVALID_PROCESS_ID ? 0 : int64_t(p);
}

bool LldbTarget::is_core() {
  const char* plugin = process_.GetPluginName();
  return plugin && std::string_view(plugin).find("core") != std::string_view::npos;
}

std::string LldbTarget::describe() {
  if (!is_core()) return fmt::format("process {}", pid());
  std::string s = "core file";
  lldb::SBFileSpec exe = target_.GetExecutable();
  char path[4096];
  if (exe.IsValid() && exe.GetPath(path, sizeof path) > 0) s += fmt::format(" (from {})", path);
  return s;
}

}  // namespace pglldb
