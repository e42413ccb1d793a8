// Locating and validating the debug table: see debug_table.h.
#include "inspector/debug_table.h"

#include <fmt/format.h>
#include <string.h>

#include <algorithm>
#include <cstring>

namespace pgi {

namespace {

// Offset of a record (or of one of its members) inside PgDebugTable.
#define PGI_REC(rec) offsetof(PgDebugTable, rec)
#define PGI_FLD(rec, member) \
  (offsetof(PgDebugTable, rec) + offsetof(decltype(PgDebugTable::rec), member))

// Every record member is a uint32: these checks catch a record that gained a
// member in debug_abi.h without this file learning about it.
static_assert(sizeof(PgDebugStruct_Runtime) == 4 * 6);
static_assert(sizeof(PgDebugStruct_ThreadState) == 4 * 11);
static_assert(sizeof(PgDebugStruct_Frame) == 4 * 11);
static_assert(sizeof(PgDebugStruct_StackChunk) == 4 * 5);
static_assert(sizeof(PgDebugStruct_Code) == 4 * 14);
static_assert(sizeof(PgDebugStruct_Function) == 4 * 5);
static_assert(sizeof(PgDebugStruct_Generator) == 4 * 4);
static_assert(sizeof(PgDebugStruct_FrameObject) == 4 * 4);
static_assert(sizeof(PgDebugStruct_Object) == 4 * 2);
static_assert(sizeof(PgDebugStruct_Type) == 4 * 3);
static_assert(sizeof(PgDebugStruct_BigInt) == 4 * 4);
static_assert(sizeof(PgDebugStruct_Float) == 4 * 2);
static_assert(sizeof(PgDebugStruct_Bool) == 4 * 2);
static_assert(sizeof(PgDebugStruct_Str) == 4 * 5);
static_assert(sizeof(PgDebugStruct_Tuple) == 4 * 3);
static_assert(sizeof(PgDebugStruct_List) == 4 * 4);
static_assert(sizeof(PgDebugStruct_Dict) == 4 * 8);
static_assert(sizeof(PgDebugStruct_Exception) == 4 * 5);
static_assert(sizeof(PgDebugStruct_Traceback) == 4 * 4);
static_assert(sizeof(PgDebugStruct_Module) == 4 * 3);
static_assert(sizeof(PgDebugStruct_ThreadWait) == 4 * 5);
static_assert(sizeof(PgDebugStruct_Lock) == 4 * 4);

constexpr uint32_t kMaxStructSize = 1u << 20;  // anything bigger is garbage

std::vector<StructSpec> make_specs() {
  // Field sizes are what the inspector reads: pointers and Values 8, int32 4,
  // uint8 1, flexible arrays 0.
  auto R = [](const char* name, size_t rec, size_t rsize, std::vector<FieldSpec> f) {
    return StructSpec{name, rec, rsize, std::move(f)};
  };
  std::vector<StructSpec> s;
  s.push_back(R("Runtime", PGI_REC(runtime), sizeof(PgDebugStruct_Runtime),
                {{"threads", PGI_FLD(runtime, threads), 8, 0, true},
                 {"main_thread", PGI_FLD(runtime, main_thread), 8},
                 {"modules", PGI_FLD(runtime, modules), 8},
                 {"recursion_limit", PGI_FLD(runtime, recursion_limit), 4},
                 {"initialized", PGI_FLD(runtime, initialized), 4}}));
  s.push_back(R("ThreadState", PGI_REC(thread), sizeof(PgDebugStruct_ThreadState),
                {{"next", PGI_FLD(thread, next), 8, 0, true},
                 {"native_tid", PGI_FLD(thread, native_tid), 8, 0, true},
                 {"name", PGI_FLD(thread, name), 0, PGI_FLD(thread, name_size)},
                 {"current_frame", PGI_FLD(thread, current_frame), 8, 0, true},
                 {"datastack_chunk", PGI_FLD(thread, datastack_chunk), 8},
                 {"current_exception", PGI_FLD(thread, current_exception), 8},
                 {"handled_exception", PGI_FLD(thread, handled_exception), 8},
                 {"recursion_depth", PGI_FLD(thread, recursion_depth), 4},
                 {"run_state", PGI_FLD(thread, run_state), 4}}));
  s.push_back(R("Frame", PGI_REC(frame), sizeof(PgDebugStruct_Frame),
                {{"code", PGI_FLD(frame, code), 8, 0, true},
                 {"previous", PGI_FLD(frame, previous), 8, 0, true},
                 {"function", PGI_FLD(frame, function), 8},
                 {"globals", PGI_FLD(frame, globals), 8},
                 {"locals", PGI_FLD(frame, locals), 8},
                 {"frame_obj", PGI_FLD(frame, frame_obj), 8},
                 {"instr_ptr", PGI_FLD(frame, instr_ptr), 8, 0, true},
                 {"stack_depth", PGI_FLD(frame, stack_depth), 4},
                 {"owner", PGI_FLD(frame, owner), 1, 0, true},
                 {"localsplus", PGI_FLD(frame, localsplus), 0}}));
  s.push_back(R("StackChunk", PGI_REC(chunk), sizeof(PgDebugStruct_StackChunk),
                {{"previous", PGI_FLD(chunk, previous), 8},
                 {"size", PGI_FLD(chunk, chunk_size), 8},
                 {"saved_top", PGI_FLD(chunk, saved_top), 8},
                 {"data", PGI_FLD(chunk, data), 0}}));
  s.push_back(R("Code", PGI_REC(code), sizeof(PgDebugStruct_Code),
                {{"name", PGI_FLD(code, name), 8, 0, true},
                 {"qualname", PGI_FLD(code, qualname), 8},
                 {"filename", PGI_FLD(code, filename), 8, 0, true},
                 {"firstlineno", PGI_FLD(code, firstlineno), 4, 0, true},
                 {"argcount", PGI_FLD(code, argcount), 4},
                 {"flags", PGI_FLD(code, flags), 4},
                 {"nlocalsplus", PGI_FLD(code, nlocalsplus), 4},
                 {"ninstrs", PGI_FLD(code, ninstrs), 4},
                 {"linetable_size", PGI_FLD(code, linetable_size), 4, 0, true},
                 {"localsplusnames", PGI_FLD(code, localsplusnames), 8},
                 {"localspluskinds", PGI_FLD(code, localspluskinds), 8},
                 {"instrs", PGI_FLD(code, instrs), 8, 0, true},
                 {"linetable", PGI_FLD(code, linetable), 8, 0, true}}));
  s.push_back(R("Function", PGI_REC(function), sizeof(PgDebugStruct_Function),
                {{"code", PGI_FLD(function, code), 8},
                 {"name", PGI_FLD(function, name), 8},
                 {"qualname", PGI_FLD(function, qualname), 8},
                 {"globals", PGI_FLD(function, globals), 8}}));
  s.push_back(R("Generator", PGI_REC(generator), sizeof(PgDebugStruct_Generator),
                {{"frame", PGI_FLD(generator, frame), 0},
                 {"state", PGI_FLD(generator, state), 1},
                 {"name", PGI_FLD(generator, name), 8}}));
  s.push_back(R("FrameObject", PGI_REC(frame_object), sizeof(PgDebugStruct_FrameObject),
                {{"frame", PGI_FLD(frame_object, frame), 8},
                 {"owned", PGI_FLD(frame_object, owned), 8},
                 {"back", PGI_FLD(frame_object, back), 8}}));
  s.push_back(R("Object", PGI_REC(object), sizeof(PgDebugStruct_Object),
                {{"type", PGI_FLD(object, type), 8, 0, true}}));
  s.push_back(R("Type", PGI_REC(type), sizeof(PgDebugStruct_Type),
                {{"name", PGI_FLD(type, name), 8, 0, true}, {"base", PGI_FLD(type, base), 8}}));
  s.push_back(R("BigInt", PGI_REC(bigint), sizeof(PgDebugStruct_BigInt),
                {{"limb_count", PGI_FLD(bigint, limb_count), 4},
                 {"limbs", PGI_FLD(bigint, limbs), 8}}));
  s.push_back(R("Float", PGI_REC(float_), sizeof(PgDebugStruct_Float),
                {{"value", PGI_FLD(float_, value), 8}}));
  s.push_back(R("BoolObject", PGI_REC(bool_), sizeof(PgDebugStruct_Bool),
                {{"value", PGI_FLD(bool_, value), 8}}));
  s.push_back(R("Str", PGI_REC(str), sizeof(PgDebugStruct_Str),
                {{"length", PGI_FLD(str, length), 8},
                 {"nbytes", PGI_FLD(str, nbytes), 8, 0, true},
                 {"ascii", PGI_FLD(str, ascii), 1},
                 {"data", PGI_FLD(str, data), 0, 0, true}}));
  s.push_back(R("Tuple", PGI_REC(tuple), sizeof(PgDebugStruct_Tuple),
                {{"size", PGI_FLD(tuple, count), 8}, {"items", PGI_FLD(tuple, items), 0}}));
  s.push_back(R("List", PGI_REC(list), sizeof(PgDebugStruct_List),
                {{"items", PGI_FLD(list, items), 8},
                 {"size", PGI_FLD(list, count), 8},
                 {"capacity", PGI_FLD(list, capacity), 8}}));
  StructSpec dict = R("Dict", PGI_REC(dict), sizeof(PgDebugStruct_Dict),
                      {{"entries", PGI_FLD(dict, entries), 8},
                       {"used", PGI_FLD(dict, used), 8},
                       {"size", PGI_FLD(dict, count), 8}});
  dict.entry_size = PGI_FLD(dict, entry_size);
  dict.entry_fields = {{"DictEntry.hash", PGI_FLD(dict, entry_hash), 8},
                       {"DictEntry.key", PGI_FLD(dict, entry_key), 8},
                       {"DictEntry.value", PGI_FLD(dict, entry_value), 8}};
  s.push_back(std::move(dict));
  s.push_back(R("ExceptionObject", PGI_REC(exception), sizeof(PgDebugStruct_Exception),
                {{"args", PGI_FLD(exception, args), 8},
                 {"traceback", PGI_FLD(exception, traceback), 8},
                 {"cause", PGI_FLD(exception, cause), 8},
                 {"context", PGI_FLD(exception, context), 8}}));
  s.push_back(R("TracebackObject", PGI_REC(traceback), sizeof(PgDebugStruct_Traceback),
                {{"next", PGI_FLD(traceback, next), 8},
                 {"frame", PGI_FLD(traceback, frame), 8},
                 {"lineno", PGI_FLD(traceback, lineno), 4}}));
  s.push_back(R("Module", PGI_REC(module), sizeof(PgDebugStruct_Module),
                {{"name", PGI_FLD(module, name), 8}, {"dict", PGI_FLD(module, dict), 8}}));
  // minor 1 (threads): more ThreadState fields (their own record, sized
  // like ThreadState), and lock objects.
  s.push_back(R("ThreadState", PGI_REC(thread_wait), sizeof(PgDebugStruct_ThreadWait),
                {{"wait_object", PGI_FLD(thread_wait, wait_object), 8},
                 {"wait_kind", PGI_FLD(thread_wait, wait_kind), 4},
                 {"generation", PGI_FLD(thread_wait, generation), 4},
                 {"ident", PGI_FLD(thread_wait, ident), 8}}));
  s.push_back(R("LockObject", PGI_REC(lock), sizeof(PgDebugStruct_Lock),
                {{"locked", PGI_FLD(lock, locked), 4},
                 {"owner_tid", PGI_FLD(lock, owner_tid), 8},
                 {"count", PGI_FLD(lock, count), 8}}));
  return s;
}

uint32_t get_u32(const PgDebugTable& t, size_t off) {
  uint32_t v;
  std::memcpy(&v, reinterpret_cast<const char*>(&t) + off, 4);
  return v;
}
void set_u32(PgDebugTable& t, size_t off, uint32_t v) {
  std::memcpy(reinterpret_cast<char*>(&t) + off, &v, 4);
}

// Makes a record the writer did not have (or one this reader cannot use)
// absent: size 0 and every field PG_FIELD_ABSENT, so that readers only ever
// test PG_FIELD_ABSENT.
void make_absent(PgDebugTable& t, const StructSpec& s) {
  // Every member of a record is a uint32; "size" members (the record's own
  // size, name_size, limb_size, entry_size) become 0, offsets become absent.
  for (size_t off = s.record; off < s.record + s.record_size; off += 4) set_u32(t, off, 0);
  for (const FieldSpec& f : s.fields) set_u32(t, f.record, PG_FIELD_ABSENT);
  for (const FieldSpec& f : s.entry_fields) set_u32(t, f.record, PG_FIELD_ABSENT);
}

InspectError inconsistent(uint64_t at, const std::string& what) {
  return {ErrorKind::Other,
          fmt::format("debug table at {:#x} is inconsistent: {} (a corrupt image, or an "
                      "executable that does not match the process?)",
                      at, what)};
}

// Header fields every major version keeps in place: cookie, major, minor,
// table_size.
constexpr size_t kStableHeader = offsetof(PgDebugTable, table_size) + sizeof(uint32_t);

}  // namespace

const std::vector<StructSpec>& table_struct_specs() {
  static const std::vector<StructSpec> specs = make_specs();
  return specs;
}

size_t minimum_table_size() { return offsetof(PgDebugTable, str) + sizeof(PgDebugStruct_Str); }

std::string DebugTable::version() const { return fmt::format("{}.{}", t.major, t.minor); }

std::string DebugTable::vm_version() const {
  std::string s;
  for (char c : t.version_string) {
    if (c == '\0') break;
    s.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  }
  return s;
}

std::optional<InspectError> validate_debug_table(DebugTable& table, uint64_t found_at,
                                                 size_t bytes_read) {
  PgDebugTable& t = table.t;
  if (std::memcmp(t.cookie, PG_DEBUG_COOKIE, PG_DEBUG_COOKIE_SIZE) != 0)
    return InspectError{ErrorKind::NotPyglass,
                        fmt::format("no pyglass debug table cookie at {:#x}", found_at)};
  if (t.major != PG_DEBUG_MAJOR)
    return InspectError{ErrorKind::VersionMismatch,
                        fmt::format("table version {}.{} is not supported by this pyglass-stack "
                                    "(supports {}.x)",
                                    t.major, t.minor, PG_DEBUG_MAJOR)};
  if (t.table_size < minimum_table_size() || bytes_read < minimum_table_size())
    return inconsistent(found_at, fmt::format("table_size {} is below the {} bytes of a 1.0 "
                                              "table this reader needs",
                                              t.table_size, minimum_table_size()));
  if (t.table_address != found_at)
    return inconsistent(found_at, fmt::format("it says it lives at {:#x}", t.table_address));
  if (t.tagging.value_size != 8 || t.tagging.small_int_shift >= 64 ||
      (t.tagging.small_int_tag & ~t.tagging.small_int_mask) != 0)
    return inconsistent(found_at, fmt::format("unsupported value tagging (value_size {}, shift {})",
                                              t.tagging.value_size,
                                              t.tagging.small_int_shift));

  size_t covered = std::min<size_t>(bytes_read, t.table_size);
  // 1.1: plain addresses after the records; absent (0) from older writers.
  if (covered < offsetof(PgDebugTable, coroutine_type) + sizeof(uint64_t)) t.coroutine_type = 0;
  for (const StructSpec& s : table_struct_specs()) {
    if (s.record + s.record_size > covered) {
      make_absent(t, s);
      continue;
    }
    uint32_t size = get_u32(t, s.record);
    if (size >= kMaxStructSize)
      return inconsistent(found_at, fmt::format("{} claims a size of {} bytes", s.name, size));
    auto check = [&](const FieldSpec& f, uint32_t limit,
                     const char* within) -> std::optional<InspectError> {
      uint32_t off = get_u32(t, f.record);
      if (off == PG_FIELD_ABSENT) {
        if (f.required)
          return inconsistent(found_at, fmt::format("it lacks {}.{}, which this reader needs",
                                                    s.name, f.name));
        return std::nullopt;
      }
      uint64_t fsize = f.size_field ? get_u32(t, f.size_field) : f.size;
      if (uint64_t(off) + fsize > limit)
        return inconsistent(found_at,
                            fmt::format("{}.{} (offset {}, {} bytes) lies outside {} ({} bytes)",
                                        s.name, f.name, off, fsize, within, limit));
      return std::nullopt;
    };
    for (const FieldSpec& f : s.fields)
      if (auto e = check(f, size, s.name)) return e;
    if (s.entry_size) {
      uint32_t esize = get_u32(t, s.entry_size);
      if (esize >= kMaxStructSize)
        return inconsistent(found_at, fmt::format("{} entries claim {} bytes", s.name, esize));
      for (const FieldSpec& f : s.entry_fields)
        if (auto e = check(f, esize, "DictEntry")) return e;
    }
  }
  // Limbs this reader cannot decode: show big ints as generic objects rather
  // than misreading them.
  if (t.bigint.size != 0 && t.bigint.limb_size != 8) {
    for (const StructSpec& s : table_struct_specs())
      if (s.record == offsetof(PgDebugTable, bigint)) make_absent(t, s);
  }
  table.address = found_at;
  return std::nullopt;
}

namespace {

// Reads and validates a table candidate at `addr`. Returns nullopt (and
// leaves `error` alone) when there is no cookie there; sets `error` when
// there is a cookie but the table is unusable.
std::optional<DebugTable> try_table_at(Target& target, uint64_t addr, bool by_symbol,
                                       std::optional<InspectError>& error) {
  DebugTable table;
  table.by_symbol = by_symbol;
  if (!target.read(addr, &table.t, kStableHeader)) return std::nullopt;
  if (std::memcmp(table.t.cookie, PG_DEBUG_COOKIE, PG_DEBUG_COOKIE_SIZE) != 0)
    return std::nullopt;
  size_t want = std::min<size_t>(table.t.table_size, sizeof(PgDebugTable));
  if (table.t.major == PG_DEBUG_MAJOR && want > kStableHeader &&
      !target.read(addr, &table.t, want)) {
    error = InspectError{ErrorKind::Other,
                         fmt::format("debug table at {:#x} is only partly readable", addr)};
    return std::nullopt;
  }
  if (table.t.major != PG_DEBUG_MAJOR) want = kStableHeader;
  if (auto e = validate_debug_table(table, addr, want)) {
    // A version mismatch is the most useful thing to report; keep the first
    // error otherwise.
    if (!error || e->kind == ErrorKind::VersionMismatch) error = e;
    return std::nullopt;
  }
  return table;
}

}  // namespace

LocateResult locate_debug_table(Target& target, const LocateOptions& options) {
  std::optional<InspectError> error;
  uint64_t sym = target.find_symbol(PG_DEBUG_SYMBOL);
  if (sym != 0) {
    if (auto t = try_table_at(target, sym, true, error)) return {std::move(t), std::nullopt};
  }

  // Cookie scan: bulk reads, capped in total. The table holds uint64
  // members, so only 8-aligned hits are candidates (this also skips most
  // accidental copies of the cookie string).
  uint64_t scanned = 0;
  const size_t chunk = std::max<size_t>(options.scan_chunk, 4096);
  std::vector<char> buf(chunk);
  for (const MemoryRange& r : target.memory_ranges()) {
    for (uint64_t pos = r.start; pos < r.end && scanned < options.scan_limit;) {
      size_t len = size_t(std::min<uint64_t>(chunk, r.end - pos));
      scanned += len;
      if (!target.read(pos, buf.data(), len)) {
        pos += len;
        continue;
      }
      const char* p = buf.data();
      const char* end = buf.data() + len;
      while (p < end) {
        const void* hit = memmem(p, size_t(end - p), PG_DEBUG_COOKIE, PG_DEBUG_COOKIE_SIZE);
        if (!hit) break;
        uint64_t addr = pos + uint64_t(static_cast<const char*>(hit) - buf.data());
        if (addr % 8 == 0 && addr != sym) {
          if (auto t = try_table_at(target, addr, false, error))
            return {std::move(t), std::nullopt};
        }
        p = static_cast<const char*>(hit) + 1;
      }
      // Overlap consecutive chunks so a cookie straddling them is found.
      if (pos + len >= r.end) break;
      pos += len - (PG_DEBUG_COOKIE_SIZE - 1);
    }
  }
  if (error) return {std::nullopt, error};
  return {std::nullopt,
          InspectError{ErrorKind::NotPyglass,
                       fmt::format("no pyglass debug table in {}: not a pyglass process (or a "
                                   "build without the table)",
                                   target.describe())}};
}

}  // namespace pgi
