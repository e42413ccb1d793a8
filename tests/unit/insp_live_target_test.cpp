// LiveProcessTarget against a real pyglass process: attach, read the debug
// table, registers, native stacks, and - most important - that the process
// is left exactly as it was found (running, or stopped if it was stopped).
//
// Needs the release VM (build/release/runtime/pyglass, or $PYGLASS_BIN) and
// ptrace permission; skips otherwise.
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "inspector/live_target.h"
#include "pyglass/debug_abi.h"

namespace pgi {
namespace {

std::string pyglass_binary() {
  if (const char* env = std::getenv("PYGLASS_BIN")) return env;
  // The release VM (also from the sanitizer build's tests: ASan processes
  // make useless cores). Not __FILE__: ccache may make it relative.
  return std::string(PYGLASS_SOURCE_DIR) + "/build/release/runtime/pyglass";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

char proc_state(pid_t pid) {
  std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  size_t close = stat.rfind(')');
  return close == std::string::npos || close + 2 >= stat.size() ? 0 : stat[close + 2];
}

long tracer_pid(pid_t pid) {
  std::istringstream in(read_file("/proc/" + std::to_string(pid) + "/status"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("TracerPid:", 0) == 0) return std::strtol(line.c_str() + 10, nullptr, 10);
  }
  return -1;
}

// Polls until the process's state is one of `states` (at most ~2 s).
bool wait_for_state(pid_t pid, const char* states) {
  for (int i = 0; i < 400; i++) {
    char s = proc_state(pid);
    if (s != 0 && std::strchr(states, s) != nullptr) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

// A pyglass process sleeping inside two Python calls, started in a temp dir.
class SleepingVm {
 public:
  SleepingVm() {
    char tmpl[] = "/tmp/pgi-live-XXXXXX";
    dir_ = mkdtemp(tmpl);
    std::ofstream(dir_ + "/sleeper.py") << "import time\n"
                                           "def inner():\n"
                                           "    time.sleep(60)\n"
                                           "def outer():\n"
                                           "    inner()\n"
                                           "print('ready', flush=True)\n"
                                           "outer()\n";
    int fds[2];
    if (pipe(fds) != 0) return;
    std::string bin = pyglass_binary();
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      if (chdir(dir_.c_str()) != 0) _exit(126);
      execl(bin.c_str(), bin.c_str(), "sleeper.py", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    // Wait for "ready" (the program is then inside time.sleep or about to be).
    std::string out;
    pollfd p{fds[0], POLLIN, 0};
    while (out.find("ready") == std::string::npos && poll(&p, 1, 5000) > 0) {
      char buf[64];
      ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, size_t(n));
    }
    close(fds[0]);
    ready_ = out.find("ready") != std::string::npos;
    // Let it get from print() into the sleep.
    if (ready_) ready_ = wait_for_state(pid_, "S");
  }
  ~SleepingVm() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (std::system(("rm -rf '" + dir_ + "'").c_str()) != 0) ADD_FAILURE() << "cannot remove " << dir_;
  }
  pid_t pid() const { return pid_; }
  bool ready() const { return ready_; }

 private:
  std::string dir_;
  pid_t pid_ = -1;
  bool ready_ = false;
};

class LiveTargetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (access(pyglass_binary().c_str(), X_OK) != 0) {
      GTEST_SKIP() << "no pyglass binary at " << pyglass_binary() << " (set PYGLASS_BIN)";
    }
    vm_ = std::make_unique<SleepingVm>();
    ASSERT_TRUE(vm_->ready()) << "pyglass did not start";
  }
  std::unique_ptr<SleepingVm> vm_;
};

bool has_frame(const std::vector<NativeFrame>& frames, const std::string& needle) {
  for (const NativeFrame& f : frames) {
    if (f.symbol.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string dump(const std::vector<NativeFrame>& frames) {
  std::ostringstream s;
  for (const NativeFrame& f : frames) {
    s << std::hex << "  0x" << f.pc << " sp=0x" << f.sp << " cfa=0x" << f.cfa << " " << f.symbol
      << " (" << f.module << ")\n";
  }
  return s.str();
}

TEST_F(LiveTargetTest, AttachFindsTableAndThreads) {
  pid_t pid = vm_->pid();
  InspectError err{ErrorKind::Other, ""};
  auto t = LiveProcessTarget::attach(pid, true, &err);
  ASSERT_TRUE(t) << err.message;
  EXPECT_EQ(t->pid(), pid);
  EXPECT_EQ(t->describe(), "process " + std::to_string(pid));
  EXPECT_TRUE(t->blocking());
  // While attached the process is ours and stopped.
  EXPECT_EQ(tracer_pid(pid), long(getpid()));
  EXPECT_EQ(proc_state(pid), 't');

  uint64_t table = t->find_symbol(PG_DEBUG_SYMBOL);
  ASSERT_NE(table, 0u);
  char cookie[PG_DEBUG_COOKIE_SIZE];
  ASSERT_TRUE(t->read(table, cookie, sizeof cookie));
  EXPECT_STREQ(cookie, PG_DEBUG_COOKIE);
  // The table records its own address: a check of the load bias.
  PgDebugTable header;
  ASSERT_TRUE(t->read(table, &header, sizeof header));
  EXPECT_EQ(header.table_address, table);
  EXPECT_EQ(t->find_symbol("no_such_symbol_anywhere"), 0u);

  std::vector<ThreadInfo> threads = t->threads();
  ASSERT_FALSE(threads.empty());
  EXPECT_EQ(threads[0].tid, pid);  // main thread first
  EXPECT_EQ(threads[0].comm, "pyglass");
  ASSERT_TRUE(threads[0].regs.has_value());
  EXPECT_NE(threads[0].regs->rip, 0u);
  EXPECT_NE(threads[0].regs->rsp, 0u);

  // The table lies in the first range the scanner would try.
  std::vector<MemoryRange> ranges = t->memory_ranges();
  ASSERT_FALSE(ranges.empty());
  EXPECT_EQ(ranges[0].name, t->executable());
  bool covered = false;
  for (const MemoryRange& r : ranges) covered |= table >= r.start && table < r.end;
  EXPECT_TRUE(covered);

  // Unmapped memory fails; so does a read running off the end of a mapping
  // into a hole, while the part before the hole reads fine.
  uint64_t dummy;
  EXPECT_FALSE(t->read(8, &dummy, sizeof dummy));
  std::vector<ProcMapping> maps = read_proc_maps(pid);
  for (size_t i = 0; i + 1 < maps.size(); i++) {
    if (maps[i].readable && maps[i].end < maps[i + 1].start) {
      uint8_t buf[16];
      EXPECT_TRUE(t->read(maps[i].end - 16, buf, 16));
      EXPECT_FALSE(t->read(maps[i].end - 8, buf, 16));
      break;
    }
  }
  // A large read (several chunks) works.
  std::vector<uint8_t> big(3 << 20);
  uint64_t big_start = 0;
  for (const ProcMapping& m : maps) {
    if (m.readable && m.end - m.start >= big.size() && m.path != "[vvar]") big_start = m.start;
  }
  if (big_start != 0) {
    EXPECT_TRUE(t->read(big_start, big.data(), big.size()));
  }
}

TEST_F(LiveTargetTest, ProcMemFallbackReadsTheSame) {
  pid_t pid = vm_->pid();
  auto t = LiveProcessTarget::attach(pid, false, nullptr);
  ASSERT_TRUE(t);
  uint64_t table = t->find_symbol(PG_DEBUG_SYMBOL);
  ASSERT_NE(table, 0u);
  PgDebugTable via_readv, via_mem;
  ASSERT_TRUE(t->read(table, &via_readv, sizeof via_readv));
  t->use_proc_mem_reads();
  ASSERT_TRUE(t->read(table, &via_mem, sizeof via_mem));
  EXPECT_EQ(std::memcmp(&via_readv, &via_mem, sizeof via_mem), 0);
  uint64_t dummy;
  EXPECT_FALSE(t->read(8, &dummy, sizeof dummy));
}

TEST_F(LiveTargetTest, NativeStackShowsEvalFrameAndMain) {
  auto t = LiveProcessTarget::attach(vm_->pid(), true, nullptr);
  ASSERT_TRUE(t);
  std::vector<NativeFrame> frames = t->native_stack(vm_->pid());
  ASSERT_GE(frames.size(), 4u);
  EXPECT_TRUE(has_frame(frames, "pg::eval_frame")) << dump(frames);
  EXPECT_TRUE(has_frame(frames, "main")) << dump(frames);
  EXPECT_TRUE(has_frame(frames, "sleep")) << dump(frames);  // clock_nanosleep / nanosleep
  // Every frame but the outermost has a stack range; ranges are contiguous.
  for (size_t i = 0; i + 1 < frames.size(); i++) {
    EXPECT_GT(frames[i].cfa, 0u) << i;
    EXPECT_EQ(frames[i].cfa, frames[i + 1].sp) << i;
  }
  for (const NativeFrame& f : frames) {
    if (f.symbol.find("pg::eval_frame") != std::string::npos) {
      EXPECT_EQ(f.module, "pyglass");
    }
  }
  // A thread that is not in the process has no stack.
  EXPECT_TRUE(t->native_stack(1).empty());
}

TEST_F(LiveTargetTest, DetachLeavesProcessRunning) {
  pid_t pid = vm_->pid();
  {
    auto t = LiveProcessTarget::attach(pid, true, nullptr);
    ASSERT_TRUE(t);
    t->native_stack(pid);  // use ptrace a bit before leaving
    ASSERT_EQ(proc_state(pid), 't');
  }
  EXPECT_EQ(tracer_pid(pid), 0);
  EXPECT_TRUE(wait_for_state(pid, "SR")) << "state " << proc_state(pid);
  // Still alive and still ours to attach again.
  auto again = LiveProcessTarget::attach(pid, true, nullptr);
  ASSERT_TRUE(again);
  again->detach();
  EXPECT_EQ(tracer_pid(pid), 0);
  EXPECT_FALSE(again->blocking());
}

TEST_F(LiveTargetTest, StoppedProcessStaysStopped) {
  pid_t pid = vm_->pid();
  ASSERT_EQ(kill(pid, SIGSTOP), 0);
  ASSERT_TRUE(wait_for_state(pid, "T"));
  {
    auto t = LiveProcessTarget::attach(pid, true, nullptr);
    ASSERT_TRUE(t);
    std::vector<ThreadInfo> threads = t->threads();
    ASSERT_FALSE(threads.empty());
    EXPECT_TRUE(threads[0].regs.has_value());
    EXPECT_TRUE(has_frame(t->native_stack(pid), "pg::eval_frame"));
  }
  EXPECT_EQ(tracer_pid(pid), 0);
  // Give a wrongly resumed process time to show it.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(proc_state(pid), 'T');
  kill(pid, SIGCONT);
  EXPECT_TRUE(wait_for_state(pid, "SR"));
}

TEST_F(LiveTargetTest, NoBlockReadsWithoutPtrace) {
  pid_t pid = vm_->pid();
  auto t = LiveProcessTarget::attach(pid, false, nullptr);
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->blocking());
  EXPECT_EQ(tracer_pid(pid), 0);
  EXPECT_EQ(proc_state(pid), 'S');
  uint64_t table = t->find_symbol(PG_DEBUG_SYMBOL);
  ASSERT_NE(table, 0u);
  char cookie[PG_DEBUG_COOKIE_SIZE];
  ASSERT_TRUE(t->read(table, cookie, sizeof cookie));
  EXPECT_STREQ(cookie, PG_DEBUG_COOKIE);
  std::vector<ThreadInfo> threads = t->threads();
  ASSERT_FALSE(threads.empty());
  EXPECT_EQ(threads[0].tid, pid);
  EXPECT_FALSE(threads[0].regs.has_value());
  EXPECT_TRUE(t->native_stack(pid).empty());
}

TEST_F(LiveTargetTest, AlreadyTracedNamesTheTracer) {
  pid_t pid = vm_->pid();
  auto first = LiveProcessTarget::attach(pid, true, nullptr);
  ASSERT_TRUE(first);
  InspectError err{ErrorKind::Other, ""};
  auto second = LiveProcessTarget::attach(pid, true, &err);
  EXPECT_FALSE(second);
  EXPECT_EQ(err.kind, ErrorKind::Permission);
  EXPECT_NE(err.message.find("already traced by process " + std::to_string(getpid())),
            std::string::npos)
      << err.message;
  first.reset();
  EXPECT_EQ(tracer_pid(pid), 0);
}

TEST_F(LiveTargetTest, ProcessUnderGdbIsRefusedNamingGdb) {
  if (std::system("command -v gdb >/dev/null 2>&1") != 0) GTEST_SKIP() << "no gdb";
  pid_t pid = vm_->pid();
  pid_t gdb = fork();
  if (gdb == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 1);
    dup2(null, 2);
    std::string p = std::to_string(pid);
    execlp("gdb", "gdb", "-batch", "-nx", "-p", p.c_str(), "-ex", "shell sleep 0.5",
           static_cast<char*>(nullptr));
    _exit(127);
  }
  long tracer = 0;
  for (int i = 0; i < 600 && tracer <= 0; i++) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    tracer = tracer_pid(pid);
  }
  InspectError err{ErrorKind::Other, ""};
  auto t = LiveProcessTarget::attach(pid, true, &err);
  int status = 0;
  waitpid(gdb, &status, 0);
  ASSERT_GT(tracer, 0) << "gdb did not attach";
  EXPECT_FALSE(t);
  EXPECT_EQ(err.kind, ErrorKind::Permission);
  EXPECT_EQ(err.message, "cannot attach to process " + std::to_string(pid) +
                             ": it is already traced by process " + std::to_string(tracer) +
                             " (gdb); detach that debugger first");
  // gdb has detached: the process is ours to inspect again.
  EXPECT_TRUE(wait_for_state(pid, "SR"));
  EXPECT_TRUE(LiveProcessTarget::attach(pid, true, nullptr));
}

TEST_F(LiveTargetTest, UnprivilegedAttachIsRefusedWithTheFix) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to drop privileges";
  pid_t pid = vm_->pid();
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    if (setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
    InspectError err{ErrorKind::Other, ""};
    auto t = LiveProcessTarget::attach(pid, true, &err);
    InspectError err2{ErrorKind::Other, ""};
    auto t2 = LiveProcessTarget::attach(pid, false, &err2);
    std::string msg = std::to_string(int(err.kind)) + "\n" + err.message + "\n" +
                      std::to_string(int(err2.kind)) + "\n";
    if (::write(fds[1], msg.data(), msg.size()) < 0) _exit(4);
    _exit(t || t2 ? 1 : 0);
  }
  close(fds[1]);
  std::string out;
  char buf[512];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) out.append(buf, size_t(n));
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << out;
  std::istringstream lines(out);
  std::string kind, message, kind2;
  std::getline(lines, kind);
  std::getline(lines, message);
  std::getline(lines, kind2);
  EXPECT_EQ(kind, std::to_string(int(ErrorKind::Permission)));
  EXPECT_EQ(kind2, std::to_string(int(ErrorKind::Permission)));
  EXPECT_EQ(message.rfind("cannot attach to process " + std::to_string(pid) +
                              ": Operation not permitted. Run as root or with CAP_SYS_PTRACE",
                          0),
            0u)
      << message;
  EXPECT_EQ(tracer_pid(pid), 0);
}

