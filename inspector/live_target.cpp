// A live process as a Target: ptrace stop/detach, process_vm_readv, /proc.
// See live_target.h for the blocking / non-blocking contract.
#include "inspector/live_target.h"

#include <dirent.h>
#include <signal.h>
#include <elf.h>
#include <fcntl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace pgi {
namespace {

// How long a thread may take to reach its ptrace-stop after
// PTRACE_INTERRUPT. A thread in uninterruptible sleep (state D) stops only
// when it returns to user space; rather than hang, we give up on it (no
// registers for that thread) and say so in warnings().
constexpr int kStopTimeoutMs = 1000;
// Threads may be created while we stop the others: re-list /proc/PID/task
// until a listing has no new thread, at most this many times.
constexpr int kMaxSeizeRounds = 100;
// Largest single process_vm_readv: bounds the time one syscall holds the
// target's mm lock.
constexpr size_t kReadChunk = 1 << 20;

std::string proc_path(int64_t pid, const char* rest) {
  return "/proc/" + std::to_string(pid) + rest;
}

std::string read_small_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// A field of /proc/PID/status ("TracerPid", "Tgid"), or -1.
int64_t status_field(int64_t pid, const char* field) {
  std::ifstream in(proc_path(pid, "/status"));
  std::string line;
  std::string prefix = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.compare(0, prefix.size(), prefix) == 0) {
      return std::strtoll(line.c_str() + prefix.size(), nullptr, 10);
    }
  }
  return -1;
}

// The state letter of a thread (/proc/PID/task/TID/stat, the field after
// the parenthesised comm, which may itself contain ')'); 0 if gone.
char thread_state(int64_t pid, int64_t tid) {
  std::string stat = read_small_file(proc_path(pid, "/task/") + std::to_string(tid) + "/stat");
  size_t close = stat.rfind(')');
  if (close == std::string::npos || close + 2 >= stat.size()) return 0;
  return stat[close + 2];
}

std::vector<pid_t> list_tasks(int64_t pid) {
  std::vector<pid_t> tids;
  DIR* dir = opendir(proc_path(pid, "/task").c_str());
  if (dir == nullptr) return tids;
  while (dirent* e = readdir(dir)) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    tids.push_back(pid_t(std::strtol(e->d_name, nullptr, 10)));
  }
  closedir(dir);
  // Main thread first, then creation order (tids grow, modulo wrap-around).
  std::sort(tids.begin(), tids.end(), [pid](pid_t a, pid_t b) {
    return (a != pid) < (b != pid) || ((a != pid) == (b != pid) && a < b);
  });
  return tids;
}

int read_ptrace_scope() {
  std::string s = read_small_file("/proc/sys/kernel/yama/ptrace_scope");
  if (s.empty()) return -1;
  return std::atoi(s.c_str());
}

int64_t monotonic_ms() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

Registers to_registers(const user_regs_struct& r) {
  Registers g;
  g.rip = r.rip; g.rsp = r.rsp; g.rbp = r.rbp; g.rbx = r.rbx;
  g.r12 = r.r12; g.r13 = r.r13; g.r14 = r.r14; g.r15 = r.r15;
  g.rax = r.rax; g.rcx = r.rcx; g.rdx = r.rdx; g.rsi = r.rsi; g.rdi = r.rdi;
  g.r8 = r.r8; g.r9 = r.r9; g.r10 = r.r10; g.r11 = r.r11;
  return g;
}

void set_error(InspectError* err, ErrorKind kind, std::string message) {
  if (err != nullptr) *err = InspectError{kind, std::move(message)};
}

std::string not_found_message(int64_t pid) {
  return "process " + std::to_string(pid) + " not found (it may have exited)";
}

}  // namespace

// ---------------------------------------------------------------------------
// /proc helpers and messages

