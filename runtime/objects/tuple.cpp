// tuple: an immutable array of values stored inline after the header.
//
// Also home of what list and tuple share: lexicographic comparison and the
// repr of a sequence of items.
#include <cstring>

#include "objects/containers.h"
#include "objects/gc.h"

namespace pg {

namespace {

Tuple* g_empty_tuple;

// Allocates a tuple of n items left null: the caller fills every slot
// before anything else can see it.
Tuple* tuple_alloc(Type* type, int64_t n) {
  Tuple* t = static_cast<Tuple*>(gc_alloc(type, sizeof(Tuple) + size_t(n) * sizeof(Value)));
  t->size = n;
  return t;
}

constexpr uint64_t kXXPrime1 = 11400714785074694791ull;
constexpr uint64_t kXXPrime2 = 14029467366897019727ull;
constexpr uint64_t kXXPrime5 = 2870177450012600261ull;

inline bool item_hash(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = small_int_hash(v.small_value());
    return true;
  }
  if (v.obj()->type == &StrType) {
    *out = str_hash(v.as<Str>());
    return true;
  }
  return obj_hash(v, out);
}

}  // namespace

// ---------------------------------------------------------------------------
// Shared by tuple and list.
// ---------------------------------------------------------------------------

namespace {
// Current items of a list or tuple (a list's array may move while Python
// code runs, so callers re-read after every call that can run code).
void seq_items(Value v, Value** items, int64_t* n) {
  if (isinstance(v, &ListType)) {
    *items = v.as<List>()->items;
    *n = v.as<List>()->size;
  } else {
    *items = v.as<Tuple>()->items;
    *n = v.as<Tuple>()->size;
  }
}
}  // namespace

// CPython's list/tuple rich comparison: find the first index where the
// items differ by ==, then compare those two with `op` (or the lengths when
// one sequence is a prefix of the other).
Value seq_richcompare(Value a, Value b, CompareOp op) {
  Value *x, *y;
  int64_t nx, ny;
  seq_items(a, &x, &nx);
  seq_items(b, &y, &ny);
  if (nx != ny && (op == CompareOp::Eq || op == CompareOp::Ne)) return Bool(op == CompareOp::Ne);
  int64_t i = 0;
  for (;; i++) {
    seq_items(a, &x, &nx);
    seq_items(b, &y, &ny);
    if (i >= nx || i >= ny) break;
    int k = fast_eq(x[i], y[i]);
    if (k < 0) return Value();
    if (k == 0) break;
  }
  seq_items(a, &x, &nx);
  seq_items(b, &y, &ny);
  if (i >= nx || i >= ny) {
    switch (op) {
      case CompareOp::Lt: return Bool(nx < ny);
      case CompareOp::Le: return Bool(nx <= ny);
      case CompareOp::Eq: return Bool(nx == ny);
      case CompareOp::Ne: return Bool(nx != ny);
      case CompareOp::Gt: return Bool(nx > ny);
      case CompareOp::Ge: return Bool(nx >= ny);
    }
  }
  if (op == CompareOp::Eq) return False();
  if (op == CompareOp::Ne) return True();
  return obj_compare(x[i], y[i], op);
}

// "(1, 2)" / "[1, 2]": the items' reprs between open and close. The
// sequence is re-read after each repr (a __repr__ may mutate a list).
Value seq_repr(Value self, const char* open, const char* close, bool one_tuple_comma) {
  std::string text = open;
  for (int64_t i = 0;; i++) {
    Value* items;
    int64_t n;
    seq_items(self, &items, &n);
    if (i >= n) {
      if (one_tuple_comma && n == 1) text += ',';
      break;
    }
    if (i > 0) text += ", ";
    Value r = obj_repr(items[i]);
    if (r.is_null()) return Value();
    text += str_view(r.as<Str>());
  }
  text += close;
  return Value(str_new(text));
}

// ---------------------------------------------------------------------------
// Public API.
// ---------------------------------------------------------------------------
Tuple* tuple_empty() {
  if (!g_empty_tuple) g_empty_tuple = tuple_alloc(&TupleType, 0);
  return g_empty_tuple;
}

Tuple* tuple_new(int64_t size) {
  if (size == 0) return tuple_empty();
  Tuple* t = tuple_alloc(&TupleType, size);
  for (int64_t i = 0; i < size; i++) t->items[i] = None();
  return t;
}

Tuple* tuple_from(std::initializer_list<Value> items) {
  if (items.size() == 0) return tuple_empty();
  Tuple* t = tuple_alloc(&TupleType, int64_t(items.size()));
  int64_t i = 0;
  for (Value v : items) t->items[i++] = v;
  return t;
}

Tuple* tuple_from_array(const Value* items, int64_t n) {
  if (n == 0) return tuple_empty();
  Tuple* t = tuple_alloc(&TupleType, n);
  memcpy(t->items, items, size_t(n) * sizeof(Value));
  return t;
}

int64_t tuple_size(const Tuple* t) { return t->size; }
Value* tuple_items(Tuple* t) { return t->items; }