// Every thread is stopped while attached and resumed after, including one
// that is busy on a CPU (it can only stop through PTRACE_INTERRUPT).
TEST(LiveTargetThreads, AllThreadsStopAndResume) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    for (int i = 0; i < 2; i++) {
      std::thread([] {
        for (;;) pause();
      }).detach();
    }
    std::thread([] {
      volatile uint64_t x = 0;
      for (;;) x = x + 1;
    }).detach();
    if (::write(fds[1], "r", 1) != 1) _exit(2);
    for (;;) pause();
  }
  close(fds[1]);
  char c;
  ASSERT_EQ(::read(fds[0], &c, 1), 1);
  close(fds[0]);
  auto task_count = [child] {
    std::string cmd = "/proc/" + std::to_string(child) + "/task";
    int n = 0;
    if (DIR* d = opendir(cmd.c_str())) {
      while (dirent* e = readdir(d)) n += e->d_name[0] != '.';
      closedir(d);
    }
    return n;
  };
  for (int i = 0; i < 200 && task_count() < 4; i++) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(task_count(), 4);
  std::vector<pid_t> tids;
  {
    InspectError err{ErrorKind::Other, ""};
    auto t = LiveProcessTarget::attach(child, true, &err);
    ASSERT_TRUE(t) << err.message;
    EXPECT_TRUE(t->warnings().empty());
    std::vector<ThreadInfo> threads = t->threads();
    ASSERT_EQ(threads.size(), 4u);
    EXPECT_EQ(threads[0].tid, child);
    for (const ThreadInfo& th : threads) {
      tids.push_back(pid_t(th.tid));
      EXPECT_TRUE(th.regs.has_value()) << th.tid;
      EXPECT_FALSE(t->native_stack(th.tid).empty()) << th.tid;
      std::string stat = read_file("/proc/" + std::to_string(child) + "/task/" +
                                   std::to_string(th.tid) + "/stat");
      EXPECT_EQ(stat[stat.rfind(')') + 2], 't') << th.tid;
    }
  }
  // The busy thread runs again: its CPU time grows.
  auto utime = [child](pid_t tid) {
    std::string stat = read_file("/proc/" + std::to_string(child) + "/task/" +
                                 std::to_string(tid) + "/stat");
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 0; i < 12; i++) rest >> field;  // state .. utime is the 12th
    return std::strtoull(field.c_str(), nullptr, 10);
  };
  for (pid_t tid : tids) {
    std::string status = read_file("/proc/" + std::to_string(child) + "/task/" +
                                   std::to_string(tid) + "/status");
    EXPECT_NE(status.find("TracerPid:\t0\n"), std::string::npos) << tid;
  }
  pid_t busy = tids.back();
  unsigned long long before = utime(busy);
  bool advanced = false;
  for (int i = 0; i < 100 && !advanced; i++) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    advanced = utime(busy) > before;
  }
  EXPECT_TRUE(advanced);
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
}