std::vector<ProcMapping> read_proc_maps(int64_t pid) {
  std::vector<ProcMapping> maps;
  std::ifstream in(proc_path(pid, "/maps"));
  std::string line;
  while (std::getline(in, line)) {
    // start-end perms offset dev inode   path
    ProcMapping m;
    char perms[8] = {};
    unsigned long long start = 0, end = 0, offset = 0, inode = 0;
    int path_pos = 0;
    if (std::sscanf(line.c_str(), "%llx-%llx %7s %llx %*s %llu %n", &start, &end, perms, &offset,
                    &inode, &path_pos) < 5) {
      continue;
    }
    m.start = start;
    m.end = end;
    m.offset = offset;
    m.inode = inode;
    m.readable = perms[0] == 'r';
    m.writable = perms[1] == 'w';
    m.executable = perms[2] == 'x';
    if (path_pos > 0 && size_t(path_pos) < line.size()) m.path = line.substr(size_t(path_pos));
    maps.push_back(std::move(m));
  }
  return maps;
}

std::string attach_permission_message(int64_t pid, int errno_value, int ptrace_scope,
                                      int64_t tracer_pid, const std::string& tracer_comm) {
  std::string head = "cannot attach to process " + std::to_string(pid) + ": ";
  if (tracer_pid > 0) {
    std::string who = "process " + std::to_string(tracer_pid);
    if (!tracer_comm.empty()) who += " (" + tracer_comm + ")";
    return head + "it is already traced by " + who + "; detach that debugger first";
  }
  head += std::strerror(errno_value);
  if (ptrace_scope == 3) {
    return head + ". ptrace is disabled until reboot (kernel.yama.ptrace_scope=3)";
  }
  std::string fix = ". Run as root or with CAP_SYS_PTRACE";
  if (ptrace_scope > 0) {
    fix += ", or allow ptrace with `sysctl kernel.yama.ptrace_scope=0` (currently " +
           std::to_string(ptrace_scope) + ")";
  } else {
    fix += ", or as the user that owns the process";
  }
  return head + fix;
}

// ---------------------------------------------------------------------------
// Attaching and detaching

std::unique_ptr<LiveProcessTarget> LiveProcessTarget::attach(int64_t pid, bool block,
                                                             InspectError* err) {
  struct stat st;
  if (pid <= 0 || stat(proc_path(pid, "").c_str(), &st) != 0) {
    set_error(err, ErrorKind::NoSuchProcess, not_found_message(pid));
    return nullptr;
  }
  int64_t tgid = status_field(pid, "Tgid");
  if (tgid > 0 && tgid != pid) {
    set_error(err, ErrorKind::Other,
              std::to_string(pid) + " is a thread of process " + std::to_string(tgid) +
                  "; give the process id");
    return nullptr;
  }
  char state = thread_state(pid, pid);
  if (state == 'Z' || state == 'X') {
    set_error(err, ErrorKind::NoSuchProcess,
              "process " + std::to_string(pid) + " has exited (it is a zombie)");
    return nullptr;
  }
  if (pid == getpid()) {
    set_error(err, ErrorKind::Other, "cannot inspect the inspector's own process");
    return nullptr;
  }

  std::unique_ptr<LiveProcessTarget> t(new LiveProcessTarget(pid));
  char exe[4096];
  ssize_t n = readlink(proc_path(pid, "/exe").c_str(), exe, sizeof exe - 1);
  if (n > 0) t->exe_path_.assign(exe, size_t(n));

  if (block) {
    t->blocking_ = true;
    if (!t->seize_all(err)) return nullptr;  // the destructor detaches what was seized
    return t;
  }
  // Non-blocking: check now that memory can be read, so that a permission
  // problem is one clear error rather than "not a pyglass process". The
  // maps file has the same access check as the memory (a live process
  // always has mappings, so an empty list means we may not look).
  bool readable = false;
  std::vector<ProcMapping> maps = read_proc_maps(pid);
  for (const ProcMapping& m : maps) {
    if (!m.readable || m.path.empty() || m.path[0] != '/') continue;
    char byte;
    readable = t->read(m.start, &byte, 1);
    break;
  }
  if (!readable) {
    if (kill(pid_t(pid), 0) != 0 && errno == ESRCH) {
      set_error(err, ErrorKind::NoSuchProcess, not_found_message(pid));
    } else {
      set_error(err, ErrorKind::Permission,
                attach_permission_message(pid, EPERM, read_ptrace_scope(), 0, ""));
    }
    return nullptr;
  }
  return t;
}