Tuple* tuple_slice(Tuple* t, int64_t start, int64_t stop) {
  if (start < 0) start = 0;
  if (stop > t->size) stop = t->size;
  if (start == 0 && stop == t->size && t->type == &TupleType) return t;
  if (stop <= start) return tuple_empty();
  return tuple_from_array(t->items + start, stop - start);
}

Value tuple_from_iterable(Value iterable) {
  if (iterable.is_obj() && iterable.obj()->type == &TupleType) return iterable;
  if (isinstance(iterable, &ListType))
    return Value(tuple_from_array(iterable.as<List>()->items, iterable.as<List>()->size));
  if (isinstance(iterable, &TupleType))
    return Value(tuple_from_array(iterable.as<Tuple>()->items, iterable.as<Tuple>()->size));
  Value l = list_from_iterable(iterable);
  if (l.is_null()) return Value();
  return Value(tuple_from_array(l.as<List>()->items, l.as<List>()->size));
}

// CPython's tuple hash (xxHash's round and finalisation), so hash((1, 2))
// is the same number as in CPython.
bool tuple_hash(Tuple* t, int64_t* out) {
  uint64_t acc = kXXPrime5;
  for (int64_t i = 0; i < t->size; i++) {
    int64_t lane;
    if (!item_hash(t->items[i], &lane)) return false;
    acc += uint64_t(lane) * kXXPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kXXPrime1;
  }
  acc += uint64_t(t->size) ^ (kXXPrime5 ^ 3527539ull);
  *out = acc == uint64_t(-1) ? 1546275796 : int64_t(acc);
  return true;
}

// ---------------------------------------------------------------------------
// Slots and methods.
// ---------------------------------------------------------------------------
namespace {

Value tuple_repr(Value self) {
  Tuple* t = self.as<Tuple>();
  if (t->size == 0) return str_from_cstr("()");
  if (repr_enter(t)) return str_from_cstr("(...)");
  Value r = seq_repr(self, "(", ")", true);
  repr_leave(t);
  return r;
}

bool tuple_hash_slot(Value self, int64_t* out) { return tuple_hash(self.as<Tuple>(), out); }

Value tuple_compare(Value a, Value b, CompareOp op) {
  if (!isinstance(b, &TupleType)) return NotImplemented();
  return seq_richcompare(a, b, op);
}

bool defer_to_other(Value other) { return (type_of(other)->flags & kTypeHeap) != 0; }

Value tuple_repeat(Tuple* t, Value count, bool count_on_right = true) {
  if (!is_int(count)) {
    if (count_on_right && defer_to_other(count)) return NotImplemented();
    return raise(&TypeErrorType, "can't multiply sequence by non-int of type '%s'",
                 type_name(count));
  }
  int64_t n;
  if (!int_to_i64(count, &n)) {
    if (int_sign(count) < 0) return Value(tuple_empty());
    return raise(&OverflowErrorType, "cannot fit 'int' into an index-sized integer");
  }
  if (n <= 0 || t->size == 0) return Value(tuple_empty());
  if (n == 1 && t->type == &TupleType) return Value(t);
  if (t->size > (INT64_MAX / 16) / n) return raise(&MemoryErrorType, "%s", "");
  Tuple* r = tuple_alloc(&TupleType, t->size * n);
  for (int64_t k = 0; k < n; k++)
    memcpy(r->items + k * t->size, t->items, size_t(t->size) * sizeof(Value));
  return Value(r);
}

Value tuple_binop(Value a, Value b, BinaryOp op) {
  switch (plain_form(op)) {
    case BinaryOp::Add: {
      if (!isinstance(a, &TupleType)) return NotImplemented();
      if (!isinstance(b, &TupleType)) {
        if (defer_to_other(b)) return NotImplemented();
        return raise(&TypeErrorType, "can only concatenate tuple (not \"%s\") to tuple",
                     type_name(b));
      }
      Tuple* x = a.as<Tuple>();
      Tuple* y = b.as<Tuple>();
      if (y->size == 0 && x->type == &TupleType) return a;
      if (x->size == 0 && y->type == &TupleType) return b;
      Tuple* r = tuple_alloc(&TupleType, x->size + y->size);
      memcpy(r->items, x->items, size_t(x->size) * sizeof(Value));
      memcpy(r->items + x->size, y->items, size_t(y->size) * sizeof(Value));
      return Value(r);
    }
    case BinaryOp::Mul:
      if (isinstance(a, &TupleType)) return tuple_repeat(a.as<Tuple>(), b);
      return tuple_repeat(b.as<Tuple>(), a, false);  // a's __mul__ already declined
    default:
      return NotImplemented();
  }
}

int64_t tuple_len(Value self) { return self.as<Tuple>()->size; }

Value tuple_getitem(Value self, Value key) {
  Tuple* t = self.as<Tuple>();
  int64_t i;
  int r = key.is_small() ? (i = key.small_value(), 1) : index_from_key(key, &i);
  if (r == 1) {
    if (i < 0) i += t->size;
    if (uint64_t(i) >= uint64_t(t->size)) return raise(&IndexErrorType, "tuple index out of range");
    return t->items[i];
  }
  if (r < 0) return Value();
  if (!is_slice(key))
    return raise(&TypeErrorType, "tuple indices must be integers or slices, not %s",
                 type_name(key));
  int64_t start, stop, step, n;
  if (!slice_indices(key, t->size, &start, &stop, &step, &n)) return Value();
  if (step == 1) return Value(tuple_slice(t, start, start + n));
  if (n == 0) return Value(tuple_empty());
  Tuple* out = tuple_alloc(&TupleType, n);
  for (int64_t k = 0; k < n; k++) out->items[k] = t->items[start + k * step];
  return Value(out);
}

int tuple_contains(Value self, Value x) {
  Tuple* t = self.as<Tuple>();
  for (int64_t i = 0; i < t->size; i++) {
    int k = fast_eq(t->items[i], x);
    if (k != 0) return k;
  }
  return 0;
}

Value tuple_iter(Value self) {
  SeqIterator* it = gc_new<SeqIterator>(&TupleIteratorType);
  it->seq = self;
  it->index = 0;
  return Value(it);
}

Value tuple_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0)
    return raise(&TypeErrorType, "tuple() takes no keyword arguments");
  if (nargs > 1) return raise(&TypeErrorType, "tuple expected at most 1 argument, got %zu", nargs);
  Value t = nargs == 0 ? Value(tuple_empty()) : tuple_from_iterable(args[0]);
  if (t.is_null() || type == &TupleType) return t;
  Tuple* src = t.as<Tuple>();
  Tuple* sub = tuple_alloc(type, src->size);
  memcpy(sub->items, src->items, size_t(src->size) * sizeof(Value));
  return Value(sub);
}

