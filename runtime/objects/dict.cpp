// dict: the compact, insertion-ordered hash table of layouts.h.
//
//   entries[0 .. used)   key/value/hash in insertion order; a deleted entry
//                        keeps its place with a null key (a tombstone), so
//                        iteration order never changes under deletion.
//   indices[0 .. mask]   open addressing into entries: -1 empty, -2 deleted.
//
// The index table is at most 2/3 full counting tombstones (entries_capacity
// is 2/3 of its size), so every probe sequence reaches an empty slot. When
// the entry array is full the table is rebuilt with the live entries only,
// sized for three times as many: tombstones disappear then.
//
// Lookups have fast paths for the common keys: identity first, then exact
// str keys compare bytes and small ints compare bits without any call; only
// other keys go through obj_eq, which can run Python code (a user __eq__
// can even mutate the dict: the lookup then restarts, like CPython's).
//
// The constructor, repr, ==, | and the methods are in dict_methods.cpp,
// views and iterators in dict_views.cpp.
#include <cstdlib>
#include <cstring>

#include "objects/containers.h"
#include "objects/gc.h"

namespace pg {

namespace {

constexpr int64_t kSlotEmpty = -1;
constexpr int64_t kSlotDeleted = -2;
constexpr int64_t kMinIndexSize = 8;
constexpr int64_t kLookupError = -2;

uint64_t g_dict_version = 0;

inline int64_t usable_for(int64_t index_size) { return index_size * 2 / 3; }

inline void bump_version(Dict* d) { d->version = ++g_dict_version; }
inline void bump_keys_version(Dict* d) { d->keys_version = ++g_dict_version; }

int64_t index_bytes(int64_t index_size) { return index_size * int64_t(sizeof(int64_t)); }
int64_t entry_bytes(int64_t capacity) { return capacity * int64_t(sizeof(DictEntry)); }

void* checked_malloc(size_t n) {
  void* p = malloc(n ? n : 1);
  if (!p) {
    fputs("pyglass: out of memory\n", stderr);
    abort();
  }
  return p;
}

// First empty or deleted slot on the probe sequence of `hash`.
int64_t find_free_slot(const Dict* d, int64_t hash) {
  uint64_t mask = uint64_t(d->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  while (d->indices[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return int64_t(i);
}

// Smallest index table (a power of two) whose usable part holds n entries.
int64_t index_size_for(int64_t n) {
  int64_t index_size = kMinIndexSize;
  while (usable_for(index_size) < n) index_size <<= 1;
  return index_size;
}

// Rebuilds the table with `index_size` slots, keeping only the live
// entries (in order).
void rebuild(Dict* d, int64_t index_size) {
  int64_t capacity = usable_for(index_size);
  auto* indices = static_cast<int64_t*>(checked_malloc(size_t(index_bytes(index_size))));
  for (int64_t i = 0; i < index_size; i++) indices[i] = kSlotEmpty;
  auto* entries = static_cast<DictEntry*>(checked_malloc(size_t(entry_bytes(capacity))));
  int64_t n = 0;
  for (int64_t i = 0; i < d->used; i++)
    if (!d->entries[i].key.is_null()) entries[n++] = d->entries[i];
  gc_note_external(index_bytes(index_size) + entry_bytes(capacity) -
                   (d->indices ? index_bytes(d->mask + 1) : 0) - entry_bytes(d->entries_capacity));
  free(d->indices);
  free(d->entries);
  d->indices = indices;
  d->entries = entries;
  d->mask = index_size - 1;
  d->entries_capacity = capacity;
  d->used = n;
  for (int64_t i = 0; i < n; i++) indices[find_free_slot(d, entries[i].hash)] = i;
  bump_keys_version(d);
}

// key == entries[ix].key through obj_eq, which may run Python code: 1/0,
// -1 on error, 2 when the dict changed meanwhile (the lookup must restart).
// Out of line so the probe loop below stays small and keeps its registers.
__attribute__((noinline)) int slow_key_equal(Dict* d, int64_t ix, Value key) {
  int64_t* indices = d->indices;
  DictEntry* entries = d->entries;
  Value other = entries[ix].key;
  Rooted keep(&other);
  int eq = obj_eq(other, key);
  if (eq < 0) return -1;
  if (d->indices != indices || d->entries != entries || entries[ix].key != other) return 2;
  return eq;
}

// Finds `key`. Returns its entry index, -1 when absent (then *slot is where
// to insert it) or kLookupError. When found, *slot is its index slot.
int64_t lookup(Dict* d, Value key, int64_t hash, int64_t* slot) {
  bool key_is_str = key.is_obj() && key.obj()->type == &StrType;
restart:
  if (!d->indices) {
    *slot = -1;
    return -1;
  }
  uint64_t mask = uint64_t(d->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  int64_t first_deleted = -1;
  for (;;) {
    int64_t ix = d->indices[i];
    if (ix == kSlotEmpty) {
      *slot = first_deleted >= 0 ? first_deleted : int64_t(i);
      return -1;
    }
    if (ix == kSlotDeleted) {
      if (first_deleted < 0) first_deleted = int64_t(i);
    } else {
      const DictEntry* e = &d->entries[ix];
      if (e->key == key) {
        *slot = int64_t(i);
        return ix;
      }
      if (e->hash == hash) {
        Value other = e->key;
        int eq;
        if (key_is_str && other.is_obj() && other.obj()->type == &StrType) {
          eq = str_equal(key.as<Str>(), other.as<Str>());
        } else if (key.is_small() && other.is_small()) {
          eq = 0;  // distinct small ints are never equal
        } else {
          eq = slow_key_equal(d, ix, key);
          if (eq < 0) return kLookupError;
          if (eq == 2) goto restart;
        }
        if (eq) {
          *slot = int64_t(i);
          return ix;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Lookup of a str key comparing only with str keys: never runs code.
int64_t lookup_str(const Dict* d, Str* key, int64_t hash, int64_t* slot) {
  if (!d->indices) {
    *slot = -1;
    return -1;
  }
  uint64_t mask = uint64_t(d->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  int64_t first_deleted = -1;
  for (;;) {
    int64_t ix = d->indices[i];
    if (ix == kSlotEmpty) {
      *slot = first_deleted >= 0 ? first_deleted : int64_t(i);
      return -1;
    }
    if (ix == kSlotDeleted) {
      if (first_deleted < 0) first_deleted = int64_t(i);
    } else {
      const DictEntry* e = &d->entries[ix];
      if (e->key == Value(key)) {
        *slot = int64_t(i);
        return ix;
      }
      // Two distinct interned strings are never equal.
      if (e->hash == hash && is_str(e->key) &&
          !(key->interned && e->key.as<Str>()->interned) && str_equal(key, e->key.as<Str>())) {
        *slot = int64_t(i);
        return ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Stores key/value at `slot` (from a failed lookup) as a new entry.
void insert_new(Dict* d, Value key, int64_t hash, Value value, int64_t slot) {
  if (!d->indices || d->used == d->entries_capacity) {
    // Like CPython: an index table of at least 3x the live entries, so the
    // table has room for as many new entries again before the next rebuild.
    int64_t index_size = kMinIndexSize;
    while (index_size < d->size * 3) index_size <<= 1;
    rebuild(d, index_size);
    slot = find_free_slot(d, hash);
  }
  int64_t ix = d->used++;
  d->entries[ix].hash = hash;
  d->entries[ix].key = key;
  d->entries[ix].value = value;
  d->indices[slot] = ix;
  d->size++;
  bump_version(d);
  bump_keys_version(d);
}

void remove_entry(Dict* d, int64_t ix, int64_t slot) {
  d->indices[slot] = kSlotDeleted;
  d->entries[ix].key = Value();
  d->entries[ix].value = Value();
  d->size--;
  bump_version(d);
  bump_keys_version(d);
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API.
// ---------------------------------------------------------------------------
uint64_t dict_next_version() { return ++g_dict_version; }

bool dict_key_hash(Value key, int64_t* out) {
  if (key.is_small()) {
    *out = small_int_hash(key.small_value());
    return true;
  }
  if (key.obj()->type == &StrType) {
    *out = str_hash(key.as<Str>());
    return true;
  }
  return obj_hash(key, out);
}

Dict* dict_new() {
  Dict* d = gc_new<Dict>(&DictType);
  d->version = ++g_dict_version;
  return d;
}

int64_t dict_size(const Dict* d) { return d->size; }

Value dict_get_with_hash(Dict* d, Value key, int64_t hash) {
  if (d->size == 0) return Value();
  int64_t slot;
  int64_t ix = lookup(d, key, hash, &slot);
  return ix >= 0 ? d->entries[ix].value : Value();
}

Value dict_get(Dict* d, Value key) {
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return Value();
  return dict_get_with_hash(d, key, hash);
}

Value dict_getitem(Dict* d, Value key) {
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return Value();
  Value v = dict_get_with_hash(d, key, hash);
  if (v.is_null() && !error_occurred()) return raise_with_value(&KeyErrorType, key);
  return v;
}

int64_t dict_lookup_index_str(Dict* d, Str* key) {
  int64_t slot;
  return lookup_str(d, key, str_hash(key), &slot);
}

Value dict_get_str(Dict* d, Str* key) {
  if (d->size == 0) return Value();
  int64_t slot;
  int64_t ix = lookup_str(d, key, str_hash(key), &slot);
  return ix >= 0 ? d->entries[ix].value : Value();
}

int dict_set(Dict* d, Value key, Value v) {
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return -1;
  int64_t slot;
  int64_t ix = lookup(d, key, hash, &slot);
  if (ix == kLookupError) return -1;
  if (ix >= 0) {
    d->entries[ix].value = v;
    bump_version(d);
    return 0;
  }
  insert_new(d, key, hash, v, slot);
  return 0;
}

int dict_set_str(Dict* d, Str* key, Value v) {
  int64_t hash = str_hash(key);
  int64_t slot;
  int64_t ix = lookup_str(d, key, hash, &slot);
  if (ix >= 0) {
    d->entries[ix].value = v;
    bump_version(d);
    return 0;
  }
  insert_new(d, Value(key), hash, v, slot);
  return 0;
}

int dict_del(Dict* d, Value key) {
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return -1;
  int64_t slot;
  int64_t ix = d->size ? lookup(d, key, hash, &slot) : -1;
  if (ix == kLookupError) return -1;
  if (ix < 0) {
    raise_with_value(&KeyErrorType, key);
    return -1;
  }
  remove_entry(d, ix, slot);
  return 0;
}

// Removes key and returns its value; null when missing (no error) or on
// error (error_occurred()).
Value dict_pop_item(Dict* d, Value key) {
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return Value();
  if (d->size == 0) return Value();
  int64_t slot;
  int64_t ix = lookup(d, key, hash, &slot);
  if (ix < 0) return Value();
  Value v = d->entries[ix].value;
  remove_entry(d, ix, slot);
  return v;
}

bool dict_popitem(Dict* d, Value* key, Value* value) {
  int64_t ix = d->used - 1;
  while (ix >= 0 && d->entries[ix].key.is_null()) ix--;
  if (ix < 0) return false;
  DictEntry* e = &d->entries[ix];
  *key = e->key;
  *value = e->value;
  // Find the index slot that refers to entry ix.
  uint64_t mask = uint64_t(d->mask);
  uint64_t perturb = uint64_t(e->hash);
  uint64_t i = uint64_t(e->hash) & mask;
  while (d->indices[i] != ix) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  remove_entry(d, ix, int64_t(i));
  // Later entries are all tombstones: drop them so repeated popitem() and
  // the following inserts reuse the space.
  d->used = ix;
  return true;
}

bool dict_next(Dict* d, int64_t* pos, Value* key, Value* value) {
  for (int64_t i = *pos; i < d->used; i++) {
    DictEntry* e = &d->entries[i];
    if (e->key.is_null()) continue;
    *pos = i + 1;
    if (key) *key = e->key;
    if (value) *value = e->value;
    return true;
  }
  *pos = d->used;
  return false;
}

void dict_clear(Dict* d) {
  gc_note_external(-(d->indices ? index_bytes(d->mask + 1) : 0) - entry_bytes(d->entries_capacity));
  free(d->indices);
  free(d->entries);
  d->indices = nullptr;
  d->entries = nullptr;
  d->mask = 0;
  d->used = d->size = d->entries_capacity = 0;
  bump_version(d);
  bump_keys_version(d);
}

Dict* dict_copy(Dict* d) {
  Dict* c = dict_new();
  if (d->size == 0) return c;
  rebuild(c, index_size_for(d->size));
  for (int64_t i = 0; i < d->used; i++) {
    DictEntry* e = &d->entries[i];
    if (e->key.is_null()) continue;
    int64_t ix = c->used++;
    c->entries[ix] = *e;
    c->indices[find_free_slot(c, e->hash)] = ix;
  }
  c->size = c->used;
  return c;
}

int dict_merge(Dict* d, Dict* other, bool override) {
  if (other == d || other->size == 0) return 0;
  if (d->size == 0 && override) {
    // Copying into an empty dict: no lookups needed.
    rebuild(d, index_size_for(other->size));
    for (int64_t i = 0; i < other->used; i++) {
      DictEntry* e = &other->entries[i];
      if (e->key.is_null()) continue;
      int64_t ix = d->used++;
      d->entries[ix] = *e;
      d->indices[find_free_slot(d, e->hash)] = ix;
    }
    d->size = d->used;
    bump_version(d);
    return 0;
  }
  // Entries are re-read by index: a key's __eq__ may mutate `other`.
  for (int64_t i = 0; i < other->used; i++) {
    DictEntry e = other->entries[i];
    if (e.key.is_null()) continue;
    Value key = e.key, value = e.value;
    Rooted keep_key(&key);
    Rooted keep_value(&value);
    int64_t slot;
    int64_t ix = lookup(d, key, e.hash, &slot);
    if (ix == kLookupError) return -1;
    if (ix >= 0) {
      if (override) {
        d->entries[ix].value = value;
        bump_version(d);
      }
    } else {
      insert_new(d, key, e.hash, value, slot);
    }
  }
  return 0;
}

Dict* dict_from_kwargs(const Value* kwvalues, Tuple* kwnames) {
  Dict* d = dict_new();
  int64_t n = kwnames ? kwnames->size : 0;
  for (int64_t i = 0; i < n; i++) dict_set_str(d, kwnames->items[i].as<Str>(), kwvalues[i]);
  return d;
}

Value dict_keys_list(Dict* d) {
  List* l = list_with_capacity(d->size);
  for (int64_t i = 0; i < d->used; i++)
    if (!d->entries[i].key.is_null()) l->items[l->size++] = d->entries[i].key;
  return Value(l);
}

Value dict_values_list(Dict* d) {
  List* l = list_with_capacity(d->size);
  for (int64_t i = 0; i < d->used; i++)
    if (!d->entries[i].key.is_null()) l->items[l->size++] = d->entries[i].value;
  return Value(l);
}

Value dict_items_list(Dict* d) {
  Value result = Value(list_with_capacity(d->size));
  List* l = result.as<List>();
  for (int64_t i = 0; i < d->used; i++) {
    DictEntry* e = &d->entries[i];
    if (!e->key.is_null()) l->items[l->size++] = Value(tuple_from({e->key, e->value}));
  }
  return result;
}

// ---------------------------------------------------------------------------
// Slots.
// ---------------------------------------------------------------------------
namespace {

int64_t dict_len(Value self) { return self.as<Dict>()->size; }

Str* g_missing_name;

Value dict_subscript(Value self, Value key) {
  Dict* d = self.as<Dict>();
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return Value();
  Value v = dict_get_with_hash(d, key, hash);
  if (!v.is_null() || error_occurred()) return v;
  if (d->type != &DictType) {
    // A subclass may define __missing__ (like collections.defaultdict).
    if (!g_missing_name) g_missing_name = str_intern("__missing__");
    Value missing = type_lookup(d->type, g_missing_name);
    if (!missing.is_null()) {
      Value args[2] = {self, key};
      return call(missing, args, 2);
    }
  }
  return raise_with_value(&KeyErrorType, key);
}

int dict_ass_subscript(Value self, Value key, Value v) {
  if (v.is_null()) return dict_del(self.as<Dict>(), key);
  return dict_set(self.as<Dict>(), key, v);
}

int dict_contains(Value self, Value key) {
  Dict* d = self.as<Dict>();
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return -1;
  if (d->size == 0) return 0;
  int64_t slot;
  int64_t ix = lookup(d, key, hash, &slot);
  if (ix == kLookupError) return -1;
  return ix >= 0 ? 1 : 0;
}

void dict_trace(Object* self, Visitor& v) {
  Dict* d = static_cast<Dict*>(self);
  for (int64_t i = 0; i < d->used; i++) {
    v.visit(d->entries[i].key);
    v.visit(d->entries[i].value);
  }
}

void dict_finalize(Object* self) {
  Dict* d = static_cast<Dict*>(self);
  gc_note_external(-(d->indices ? index_bytes(d->mask + 1) : 0) - entry_bytes(d->entries_capacity));
  free(d->indices);
  free(d->entries);
  d->indices = nullptr;
  d->entries = nullptr;
}

}  // namespace

// dict_methods.cpp
Value dict_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
Value dict_repr(Value self);
Value dict_compare(Value a, Value b, CompareOp op);
Value dict_binop(Value a, Value b, BinaryOp op);
Value dict_iter(Value self);  // dict_views.cpp

Type DictType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "dict";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeDictSubclass;
  t.instance_size = sizeof(Dict);
  t.repr = dict_repr;
  t.compare = dict_compare;  // no hash: dicts are unhashable
  t.binop = dict_binop;
  t.len = dict_len;
  t.iter = dict_iter;
  t.getitem = dict_subscript;
  t.setitem = dict_ass_subscript;
  t.contains = dict_contains;
  t.construct = dict_construct;
  t.trace = dict_trace;
  t.finalize = dict_finalize;
  return t;
}();

void dict_methods_init();  // dict_methods.cpp

void dict_init() {
  dict_methods_init();
  type_ready(&DictType);
}

}  // namespace pg
