// list: a growable array of values. The item array is malloc'd (reported to
// the collector with gc_note_external) and grows by half its size, so
// append is amortised O(1). Sorting lives in list_sort.cpp.
//
// Any call that can run Python code (==, repr, iteration of an arbitrary
// iterable) may mutate the list being worked on, so loops re-read
// `size` and `items` after each such call instead of caching them.
#include <cstdlib>
#include <cstring>

#include "objects/containers.h"
#include "objects/gc.h"

namespace pg {

namespace {

void set_capacity(List* l, int64_t capacity) {
  if (capacity == 0) {
    // realloc(p, 0) may return a fresh block; free explicitly instead.
    free(l->items);
    gc_note_external(-l->capacity * int64_t(sizeof(Value)));
    l->items = nullptr;
    l->capacity = 0;
    return;
  }
  Value* items = static_cast<Value*>(realloc(l->items, size_t(capacity) * sizeof(Value)));
  if (!items && capacity > 0) {
    fputs("pyglass: out of memory\n", stderr);
    abort();
  }
  gc_note_external((capacity - l->capacity) * int64_t(sizeof(Value)));
  l->items = capacity > 0 ? items : nullptr;
  l->capacity = capacity;
}

// Makes room for `extra` more items.
inline void grow_for(List* l, int64_t extra) {
  int64_t needed = l->size + extra;
  if (needed <= l->capacity) return;
  int64_t grown = l->capacity + (l->capacity >> 1) + 4;
  set_capacity(l, grown > needed ? grown : needed);
}

List* list_alloc(Type* type) {
  size_t size = type->instance_size > sizeof(List) ? type->instance_size : sizeof(List);
  return static_cast<List*>(gc_alloc(type, size));
}

bool is_list(Value v) { return isinstance(v, &ListType); }

// Replaces l[lo:hi] by n values from src (src must not point into l).
void replace_range(List* l, int64_t lo, int64_t hi, const Value* src, int64_t n) {
  int64_t removed = hi - lo;
  int64_t delta = n - removed;
  if (delta > 0) grow_for(l, delta);
  int64_t tail = l->size - hi;
  if (delta != 0) memmove(l->items + hi + delta, l->items + hi, size_t(tail) * sizeof(Value));
  if (n > 0) memcpy(l->items + lo, src, size_t(n) * sizeof(Value));
  l->size += delta;
}

bool defer_to_other(Value other) { return (type_of(other)->flags & kTypeHeap) != 0; }

}  // namespace

// ---------------------------------------------------------------------------
// Public API.
// ---------------------------------------------------------------------------
List* list_with_capacity(int64_t capacity) {
  List* l = list_alloc(&ListType);
  if (capacity > 0) set_capacity(l, capacity);
  return l;
}

List* list_new(int64_t size) {
  List* l = list_with_capacity(size);
  for (int64_t i = 0; i < size; i++) l->items[i] = None();
  l->size = size;
  return l;
}

List* list_from_array(const Value* items, int64_t n) {
  List* l = list_with_capacity(n);
  if (n > 0) memcpy(l->items, items, size_t(n) * sizeof(Value));
  l->size = n;
  return l;
}

int list_append(List* l, Value v) {
  if (l->size == l->capacity) grow_for(l, 1);
  l->items[l->size++] = v;
  return 0;
}

int64_t list_size(const List* l) { return l->size; }
Value* list_items(List* l) { return l->items; }

void list_reserve(List* l, int64_t n) {
  if (n > l->capacity) set_capacity(l, n);
}

int list_extend(List* l, Value iterable) {
  if (is_list(iterable) || isinstance(iterable, &TupleType)) {
    // Also right for l.extend(l): n is read before growing.
    Value* src;
    int64_t n;
    if (is_list(iterable)) {
      n = iterable.as<List>()->size;
      grow_for(l, n);
      src = iterable.as<List>()->items;
    } else {
      n = iterable.as<Tuple>()->size;
      grow_for(l, n);
      src = iterable.as<Tuple>()->items;
    }
    if (n > 0) memcpy(l->items + l->size, src, size_t(n) * sizeof(Value));
    l->size += n;
    return 0;
  }
  Value it = obj_iter(iterable);
  if (it.is_null()) return -1;
  Rooted keep_it(&it);
  Value self = Value(l);
  Rooted keep_self(&self);
  for (;;) {
    Value x = iter_next(it);
    if (x.is_null()) return error_occurred() ? -1 : 0;
    list_append(l, x);
  }
}

Value list_from_iterable(Value iterable) {
  if (is_list(iterable))
    return Value(list_from_array(iterable.as<List>()->items, iterable.as<List>()->size));
  if (isinstance(iterable, &TupleType))
    return Value(list_from_array(iterable.as<Tuple>()->items, iterable.as<Tuple>()->size));
  Value result = Value(list_with_capacity(0));
  Rooted keep(&result);
  if (list_extend(result.as<List>(), iterable) < 0) return Value();
  return result;
}

int list_insert(List* l, int64_t index, Value v) {
  if (index < 0 && (index += l->size) < 0) index = 0;
  if (index > l->size) index = l->size;
  grow_for(l, 1);
  memmove(l->items + index + 1, l->items + index, size_t(l->size - index) * sizeof(Value));
  l->items[index] = v;
  l->size++;
  return 0;
}

Value list_pop(List* l, int64_t index) {
  if (l->size == 0) return raise(&IndexErrorType, "pop from empty list");
  if (index < 0) index += l->size;
  if (index < 0 || index >= l->size) return raise(&IndexErrorType, "pop index out of range");
  Value v = l->items[index];
  memmove(l->items + index, l->items + index + 1, size_t(l->size - index - 1) * sizeof(Value));
  l->size--;
  return v;
}

void list_clear(List* l) {
  l->size = 0;
  set_capacity(l, 0);
}

void list_reverse(List* l) {
  for (int64_t i = 0, j = l->size - 1; i < j; i++, j--) {
    Value t = l->items[i];
    l->items[i] = l->items[j];
    l->items[j] = t;
  }
}

Value list_as_tuple(List* l) { return Value(tuple_from_array(l->items, l->size)); }

// ---------------------------------------------------------------------------
// Slots.
// ---------------------------------------------------------------------------
namespace {

Value list_repr(Value self) {
  List* l = self.as<List>();
  if (l->size == 0) return str_from_cstr("[]");
  if (repr_enter(l)) return str_from_cstr("[...]");
  Value r = seq_repr(self, "[", "]", false);
  repr_leave(l);
  return r;
}

Value list_compare(Value a, Value b, CompareOp op) {
  if (!is_list(b)) return NotImplemented();
  return seq_richcompare(a, b, op);
}

// l * count as a new list, or in place for *=.
Value list_repeat(List* l, Value count, bool in_place, bool count_on_right = true) {
  if (!is_int(count)) {
    if (count_on_right && defer_to_other(count)) return NotImplemented();
    return raise(&TypeErrorType, "can't multiply sequence by non-int of type '%s'",
                 type_name(count));
  }
  int64_t n;
  if (!int_to_i64(count, &n)) {
    if (int_sign(count) >= 0)
      return raise(&OverflowErrorType, "cannot fit 'int' into an index-sized integer");
    n = 0;
  }
  if (n < 0) n = 0;
  int64_t size = l->size;
  if (size > 0 && n > (INT64_MAX / 16) / size) return raise(&MemoryErrorType, "%s", "");
  List* out = in_place ? l : list_with_capacity(size * n);
  if (in_place) {
    if (n == 0) {
      list_clear(l);
      return Value(l);
    }
    list_reserve(l, size * n);
  }
  for (int64_t k = in_place ? 1 : 0; k < n; k++)
    memcpy(out->items + k * size, l->items, size_t(size) * sizeof(Value));
  out->size = size * n;
  return Value(out);
}

Value list_binop(Value a, Value b, BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: {
      if (!is_list(a)) return NotImplemented();
      if (!is_list(b)) {
        if (defer_to_other(b)) return NotImplemented();
        return raise(&TypeErrorType, "can only concatenate list (not \"%s\") to list",
                     type_name(b));
      }
      List* x = a.as<List>();
      List* y = b.as<List>();
      List* r = list_with_capacity(x->size + y->size);
      if (x->size) memcpy(r->items, x->items, size_t(x->size) * sizeof(Value));
      if (y->size) memcpy(r->items + x->size, y->items, size_t(y->size) * sizeof(Value));
      r->size = x->size + y->size;
      return Value(r);
    }
    case BinaryOp::InplaceAdd:
      if (!is_list(a)) return NotImplemented();
      if (list_extend(a.as<List>(), b) < 0) return Value();
      return a;
    case BinaryOp::Mul:
      if (is_list(a)) return list_repeat(a.as<List>(), b, false);
      return list_repeat(b.as<List>(), a, false, false);  // a's __mul__ already declined
    case BinaryOp::InplaceMul:
      if (!is_list(a)) return NotImplemented();
      return list_repeat(a.as<List>(), b, true);
    default:
      return NotImplemented();
  }
}

int64_t list_len(Value self) { return self.as<List>()->size; }

Value list_getitem(Value self, Value key) {
  List* l = self.as<List>();
  int64_t i;
  int r = key.is_small() ? (i = key.small_value(), 1) : index_from_key(key, &i);
  if (r == 1) {
    if (i < 0) i += l->size;
    if (uint64_t(i) >= uint64_t(l->size)) return raise(&IndexErrorType, "list index out of range");
    return l->items[i];
  }
  if (r < 0) return Value();
  if (!is_slice(key))
    return raise(&TypeErrorType, "list indices must be integers or slices, not %s", type_name(key));
  int64_t start, stop, step, n;
  if (!slice_indices(key, l->size, &start, &stop, &step, &n)) return Value();
  if (step == 1) return Value(list_from_array(l->items + start, n));
  List* out = list_with_capacity(n);
  for (int64_t k = 0; k < n; k++) out->items[k] = l->items[start + k * step];
  out->size = n;
  return Value(out);
}

// del l[slice] for any step.
void delete_slice(List* l, int64_t start, int64_t step, int64_t n) {
  if (n <= 0) return;
  if (step < 0) {  // same set of indices, walked upwards
    start = start + step * (n - 1);
    step = -step;
  }
  if (step == 1) {
    replace_range(l, start, start + n, nullptr, 0);
    return;
  }
  int64_t write = start, next_deleted = start, deleted = 0;
  for (int64_t read = start; read < l->size; read++) {
    if (read == next_deleted && deleted < n) {
      deleted++;
      next_deleted += step;
      continue;
    }
    l->items[write++] = l->items[read];
  }
  l->size = write;
}

int assign_slice(Value self, Value key, Value v) {
  List* l = self.as<List>();
  int64_t start, stop, step, n;
  if (!slice_indices(key, l->size, &start, &stop, &step, &n)) return -1;
  if (v.is_null()) {
    delete_slice(l, start, step, n);
    return 0;
  }
  // The new items as a fresh array (a copy when v is l itself).
  Value seq = v;
  if (v == self || (!is_list(v) && !isinstance(v, &TupleType))) {
    if (v != self && type_of(v)->iter == nullptr) {
      raise(&TypeErrorType, step == 1 ? "can only assign an iterable"
                                      : "must assign iterable to extended slice");
      return -1;
    }
    seq = list_from_iterable(v);
    if (seq.is_null()) return -1;
  }
  Rooted keep(&seq);
  // Converting v may have run code that changed l: recompute.
  if (!slice_indices(key, l->size, &start, &stop, &step, &n)) return -1;
  Value* src = is_list(seq) ? seq.as<List>()->items : seq.as<Tuple>()->items;
  int64_t m = is_list(seq) ? seq.as<List>()->size : seq.as<Tuple>()->size;
  if (step == 1) {
    replace_range(l, start, start + n, src, m);
    return 0;
  }
  if (m != n) {
    raise(&ValueErrorType, "attempt to assign sequence of size %lld to extended slice of size %lld",
          (long long)m, (long long)n);
    return -1;
  }
  for (int64_t k = 0; k < n; k++) l->items[start + k * step] = src[k];
  return 0;
}

int list_setitem(Value self, Value key, Value v) {
  List* l = self.as<List>();
  int64_t i;
  int r = key.is_small() ? (i = key.small_value(), 1) : index_from_key(key, &i);
  if (r == 1) {
    if (i < 0) i += l->size;
    if (uint64_t(i) >= uint64_t(l->size)) {
      raise(&IndexErrorType, "list assignment index out of range");
      return -1;
    }
    if (v.is_null()) {
      replace_range(l, i, i + 1, nullptr, 0);
    } else {
      l->items[i] = v;
    }
    return 0;
  }
  if (r < 0) return -1;
  if (!is_slice(key)) {
    raise(&TypeErrorType, "list indices must be integers or slices, not %s", type_name(key));
    return -1;
  }
  return assign_slice(self, key, v);
}

int list_contains(Value self, Value x) {
  List* l = self.as<List>();
  for (int64_t i = 0; i < l->size; i++) {
    int k = fast_eq(l->items[i], x);
    if (k != 0) return k;
  }
  return 0;
}

Value list_iter(Value self) {
  SeqIterator* it = gc_new<SeqIterator>(&ListIteratorType);
  it->seq = self;
  it->index = 0;
  return Value(it);
}

Value list_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0)
    return raise(&TypeErrorType, "list() takes no keyword arguments");
  if (nargs > 1) return raise(&TypeErrorType, "list expected at most 1 argument, got %zu", nargs);
  Value result = Value(list_alloc(type));
  if (nargs == 1) {
    Rooted keep(&result);
    if (list_extend(result.as<List>(), args[0]) < 0) return Value();
  }
  return result;
}