TEST(LiveTargetErrors, NoSuchProcess) {
  pid_t gone = fork();
  if (gone == 0) _exit(0);
  waitpid(gone, nullptr, 0);
  InspectError err{ErrorKind::Other, ""};
  EXPECT_FALSE(LiveProcessTarget::attach(gone, true, &err));
  EXPECT_EQ(err.kind, ErrorKind::NoSuchProcess);
  EXPECT_EQ(err.message, "process " + std::to_string(gone) + " not found (it may have exited)");
  EXPECT_FALSE(LiveProcessTarget::attach(gone, false, &err));
  EXPECT_EQ(err.kind, ErrorKind::NoSuchProcess);
}

TEST(LiveTargetErrors, PermissionMessages) {
  EXPECT_EQ(attach_permission_message(1234, EPERM, 1, 0, ""),
            "cannot attach to process 1234: Operation not permitted. Run as root or with "
            "CAP_SYS_PTRACE, or allow ptrace with `sysctl kernel.yama.ptrace_scope=0` "
            "(currently 1)");
  EXPECT_EQ(attach_permission_message(1234, EPERM, -1, 0, ""),
            "cannot attach to process 1234: Operation not permitted. Run as root or with "
            "CAP_SYS_PTRACE, or as the user that owns the process");
  EXPECT_EQ(attach_permission_message(1234, EPERM, 1, 77, "gdb"),
            "cannot attach to process 1234: it is already traced by process 77 (gdb); detach "
            "that debugger first");
  EXPECT_NE(attach_permission_message(1234, EPERM, 3, 0, "").find("until reboot"),
            std::string::npos);
}

