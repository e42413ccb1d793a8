// A Target over a synthetic in-memory image, and a builder that lays out
// pyglass structures in it by the debug table's offsets. Used by the unit
// tests (tests/unit/insp_*.cpp) to check the walker, renderer and formatter
// against exact expectations, against corrupt images, and against a layout
// whose every struct is padded and reordered (Layout::Padded): the builder
// writes through the table's offsets only, so a walker that hard-coded any
// offset would fail on one of the two layouts.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "inspector/target.h"
#include "pyglass/debug_abi.h"

namespace pgi {

// Memory = a set of non-overlapping byte regions at chosen addresses; every
// other address is unmapped. Reads may span adjacent regions.
class MemoryImage : public Target {
 public:
  // Maps `size` zero bytes at `addr`; a region starting there is replaced.
  void map(uint64_t addr, size_t size, std::string name = "");
  // Grows or shrinks the region starting at `addr` (new bytes are zero).
  void resize(uint64_t addr, size_t size);
  void unmap(uint64_t addr);
  // Writes into mapped memory; false (and nothing written) if any byte is unmapped.
  bool write(uint64_t addr, const void* data, size_t len);
  template <class T>
  bool put(uint64_t addr, const T& value) {
    return write(addr, &value, sizeof value);
  }

  void add_symbol(const std::string& name, uint64_t addr) { symbols_[name] = addr; }
  void add_thread(ThreadInfo t) { threads_.push_back(std::move(t)); }
  void set_native_stack(int64_t tid, std::vector<NativeFrame> frames) {
    stacks_[tid] = std::move(frames);
  }
  void set_crash(CrashInfo c) { crash_ = c; }
  void set_pid(int64_t pid) { pid_ = pid; }
  void set_description(std::string d) { description_ = std::move(d); }
  uint64_t reads() const { return reads_; }

  bool read(uint64_t addr, void* buf, size_t len) override;
  uint64_t find_symbol(const std::string& name) override;
  std::vector<MemoryRange> memory_ranges() override;
  std::vector<ThreadInfo> threads() override { return threads_; }
  std::vector<NativeFrame> native_stack(int64_t tid) override;
  std::optional<CrashInfo> crash_info() override { return crash_; }
  int64_t pid() override { return pid_; }
  std::string describe() override { return description_; }

 private:
  struct Region {
    std::vector<uint8_t> bytes;
    std::string name;
  };
  // The region containing addr, or nullptr.
  std::pair<uint64_t, Region*> find(uint64_t addr);

  std::map<uint64_t, Region> regions_;
  std::unordered_map<std::string, uint64_t> symbols_;
  std::vector<ThreadInfo> threads_;
  std::unordered_map<int64_t, std::vector<NativeFrame>> stacks_;
  std::optional<CrashInfo> crash_;
  int64_t pid_ = 123;
  std::string description_ = "process 123";
  uint64_t reads_ = 0;
};

enum class Layout {
  Standard,  // the offsets of a normal x86-64 pyglass build
  Padded,    // every struct reordered, with 8 bytes of padding before each field
};

// Lays out pyglass structures in a MemoryImage by the table's offsets.
// Objects go to a heap region (kHeap...), the table and the runtime root to
// their own regions. Call finish() once everything is built: it writes the
// table (and exports the symbol); tests may edit table() before and the
// image after.
class ImageBuilder {
 public:
  static constexpr uint64_t kHeap = 0x10000000;
  static constexpr uint64_t kTableAddr = 0x555555558000;
  static constexpr uint64_t kRuntimeAddr = 0x555555560000;
  static constexpr uint64_t kStack = 0x7ffff0000000;  // a "C stack" for shims
  static constexpr size_t kStackSize = 1 << 20;

  explicit ImageBuilder(Layout layout = Layout::Standard);

  MemoryImage& image() { return image_; }
  PgDebugTable& table() { return table_; }
  const PgDebugTypes& types() const { return table_.types; }

  // Zeroed, 16-aligned heap memory.
  uint64_t alloc(size_t size);
  // A zeroed object of `size` bytes whose type pointer is `type`.
  uint64_t object(uint64_t type, uint32_t size);
  template <class T>
  void set(uint64_t base, pg_offset_t off, const T& v) {
    if (off != PG_FIELD_ABSENT) image_.put(base + off, v);
  }

  // --- values ---
  uint64_t small_int(int64_t v) const { return (uint64_t(v) << 1) | 1; }
  uint64_t none() const { return table_.types.none_object; }
  uint64_t true_() const { return table_.types.true_object; }
  uint64_t false_() const { return table_.types.false_object; }
  uint64_t str(std::string_view text);
  uint64_t float_(double v);
  uint64_t bigint(const std::vector<uint64_t>& limbs, bool negative);
  uint64_t tuple(const std::vector<uint64_t>& items);
  uint64_t list(const std::vector<uint64_t>& items);
  uint64_t dict(const std::vector<std::pair<uint64_t, uint64_t>>& items);
  // A type object (type_type instance) named `name`.
  uint64_t type(const std::string& name, uint64_t base = 0);
  uint64_t exception(uint64_t type, const std::vector<uint64_t>& args);
  uint64_t function(uint64_t code, const std::string& qualname);
  uint64_t module(const std::string& name, uint64_t dict);

  // --- code, frames, threads ---
  struct CodeSpec {
    std::string name, qualname, filename;
    int firstlineno = 1;
    std::vector<int> lines;            // the line of each instruction
    std::vector<std::string> locals;   // localsplus names
    std::vector<uint8_t> kinds;        // PG_LOCAL_* per local (default plain)
  };
  uint64_t code(const CodeSpec& spec);
  // The line-table encoding of docs/frame-layout.md for `lines`.
  static std::vector<uint8_t> encode_lines(int firstlineno, const std::vector<int>& lines);
  // A frame running `code` at instruction `instr_index`, linked to `previous`.
  uint64_t frame(uint64_t code, uint64_t previous, int instr_index,
                 const std::vector<uint64_t>& localsplus = {}, uint64_t globals = 0,
                 uint64_t locals = 0);
  // A shim entry frame (owner C stack, code null) at `at` (0: next free
  // address of the fake C stack region).
  uint64_t shim(uint64_t previous, uint64_t at = 0);
  // A thread state, appended to the runtime's thread list at finish().
  uint64_t thread(int64_t tid, const std::string& name, uint64_t current_frame,
                  uint64_t exception = 0, uint32_t run_state = PG_THREAD_RUNNING);
  // Marks a thread state blocked (PG_THREAD_LOCK_WAIT) on `lock`.
  void thread_wait(uint64_t thread_state, uint64_t lock, uint32_t kind = PG_WAIT_LOCK);
  // A lock object held by the thread `owner_tid` (0: free).
  uint64_t lock(int64_t owner_tid);
  void set_modules(uint64_t dict) { modules_ = dict; }
  void set_eval_range(uint64_t start, uint64_t end) {
    table_.eval_start = start;
    table_.eval_end = end;
  }

  // Writes the runtime root (linking the threads) and the table; exports
  // the symbol unless `export_symbol` is false (then only the cookie scan
  // finds it).
  void finish(bool export_symbol = true);

 private:
  MemoryImage image_;
  PgDebugTable table_{};
  uint64_t heap_top_ = kHeap;
  size_t heap_size_ = 0;
  uint64_t stack_top_ = kStack;
  std::vector<uint64_t> threads_;
  uint64_t modules_ = 0;
};

}  // namespace pgi
