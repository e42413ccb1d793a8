// set and frozenset: an unordered open-addressing hash table, laid out and
// probed like CPython's, so that sets of small ints (which hash to
// themselves) iterate in the same order as under CPython.
//
// Files: set.cpp (the table: probing, insertion, deletion, resizing,
// iteration, hashing of frozensets), set_methods.cpp (constructors, repr,
// operators, comparisons and the methods).
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace pg {

// One slot of the table. Its state is told by key and hash:
//   key null, hash 0   : empty (never used since the last resize)
//   key null, hash -1  : deleted (a "dummy": probe sequences run through it)
//   key set            : active; hash is the key's hash (never -1).
struct SetEntry {
  Value key;
  int64_t hash;
};

inline constexpr int64_t kSetMinSize = 8;

// set / frozenset (and subclasses, which append their instance dict).
//   table      : mask + 1 entries; points at `small` while mask == 7, else
//                at a malloc'd array.
//   fill       : active + deleted entries (the load of the probe sequences).
//   used       : active entries (len()).
//   finger     : where set.pop() starts looking (so repeated pops are fast).
//   hash       : frozenset only: the cached hash, -1 until computed.
//   small      : the table of small sets, inside the object.
struct Set : Object {
  SetEntry* table;
  int64_t mask;
  int64_t fill;
  int64_t used;
  int64_t finger;
  int64_t hash;
  SetEntry small[kSetMinSize];
};

// The iterator: `set` null once exhausted; `expected_used` is the set's
// size when iteration began (a change raises RuntimeError).
struct SetIterator : Object {
  Set* set;
  int64_t pos;
  int64_t expected_used;
  int64_t remaining;
};

extern Type SetType, FrozenSetType, SetIteratorType;

inline bool is_anyset(Value v) {
  return v.is_obj() && (is_subtype(v.obj()->type, &SetType) || is_subtype(v.obj()->type, &FrozenSetType));
}
inline bool is_set_not_frozen(Value v) { return v.is_obj() && is_subtype(v.obj()->type, &SetType); }

// ---- the table (set.cpp) -------------------------------------------------
// An empty set of `type` (set, frozenset or a subclass).
Set* set_alloc(Type* type);
// Adds key (hashing it); -1 on error (unhashable, or a failing __eq__).
int set_add(Set* s, Value key);
int set_add_hashed(Set* s, Value key, int64_t hash);
// 1 found, 0 not, -1 error. The plain forms hash `key` themselves.
int set_contains_hashed(Set* s, Value key, int64_t hash);
int set_contains_key(Set* s, Value key);
// Removes key: 1 removed, 0 absent, -1 error.
int set_discard_hashed(Set* s, Value key, int64_t hash);
int set_discard_key(Set* s, Value key);
// Next active entry at or after *pos (table order); false at the end.
bool set_next(Set* s, int64_t* pos, Value* key, int64_t* hash);
// Removes and returns an arbitrary item (CPython's choice); KeyError
// "pop from an empty set".
Value set_pop(Set* s);
void set_clear(Set* s);
// Rebuilds the table for `minused` entries (drops dummies).
void set_resize(Set* s, int64_t minused);
// Adds everything of `other`: a set/frozenset (fast merge, no hashing), a
// dict (its keys) or any iterable. -1 on error.
int set_update(Set* s, Value other);
// Exchanges the contents of two sets (intersection_update builds the
// result aside, then takes it over).
void set_swap_bodies(Set* a, Set* b);
// CPython's frozenset hash (order independent; cached).
int64_t frozenset_hash_of(Set* s);

// ---- building (set_methods.cpp) -----------------------------------------
// A new set/frozenset of `type` holding the items of `iterable` (may be null).
Value set_from_iterable(Type* type, Value iterable);
// {a, b, c}: a set of items[0 .. n) (BUILD_SET; the items must be rooted).
Value set_build(const Value* items, int64_t n);
// set(...) or frozenset(...) as the base type of `t` (what operators return
// for subclasses).
Type* set_base_type(Type* t);

void sets_init();
// Makes dict_keys and dict_items set-like (set_views.cpp).
void set_views_init();

}  // namespace pg