TEST(LiveTargetErrors, SelfAndThreadIdsAreRefused) {
  InspectError err{ErrorKind::Other, ""};
  EXPECT_FALSE(LiveProcessTarget::attach(getpid(), true, &err));
  EXPECT_EQ(err.kind, ErrorKind::Other);

  // A thread id is not a process id: say which process it belongs to.
  std::atomic<pid_t> tid{0};
  std::atomic<bool> done{false};
  std::thread th([&] {
    tid = pid_t(gettid());
    while (!done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  while (tid == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  err = InspectError{ErrorKind::Other, ""};
  EXPECT_FALSE(LiveProcessTarget::attach(tid, false, &err));
  done = true;
  th.join();
  EXPECT_EQ(err.kind, ErrorKind::Other);
  EXPECT_NE(err.message.find("is a thread of process " + std::to_string(getpid())),
            std::string::npos)
      << err.message;
}

TEST(ProcMaps, ParsesOwnMappings) {
  std::vector<ProcMapping> maps = read_proc_maps(getpid());
  ASSERT_FALSE(maps.empty());
  bool saw_exec = false, saw_stack = false;
  for (const ProcMapping& m : maps) {
    EXPECT_LT(m.start, m.end);
    saw_exec |= m.executable && !m.path.empty() && m.path[0] == '/';
    saw_stack |= m.path == "[stack]";
  }
  EXPECT_TRUE(saw_exec);
  EXPECT_TRUE(saw_stack);
}

}  // namespace
}  // namespace pgi
