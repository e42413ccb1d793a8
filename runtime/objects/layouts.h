// Memory layouts of the core object types.
//
// These structs are read by the eval loop's fast paths and, through the debug
// table (include/pyglass/debug_abi.h), by the out-of-process tools. Change a
// field here and the debug table plus docs/frame-layout.md change with it.
#pragma once

#include <gmp.h>

#include "objects/object.h"

namespace pg {

// bool: True/False are the only two instances (static). `value` is 0 or 1.
struct BoolObject : Object {
  int64_t value;
};

// Arbitrary-precision int that does not fit a small int (see Value). The
// mpz is always initialised; its limbs are owned (freed by finalize).
struct BigInt : Object {
  mpz_t z;
};

struct Float : Object {
  double value;
};

// Immutable UTF-8 string.
//   hash    : -1 until computed.
//   length  : number of code points.
//   nbytes  : number of UTF-8 bytes in data (data[nbytes] == '\0').
//   ascii   : 1 when every byte < 0x80 (then index i is byte i).
//   interned: 1 when this object is the canonical copy in the intern table.
//   unique  : 1 while the string is the unshared buffer of a function local
//             that `x += ...` grows in place (see str_append_in_place); any
//             other read of that local clears it. Its block may then hold
//             spare bytes after data[nbytes].
struct Str : Object {
  int64_t hash;
  int64_t length;
  int64_t nbytes;
  uint8_t ascii;
  uint8_t interned;
  uint8_t unique;
  char data[];  // nbytes + 1
};

struct Tuple : Object {
  int64_t size;
  Value items[];
};

// items[0 .. size) are valid values; capacity >= size; items is malloc'd
// (null when capacity == 0).
struct List : Object {
  Value* items;
  int64_t size;
  int64_t capacity;
};

// Compact ordered dict (like CPython's): `entries` keeps insertion order,
// `indices` is the open-addressing hash index into entries.
//   entries[0 .. used)  : entries in insertion order; a deleted entry has a
//                         null key (and is skipped).
//   size                : live entries.
//   indices[0 .. mask]  : -1 empty, -2 deleted, else an entry index.
//   version             : bumped on every mutation (iteration guards).
//   keys_version        : bumped when the set of keys or the position of an
//                         entry changes (insert, delete, resize, clear), not
//                         when a value is replaced: the eval loop caches the
//                         entry index of a global under it.
// Both come from one process-wide counter, so two dicts never share a
// non-zero version.
struct DictEntry {
  int64_t hash;
  Value key;
  Value value;
};
struct Dict : Object {
  DictEntry* entries;
  int64_t used;
  int64_t size;
  int64_t entries_capacity;
  int64_t* indices;
  int64_t mask;  // index table size - 1 (a power of two minus one)
  uint64_t version;
  uint64_t keys_version;
};

struct Range : Object {
  int64_t start;
  int64_t stop;
  int64_t step;
  int64_t length;
};

struct Slice : Object {
  Value start;  // None when omitted
  Value stop;
  Value step;
};

struct NativeFunction : Object {
  const char* name;
  NativeFn fn;
  Value self;      // bound object (methods) or null
  uint32_t flags;  // NativeFlags
  Type* owner;     // type that defines the method (for repr), or null
};

// A Python function bound to an instance: what `obj.method` gives when
// read as a value (a call `obj.method(...)` skips it, see LOAD_METHOD).
// Both fields are always valid.
struct BoundMethod : Object {
  Value function;
  Value self;
};

// An instance of a class statement whose layout comes from `object` (no
// built-in base with state of its own). The type's dict_offset points at
// `dict`.
//   dict : the instance attributes (__dict__); null until the first one is
//          set (or __dict__ is read).
// Instances of classes deriving from a built-in type with state use that
// type's layout instead: exceptions keep ExceptionObject (which has its own
// dict), list/dict/int/float subclasses get a `Dict*` appended after the
// built-in struct, str/tuple subclasses have no dict. Type::dict_offset
// says where the dict is.
struct Instance : Object {
  Dict* dict;
};

// staticmethod(f) and classmethod(f): `callable` is always valid (any
// object; normally a function).
struct MethodWrapper : Object {
  Value callable;
  Dict* dict;  // attributes set on the wrapper; null until needed
};

// property(fget, fset, fdel, doc): each accessor is None when absent; `doc`
// is None or the docstring; `name` is the attribute name once the class
// statement told it (__set_name__), else null (used in error messages).
struct Property : Object {
  Value fget;
  Value fset;
  Value fdel;
  Value doc;
  Value name;
};

// super(type, obj): attribute lookups start after `type` in the MRO of
// `obj_type`. `obj` is the instance (or the class, for classmethods) the
// found methods bind to; obj_type is type(obj) or obj itself when obj is a
// class. All fields are valid.
struct Super : Object {
  Type* type;
  Value obj;
  Type* obj_type;
};

// A cell for closures (later slices use it; the frame layout reserves slots).
struct Cell : Object {
  Value contents;  // null when empty
};

struct Module : Object {
  Str* name;
  Dict* dict;
};

// Exception instances. `args` is always a tuple. traceback, cause and
// context are null when absent.
struct ExceptionObject : Object {
  Tuple* args;
  Value traceback;
  Value cause;
  Value context;
  uint8_t suppress_context;
  Dict* dict;  // attributes set on the instance; null until needed
};

}  // namespace pg
