// Locating and validating the debug metadata table (debug_abi.h) in a
// Target. Everything else in the inspector reads the target through the
// offsets checked here, so this is the one place that decides whether a
// table can be trusted at all:
//   - found by the dynamic symbol `pyglass_debug_table`, else by scanning
//     the target's memory ranges for the 16-byte cookie;
//   - cookie, major version, table size, self address, struct sizes and
//     every field offset are checked once; afterwards readers only have to
//     check PG_FIELD_ABSENT and the bounds of what they read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "inspector/target.h"
#include "pyglass/debug_abi.h"

namespace pgi {

// A validated table.
//   t        : the table as read. Records the writer's table_size does not
//              cover (an older minor version) are "absent": size 0 and every
//              offset PG_FIELD_ABSENT. Always valid once returned by
//              locate_debug_table().
//   address  : where the table was found (== t.table_address).
//   by_symbol: true if found through the symbol, false if by the cookie scan.
struct DebugTable {
  PgDebugTable t{};
  uint64_t address = 0;
  bool by_symbol = false;

  std::string version() const;     // "1.0"
  std::string vm_version() const;  // version_string, e.g. "pyglass 0.1.0"
  // True when the struct record exists and the field is present.
  static bool present(pg_offset_t off) { return off != PG_FIELD_ABSENT; }
};

// One field the inspector reads, as described by the table.
//   name       : the field's name in the runtime struct (= docs/frame-layout.md),
//                which differs from the record member in a few cases
//                (StackChunk.size is the record's `chunk_size`).
//   record     : offset of the pg_offset_t inside PgDebugTable.
//   size       : bytes the inspector reads at that offset; 0 for a flexible
//                array (only offset <= struct size is checked).
//   size_field : if non-zero, offset inside PgDebugTable of a uint32 giving
//                the field's size instead (ThreadState.name_size).
//   required   : a walk is impossible without it; absent -> the table is refused.
struct FieldSpec {
  const char* name;
  size_t record;
  uint32_t size;
  size_t size_field = 0;
  bool required = false;
};

// One struct record of the table.
//   name        : runtime struct name ("Frame", "ThreadState", ...).
//   record      : offset of the record (its `size` member) inside PgDebugTable.
//   record_size : sizeof the record in this header version.
//   fields      : the fields checked against the struct size.
//   entry_size  : Dict only: offset in PgDebugTable of `entry_size`; the
//                 entry_* fields (listed in `entry_fields`) are checked
//                 against it instead of the struct size.
struct StructSpec {
  const char* name;
  size_t record;
  size_t record_size;
  std::vector<FieldSpec> fields;
  size_t entry_size = 0;
  std::vector<FieldSpec> entry_fields;
};

// Every record the inspector reads, in table order.
const std::vector<StructSpec>& table_struct_specs();

// Bytes of the table this reader needs at least: everything up to and
// including the Str record (runtime root, threads, frames, code, objects,
// types, strings). Records after it may be absent (older minor versions);
// the walker and renderer then degrade (no locals, generic reprs).
size_t minimum_table_size();

// Checks a table read at `found_at` (see the file comment). `bytes_read` is
// how much of `table.t` came from the target (the rest is zero); records
// beyond it are normalized to absent. Returns the first problem found.
std::optional<InspectError> validate_debug_table(DebugTable& table, uint64_t found_at,
                                                 size_t bytes_read);

struct LocateOptions {
  size_t scan_chunk = 1 << 20;        // bytes per bulk read during the cookie scan
  uint64_t scan_limit = 512ull << 20; // total bytes scanned before giving up
};

// Either a table or an error (exactly one is set).
struct LocateResult {
  std::optional<DebugTable> table;
  std::optional<InspectError> error;
};

// Finds and validates the table. Errors: NotPyglass (nothing found),
// VersionMismatch (another major version), Other (an inconsistent table).
LocateResult locate_debug_table(Target& target, const LocateOptions& options = {});

}  // namespace pgi
