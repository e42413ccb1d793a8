// The hash table behind set and frozenset (see set.h for the layout).
//
// Probing follows CPython's scheme so that iteration order agrees with it
// whenever the hashes agree (ints, floats, tuples of them): from slot
// hash & mask, look at up to 9 following slots linearly (cheap, cache
// friendly), then jump with i = i * 5 + 1 + perturb, where perturb starts
// as the hash and loses 5 bits per jump (so every bit of the hash matters
// and the sequence ends up visiting every slot). The table is kept at most
// 60% full counting deleted slots; when an insertion passes that, the
// table is rebuilt for 4x the live entries (2x for very large sets).
//
// Key comparisons take fast paths for identical keys, small ints and exact
// strs; other keys go through obj_eq, which may run Python code that even
// mutates the set: the probe then restarts, like CPython's.
#include <cstdlib>
#include <cstring>

#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/set.h"

namespace pg {

namespace {

constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;

SetEntry* alloc_table(int64_t size) {
  auto* t = static_cast<SetEntry*>(calloc(size_t(size), sizeof(SetEntry)));
  if (!t) {
    fputs("pyglass: out of memory\n", stderr);
    abort();
  }
  gc_note_external(size * int64_t(sizeof(SetEntry)));
  return t;
}

void free_table(Set* s) {
  if (s->table != s->small) {
    gc_note_external(-(s->mask + 1) * int64_t(sizeof(SetEntry)));
    free(s->table);
  }
}

// Places a key known to be absent into a table without dummies.
void insert_clean(SetEntry* table, uint64_t mask, Value key, int64_t hash) {
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key.is_null()) goto found;
    if (i + kLinearProbes <= mask) {
      for (int j = 0; j < kLinearProbes; j++) {
        entry++;
        if (entry->key.is_null()) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    entry->key = key;
    entry->hash = hash;
    return;
  }
}

// key == other through the fast paths or obj_eq: 1/0, -1 on error, 2 when
// the set changed meanwhile (the caller restarts its probe).
int keys_equal(Set* s, SetEntry* entry, Value key) {
  Value other = entry->key;
  if (other == key) return 1;
  if (other.is_small() && key.is_small()) return 0;
  if (is_exact_str(other) && is_exact_str(key)) return str_equal(other.as<Str>(), key.as<Str>()) ? 1 : 0;
  SetEntry* table = s->table;
  Rooted keep(&other);
  int eq = obj_eq(other, key);
  if (eq < 0) return -1;
  if (s->table != table || entry->key != other) return 2;
  return eq;
}

// Finds key: the active entry, or null when absent; *error set on failure.
SetEntry* lookup(Set* s, Value key, int64_t hash, bool* error) {
  *error = false;
restart:
  uint64_t mask = uint64_t(s->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  for (;;) {
    SetEntry* entry = &s->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->key.is_null()) {
        if (entry->hash == 0) return nullptr;
      } else if (entry->hash == hash) {
        int eq = keys_equal(s, entry, key);
        if (eq < 0) {
          *error = true;
          return nullptr;
        }
        if (eq == 2) goto restart;
        if (eq) return entry;
        mask = uint64_t(s->mask);
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

}  // namespace

Set* set_alloc(Type* type) {
  Set* s = static_cast<Set*>(gc_alloc(type, type->instance_size ? type->instance_size : sizeof(Set)));
  s->table = s->small;
  s->mask = kSetMinSize - 1;
  s->hash = -1;
  return s;
}

void set_resize(Set* s, int64_t minused) {
  int64_t newsize = kSetMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* old = s->table;
  int64_t oldsize = s->mask + 1;
  SetEntry small_copy[kSetMinSize];
  bool old_is_small = old == s->small;
  if (old_is_small) {
    memcpy(small_copy, s->small, sizeof small_copy);
    old = small_copy;
  }
  SetEntry* fresh;
  if (newsize == kSetMinSize) {
    fresh = s->small;
    for (SetEntry& e : s->small) e = SetEntry{};
  } else {
    fresh = alloc_table(newsize);
  }
  if (!old_is_small) {
    gc_note_external(-oldsize * int64_t(sizeof(SetEntry)));
  }
  for (int64_t i = 0; i < oldsize; i++)
    if (!old[i].key.is_null()) insert_clean(fresh, uint64_t(newsize - 1), old[i].key, old[i].hash);
  if (!old_is_small) free(old);
  s->table = fresh;
  s->mask = newsize - 1;
  s->fill = s->used;
}

int set_add_hashed(Set* s, Value key, int64_t hash) {
  Rooted keep(&key);
restart:
  uint64_t mask = uint64_t(s->mask);
  uint64_t perturb = uint64_t(hash);
  uint64_t i = uint64_t(hash) & mask;
  SetEntry* freeslot = nullptr;
  SetEntry* entry;
  for (;;) {
    entry = &s->table[i];
    int probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->key.is_null()) {
        if (entry->hash == 0) goto found_unused_or_dummy;
        freeslot = entry;
      } else if (entry->hash == hash) {
        int eq = keys_equal(s, entry, key);
        if (eq < 0) return -1;
        if (eq == 2) goto restart;
        if (eq) return 0;  // already there
        mask = uint64_t(s->mask);
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot) {
    freeslot->key = key;
    freeslot->hash = hash;
    s->used++;
    return 0;
  }
  entry->key = key;
  entry->hash = hash;
  s->fill++;
  s->used++;
  if (uint64_t(s->fill) * 5 < mask * 3) return 0;
  set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
  return 0;
}

int set_add(Set* s, Value key) {
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return -1;
  return set_add_hashed(s, key, hash);
}

int set_contains_hashed(Set* s, Value key, int64_t hash) {
  bool error;
  SetEntry* e = lookup(s, key, hash, &error);
  if (error) return -1;
  return e ? 1 : 0;
}

int set_contains_key(Set* s, Value key) {
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return -1;
  return set_contains_hashed(s, key, hash);
}

int set_discard_hashed(Set* s, Value key, int64_t hash) {
  bool error;
  SetEntry* e = lookup(s, key, hash, &error);
  if (error) return -1;
  if (!e) return 0;
  e->key = Value();
  e->hash = -1;
  s->used--;
  return 1;
}

int set_discard_key(Set* s, Value key) {
  int64_t hash;
  if (!dict_key_hash(key, &hash)) return -1;
  return set_discard_hashed(s, key, hash);
}

bool set_next(Set* s, int64_t* pos, Value* key, int64_t* hash) {
  for (int64_t i = *pos; i <= s->mask; i++) {
    if (s->table[i].key.is_null()) continue;
    *pos = i + 1;
    if (key) *key = s->table[i].key;
    if (hash) *hash = s->table[i].hash;
    return true;
  }
  *pos = s->mask + 1;
  return false;
}

Value set_pop(Set* s) {
  if (s->used == 0) return raise(&KeyErrorType, "pop from an empty set");
  int64_t i = s->finger & s->mask;
  while (s->table[i].key.is_null()) i = (i + 1) & s->mask;
  Value key = s->table[i].key;
  s->table[i].key = Value();
  s->table[i].hash = -1;
  s->used--;
  s->finger = i + 1;
  return key;
}

void set_clear(Set* s) {
  free_table(s);
  for (SetEntry& e : s->small) e = SetEntry{};
  s->table = s->small;
  s->mask = kSetMinSize - 1;
  s->fill = s->used = 0;
  s->finger = 0;
}

namespace {

// Merges another set: copies the slots verbatim when possible (same
// layout as CPython's merge, so copies iterate in the same order).
int merge_set(Set* s, Set* other) {
  if (other == s || other->used == 0) return 0;
  if (uint64_t(s->fill + other->used) * 5 >= uint64_t(s->mask) * 3)
    set_resize(s, (s->used + other->used) * 2);
  if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; i++)
      if (!other->table[i].key.is_null()) s->table[i] = other->table[i];
    s->fill = s->used = other->used;
    return 0;
  }
  if (s->fill == 0) {
    for (int64_t i = 0; i <= other->mask; i++)
      if (!other->table[i].key.is_null())
        insert_clean(s->table, uint64_t(s->mask), other->table[i].key, other->table[i].hash);
    s->fill = s->used = other->used;
    return 0;
  }
  // Keys are already hashed and distinct; equality may still run code.
  Value keep_other = Value(other);
  Rooted keep(&keep_other);
  int64_t pos = 0;
  Value key;
  int64_t hash;
  while (set_next(other, &pos, &key, &hash))
    if (set_add_hashed(s, key, hash) < 0) return -1;
  return 0;
}

}  // namespace

int set_update(Set* s, Value other) {
  if (is_anyset(other)) return merge_set(s, other.as<Set>());
  if (other.is_obj() && other.obj()->type == &DictType) {
    Dict* d = other.as<Dict>();
    if (uint64_t(s->fill + d->size) * 5 >= uint64_t(s->mask) * 3) set_resize(s, (s->used + d->size) * 2);
    for (int64_t i = 0; i < d->used; i++) {
      DictEntry e = d->entries[i];
      if (e.key.is_null()) continue;
      if (set_add_hashed(s, e.key, e.hash) < 0) return -1;
    }
    return 0;
  }
  Value it = obj_iter(other);
  if (it.is_null()) return -1;
  Rooted keep_it(&it);
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? -1 : 0;
    Rooted keep_item(&item);
    if (set_add(s, item) < 0) return -1;
  }
}

// Like CPython's, this leaves each set's pop finger where it was.
void set_swap_bodies(Set* a, Set* b) {
  bool a_small = a->table == a->small, b_small = b->table == b->small;
  SetEntry tmp_small[kSetMinSize];
  memcpy(tmp_small, a->small, sizeof tmp_small);
  memcpy(a->small, b->small, sizeof tmp_small);
  memcpy(b->small, tmp_small, sizeof tmp_small);
  SetEntry* a_table = a->table;
  a->table = b_small ? a->small : b->table;
  b->table = a_small ? b->small : a_table;
  std::swap(a->mask, b->mask);
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  a->hash = b->hash = -1;
}

// Mixes one entry hash so that sets whose hashes differ in a few bits
// still spread (the XOR of all of them is order independent).
static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

int64_t frozenset_hash_of(Set* s) {
  if (s->hash != -1) return s->hash;
  // XOR over every slot, empty and deleted ones included, then cancel the
  // contribution of those: the result depends only on the active hashes.
  uint64_t h = 0;
  for (int64_t i = 0; i <= s->mask; i++) h ^= shuffle_bits(uint64_t(s->table[i].hash));
  if ((s->mask + 1 - s->fill) & 1) h ^= shuffle_bits(0);
  if ((s->fill - s->used) & 1) h ^= shuffle_bits(uint64_t(int64_t(-1)));
  h ^= (uint64_t(s->used) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  if (h == uint64_t(int64_t(-1))) h = 590923713ull;
  s->hash = int64_t(h);
  return s->hash;
}

// ---------------------------------------------------------------------------
// GC and the iterator.
// ---------------------------------------------------------------------------
namespace {

void set_trace(Object* self, Visitor& v) {
  Set* s = static_cast<Set*>(self);
  for (int64_t i = 0; i <= s->mask; i++) v.visit(s->table[i].key);
}

void set_finalize(Object* self) {
  Set* s = static_cast<Set*>(self);
  free_table(s);
  s->table = s->small;
  s->mask = kSetMinSize - 1;
  s->used = s->fill = 0;
}

Value set_iterator_self(Value self) { return self; }

Value set_iternext(Value self) {
  SetIterator* it = self.as<SetIterator>();
  Set* s = it->set;
  if (!s) return Value();
  if (s->used != it->expected_used) {
    it->expected_used = -1;  // stays broken, like CPython's
    return raise(&RuntimeErrorType, "Set changed size during iteration");
  }
  Value key;
  if (!set_next(s, &it->pos, &key, nullptr)) {
    it->set = nullptr;
    return Value();
  }
  it->remaining--;
  return key;
}

void set_iterator_trace(Object* self, Visitor& v) {
  SetIterator* it = static_cast<SetIterator*>(self);
  if (it->set) v.visit(Value(it->set));
}

}  // namespace

Value set_iter(Value self) {
  SetIterator* it = gc_new<SetIterator>(&SetIteratorType);
  it->set = self.as<Set>();
  it->expected_used = it->set->used;
  it->remaining = it->set->used;
  return Value(it);
}

void set_trace_entries(Object* self, Visitor& v) { set_trace(self, v); }
void set_finalize_entries(Object* self) { set_finalize(self); }

Type SetIteratorType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "set_iterator";
  t.base = &ObjectType;
  t.instance_size = sizeof(SetIterator);
  t.iter = set_iterator_self;
  t.iternext = set_iternext;
  t.trace = set_iterator_trace;
  return t;
}();

}  // namespace pg
