// Typed, bounded reads of the target's structs, driven by the debug
// table's offsets. The walker and the renderer never compute an address
// from their own idea of a layout: they read a struct as a Block of the
// size the table gives, then take fields at the offsets the table gives.
//
// Nothing read here is trusted: a Block is bounds-checked on every field
// access, counts are capped by the caller, and a failed read is a value
// (ok() == false / nullopt), never an exception.
//
// A small page cache sits between the inspector and the Target: frames are
// packed in 16 KiB data-stack chunks and code objects are shared by many
// frames, so most reads of a walk hit a page read before.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "inspector/debug_table.h"
#include "inspector/target.h"

namespace pgi {

// The bytes of one remote struct, read in one go.
//   ok()      : false when the read failed (then every field reads as its
//               fallback).
//   address() : where it was read from; valid always.
class Block {
 public:
  Block() = default;
  Block(uint64_t address, std::vector<uint8_t> bytes)
      : address_(address), bytes_(std::move(bytes)), ok_(true) {}

  bool ok() const { return ok_; }
  uint64_t address() const { return address_; }
  size_t size() const { return bytes_.size(); }
  const uint8_t* data() const { return bytes_.data(); }

  // True when the field [off, off + n) is present and inside the block.
  bool has(pg_offset_t off, size_t n) const {
    return ok_ && off != PG_FIELD_ABSENT && uint64_t(off) + n <= bytes_.size();
  }
  // The field at `off`, or `fallback` when absent or outside the block.
  template <class T>
  T get(pg_offset_t off, T fallback = T{}) const {
    if (!has(off, sizeof(T))) return fallback;
    T v;
    std::memcpy(&v, bytes_.data() + off, sizeof(T));
    return v;
  }
  uint64_t ptr(pg_offset_t off) const { return get<uint64_t>(off); }

 private:
  uint64_t address_ = 0;
  std::vector<uint8_t> bytes_;
  bool ok_ = false;
};

// A str object's text.
//   ok        : the object was readable (and is a str, when the table names
//               the str type).
//   text      : UTF-8 bytes as stored, at most the cap given to Remote::str().
//   truncated : the str is longer than `text`.
struct RemoteStr {
  bool ok = false;
  std::string text;
  bool truncated = false;
};

// One live entry of a dict (deleted entries are skipped).
struct DictItem {
  uint64_t key = 0;
  uint64_t value = 0;
};

class Remote {
 public:
  static constexpr size_t kStrCap = 4096;  // bytes kept of one str (names, reprs)

  Remote(Target& target, const DebugTable& table);

  Target& target() { return target_; }
  const DebugTable& debug_table() const { return table_; }
  const PgDebugTable& t() const { return table_.t; }

  // Reads through the page cache; exactly the Target::read contract.
  bool read(uint64_t addr, void* buf, size_t len);
  // One struct of `size` bytes at `addr`; not ok() for a null, misaligned
  // (not 8-aligned) or unreadable address, or a zero size.
  Block block(uint64_t addr, uint32_t size);
  std::optional<uint64_t> u64(uint64_t addr);
  // A NUL-terminated C string of at most `cap` bytes (without the NUL);
  // nullopt when unreadable; `truncated` set when no NUL within the cap.
  std::optional<std::string> cstring(uint64_t addr, size_t cap, bool* truncated = nullptr);

  // --- values (see PgDebugTagging) ---
  bool is_small_int(uint64_t bits) const {
    return (bits & t().tagging.small_int_mask) == t().tagging.small_int_tag;
  }
  int64_t small_int(uint64_t bits) const {
    return int64_t(bits) >> t().tagging.small_int_shift;
  }
  // A plausible object pointer: non-null, 8-aligned, in the user half.
  static bool plausible(uint64_t addr) { return addr != 0 && addr % 8 == 0 && addr < (1ull << 56); }
  // The object's type pointer, 0 when unreadable.
  uint64_t type_of(uint64_t obj);
  // True when `obj` is readable and its type is `type`. When the table does
  // not export that type (0), any readable object passes.
  bool has_type(uint64_t obj, uint64_t type);
  // Type.name of a type object (cached); nullopt when unreadable.
  std::optional<std::string> type_name(uint64_t type);
  // True when `type` is `base` or derives from it (Type.base chain, capped).
  bool is_subtype(uint64_t type, uint64_t base);

  // --- core objects ---
  // A str's text, cached by address (at most kStrCap bytes kept).
  const RemoteStr& str(uint64_t addr);
  // str(addr).text, or `fallback` when unreadable (with "..." if truncated).
  std::string str_or(uint64_t addr, std::string_view fallback = "???");
  // Items of a tuple (at most `max`); nullopt when unreadable or not a tuple.
  std::optional<std::vector<uint64_t>> tuple_items(uint64_t tuple, size_t max,
                                                   bool* truncated = nullptr);
  // Live entries of a dict in insertion order (at most `max`); nullopt when
  // unreadable or not a dict.
  std::optional<std::vector<DictItem>> dict_items(uint64_t dict, size_t max,
                                                  bool* truncated = nullptr);
  // The value stored under the str key `key`, 0 when absent, nullopt when
  // the dict is unreadable.
  std::optional<uint64_t> dict_lookup_str(uint64_t dict, std::string_view key);

  // Statistics (for tests): reads that reached the Target.
  uint64_t target_reads() const { return target_reads_; }

 private:
  static constexpr uint64_t kPage = 4096;
  static constexpr size_t kMaxPages = 2048;  // 8 MiB of cache, then start over
  static constexpr size_t kMaxCachedRead = 4 * kPage;
  static constexpr size_t kMaxStrs = 1 << 16;

  struct Page {
    bool ok = false;
    uint8_t bytes[kPage];
  };
  const Page& page(uint64_t page_addr);
  bool direct_read(uint64_t addr, void* buf, size_t len);

  Target& target_;
  DebugTable table_;
  std::unordered_map<uint64_t, std::unique_ptr<Page>> pages_;
  std::unordered_map<uint64_t, RemoteStr> strs_;
  std::unordered_map<uint64_t, std::optional<std::string>> type_names_;
  uint64_t target_reads_ = 0;
};

}  // namespace pgi