void tuple_trace(Object* self, Visitor& v) {
  Tuple* t = static_cast<Tuple*>(self);
  for (int64_t i = 0; i < t->size; i++) v.visit(t->items[i]);
}

Value tuple_count(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("tuple.count", nargs, kw, 1, 1)) return Value();
  Tuple* t = self.as<Tuple>();
  int64_t n = 0;
  for (int64_t i = 0; i < t->size; i++) {
    int k = fast_eq(t->items[i], args[0]);
    if (k < 0) return Value();
    n += k;
  }
  return Value::small(n);
}

Value tuple_index(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("index", nargs, kw, 1, 3)) return Value();
  Tuple* t = self.as<Tuple>();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_arg_index(args[1], &start, false)) return Value();
  if (nargs > 2 && !slice_arg_index(args[2], &stop, false)) return Value();
  if (start < 0 && (start += t->size) < 0) start = 0;
  if (stop < 0 && (stop += t->size) < 0) stop = 0;
  for (int64_t i = start; i < stop && i < t->size; i++) {
    int k = fast_eq(t->items[i], args[0]);
    if (k < 0) return Value();
    if (k) return Value::small(i);
  }
  return raise(&ValueErrorType, "tuple.index(x): x not in tuple");
}

Value tuple_len_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("tuple.__len__", nargs, kw, 0, 0)) return Value();
  return Value::small(self.as<Tuple>()->size);
}

Value tuple_getitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("tuple.__getitem__", nargs, kw, 1, 1)) return Value();
  return tuple_getitem(self, args[0]);
}

Value tuple_contains_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("tuple.__contains__", nargs, kw, 1, 1)) return Value();
  int r = tuple_contains(self, args[0]);
  return r < 0 ? Value() : Bool(r == 1);
}

// ---- tuple_iterator ------------------------------------------------------------

Value seq_iterator_self(Value self) { return self; }

Value tuple_iternext(Value self) {
  SeqIterator* it = self.as<SeqIterator>();
  if (it->seq.is_null()) return Value();
  Tuple* t = it->seq.as<Tuple>();
  if (it->index < t->size) return t->items[it->index++];
  it->seq = Value();
  return Value();
}

void seq_iterator_trace(Object* self, Visitor& v) { v.visit(static_cast<SeqIterator*>(self)->seq); }

}  // namespace

Type TupleType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "tuple";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeTupleSubclass;
  t.instance_size = 0;  // variable
  t.repr = tuple_repr;
  t.hash = tuple_hash_slot;
  t.compare = tuple_compare;
  t.binop = tuple_binop;
  t.len = tuple_len;
  t.iter = tuple_iter;
  t.getitem = tuple_getitem;
  t.contains = tuple_contains;
  t.construct = tuple_construct;
  t.trace = tuple_trace;
  return t;
}();

Type TupleIteratorType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "tuple_iterator";
  t.base = &ObjectType;
  t.instance_size = sizeof(SeqIterator);
  t.iter = seq_iterator_self;
  t.iternext = tuple_iternext;
  t.trace = seq_iterator_trace;
  return t;
}();

void tuple_init() {
  tuple_empty();
  type_add_method(&TupleType, "count", tuple_count);
  type_add_method(&TupleType, "index", tuple_index);
  type_add_method(&TupleType, "__len__", tuple_len_method);
  type_add_method(&TupleType, "__getitem__", tuple_getitem_method);
  type_add_method(&TupleType, "__contains__", tuple_contains_method);
  type_ready(&TupleType);
  type_ready(&TupleIteratorType);
}

}  // namespace pg
