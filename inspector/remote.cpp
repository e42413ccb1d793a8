// Typed, bounded remote reads: see remote.h.
#include "inspector/remote.h"

#include <algorithm>

namespace pgi {

namespace {
constexpr size_t kMaxTupleItems = 1 << 20;  // sanity cap on a tuple's claimed size
constexpr size_t kMaxDictEntries = 1 << 20;  // sanity cap on a dict's claimed `used`
constexpr int kMaxTypeDepth = 64;           // Type.base chain length we follow
constexpr size_t kTypeNameCap = 256;
}  // namespace

Remote::Remote(Target& target, const DebugTable& table) : target_(target), table_(table) {}

bool Remote::direct_read(uint64_t addr, void* buf, size_t len) {
  ++target_reads_;
  return target_.read(addr, buf, len);
}

const Remote::Page& Remote::page(uint64_t page_addr) {
  auto it = pages_.find(page_addr);
  if (it != pages_.end()) return *it->second;
  // Bounded: rather than an LRU, start over. A walk touches each frame page
  // once and re-touches code pages constantly, which refill at once.
  if (pages_.size() >= kMaxPages) pages_.clear();
  auto p = std::make_unique<Page>();
  p->ok = direct_read(page_addr, p->bytes, kPage);
  return *pages_.emplace(page_addr, std::move(p)).first->second;
}

bool Remote::read(uint64_t addr, void* buf, size_t len) {
  if (len == 0) return true;
  if (addr + len < addr) return false;  // wraps around
  if (len > kMaxCachedRead) return direct_read(addr, buf, len);
  auto* out = static_cast<uint8_t*>(buf);
  uint64_t a = addr;
  size_t left = len;
  while (left > 0) {
    uint64_t pa = a & ~(kPage - 1);
    const Page& p = page(pa);
    // A page that cannot be read whole may still be partly readable (a
    // debugger that reads only what a core file holds, a synthetic image):
    // fall back to reading exactly what was asked.
    if (!p.ok) return direct_read(addr, buf, len);
    size_t n = size_t(std::min<uint64_t>(left, pa + kPage - a));
    std::memcpy(out, p.bytes + (a - pa), n);
    out += n;
    a += n;
    left -= n;
  }
  return true;
}

Block Remote::block(uint64_t addr, uint32_t size) {
  if (!plausible(addr) || size == 0) return Block();
  std::vector<uint8_t> bytes(size);
  if (!read(addr, bytes.data(), size)) return Block();
  return Block(addr, std::move(bytes));
}

std::optional<uint64_t> Remote::u64(uint64_t addr) {
  uint64_t v;
  if (!read(addr, &v, sizeof v)) return std::nullopt;
  return v;
}

std::optional<std::string> Remote::cstring(uint64_t addr, size_t cap, bool* truncated) {
  if (addr == 0) return std::nullopt;
  std::string s;
  char buf[64];
  uint64_t a = addr;
  while (s.size() < cap) {
    // Never read across a page boundary beyond what is needed: the string
    // may end just before an unmapped page.
    size_t n = size_t(std::min<uint64_t>({sizeof buf, cap - s.size(), kPage - (a % kPage)}));
    if (!read(a, buf, n)) return std::nullopt;
    const void* nul = std::memchr(buf, 0, n);
    if (nul) {
      s.append(buf, static_cast<const char*>(nul) - buf);
      if (truncated) *truncated = false;
      return s;
    }
    s.append(buf, n);
    a += n;
  }
  if (truncated) *truncated = true;
  return s;
}

uint64_t Remote::type_of(uint64_t obj) {
  const auto& o = t().object;
  if (!plausible(obj) || o.type == PG_FIELD_ABSENT) return 0;
  uint64_t type;
  if (!read(obj + o.type, &type, sizeof type)) return 0;
  return type;
}

bool Remote::has_type(uint64_t obj, uint64_t type) {
  uint64_t actual = type_of(obj);
  if (actual == 0) return false;
  return type == 0 || actual == type;
}

std::optional<std::string> Remote::type_name(uint64_t type) {
  auto it = type_names_.find(type);
  if (it != type_names_.end()) return it->second;
  std::optional<std::string> name;
  Block b = block(type, t().type.size);
  if (b.ok()) {
    uint64_t p = b.ptr(t().type.name);
    bool trunc = false;
    name = cstring(p, kTypeNameCap, &trunc);
    if (name && trunc) *name += "...";
    if (name && name->empty()) name.reset();
  }
  if (type_names_.size() >= kMaxStrs) type_names_.clear();
  type_names_.emplace(type, name);
  return name;
}

bool Remote::is_subtype(uint64_t type, uint64_t base) {
  if (base == 0) return false;
  for (int i = 0; i < kMaxTypeDepth && type != 0; ++i) {
    if (type == base) return true;
    Block b = block(type, t().type.size);
    if (!b.ok()) return false;
    type = b.ptr(t().type.base);
  }
  return false;
}

const RemoteStr& Remote::str(uint64_t addr) {
  auto it = strs_.find(addr);
  if (it != strs_.end()) return it->second;
  if (strs_.size() >= kMaxStrs) strs_.clear();
  RemoteStr& s = strs_[addr];
  const auto& st = t().str;
  if (!has_type(addr, t().types.str_type)) return s;
  Block b = block(addr, st.size);
  if (!b.ok() || !b.has(st.nbytes, 8) || st.data == PG_FIELD_ABSENT) return s;
  int64_t nbytes = b.get<int64_t>(st.nbytes);
  if (nbytes < 0) return s;
  size_t n = size_t(std::min<uint64_t>(uint64_t(nbytes), kStrCap));
  s.text.resize(n);
  if (!read(addr + st.data, s.text.data(), n)) {
    s.text.clear();
    return s;
  }
  s.truncated = uint64_t(nbytes) > n;
  s.ok = true;
  return s;
}

std::string Remote::str_or(uint64_t addr, std::string_view fallback) {
  const RemoteStr& s = str(addr);
  if (!s.ok) return std::string(fallback);
  return s.truncated ? s.text + "..." : s.text;
}

std::optional<std::vector<uint64_t>> Remote::tuple_items(uint64_t tuple, size_t max,
                                                         bool* truncated) {
  const auto& tt = t().tuple;
  if (tt.size == 0 || !has_type(tuple, t().types.tuple_type)) return std::nullopt;
  Block b = block(tuple, tt.size);
  if (!b.has(tt.count, 8) || tt.items == PG_FIELD_ABSENT) return std::nullopt;
  int64_t count = b.get<int64_t>(tt.count);
  if (count < 0 || uint64_t(count) > kMaxTupleItems) return std::nullopt;
  size_t n = std::min<size_t>(size_t(count), max);
  std::vector<uint64_t> items(n);
  if (n && !read(tuple + tt.items, items.data(), n * 8)) return std::nullopt;
  if (truncated) *truncated = n < size_t(count);
  return items;
}

std::optional<std::vector<DictItem>> Remote::dict_items(uint64_t dict, size_t max,
                                                        bool* truncated) {
  const auto& d = t().dict;
  if (d.size == 0 || d.entry_size == 0 || !has_type(dict, t().types.dict_type))
    return std::nullopt;
  Block b = block(dict, d.size);
  if (!b.has(d.entries, 8) || !b.has(d.used, 8)) return std::nullopt;
  uint64_t entries = b.ptr(d.entries);
  int64_t used = b.get<int64_t>(d.used);
  if (used < 0 || uint64_t(used) > kMaxDictEntries) return std::nullopt;
  std::vector<DictItem> out;
  if (truncated) *truncated = false;
  // Entries are read in batches: one read per 256 entries, not per entry.
  constexpr int64_t kBatch = 256;
  std::vector<uint8_t> buf;
  for (int64_t i = 0; i < used; i += kBatch) {
    int64_t n = std::min(kBatch, used - i);
    buf.resize(size_t(n) * d.entry_size);
    if (!read(entries + uint64_t(i) * d.entry_size, buf.data(), buf.size())) {
      if (out.empty()) return std::nullopt;
      if (truncated) *truncated = true;
      return out;
    }
    for (int64_t j = 0; j < n; ++j) {
      const uint8_t* e = buf.data() + j * d.entry_size;
      auto field = [&](pg_offset_t off) -> uint64_t {
        uint64_t v = 0;
        if (off != PG_FIELD_ABSENT && uint64_t(off) + 8 <= d.entry_size) std::memcpy(&v, e + off, 8);
        return v;
      };
      uint64_t key = field(d.entry_key);
      if (key == 0) continue;  // deleted
      if (out.size() >= max) {
        if (truncated) *truncated = true;
        return out;
      }
      out.push_back({key, field(d.entry_value)});
    }
  }
  return out;
}

std::optional<uint64_t> Remote::dict_lookup_str(uint64_t dict, std::string_view key) {
  auto items = dict_items(dict, kMaxDictEntries);
  if (!items) return std::nullopt;
  for (const DictItem& it : *items) {
    if (is_small_int(it.key)) continue;
    const RemoteStr& s = str(it.key);
    if (s.ok && !s.truncated && s.text == key) return it.value;
  }
  return uint64_t(0);
}

}  // namespace pgi
