// range: an immutable arithmetic sequence.
//
// Two representations share the Range layout. The common one holds int64
// start/stop/step/length with start, stop and step inside the small-int
// range, so every element is a small int and iteration allocates nothing.
// Ranges whose bounds are larger (range(2**64)) set the header's `reserved`
// to kRangeBig and keep the four fields as Values (int objects), computed
// with the generic int operations; they are slow but exact, as in CPython.
#include <string>

#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/type.h"

namespace pg {

namespace {

struct RangeValues {
  Value start, stop, step, length;
};

inline Value big_field(int64_t bits) { return Value(uint64_t(bits)); }

RangeValues values_of(const Range* r) {
  if (range_is_big(r))
    return {big_field(r->start), big_field(r->stop), big_field(r->step), big_field(r->length)};
  return {int_value(r->start), int_value(r->stop), int_value(r->step), int_value(r->length)};
}

// Generic int arithmetic (no Python code can run: all operands are ints).
Value add(Value a, Value b) { return binary_op(a, b, BinaryOp::Add); }
Value sub(Value a, Value b) { return binary_op(a, b, BinaryOp::Sub); }
Value mul(Value a, Value b) { return binary_op(a, b, BinaryOp::Mul); }
Value floordiv(Value a, Value b) { return binary_op(a, b, BinaryOp::FloorDiv); }
Value mod(Value a, Value b) { return binary_op(a, b, BinaryOp::Mod); }
bool less(Value a, Value b) { return obj_compare_bool(a, b, CompareOp::Lt) == 1; }
bool is_zero(Value v) { return v.is_small() && v.small_value() == 0; }
bool is_negative(Value v) { return int_sign(v) < 0; }

// Number of elements: 0 if empty, else (hi - lo - 1) // |step| + 1.
Value length_of(Value start, Value stop, Value step) {
  Value lo = start, hi = stop;
  if (is_negative(step)) {
    lo = stop;
    hi = start;
    step = unary_op(step, UnaryOp::Neg);
    if (step.is_null()) return Value();
  }
  if (!less(lo, hi)) return Value::small(0);
  Value diff = sub(sub(hi, lo), Value::small(1));
  if (diff.is_null()) return Value();
  Value q = floordiv(diff, step);
  return q.is_null() ? Value() : add(q, Value::small(1));
}

Range* alloc_range() { return gc_new<Range>(&RangeType); }

// A range from int Values; the int64 representation whenever it fits.
Value make_range(Value start, Value stop, Value step) {
  if (start.is_small() && stop.is_small() && step.is_small())
    return range_new(start.small_value(), stop.small_value(), step.small_value());
  Value length = length_of(start, stop, step);
  if (length.is_null()) return Value();
  Range* r = alloc_range();
  r->reserved = kRangeBig;
  r->start = int64_t(start.bits);
  r->stop = int64_t(stop.bits);
  r->step = int64_t(step.bits);
  r->length = int64_t(length.bits);
  return Value(r);
}

// An argument converted to an int Value (bools and __index__ objects too).
Value index_value(Value v) {
  if (v.is_small()) return v;
  if (is_int(v) && v.obj()->type != &BoolType) return v;
  int64_t i;
  if (!int_as_index(v, &i)) return Value();
  return int_value(i);
}

Value range_construct(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0)
    return raise(&TypeErrorType, "range() takes no keyword arguments");
  if (nargs == 0) return raise(&TypeErrorType, "range expected at least 1 argument, got 0");
  if (nargs > 3)
    return raise(&TypeErrorType, "range expected at most 3 arguments, got %zu", nargs);
  // Rooted: converting a later argument can run Python code (__index__).
  Value v[3];
  Rooted keep0(&v[0]), keep1(&v[1]), keep2(&v[2]);
  for (size_t i = 0; i < nargs; i++)
    if ((v[i] = index_value(args[i])).is_null()) return Value();
  if (nargs == 1) return make_range(Value::small(0), v[0], Value::small(1));
  Value step = nargs == 3 ? v[2] : Value::small(1);
  if (is_zero(step)) return raise(&ValueErrorType, "range() arg 3 must not be zero");
  return make_range(v[0], v[1], step);
}

Value range_repr(Value self) {
  RangeValues rv = values_of(self.as<Range>());
  std::string text = "range(" + int_to_string(rv.start) + ", " + int_to_string(rv.stop);
  if (!(rv.step.is_small() && rv.step.small_value() == 1)) text += ", " + int_to_string(rv.step);
  text += ')';
  return Value(str_new(text));
}

int64_t range_len(Value self) {
  Range* r = self.as<Range>();
  if (!range_is_big(r)) return r->length;
  int64_t n;
  if (!int_to_i64(big_field(r->length), &n)) {
    raise(&OverflowErrorType, "Python int too large to convert to C ssize_t");
    return -1;
  }
  return n;
}

int range_truth(Value self) {
  Range* r = self.as<Range>();
  return range_is_big(r) ? obj_truth(big_field(r->length)) : r->length != 0;
}

// r[i] for an int Value i (negative counts from the end).
Value item_at(Range* r, Value i) {
  if (!range_is_big(r) && i.is_small()) {
    int64_t k = i.small_value();
    if (k < 0) k += r->length;
    if (k < 0 || k >= r->length) return raise(&IndexErrorType, "range object index out of range");
    return Value::small(r->start + k * r->step);
  }
  RangeValues rv = values_of(r);
  if (is_negative(i)) i = add(i, rv.length);
  if (i.is_null()) return Value();
  if (is_negative(i) || !less(i, rv.length))
    return raise(&IndexErrorType, "range object index out of range");
  Value offset = mul(i, rv.step);
  return offset.is_null() ? Value() : add(rv.start, offset);
}

// One bound of a slice resolved like CPython's _PySlice_GetLongIndices.
Value slice_bound(Value v, Value deflt, Value lower, Value upper, Value length) {
  if (is_none(v)) return deflt;
  v = index_value(v);
  if (v.is_null()) return Value();
  if (is_negative(v)) {
    v = add(v, length);
    return less(v, lower) ? lower : v;
  }
  return less(upper, v) ? upper : v;
}

Value range_slice(Range* r, Value slice) {
  Slice* s = slice.as<Slice>();
  RangeValues rv = values_of(r);
  Value step = is_none(s->step) ? Value::small(1) : index_value(s->step);
  if (step.is_null()) return Value();
  Rooted keep_step(&step);  // later conversions may run __index__
  if (is_zero(step)) return raise(&ValueErrorType, "slice step cannot be zero");
  bool negative = is_negative(step);
  Value lower = negative ? Value::small(-1) : Value::small(0);
  Value upper = negative ? sub(rv.length, Value::small(1)) : rv.length;
  Rooted keep_upper(&upper);
  Value start = slice_bound(s->start, negative ? upper : lower, lower, upper, rv.length);
  if (start.is_null()) return Value();
  Rooted keep_start(&start);
  Value stop = slice_bound(s->stop, negative ? lower : upper, lower, upper, rv.length);
  if (stop.is_null()) return Value();
  Value new_start = add(rv.start, mul(start, rv.step));
  Value new_stop = add(rv.start, mul(stop, rv.step));
  Value new_step = mul(step, rv.step);
  if (new_start.is_null() || new_stop.is_null() || new_step.is_null()) return Value();
  return make_range(new_start, new_stop, new_step);
}

Value range_getitem(Value self, Value key) {
  Range* r = self.as<Range>();
  if (key.is_small() || (is_int(key) && key.obj()->type != &BoolType)) return item_at(r, key);
  if (is_slice(key)) return range_slice(r, key);
  int64_t i;
  int k = index_from_key(key, &i);
  if (k < 0) return Value();
  if (k == 0)
    return raise(&TypeErrorType, "range indices must be integers or slices, not %s", type_name(key));
  return item_at(r, int_value(i));
}

// 1/0 when x is an int (or bool) in the range, -1 on error, 2 when x is
// not an int (the caller falls back to ==).
Value bool_as_int(Value x) {
  if (x == True()) return Value::small(1);
  if (x == False()) return Value::small(0);
  return x;
}

int int_in_range(Range* r, Value x) {
  x = bool_as_int(x);
  if (!range_is_big(r) && x.is_small()) {
    int64_t v = x.small_value();
    bool inside = r->step > 0 ? (r->start <= v && v < r->stop) : (r->stop < v && v <= r->start);
    return inside && (v - r->start) % r->step == 0;
  }
  if (!is_int(x)) return 2;
  RangeValues rv = values_of(r);
  bool inside = is_negative(rv.step) ? (less(rv.stop, x) && !less(rv.start, x))
                                     : (!less(x, rv.start) && less(x, rv.stop));
  if (!inside) return 0;
  Value m = mod(sub(x, rv.start), rv.step);
  if (m.is_null()) return -1;
  return is_zero(m) ? 1 : 0;
}

// Calls fn(element) for each element until it returns non-zero.
template <class Fn>
int for_each_element(Range* r, Fn fn) {
  if (!range_is_big(r)) {
    for (int64_t k = 0; k < r->length; k++) {
      int res = fn(Value::small(r->start + k * r->step));
      if (res) return res;
    }
    return 0;
  }
  RangeValues rv = values_of(r);
  Value v = rv.start, i = Value::small(0);
  Rooted keep_v(&v);
  Rooted keep_i(&i);
  for (; less(i, rv.length); v = add(v, rv.step), i = add(i, Value::small(1))) {
    int res = fn(v);
    if (res) return res;
  }
  return 0;
}

int range_contains(Value self, Value x) {
  Range* r = self.as<Range>();
  int k = int_in_range(r, x);
  if (k != 2) return k;
  return for_each_element(r, [x](Value v) { return obj_eq(v, x); });
}

Value range_compare(Value a, Value b, CompareOp op) {
  if (!isinstance(b, &RangeType) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return NotImplemented();
  RangeValues x = values_of(a.as<Range>()), y = values_of(b.as<Range>());
  // Equal as sequences: same length, then same first item, then same step.
  bool eq = obj_eq(x.length, y.length) == 1;
  if (eq && !is_zero(x.length)) {
    eq = obj_eq(x.start, y.start) == 1;
    if (eq && !(x.length.is_small() && x.length.small_value() == 1)) eq = obj_eq(x.step, y.step) == 1;
  }
  return Bool(eq == (op == CompareOp::Eq));
}

// CPython: the hash of (len, start, step) with start/step None when they do
// not matter (so equal ranges hash equal).
bool range_hash(Value self, int64_t* out) {
  RangeValues rv = values_of(self.as<Range>());
  bool empty = is_zero(rv.length);
  bool single = rv.length.is_small() && rv.length.small_value() == 1;
  Tuple* t = tuple_from({rv.length, empty ? None() : rv.start, empty || single ? None() : rv.step});
  return tuple_hash(t, out);
}

Value range_iter(Value self) {
  Range* r = self.as<Range>();
  if (!range_is_big(r)) {
    RangeIterator* it = gc_new<RangeIterator>(&RangeIteratorType);
    it->next = r->start;
    it->step = r->step;
    it->remaining = r->length;
    return Value(it);
  }
  LongRangeIterator* it = gc_new<LongRangeIterator>(&LongRangeIteratorType);
  it->next = big_field(r->start);
  it->step = big_field(r->step);
  it->remaining = big_field(r->length);
  return Value(it);
}

Value range_getattr(Value self, Str* name) {
  std::string_view n = str_view(name);
  RangeValues rv = values_of(self.as<Range>());
  if (n == "start") return rv.start;
  if (n == "stop") return rv.stop;
  if (n == "step") return rv.step;
  return generic_getattr(self, name);
}

void range_trace(Object* self, Visitor& v) {
  Range* r = static_cast<Range*>(self);
  if (!range_is_big(r)) return;
  v.visit(big_field(r->start));
  v.visit(big_field(r->stop));
  v.visit(big_field(r->step));
  v.visit(big_field(r->length));
}

// ---- methods ---------------------------------------------------------------------

Value range_count_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("range.count", nargs, kw, 1, 1)) return Value();
  Range* r = self.as<Range>();
  int k = int_in_range(r, args[0]);
  if (k < 0) return Value();
  if (k != 2) return Value::small(k);
  int64_t n = 0;
  Value x = args[0];
  int err = for_each_element(r, [x, &n](Value v) {
    int e = obj_eq(v, x);
    if (e < 0) return -1;
    n += e;
    return 0;
  });
  return err < 0 ? Value() : int_value(n);
}