bool LiveProcessTarget::seize_all(InspectError* err) {
  int64_t tracer = status_field(pid_, "TracerPid");
  if (tracer > 0) {
    std::string comm = trim_newline(read_small_file(proc_path(tracer, "/comm")));
    set_error(err, ErrorKind::Permission, attach_permission_message(pid_, EPERM, -1, tracer, comm));
    return false;
  }
  // Each round seizes and interrupts the threads not seen before, then waits
  // until they are all stopped. A stopped thread creates no threads, so a
  // listing without new tids means the snapshot is complete.
  std::set<pid_t> known;
  for (int round = 0; round < kMaxSeizeRounds; round++) {
    size_t first_new = seized_.size();
    bool found_new = false;
    for (pid_t tid : list_tasks(pid_)) {
      if (!known.insert(tid).second) continue;
      found_new = true;
      char state = thread_state(pid_, tid);
      if (state == 0 || state == 'Z' || state == 'X') continue;  // exiting
      if (ptrace(PTRACE_SEIZE, tid, nullptr, nullptr) != 0) {
        int e = errno;
        if (tid == pid_ && seized_.empty()) {
          if (e == ESRCH) {
            set_error(err, ErrorKind::NoSuchProcess, not_found_message(pid_));
          } else if (e == EPERM) {
            int64_t now_tracer = status_field(pid_, "TracerPid");
            std::string comm =
                now_tracer > 0 ? trim_newline(read_small_file(proc_path(now_tracer, "/comm"))) : "";
            set_error(err, ErrorKind::Permission,
                      attach_permission_message(pid_, e, read_ptrace_scope(), now_tracer, comm));
          } else {
            set_error(err, ErrorKind::Other,
                      "cannot attach to process " + std::to_string(pid_) + ": " + std::strerror(e));
          }
          return false;
        }
        // A thread that exits while we attach is not an error.
        if (e != ESRCH) {
          warnings_.push_back("cannot attach to thread " + std::to_string(tid) + ": " +
                              std::strerror(e));
        }
        continue;
      }
      Seized t;
      t.tid = tid;
      // A thread in group-stop (SIGSTOP, ^Z) was moved into a ptrace-stop
      // by the seize itself and reports it; only the others need the
      // interrupt.
      t.was_stopped = state == 'T' || state == 't';
      if (!t.was_stopped && ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0) t.gone = true;
      seized_.push_back(t);
    }
    wait_for_stops(first_new);
    if (!found_new) return true;
  }
  warnings_.push_back("threads kept appearing while attaching; the thread list may be incomplete");
  return true;
}

