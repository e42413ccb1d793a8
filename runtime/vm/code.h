// Code objects: the static, immutable result of compiling one function body,
// module or class body. Every field is valid once the compiler returns it.
#pragma once

#include <cstdint>

#include "objects/layouts.h"

namespace pg {

// Kinds of localsplus slots (a bit set, like CPython's CO_FAST_*).
enum LocalKind : uint8_t {
  kLocalPlain = 1u << 0,  // a fast local (parameters first)
  kLocalCell = 1u << 1,   // a cell variable (captured by an inner function)
  kLocalFree = 1u << 2,   // a free variable (captured from an outer function)
  kLocalArg = 1u << 3,    // also a parameter
};

enum CodeFlags : uint32_t {
  kCodeOptimized = 1u << 0,  // function body: fast locals, no locals dict
  kCodeNewLocals = 1u << 1,
  kCodeVarargs = 1u << 2,
  kCodeVarKeywords = 1u << 3,
  kCodeNested = 1u << 4,
  kCodeGenerator = 1u << 5,
  kCodeCoroutine = 1u << 7,  // async def: calling it makes a coroutine (kCodeGenerator is set too)
  kCodeAsyncGenerator = 1u << 9,  // async def with yield: an async generator (kCodeGenerator too)
  // The bits above are CPython's CO_* values (co_flags shows them); the
  // ones below are pyglass's own, kept clear of CPython's range.
  kCodeModule = 1u << 24,     // module body
  kCodeClassBody = 1u << 25,
  // The parameters need more than a positional copy (*args, **kwargs or
  // keyword-only ones); plain calls test this one bit.
  kCodeComplexArgs = 1u << 26,
};

// One handler range of the exception table: an exception raised by an
// instruction in [start, end) jumps to `handler` after popping the value
// stack down to `depth` values (and pushing the offset of the raising
// instruction first when push_lasti is set).
struct ExceptionTableEntry {
  int32_t start;
  int32_t end;
  int32_t handler;
  int32_t depth;
  int32_t push_lasti;
};

// Per-name cache of LOAD_GLOBAL: where the name was found the last time.
// Valid while both dicts still have the recorded keys_version (their keys
// and entry positions have not changed since), see Dict in layouts.h.
struct GlobalCacheEntry {
  uint64_t globals_keys_version;   // 0 = empty cache entry
  uint64_t builtins_keys_version;
  int64_t index;                   // entry index in globals or builtins
  int64_t in_builtins;             // 1 when found in builtins
};

// Instructions are 32-bit words: opcode in the low 8 bits, argument in the
// high 24 bits. Jump arguments are absolute instruction indices.
inline constexpr int kOpcodeBits = 8;
inline uint32_t instr_opcode(uint32_t word) { return word & 0xffu; }
inline uint32_t instr_arg(uint32_t word) { return word >> kOpcodeBits; }
inline uint32_t make_instr(uint32_t op, uint32_t arg) { return op | (arg << kOpcodeBits); }
inline constexpr uint32_t kMaxInstrArg = (1u << 24) - 1;

// Line table ("compact line table"): a byte string of entries, each
//   uleb128(instruction count) sleb128(line delta)
// where the first entry's delta is relative to firstlineno and each next one
// relative to the previous entry's line. Instructions with no line of their
// own keep the previous line. Decoded by code_line_for() and by the tools.
struct Code : Object {
  Str* name;              // co_name
  Str* qualname;          // co_qualname
  Str* filename;          // co_filename
  int32_t firstlineno;
  int32_t argcount;       // positional parameters, posonly included
  int32_t posonlyargcount;
  int32_t kwonlyargcount;
  uint32_t flags;         // CodeFlags
  int32_t nlocalsplus;    // locals + cells + frees
  int32_t ncells;
  int32_t nfrees;
  int32_t stacksize;      // maximum value stack depth
  int32_t framesize;      // Values after the Frame header: nlocalsplus + stacksize
  int32_t ninstrs;
  int32_t linetable_size;
  int32_t nexceptions;    // entries in exception_table
  Tuple* consts;
  Tuple* names;           // global/attribute names (interned Str)
  Tuple* localsplusnames; // interned Str per localsplus slot
  uint8_t* localspluskinds;  // LocalKind per slot (malloc'd)
  uint32_t* instrs;       // malloc'd
  uint8_t* linetable;     // malloc'd
  ExceptionTableEntry* exception_table;  // malloc'd, sorted by start
  GlobalCacheEntry* global_cache;  // one per name (malloc'd, zeroed); not for tools
};

Code* code_new();  // empty; the compiler fills it
int code_line_for(const Code* code, int32_t instr_index);
void code_init();  // CodeType methods/attributes

}  // namespace pg
