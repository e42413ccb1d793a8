// Crash reports from a signal handler (see fault_report.h for the rules).
#include "vm/fault_report.h"

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <link.h>
#include <unistd.h>

#define UNW_LOCAL_ONLY
#include <libunwind.h>

#include "objects/layouts.h"
#include "vm/frame.h"

namespace pg {

namespace {

void write_bytes(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return;
    }
    p += w;
    n -= size_t(w);
  }
}

void write_decimal(int fd, uint64_t v) {
  char buf[24];
  int i = sizeof buf;
  do {
    buf[--i] = char('0' + v % 10);
    v /= 10;
  } while (v && i > 0);
  write_bytes(fd, buf + i, sizeof buf - size_t(i));
}

// "0x" then `width` hex digits at least (zero padded).
void write_hex(int fd, uint64_t v, int width) {
  static const char kDigits[] = "0123456789abcdef";
  char buf[20];
  int i = sizeof buf;
  do {
    buf[--i] = kDigits[v & 0xF];
    v >>= 4;
    --width;
  } while ((v || width > 0) && i > 2);
  buf[--i] = 'x';
  buf[--i] = '0';
  write_bytes(fd, buf + i, sizeof buf - size_t(i));
}

// A str's text, or "???" when the object does not look like one (a crash
// may leave anything in a frame).
void write_str(int fd, const Str* s) {
  if (!s || s->type != &StrType || s->nbytes < 0 || s->nbytes > 4096) {
    fault_write(fd, "???");
    return;
  }
  write_bytes(fd, s->data, size_t(s->nbytes));
}

void dump_frames(int fd, Frame* frame) {
  int written = 0;
  // Bounded: a corrupt chain must not keep the handler looping.
  for (int steps = 0; frame && steps < 1000000; frame = frame->previous, ++steps) {
    if (frame->owner == kOwnedByCStack || !frame->code) continue;
    if (written == kFaultMaxFrames) {
      fault_write(fd, "  ...\n");
      return;
    }
    Code* code = frame->code;
    fault_write(fd, "  File \"");
    write_str(fd, code->filename);
    fault_write(fd, "\", line ");
    write_decimal(fd, uint64_t(frame->current_line()));
    fault_write(fd, " in ");
    write_str(fd, code->name);
    fault_write(fd, "\n");
    ++written;
  }
  if (written == 0) fault_write(fd, "  <no Python frame>\n");
}

void dump_thread(int fd, ThreadState* ts, bool is_current) {
  fault_write(fd, is_current ? "Current thread " : "Thread ");
  write_hex(fd, ts->ident, 16);
  fault_write(fd, " (most recent call first):\n");
  dump_frames(fd, ts->current_frame);
}

// dladdr is not async-signal-safe; walking the loaded objects' headers is
// (dl_iterate_phdr takes the loader lock, which a crash inside the loader
// could hold: accepted, as glibc's own backtrace_symbols_fd accepts it).
struct ObjectLookup {
  uintptr_t pc;
  const char* path;
};

int find_object(struct dl_phdr_info* info, size_t, void* data) {
  auto* lookup = static_cast<ObjectLookup*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD) continue;
    uintptr_t start = info->dlpi_addr + ph.p_vaddr;
    if (lookup->pc >= start && lookup->pc < start + ph.p_memsz) {
      lookup->path = info->dlpi_name;
      return 1;
    }
  }
  return 0;
}

char g_executable_path[512];

const char* executable_path() {
  if (!g_executable_path[0]) {
    ssize_t n = readlink("/proc/self/exe", g_executable_path, sizeof g_executable_path - 1);
    if (n <= 0) return "?";
    g_executable_path[n] = '\0';
  }
  return g_executable_path;
}

}  // namespace

void fault_write(int fd, const char* text) { write_bytes(fd, text, strlen(text)); }

void fault_dump_python_stacks(int fd, ThreadState* current, bool all_threads) {
  if (!all_threads) {
    fault_write(fd, "Stack (most recent call first):\n");
    if (current) dump_frames(fd, current->current_frame);
    else fault_write(fd, "  <no Python frame>\n");
    return;
  }
  // CPython lists the newest thread first; the runtime's list is oldest
  // first, so collect (bounded, on the stack: no allocation) and go back.
  ThreadState* live[kFaultMaxThreads];
  int count = 0;
  bool truncated = false;
  for (ThreadState* ts = g_runtime.threads; ts; ts = ts->next) {
    if (ts->run_state == kThreadDead || ts->run_state == kThreadStarting) continue;
    if (count == kFaultMaxThreads) {
      truncated = true;
      break;
    }
    live[count++] = ts;
  }
  for (int i = count - 1; i >= 0; --i) {
    dump_thread(fd, live[i], live[i] == current);
    if (i) fault_write(fd, "\n");
  }
  if (truncated) fault_write(fd, "...\n");
}

void fault_dump_native_stack(int fd) {
  fault_write(fd, "Current thread's C stack trace (most recent call first):\n");
  unw_context_t context;
  unw_cursor_t cursor;
  if (unw_getcontext(&context) != 0 || unw_init_local(&cursor, &context) != 0) {
    fault_write(fd, "  <cannot get C stack on this system>\n");
    return;
  }
  for (int depth = 0; depth < 256; ++depth) {
    unw_word_t pc = 0;
    unw_get_reg(&cursor, UNW_REG_IP, &pc);
    if (pc == 0) break;
    ObjectLookup lookup{uintptr_t(pc), nullptr};
    dl_iterate_phdr(find_object, &lookup);
    const char* path = lookup.path && lookup.path[0] ? lookup.path : executable_path();
    fault_write(fd, "  Binary file \"");
    fault_write(fd, path);
    fault_write(fd, "\"");
    char name[256];
    unw_word_t offset = 0;
    if (unw_get_proc_name(&cursor, name, sizeof name, &offset) == 0) {
      fault_write(fd, ", at ");
      fault_write(fd, name);
      fault_write(fd, "+");
      write_hex(fd, offset, 0);
    }
    fault_write(fd, " [");
    write_hex(fd, pc, 0);
    fault_write(fd, "]\n");
    if (unw_step(&cursor) <= 0) break;
  }
}

}  // namespace pg