Value range_index_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("range.index", nargs, kw, 1, 1)) return Value();
  Range* r = self.as<Range>();
  Value x = args[0];
  int k = int_in_range(r, x);
  if (k < 0) return Value();
  if (k == 1) {
    x = bool_as_int(x);
    if (x.is_small() && !range_is_big(r)) return Value::small((x.small_value() - r->start) / r->step);
    RangeValues rv = values_of(r);
    Value d = sub(x, rv.start);
    return d.is_null() ? Value() : floordiv(d, rv.step);
  }
  if (k == 0) {
    Value rep = obj_repr(x);
    if (rep.is_null()) return Value();
    return raise(&ValueErrorType, "%s is not in range", str_cstr(rep.as<Str>()));
  }
  int64_t index = 0;
  int found = for_each_element(r, [x, &index](Value v) {
    int e = obj_eq(v, x);
    if (e == 0) index++;
    return e;
  });
  if (found < 0) return Value();
  if (found == 0) return raise(&ValueErrorType, "sequence.index(x): x not in sequence");
  return int_value(index);
}

Value range_reversed_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("range.__reversed__", nargs, kw, 0, 0)) return Value();
  Range* r = self.as<Range>();
  if (!range_is_big(r)) {
    RangeIterator* it = gc_new<RangeIterator>(&RangeIteratorType);
    it->next = r->start + (r->length - 1) * r->step;
    it->step = -r->step;
    it->remaining = r->length;
    return Value(it);
  }
  RangeValues rv = values_of(r);
  Value last = add(rv.start, mul(sub(rv.length, Value::small(1)), rv.step));
  Value step = unary_op(rv.step, UnaryOp::Neg);
  if (last.is_null() || step.is_null()) return Value();
  LongRangeIterator* it = gc_new<LongRangeIterator>(&LongRangeIteratorType);
  it->next = last;
  it->step = step;
  it->remaining = rv.length;
  return Value(it);
}

