// The built-in containers beyond what object.h declares: str, tuple, list,
// dict, range and slice extras, their iterator layouts (so the eval loop can
// specialise FOR_ITER on them) and helpers other parts of the VM use.
//
// Files: containers.cpp (start-up, shared helpers), str*.cpp, tuple.cpp,
// list.cpp, list_methods.cpp, list_sort.cpp, dict.cpp, dict_methods.cpp,
// dict_views.cpp, range.cpp, slice.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/layouts.h"
#include "objects/object.h"

namespace pg {

struct Visitor;

// Called once at start-up (after the collector and the core types exist):
// adds the methods of every container type and readies the types.
void containers_init();

// Iterator and view types (their layouts below).
extern Type StrAsciiIteratorType, StrIteratorType, TupleIteratorType, ListIteratorType,
    ListReverseIteratorType, RangeIteratorType, LongRangeIteratorType, DictKeyIteratorType,
    DictValueIteratorType, DictItemIteratorType, DictKeysType, DictValuesType, DictItemsType;

// ---------------------------------------------------------------------------
// Equality with the common cases inline: identity, two small ints, two exact
// strs; everything else goes through obj_eq. -1 on error.
// ---------------------------------------------------------------------------
inline int fast_eq(Value a, Value b) {
  if (a == b) return 1;
  if (a.is_small() && b.is_small()) return 0;
  if (a.is_obj() && b.is_obj() && a.obj()->type == &StrType && b.obj()->type == &StrType)
    return str_equal(a.as<Str>(), b.as<Str>()) ? 1 : 0;
  return obj_eq(a, b);
}

// Hash of a small int exactly as CPython hashes that int (so 1, 1.0 and
// True collide as they must, and tuple hashes match CPython's).
inline int64_t small_int_hash(int64_t v) {
  constexpr int64_t kModulus = (int64_t(1) << 61) - 1;
  if (v > -kModulus && v < kModulus) return v == -1 ? -2 : v;  // the common case: no division
  int64_t h = v >= 0 ? v % kModulus : -((-v) % kModulus);
  return h == -1 ? -2 : h;
}

// Repr recursion guard (CPython's Py_ReprEnter): returns true when `o` is
// already being repr'd on this thread (print "[...]"); otherwise enters it
// and the caller must call repr_leave(o) afterwards. (The C-stack depth is
// guarded by obj_repr itself.)
bool repr_enter(Object* o);
void repr_leave(Object* o);

// ---------------------------------------------------------------------------
// str (str.cpp, str_intern.cpp, str_case.cpp, str_methods.cpp, str_split.cpp)
// Always create strings with str_new* or str_alloc + str_finish, never by
// hand: a long non-ASCII string carries a hidden code point index after its
// text (see str.cpp).
// ---------------------------------------------------------------------------
inline bool is_exact_str(Value v) { return v.is_obj() && v.obj()->type == &StrType; }
// Traces the intern table (which holds '' and the cached one-character
// strings): the runtime registers it with gc_add_root_tracer. Interned
// strings live as long as the table.
void str_intern_trace(Visitor& v);
// Interns `s` itself when possible (returns the canonical copy).
Str* str_intern_str(Str* s);
Str* str_empty();                          // the interned ''
// chr(cp), cached for cp < 256. cp must be a valid code point (not a
// surrogate: str text is always valid UTF-8).
Str* str_from_codepoint(uint32_t cp);
Str* str_concat(Str* a, Str* b);
// `x += y` on a function local holding a str (INPLACE_ADD_FAST): when x is
// its local's unique, ASCII buffer with room, y's bytes are appended in
// place; otherwise a new over-allocated unique string is made. Returns null
// (no error) when the operands are not both exact ASCII strs.
Value str_append_in_place(Value x, Value y);
Str* str_repeat(Str* s, int64_t n);        // n <= 0 gives ''
// sep.join(iterable); TypeError "sequence item 0: expected str instance, int found".
Value str_join(Str* sep, Value iterable);
// Code point at index (0 <= index < length).
uint32_t str_codepoint_at(const Str* s, int64_t index);
// Byte offset of code point `index` (0 <= index <= length).
int64_t str_byte_offset(const Str* s, int64_t index);
// s[start:stop] by code point, 0 <= start <= stop <= length.
Str* str_substr(Str* s, int64_t start, int64_t stop);
// Code point order; -1/0/1.
int str_compare(const Str* a, const Str* b);
// str(x) of an arbitrary value as a std::string (for native callers).
bool str_of(Value v, std::string* out);
// `needle in haystack` by code points.
bool str_contains(const Str* haystack, const Str* needle);
// Builds a Str from text known to be valid UTF-8 whose code point count is
// known (skips the scan).
Str* str_new_with_length(std::string_view utf8, int64_t length);
// Builder for code that writes the text itself: allocate, fill
// data[0 .. nbytes), then str_finish() (terminates it and builds the
// code point index of long non-ASCII strings). The result of str_finish
// may be a shared object (the empty or a one-character string).
Str* str_alloc(int64_t nbytes, int64_t length, bool ascii);
Str* str_finish(Str* s);

// ---------------------------------------------------------------------------
// tuple (tuple.cpp)
// ---------------------------------------------------------------------------
Tuple* tuple_empty();                      // the shared ()
Value tuple_from_iterable(Value iterable); // tuple(iterable); returns a tuple as-is
Tuple* tuple_from_array(const Value* items, int64_t n);
Tuple* tuple_slice(Tuple* t, int64_t start, int64_t stop);  // clamped
bool tuple_hash(Tuple* t, int64_t* out);   // CPython's xxHash-based algorithm

// ---------------------------------------------------------------------------
// list (list.cpp, list_methods.cpp, list_sort.cpp)
// ---------------------------------------------------------------------------
// Empty list with room for `capacity` items.
List* list_with_capacity(int64_t capacity);
// list(iterable): always a new list.
Value list_from_iterable(Value iterable);
List* list_from_array(const Value* items, int64_t n);
// l.extend(iterable); -1 on error.
int list_extend(List* l, Value iterable);
int list_insert(List* l, int64_t index, Value v);  // clamps like list.insert
// Removes and returns l[index] (negative allowed); IndexError like list.pop.
Value list_pop(List* l, int64_t index);
void list_clear(List* l);
void list_reverse(List* l);
Value list_as_tuple(List* l);
// Grows capacity to at least n (amortised); never shrinks.
void list_reserve(List* l, int64_t n);
// sorted(iterable, key=, reverse=) for builtins.
Value list_sorted(Value iterable, Value key, bool reverse);

// ---------------------------------------------------------------------------
// dict (dict.cpp, dict_methods.cpp, dict_views.cpp)
// ---------------------------------------------------------------------------
// Version counter shared by all dicts: a (dict, version) pair identifies one
// state of one dict, so caches keyed on it never confuse two dicts.
uint64_t dict_next_version();
Dict* dict_copy(Dict* d);
void dict_clear(Dict* d);
// d.update(other) where other is a mapping (dict or anything with keys()) or
// an iterable of pairs; -1 on error.
int dict_update(Dict* d, Value other);
int dict_merge(Dict* d, Dict* other, bool override);
// dict_get with the key's hash already computed (null: missing or error).
Value dict_get_with_hash(Dict* d, Value key, int64_t hash);
// Lookup that raises KeyError(key) when missing.
Value dict_getitem(Dict* d, Value key);
// Hash of a dict key with the fast paths (str, small int); false on error.
bool dict_key_hash(Value key, int64_t* out);
// Removes the most recently inserted item (LIFO); false when empty.
bool dict_popitem(Dict* d, Value* key, Value* value);
// Removes key and returns its value; null when missing (no error set) or
// on error (error_occurred()).
Value dict_pop_item(Dict* d, Value key);
// Creates a dict from keyword arguments (kwvalues/kwnames as in CallFn).
Dict* dict_from_kwargs(const Value* kwvalues, Tuple* kwnames);
Value dict_keys_list(Dict* d);
Value dict_values_list(Dict* d);
Value dict_items_list(Dict* d);

// ---------------------------------------------------------------------------
// range / slice (range.cpp, slice.cpp)
// ---------------------------------------------------------------------------
// A range whose start, stop or step is outside the small-int range keeps
// them as int objects: the header's `reserved` field is kRangeBig and
// start/stop/step/length hold Value bits (so the debugger should decode
// the fields as int64 only when reserved == 0).
inline constexpr uint32_t kRangeBig = 1;
inline bool range_is_big(const Range* r) { return r->reserved == kRangeBig; }
// Converts a subscript to a sequence index: 1 when it is an int (or has
// __index__), 0 when it is not index-like (no error set: the caller raises
// its own TypeError), -1 with IndexError "cannot fit 'int' into an
// index-sized integer" for huge ints.
int index_from_key(Value key, int64_t* out);
// A start/end argument of str.find, list.index, ...: None leaves *out
// unchanged; huge ints clamp. TypeError "slice indices must be integers or
// None or have an __index__ method" (`allow_none` false drops "or None").
bool slice_arg_index(Value v, int64_t* out, bool allow_none = true);
// CPython's ADJUST_INDICES: negative start/end count from the end, then both
// are clamped to [0, length] (end) / [0, ...) (start).
inline void adjust_indices(int64_t* start, int64_t* end, int64_t length) {
  if (*end > length) *end = length;
  else if (*end < 0) { *end += length; if (*end < 0) *end = 0; }
  if (*start < 0) { *start += length; if (*start < 0) *start = 0; }
}
bool is_slice(Value v);
// Builds an int Value from an int64 (small when it fits).
inline Value int_value(int64_t v) { return Value::fits_small(v) ? Value::small(v) : int_from_i64(v); }
// Slice bounds for a sequence of `length` plus the number of items selected.
inline int64_t slice_length(int64_t start, int64_t stop, int64_t step) {
  if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  return start < stop ? (stop - start - 1) / step + 1 : 0;
}

// ---------------------------------------------------------------------------
// Iterator layouts. The eval loop may specialise FOR_ITER on these types.
// ---------------------------------------------------------------------------
struct SeqIterator : Object {  // tuple_iterator, list_iterator, list_reverseiterator
  Value seq;      // the tuple/list; null once exhausted
  int64_t index;  // next index (counting down for the reverse iterator)
};
struct StrIterator : Object {  // str_ascii_iterator, str_iterator
  Str* str;            // null once exhausted
  int64_t byte_offset; // of the next code point
};
struct RangeIterator : Object {  // int64 ranges
  int64_t next;
  int64_t step;
  int64_t remaining;
};
struct LongRangeIterator : Object {  // ranges with int-object bounds
  Value next;
  Value step;
  Value remaining;
};
struct DictIterator : Object {  // dict_keyiterator / valueiterator / itemiterator
  Dict* dict;      // null once exhausted
  int64_t pos;     // next entry index
  int64_t used;    // dict size when the iterator was created
  int64_t remaining;
};
struct DictView : Object {  // dict_keys / dict_values / dict_items
  Dict* dict;
};

// Fast iteration helpers for the eval loop: next item or null at the end
// (no error possible for list/tuple/range).
inline Value list_iter_next(SeqIterator* it) {
  if (it->seq.is_null()) return Value();
  List* l = it->seq.as<List>();
  if (it->index < l->size) return l->items[it->index++];
  it->seq = Value();
  return Value();
}
inline Value range_iter_next(RangeIterator* it) {
  if (it->remaining <= 0) return Value();
  int64_t v = it->next;
  it->next += it->step;
  it->remaining--;
  return Value::small(v);  // bounds fit small ints: checked when created
}

// ---------------------------------------------------------------------------
// Per-file start-up hooks (called by containers_init; not for other code).
// ---------------------------------------------------------------------------
void str_init();
void str_methods_init();
void tuple_init();
void list_init();
void dict_init();
void dict_views_init();
void range_init();
void slice_init();
// list/tuple comparison and repr shared by both (tuple.cpp); a and b are
// lists or tuples (subclasses included).
Value seq_richcompare(Value a, Value b, CompareOp op);
Value seq_repr(Value self, const char* open, const char* close, bool one_tuple_comma);

}  // namespace pg
