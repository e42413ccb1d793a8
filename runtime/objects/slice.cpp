// slice objects (a[start:stop:step]) and their resolution against a
// sequence length, with CPython's PySlice_Unpack + PySlice_AdjustIndices
// semantics: out-of-range bounds clamp, negative ones count from the end.
#include <string>

#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/type.h"

namespace pg {

namespace {

inline Value or_none(Value v) { return v.is_null() ? None() : v; }

Value slice_repr(Value self) {
  Slice* s = self.as<Slice>();
  std::string text = "slice(";
  Value parts[3] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; i++) {
    if (i > 0) text += ", ";
    Value r = obj_repr(parts[i]);
    if (r.is_null()) return Value();
    text += str_view(r.as<Str>());
  }
  text += ')';
  return Value(str_new(text));
}

// Slices compare like the tuples (start, stop, step).
Value slice_compare(Value a, Value b, CompareOp op) {
  if (!is_slice(b)) return NotImplemented();
  Slice* x = a.as<Slice>();
  Slice* y = b.as<Slice>();
  Value tx = Value(tuple_from({x->start, x->stop, x->step}));
  Rooted keep_x(&tx);
  Value ty = Value(tuple_from({y->start, y->stop, y->step}));
  Rooted keep_y(&ty);
  return obj_compare(tx, ty, op);
}

Value slice_getattr(Value self, Str* name) {
  Slice* s = self.as<Slice>();
  std::string_view n = str_view(name);
  if (n == "start") return s->start;
  if (n == "stop") return s->stop;
  if (n == "step") return s->step;
  return generic_getattr(self, name);
}

Value slice_construct(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0)
    return raise(&TypeErrorType, "slice() takes no keyword arguments");
  if (nargs == 0) return raise(&TypeErrorType, "slice expected at least 1 argument, got 0");
  if (nargs > 3) return raise(&TypeErrorType, "slice expected at most 3 arguments, got %zu", nargs);
  if (nargs == 1) return slice_new(None(), args[0], None());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : None());
}

void slice_trace(Object* self, Visitor& v) {
  Slice* s = static_cast<Slice*>(self);
  v.visit(s->start);
  v.visit(s->stop);
  v.visit(s->step);
}

// slice.indices(length) -> (start, stop, step)
Value slice_indices_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("slice.indices", nargs, kw, 1, 1)) return Value();
  int64_t length;
  if (!int_as_index(args[0], &length)) return Value();
  if (length < 0) return raise(&ValueErrorType, "length should not be negative");
  int64_t start, stop, step, n;
  if (!slice_indices(self, length, &start, &stop, &step, &n)) return Value();
  return Value(tuple_from({int_value(start), int_value(stop), int_value(step)}));
}

}  // namespace

bool is_slice(Value v) { return v.is_obj() && v.obj()->type == &SliceType; }

Value slice_new(Value start, Value stop, Value step) {
  Slice* s = gc_new<Slice>(&SliceType);
  s->start = or_none(start);
  s->stop = or_none(stop);
  s->step = or_none(step);
  return Value(s);
}

bool slice_indices(Value slice, int64_t length, int64_t* start, int64_t* stop, int64_t* step,
                   int64_t* slicelength) {
  Slice* s = slice.as<Slice>();
  // Unpack: None means "from the natural end" for the direction of step.
  *step = 1;
  if (!is_none(s->step)) {
    if (!slice_arg_index(s->step, step)) return false;
    if (*step == 0) {
      raise(&ValueErrorType, "slice step cannot be zero");
      return false;
    }
    // So that -step cannot overflow.
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  *start = *step < 0 ? INT64_MAX : 0;
  if (!is_none(s->start) && !slice_arg_index(s->start, start)) return false;
  *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  if (!is_none(s->stop) && !slice_arg_index(s->stop, stop)) return false;
  // Adjust to the length.
  auto clamp = [length, step](int64_t* i) {
    if (*i < 0) {
      *i += length;
      if (*i < 0) *i = *step < 0 ? -1 : 0;
    } else if (*i >= length) {
      *i = *step < 0 ? length - 1 : length;
    }
  };
  clamp(start);
  clamp(stop);
  *slicelength = slice_length(*start, *stop, *step);
  return true;
}

Type SliceType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "slice";
  t.base = &ObjectType;
  t.instance_size = sizeof(Slice);
  t.repr = slice_repr;
  t.compare = slice_compare;  // no hash: slices are unhashable in 3.11
  t.getattr = slice_getattr;
  t.construct = slice_construct;
  t.trace = slice_trace;
  return t;
}();

void slice_init() {
  type_add_method(&SliceType, "indices", slice_indices_method);
  type_ready(&SliceType);
}

}  // namespace pg