bool LiveProcessTarget::poll_stop(Seized& t) {
  int status = 0;
  pid_t r;
  do {
    r = waitpid(t.tid, &status, __WALL | WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r < 0 || (r == t.tid && (WIFEXITED(status) || WIFSIGNALED(status)))) {
    t.gone = true;  // exited: nothing to detach
    return false;
  }
  if (r != t.tid || !WIFSTOPPED(status)) return false;
  if ((status >> 16) != PTRACE_EVENT_STOP && t.pending_signal == 0) {
    // A signal-delivery-stop: the thread was about to receive WSTOPSIG. It
    // is stopped now, which is all we need; the signal is handed back at
    // detach (and our pending interrupt is then dropped by the kernel).
    t.pending_signal = WSTOPSIG(status);
  }
  t.stopped = true;
  return true;
}

void LiveProcessTarget::wait_for_stops(size_t from) {
  int64_t deadline = monotonic_ms() + kStopTimeoutMs;
  useconds_t nap = 20;
  while (true) {
    bool pending = false;
    for (size_t i = from; i < seized_.size(); i++) {
      Seized& t = seized_[i];
      if (!t.stopped && !t.gone && !poll_stop(t)) pending |= !t.gone;
    }
    if (!pending) return;
    if (monotonic_ms() >= deadline) break;
    usleep(nap);
    nap = std::min<useconds_t>(nap * 2, 5000);
  }
  for (size_t i = from; i < seized_.size(); i++) {
    const Seized& t = seized_[i];
    if (t.stopped || t.gone) continue;
    char state = thread_state(pid_, t.tid);
    warnings_.push_back("thread " + std::to_string(t.tid) + " did not stop within " +
                        std::to_string(kStopTimeoutMs) + " ms (state " +
                        std::string(1, state ? state : '?') +
                        "); its registers and native stack are unavailable");
  }
}

void LiveProcessTarget::detach() {
  unwinder_.reset();
  for (Seized& t : seized_) {
    // Our interrupt may still be pending on a thread that would not stop:
    // let it land (briefly), since PTRACE_DETACH needs a stopped tracee. If
    // it never lands, the kernel detaches the thread when this process exits.
    for (int i = 0; i < 20 && !t.stopped && !t.gone && !poll_stop(t); i++) usleep(1000);
    if (t.gone) continue;
    // Detaching resumes a thread we stopped; a thread that was in group-stop
    // goes back into it (the kernel re-instates the stop while the group
    // is stopped). pending_signal hands back a signal we intercepted.
    ptrace(PTRACE_DETACH, t.tid, nullptr, reinterpret_cast<void*>(intptr_t(t.pending_signal)));
  }
  seized_.clear();
  blocking_ = false;
}

LiveProcessTarget::~LiveProcessTarget() {
  detach();
  if (mem_fd_ >= 0) close(mem_fd_);
}

const LiveProcessTarget::Seized* LiveProcessTarget::seized(int64_t tid) const {
  for (const Seized& s : seized_) {
    if (s.tid == tid) return &s;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Memory

bool LiveProcessTarget::read(uint64_t addr, void* buf, size_t len) {
  if (len == 0) return true;
  if (addr + len < addr) return false;
  if (!vm_readv_works_) return read_via_proc_mem(addr, buf, len);
  auto* out = static_cast<uint8_t*>(buf);
  size_t done = 0;
  while (done < len) {
    size_t chunk = std::min(len - done, kReadChunk);
    iovec local{out + done, chunk};
    iovec remote{reinterpret_cast<void*>(addr + done), chunk};
    ssize_t n = process_vm_readv(pid_t(pid_), &local, 1, &remote, 1, 0);
    if (n < 0) {
      if (errno == EPERM || errno == ENOSYS) {
        // Seccomp or a kernel without the syscall: /proc/PID/mem does the
        // same with the same permission check as ptrace.
        vm_readv_works_ = false;
        return read_via_proc_mem(addr + done, out + done, len - done);
      }
      return false;  // EFAULT (unmapped), ESRCH (gone)
    }
    if (size_t(n) != chunk) return false;  // a later page is unmapped
    done += chunk;
  }
  return true;
}

bool LiveProcessTarget::read_via_proc_mem(uint64_t addr, void* buf, size_t len) {
  if (mem_fd_ < 0) {
    mem_fd_ = open(proc_path(pid_, "/mem").c_str(), O_RDONLY | O_CLOEXEC);
    if (mem_fd_ < 0) return false;
  }
  auto* out = static_cast<uint8_t*>(buf);
  size_t done = 0;
  while (done < len) {
    ssize_t n = pread64(mem_fd_, out + done, len - done, off64_t(addr + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += size_t(n);
  }
  return true;
}

// ---------------------------------------------------------------------------
// Symbols and mappings

void LiveProcessTarget::load_executable() {
  if (exe_loaded_) return;
  exe_loaded_ = true;
  // Opening /proc/PID/exe rather than the path works when the file was
  // replaced or deleted since the process started, and across mount
  // namespaces.
  std::string open_path = proc_path(pid_, "/exe");
  exe_ = ElfFile::open(open_path);
  if (!exe_) {
    if (!exe_path_.empty()) warnings_.push_back("cannot read the executable " + exe_path_);
    return;
  }
  struct stat st;
  uint64_t exe_inode = stat(open_path.c_str(), &st) == 0 ? st.st_ino : 0;
  std::string deleted = exe_path_ + " (deleted)";
  const ProcMapping* first = nullptr;
  std::vector<ProcMapping> maps = read_proc_maps(pid_);
  for (const ProcMapping& m : maps) {
    bool same_file = (!exe_path_.empty() && (m.path == exe_path_ || m.path == deleted)) ||
                     (exe_inode != 0 && m.inode == exe_inode && !m.path.empty());
    if (same_file && (first == nullptr || m.start < first->start)) first = &m;
  }
  if (first != nullptr) exe_bias_ = exe_->bias_for_mapping(first->start, first->offset);
  if (!exe_bias_) {
    // No mapping of the file found (odd names): the kernel's AT_ENTRY is
    // the entry point's run-time address, e_entry its link-time one.
    std::string auxv = read_small_file(proc_path(pid_, "/auxv"));
    for (size_t i = 0; i + 16 <= auxv.size(); i += 16) {
      uint64_t type, value;
      std::memcpy(&type, auxv.data() + i, 8);
      std::memcpy(&value, auxv.data() + i + 8, 8);
      if (type == AT_ENTRY) exe_bias_ = value - exe_->entry();
      if (type == AT_NULL) break;
    }
  }
}

uint64_t LiveProcessTarget::find_symbol(const std::string& name) {
  load_executable();
  if (!exe_ || !exe_bias_) return 0;
  std::optional<uint64_t> a = exe_->symbol_address(name);
  return a ? *a + *exe_bias_ : 0;
}

std::vector<MemoryRange> LiveProcessTarget::memory_ranges() {
  std::vector<ProcMapping> maps = read_proc_maps(pid_);
  std::string deleted = exe_path_ + " (deleted)";
  auto is_exe = [&](const ProcMapping& m) {
    return !exe_path_.empty() && (m.path == exe_path_ || m.path == deleted);
  };
  std::vector<MemoryRange> out;
  // The table lives in the executable's writable data; then the other
  // executable mappings; then anonymous writable memory (a build that
  // allocates it).
  for (int pass = 0; pass < 3; pass++) {
    for (const ProcMapping& m : maps) {
      if (!m.readable) continue;
      bool take = pass == 0   ? is_exe(m) && m.writable
                  : pass == 1 ? is_exe(m) && !m.writable
                              : m.writable && (m.path.empty() || m.path == "[heap]");
      if (take) out.push_back({m.start, m.end, m.path});
    }
  }
  return out;
}

const ModuleMap& LiveProcessTarget::modules() {
  if (!modules_) {
    std::vector<FileMapping> files;
    for (const ProcMapping& m : read_proc_maps(pid_)) {
      if (m.path.empty() || m.path[0] != '/') continue;
      FileMapping f{m.start, m.end, m.offset, m.path, ""};
      const char* suffix = " (deleted)";
      if (m.path.size() > std::strlen(suffix) &&
          m.path.compare(m.path.size() - std::strlen(suffix), std::string::npos, suffix) == 0) {
        // The file is gone from the file system; the kernel still has it.
        char range[64];
        std::snprintf(range, sizeof range, "/map_files/%llx-%llx",
                      static_cast<unsigned long long>(m.start), static_cast<unsigned long long>(m.end));
        f.open_path = proc_path(pid_, range);
      } else {
        f.open_path = proc_path(pid_, "/root") + m.path;
      }
      files.push_back(std::move(f));
    }
    modules_.emplace(std::move(files));
  }
  return *modules_;
}

// ---------------------------------------------------------------------------
// Threads

std::vector<ThreadInfo> LiveProcessTarget::threads() {
  std::vector<ThreadInfo> out;
  std::vector<pid_t> tids;
  if (blocking_) {
    for (const Seized& s : seized_) tids.push_back(s.tid);
  } else {
    tids = list_tasks(pid_);
  }
  for (pid_t tid : tids) {
    ThreadInfo info;
    info.tid = tid;
    info.comm =
        trim_newline(read_small_file(proc_path(pid_, "/task/") + std::to_string(tid) + "/comm"));
    const Seized* s = seized(tid);
    if (s != nullptr && s->stopped) {
      user_regs_struct regs;
      if (ptrace(PTRACE_GETREGS, tid, nullptr, &regs) == 0) info.regs = to_registers(regs);
    }
    out.push_back(std::move(info));
  }
  return out;
}

std::vector<NativeFrame> LiveProcessTarget::native_stack(int64_t tid) {
  const Seized* s = seized(tid);
  if (!blocking_ || s == nullptr || !s->stopped) return {};
  if (!unwinder_) unwinder_ = std::make_unique<PtraceUnwinder>();
  return unwinder_->unwind(tid, modules());
}

std::string LiveProcessTarget::describe() { return "process " + std::to_string(pid_); }

}  // namespace pgi
