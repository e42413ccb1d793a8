// The synthetic image and its builder: see memory_image.h.
#include "inspector/memory_image.h"

#include <algorithm>
#include <stdexcept>

namespace pgi {

// ---------------------------------------------------------------- MemoryImage

void MemoryImage::map(uint64_t addr, size_t size, std::string name) {
  regions_[addr] = Region{std::vector<uint8_t>(size), std::move(name)};
}

void MemoryImage::resize(uint64_t addr, size_t size) {
  auto it = regions_.find(addr);
  if (it == regions_.end()) throw std::logic_error("MemoryImage::resize: no region there");
  it->second.bytes.resize(size);
}

void MemoryImage::unmap(uint64_t addr) { regions_.erase(addr); }

std::pair<uint64_t, MemoryImage::Region*> MemoryImage::find(uint64_t addr) {
  auto it = regions_.upper_bound(addr);
  if (it == regions_.begin()) return {0, nullptr};
  --it;
  if (addr - it->first >= it->second.bytes.size()) return {0, nullptr};
  return {it->first, &it->second};
}

bool MemoryImage::read(uint64_t addr, void* buf, size_t len) {
  ++reads_;
  auto* out = static_cast<uint8_t*>(buf);
  while (len > 0) {
    auto [start, r] = find(addr);
    if (!r) return false;
    size_t off = size_t(addr - start);
    size_t n = std::min(len, r->bytes.size() - off);
    std::memcpy(out, r->bytes.data() + off, n);
    out += n;
    addr += n;
    len -= n;
  }
  return true;
}

bool MemoryImage::write(uint64_t addr, const void* data, size_t len) {
  // Check first, so that a failed write leaves the image unchanged.
  for (uint64_t a = addr, left = len; left > 0;) {
    auto [start, r] = find(a);
    if (!r) return false;
    uint64_t n = std::min<uint64_t>(left, r->bytes.size() - (a - start));
    a += n;
    left -= n;
  }
  auto* in = static_cast<const uint8_t*>(data);
  while (len > 0) {
    auto [start, r] = find(addr);
    size_t off = size_t(addr - start);
    size_t n = std::min(len, r->bytes.size() - off);
    std::memcpy(r->bytes.data() + off, in, n);
    in += n;
    addr += n;
    len -= n;
  }
  return true;
}

uint64_t MemoryImage::find_symbol(const std::string& name) {
  auto it = symbols_.find(name);
  return it == symbols_.end() ? 0 : it->second;
}

std::vector<MemoryRange> MemoryImage::memory_ranges() {
  std::vector<MemoryRange> out;
  for (const auto& [start, r] : regions_) out.push_back({start, start + r.bytes.size(), r.name});
  return out;
}

std::vector<NativeFrame> MemoryImage::native_stack(int64_t tid) {
  auto it = stacks_.find(tid);
  return it == stacks_.end() ? std::vector<NativeFrame>{} : it->second;
}

// ---------------------------------------------------------------- layouts

namespace {

uint32_t align_up(uint32_t v, uint32_t a) { return (v + a - 1) / a * a; }

// One member of a struct being laid out; `out` null for members the table
// does not describe (they still take space, as in the real structs).
struct Slot {
  pg_offset_t* out;
  uint32_t size;
  uint32_t align;
};

// Lays out `slots` from `start`: in order for Layout::Standard; reversed,
// with 8 bytes of padding before each, for Layout::Padded. A flexible array
// member (`flex`) follows them in both. Returns the struct size.
uint32_t lay(uint32_t start, std::vector<Slot> slots, bool padded, pg_offset_t* flex = nullptr,
             uint32_t flex_align = 8) {
  if (padded) std::reverse(slots.begin(), slots.end());
  uint32_t off = start;
  for (const Slot& s : slots) {
    if (padded) off += 8;
    off = align_up(off, s.align);
    if (s.out) *s.out = off;
    off += s.size;
  }
  if (flex) {
    off = align_up(off, flex_align);
    *flex = off;
  }
  return align_up(off, 8);
}

void make_layout(PgDebugTable& t, bool padded) {
  const Slot kNull8{nullptr, 8, 8}, kNull4{nullptr, 4, 4};
  auto p8 = [](pg_offset_t& o) { return Slot{&o, 8, 8}; };
  auto p4 = [](pg_offset_t& o) { return Slot{&o, 4, 4}; };
  auto p1 = [](pg_offset_t& o) { return Slot{&o, 1, 1}; };

  uint32_t hdr = lay(0, {p8(t.object.type), kNull8, kNull4, kNull4}, padded);
  t.object.size = hdr;

  t.runtime.size = lay(0, {p8(t.runtime.threads), p8(t.runtime.main_thread), p8(t.runtime.modules),
                           kNull8, kNull8, p4(t.runtime.recursion_limit),
                           p4(t.runtime.initialized), kNull8},
                       padded);
  auto& th = t.thread;
  th.name_size = padded ? 40 : 64;
  th.size = lay(0, {p8(th.next), p8(th.native_tid), Slot{&th.name, th.name_size, 1},
                    p8(th.current_frame), p8(th.datastack_chunk), kNull8, kNull8,
                    p8(th.current_exception), p8(th.handled_exception), p4(th.recursion_depth),
                    kNull4, kNull4, kNull4, p4(th.run_state), kNull8,
                    p8(t.thread_wait.wait_object), p4(t.thread_wait.wait_kind),
                    p4(t.thread_wait.generation), p8(t.thread_wait.ident)},
                padded);
  t.thread_wait.size = th.size;
  t.lock.size = lay(hdr, {p4(t.lock.locked), kNull4, p8(t.lock.owner_tid), kNull8,
                          p8(t.lock.count)},
                    padded);
  auto& f = t.frame;
  f.size = lay(0, {p8(f.code), p8(f.previous), p8(f.function), p8(f.globals), kNull8,
                   p8(f.locals), p8(f.frame_obj), p8(f.instr_ptr), p4(f.stack_depth), p1(f.owner),
                   Slot{nullptr, 3, 1}},
               padded, &f.localsplus);
  t.chunk.size = lay(0, {p8(t.chunk.previous), p8(t.chunk.chunk_size), p8(t.chunk.saved_top)},
                     padded, &t.chunk.data);
  auto& c = t.code;
  c.size = lay(hdr, {p8(c.name), p8(c.qualname), p8(c.filename), p4(c.firstlineno),
                     p4(c.argcount), kNull4, kNull4, p4(c.flags), p4(c.nlocalsplus), kNull4,
                     kNull4, kNull4, kNull4, p4(c.ninstrs), p4(c.linetable_size), kNull4, kNull8,
                     kNull8, p8(c.localsplusnames), p8(c.localspluskinds), p8(c.instrs),
                     p8(c.linetable), kNull8, kNull8},
               padded);
  t.function.size = lay(hdr, {p8(t.function.code), p8(t.function.name), p8(t.function.qualname),
                              p8(t.function.globals), kNull8, kNull8},
                        padded);
  t.generator = {0, PG_FIELD_ABSENT, PG_FIELD_ABSENT, PG_FIELD_ABSENT};
  t.frame_object.size = lay(hdr, {p8(t.frame_object.frame), p8(t.frame_object.owned),
                                  p8(t.frame_object.back), kNull4},
                            padded);
  t.type.size = lay(hdr, {p8(t.type.name), p8(t.type.base), kNull8, kNull4, kNull4, kNull8, kNull8,
                          kNull8, kNull8},
                    padded);
  t.bigint.size = lay(hdr, {kNull4, p4(t.bigint.limb_count), p8(t.bigint.limbs)}, padded);
  t.bigint.limb_size = 8;
  t.float_.size = lay(hdr, {p8(t.float_.value)}, padded);
  t.bool_.size = lay(hdr, {p8(t.bool_.value)}, padded);
  t.str.size = lay(hdr, {kNull8, p8(t.str.length), p8(t.str.nbytes), p1(t.str.ascii),
                         Slot{nullptr, 1, 1}},
                   padded, &t.str.data, 1);
  t.tuple.size = lay(hdr, {p8(t.tuple.count)}, padded, &t.tuple.items);
  t.list.size = lay(hdr, {p8(t.list.items), p8(t.list.count), p8(t.list.capacity)}, padded);
  auto& d = t.dict;
  d.size = lay(hdr, {p8(d.entries), p8(d.used), p8(d.count), kNull8, kNull8, kNull8, kNull8, kNull8},
               padded);
  d.entry_size = lay(0, {p8(d.entry_hash), p8(d.entry_key), p8(d.entry_value)}, padded);
  auto& e = t.exception;
  e.size = lay(hdr, {p8(e.args), p8(e.traceback), p8(e.cause), p8(e.context), Slot{nullptr, 1, 1},
                     kNull8},
               padded);
  t.traceback.size = lay(hdr, {p8(t.traceback.next), p8(t.traceback.frame),
                               p4(t.traceback.lineno)},
                         padded);
  t.module.size = lay(hdr, {p8(t.module.name), p8(t.module.dict)}, padded);
}

}  // namespace

// ---------------------------------------------------------------- ImageBuilder

ImageBuilder::ImageBuilder(Layout layout) {
  PgDebugTable& t = table_;
  std::memcpy(t.cookie, PG_DEBUG_COOKIE, PG_DEBUG_COOKIE_SIZE);
  t.major = PG_DEBUG_MAJOR;
  t.minor = PG_DEBUG_MINOR;
  t.table_size = sizeof(PgDebugTable);
  t.table_address = kTableAddr;
  t.runtime_address = kRuntimeAddr;
  t.eval_start = 0x555555400000;
  t.eval_end = 0x555555401000;
  std::strncpy(t.version_string, "pyglass 0.1.0", sizeof t.version_string - 1);
  t.tagging = {1, 1, 1, 8};
  make_layout(t, layout == Layout::Padded);

  image_.map(kHeap, 0, "[heap]");
  image_.map(kStack, kStackSize, "[stack]");
  stack_top_ = kStack + kStackSize;

  // The static type objects: `type` first (it is its own type), then the
  // others, then the three singletons.
  PgDebugTypes& ty = t.types;
  ty.type_type = alloc(t.type.size);
  set(ty.type_type, t.object.type, ty.type_type);
  auto name_it = [&](uint64_t type_obj, const std::string& name) {
    uint64_t s = alloc(name.size() + 1);
    image_.write(s, name.c_str(), name.size() + 1);
    set(type_obj, t.type.name, s);
  };
  name_it(ty.type_type, "type");
  ty.object_type = type("object");
  set(ty.type_type, t.type.base, ty.object_type);
  ty.int_type = type("int", ty.object_type);
  ty.bool_type = type("bool", ty.int_type);
  ty.float_type = type("float", ty.object_type);
  ty.str_type = type("str", ty.object_type);
  ty.list_type = type("list", ty.object_type);
  ty.tuple_type = type("tuple", ty.object_type);
  ty.dict_type = type("dict", ty.object_type);
  ty.none_type = type("NoneType", ty.object_type);
  ty.function_type = type("function", ty.object_type);
  ty.code_type = type("code", ty.object_type);
  ty.frame_type = type("frame", ty.object_type);
  ty.module_type = type("module", ty.object_type);
  ty.range_type = type("range", ty.object_type);
  ty.base_exception_type = type("BaseException", ty.object_type);
  ty.none_object = object(ty.none_type, t.object.size);
  ty.true_object = object(ty.bool_type, t.bool_.size);
  set(ty.true_object, t.bool_.value, int64_t(1));
  ty.false_object = object(ty.bool_type, t.bool_.size);
}

uint64_t ImageBuilder::alloc(size_t size) {
  uint64_t addr = heap_top_;
  heap_top_ += (std::max<size_t>(size, 1) + 15) / 16 * 16;
  if (heap_top_ - kHeap > heap_size_) {
    // Grow geometrically: building 10,000 frames must not be quadratic.
    heap_size_ = std::max<size_t>(heap_top_ - kHeap, heap_size_ * 2);
    image_.resize(kHeap, heap_size_);
  }
  return addr;
}

uint64_t ImageBuilder::object(uint64_t type, uint32_t size) {
  uint64_t o = alloc(std::max(size, table_.object.size));
  set(o, table_.object.type, type);
  return o;
}

uint64_t ImageBuilder::type(const std::string& name, uint64_t base) {
  const PgDebugTable& t = table_;
  uint64_t o = object(t.types.type_type, t.type.size);
  uint64_t s = alloc(name.size() + 1);
  image_.write(s, name.c_str(), name.size() + 1);
  set(o, t.type.name, s);
  set(o, t.type.base, base);
  return o;
}

uint64_t ImageBuilder::str(std::string_view text) {
  const auto& s = table_.str;
  uint64_t o = object(table_.types.str_type, std::max<uint32_t>(s.size, s.data + text.size() + 1));
  int64_t length = 0;
  bool ascii = true;
  for (char c : text) {
    if ((uint8_t(c) & 0xC0) != 0x80) ++length;
    if (uint8_t(c) >= 0x80) ascii = false;
  }
  set(o, s.length, length);
  set(o, s.nbytes, int64_t(text.size()));
  set(o, s.ascii, uint8_t(ascii));
  image_.write(o + s.data, text.data(), text.size());
  return o;
}

uint64_t ImageBuilder::float_(double v) {
  uint64_t o = object(table_.types.float_type, table_.float_.size);
  set(o, table_.float_.value, v);
  return o;
}

uint64_t ImageBuilder::bigint(const std::vector<uint64_t>& limbs, bool negative) {
  uint64_t o = object(table_.types.int_type, table_.bigint.size);
  uint64_t d = alloc(limbs.size() * 8);
  image_.write(d, limbs.data(), limbs.size() * 8);
  int32_t n = int32_t(limbs.size());
  set(o, table_.bigint.limb_count, negative ? -n : n);
  set(o, table_.bigint.limbs, d);
  return o;
}

uint64_t ImageBuilder::tuple(const std::vector<uint64_t>& items) {
  const auto& t = table_.tuple;
  uint64_t o = object(table_.types.tuple_type,
                      std::max<uint32_t>(t.size, t.items + uint32_t(items.size() * 8)));
  set(o, t.count, int64_t(items.size()));
  image_.write(o + t.items, items.data(), items.size() * 8);
  return o;
}

uint64_t ImageBuilder::list(const std::vector<uint64_t>& items) {
  const auto& l = table_.list;
  uint64_t o = object(table_.types.list_type, l.size);
  uint64_t a = alloc(items.size() * 8);
  image_.write(a, items.data(), items.size() * 8);
  set(o, l.items, a);
  set(o, l.count, int64_t(items.size()));
  set(o, l.capacity, int64_t(items.size()));
  return o;
}

uint64_t ImageBuilder::dict(const std::vector<std::pair<uint64_t, uint64_t>>& items) {
  const auto& d = table_.dict;
  uint64_t o = object(table_.types.dict_type, d.size);
  uint64_t entries = alloc(items.size() * d.entry_size);
  for (size_t i = 0; i < items.size(); ++i) {
    uint64_t e = entries + i * d.entry_size;
    set(e, d.entry_hash, int64_t(i * 7919));
    set(e, d.entry_key, items[i].first);
    set(e, d.entry_value, items[i].second);
  }
  set(o, d.entries, entries);
  set(o, d.used, int64_t(items.size()));
  set(o, d.count, int64_t(items.size()));
  return o;
}

uint64_t ImageBuilder::exception(uint64_t type, const std::vector<uint64_t>& args) {
  uint64_t o = object(type, table_.exception.size);
  set(o, table_.exception.args, tuple(args));
  return o;
}

uint64_t ImageBuilder::function(uint64_t code, const std::string& qualname) {
  const auto& f = table_.function;
  uint64_t o = object(table_.types.function_type, f.size);
  size_t dot = qualname.rfind('.');
  set(o, f.code, code);
  set(o, f.name, str(dot == std::string::npos ? qualname : qualname.substr(dot + 1)));
  set(o, f.qualname, str(qualname));
  return o;
}

uint64_t ImageBuilder::module(const std::string& name, uint64_t dict) {
  uint64_t o = object(table_.types.module_type, table_.module.size);
  set(o, table_.module.name, str(name));
  set(o, table_.module.dict, dict);
  return o;
}

std::vector<uint8_t> ImageBuilder::encode_lines(int firstlineno, const std::vector<int>& lines) {
  std::vector<uint8_t> out;
  auto uleb = [&](uint64_t v) {
    do {
      uint8_t b = v & 0x7f;
      v >>= 7;
      out.push_back(v ? uint8_t(b | 0x80) : b);
    } while (v);
  };
  int prev = firstlineno;
  for (size_t i = 0; i < lines.size();) {
    size_t j = i;
    while (j < lines.size() && lines[j] == lines[i]) ++j;
    int64_t delta = int64_t(lines[i]) - prev;
    uleb(j - i);
    uleb(uint64_t((delta << 1) ^ (delta >> 63)));
    prev = lines[i];
    i = j;
  }
  return out;
}

uint64_t ImageBuilder::code(const CodeSpec& spec) {
  const auto& c = table_.code;
  uint64_t o = object(table_.types.code_type, c.size);
  set(o, c.name, str(spec.name));
  set(o, c.qualname, str(spec.qualname.empty() ? spec.name : spec.qualname));
  set(o, c.filename, str(spec.filename));
  set(o, c.firstlineno, int32_t(spec.firstlineno));
  uint64_t instrs = alloc(std::max<size_t>(spec.lines.size(), 1) * 4);
  set(o, c.instrs, instrs);
  set(o, c.ninstrs, int32_t(spec.lines.size()));
  std::vector<uint8_t> lt = encode_lines(spec.firstlineno, spec.lines);
  uint64_t lta = alloc(lt.size());
  image_.write(lta, lt.data(), lt.size());
  set(o, c.linetable, lta);
  set(o, c.linetable_size, int32_t(lt.size()));
  std::vector<uint64_t> names;
  for (const std::string& n : spec.locals) names.push_back(str(n));
  set(o, c.localsplusnames, tuple(names));
  std::vector<uint8_t> kinds = spec.kinds;
  kinds.resize(spec.locals.size(), PG_LOCAL_PLAIN);
  uint64_t ka = alloc(kinds.size());
  image_.write(ka, kinds.data(), kinds.size());
  set(o, c.localspluskinds, ka);
  set(o, c.nlocalsplus, int32_t(spec.locals.size()));
  return o;
}

uint64_t ImageBuilder::frame(uint64_t code, uint64_t previous, int instr_index,
                             const std::vector<uint64_t>& localsplus, uint64_t globals,
                             uint64_t locals) {
  const auto& f = table_.frame;
  uint64_t instrs = 0;
  int32_t nlocalsplus = 0;
  image_.read(code + table_.code.instrs, &instrs, 8);
  image_.read(code + table_.code.nlocalsplus, &nlocalsplus, 4);
  size_t slots = std::max<size_t>(size_t(std::max(nlocalsplus, 0)), localsplus.size()) + 2;
  uint64_t o = alloc(f.size + slots * 8);
  set(o, f.code, code);
  set(o, f.previous, previous);
  set(o, f.instr_ptr, instrs + uint64_t(instr_index) * 4);
  set(o, f.owner, uint8_t(PG_OWNED_BY_THREAD));
  set(o, f.globals, globals);
  set(o, f.locals, locals);
  image_.write(o + f.localsplus, localsplus.data(), localsplus.size() * 8);
  return o;
}

uint64_t ImageBuilder::shim(uint64_t previous, uint64_t at) {
  const auto& f = table_.frame;
  if (at == 0) {
    stack_top_ -= (f.size + 15) / 16 * 16 + 64;
    at = stack_top_;
  }
  std::vector<uint8_t> zero(f.size);
  image_.write(at, zero.data(), zero.size());
  set(at, f.previous, previous);
  set(at, f.owner, uint8_t(PG_OWNED_BY_CSTACK));
  return at;
}

uint64_t ImageBuilder::thread(int64_t tid, const std::string& name, uint64_t current_frame,
                              uint64_t exception, uint32_t run_state) {
  const auto& th = table_.thread;
  uint64_t o = alloc(th.size);
  set(o, th.native_tid, tid);
  std::string n = name.substr(0, th.name_size - 1);
  image_.write(o + th.name, n.c_str(), n.size() + 1);
  set(o, th.current_frame, current_frame);
  set(o, th.current_exception, exception);
  set(o, th.run_state, run_state);
  threads_.push_back(o);
  return o;
}

void ImageBuilder::thread_wait(uint64_t thread_state, uint64_t lock, uint32_t kind) {
  set(thread_state, table_.thread.run_state, uint32_t(PG_THREAD_LOCK_WAIT));
  set(thread_state, table_.thread_wait.wait_object, lock);
  set(thread_state, table_.thread_wait.wait_kind, kind);
}

uint64_t ImageBuilder::lock(int64_t owner_tid) {
  uint64_t o = object(0, table_.lock.size);
  set(o, table_.lock.locked, uint32_t(owner_tid != 0));
  set(o, table_.lock.owner_tid, owner_tid);
  set(o, table_.lock.count, int64_t(owner_tid != 0));
  return o;
}

void ImageBuilder::finish(bool export_symbol) {
  const auto& rt = table_.runtime;
  image_.map(kRuntimeAddr, rt.size, "pyglass (g_runtime)");
  for (size_t i = 0; i + 1 < threads_.size(); ++i) set(threads_[i], table_.thread.next, threads_[i + 1]);
  set(kRuntimeAddr, rt.threads, threads_.empty() ? 0 : threads_[0]);
  set(kRuntimeAddr, rt.main_thread, threads_.empty() ? 0 : threads_[0]);
  set(kRuntimeAddr, rt.modules, modules_);
  set(kRuntimeAddr, rt.initialized, int32_t(1));
  image_.map(kTableAddr, sizeof(PgDebugTable), "pyglass (.pyglass_debug)");
  image_.write(kTableAddr, &table_, sizeof table_);
  if (export_symbol) image_.add_symbol(PG_DEBUG_SYMBOL, kTableAddr);
}

}  // namespace pgi