Value range_len_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("range.__len__", nargs, kw, 0, 0)) return Value();
  int64_t n = range_len(self);
  return n < 0 ? Value() : int_value(n);
}

Value range_getitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("range.__getitem__", nargs, kw, 1, 1)) return Value();
  return range_getitem(self, args[0]);
}

Value range_contains_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("range.__contains__", nargs, kw, 1, 1)) return Value();
  int r = range_contains(self, args[0]);
  return r < 0 ? Value() : Bool(r == 1);
}

// ---- iterators ---------------------------------------------------------------------

Value iterator_self(Value self) { return self; }

Value range_iternext(Value self) { return range_iter_next(self.as<RangeIterator>()); }

Value longrange_iternext(Value self) {
  LongRangeIterator* it = self.as<LongRangeIterator>();
  if (!less(Value::small(0), it->remaining)) return Value();
  Value v = it->next;
  Value next = add(v, it->step);
  Value remaining = sub(it->remaining, Value::small(1));
  if (next.is_null() || remaining.is_null()) return Value();
  it->next = next;
  it->remaining = remaining;
  return v;
}

void longrange_iterator_trace(Object* self, Visitor& v) {
  LongRangeIterator* it = static_cast<LongRangeIterator*>(self);
  v.visit(it->next);
  v.visit(it->step);
  v.visit(it->remaining);
}

}  // namespace