void list_trace(Object* self, Visitor& v) {
  List* l = static_cast<List*>(self);
  for (int64_t i = 0; i < l->size; i++) v.visit(l->items[i]);
}

void list_finalize(Object* self) {
  List* l = static_cast<List*>(self);
  gc_note_external(-l->capacity * int64_t(sizeof(Value)));
  free(l->items);
  l->items = nullptr;
  l->capacity = l->size = 0;
}

// ---- iterators ---------------------------------------------------------------------

Value seq_iterator_self(Value self) { return self; }

Value list_iternext(Value self) { return list_iter_next(self.as<SeqIterator>()); }

Value list_reverse_iternext(Value self) {
  SeqIterator* it = self.as<SeqIterator>();
  if (it->seq.is_null()) return Value();
  List* l = it->seq.as<List>();
  if (it->index >= 0 && it->index < l->size) return l->items[it->index--];
  it->seq = Value();
  return Value();
}

void seq_iterator_trace(Object* self, Visitor& v) { v.visit(static_cast<SeqIterator*>(self)->seq); }

Type make_list_iterator_type(const char* name, Value (*next)(Value)) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = sizeof(SeqIterator);
  t.iter = seq_iterator_self;
  t.iternext = next;
  t.trace = seq_iterator_trace;
  return t;
}

}  // namespace

Type ListType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "list";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeListSubclass;
  t.instance_size = sizeof(List);
  t.repr = list_repr;
  t.compare = list_compare;  // no hash: lists are unhashable
  t.binop = list_binop;
  t.len = list_len;
  t.iter = list_iter;
  t.getitem = list_getitem;
  t.setitem = list_setitem;
  t.contains = list_contains;
  t.construct = list_construct;
  t.trace = list_trace;
  t.finalize = list_finalize;
  return t;
}();

Type ListIteratorType = make_list_iterator_type("list_iterator", list_iternext);
Type ListReverseIteratorType = make_list_iterator_type("list_reverseiterator", list_reverse_iternext);

void list_methods_init();  // list_methods.cpp

void list_init() {
  list_methods_init();
  type_ready(&ListType);
  type_ready(&ListIteratorType);
  type_ready(&ListReverseIteratorType);
}

}  // namespace pg