Value range_new(int64_t start, int64_t stop, int64_t step) {
  if (!Value::fits_small(start) || !Value::fits_small(stop) || !Value::fits_small(step))
    return make_range(int_from_i64(start), int_from_i64(stop), int_from_i64(step));
  Range* r = alloc_range();
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = slice_length(start, stop, step);
  return Value(r);
}

Type RangeType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "range";
  t.base = &ObjectType;
  t.instance_size = sizeof(Range);
  t.repr = range_repr;
  t.hash = range_hash;
  t.compare = range_compare;
  t.truth = range_truth;
  t.len = range_len;
  t.getattr = range_getattr;
  t.iter = range_iter;
  t.getitem = range_getitem;
  t.contains = range_contains;
  t.construct = range_construct;
  t.trace = range_trace;
  return t;
}();

Type RangeIteratorType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "range_iterator";
  t.base = &ObjectType;
  t.instance_size = sizeof(RangeIterator);
  t.iter = iterator_self;
  t.iternext = range_iternext;
  return t;
}();

Type LongRangeIteratorType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "longrange_iterator";
  t.base = &ObjectType;
  t.instance_size = sizeof(LongRangeIterator);
  t.iter = iterator_self;
  t.iternext = longrange_iternext;
  t.trace = longrange_iterator_trace;
  return t;
}();

void range_init() {
  type_add_method(&RangeType, "count", range_count_method);
  type_add_method(&RangeType, "index", range_index_method);
  type_add_method(&RangeType, "__reversed__", range_reversed_method);
  type_add_method(&RangeType, "__len__", range_len_method);
  type_add_method(&RangeType, "__getitem__", range_getitem_method);
  type_add_method(&RangeType, "__contains__", range_contains_method);
  type_ready(&RangeType);
  type_ready(&RangeIteratorType);
  type_ready(&LongRangeIteratorType);
}

}  // namespace pg
