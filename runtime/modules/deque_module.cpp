// The `_collections` module: `deque`, the double-ended queue that
// collections re-exports (hot in real programs: BFS queues, sliding
// windows), as a native ring buffer. The rest of collections is bundled
// Python (runtime/lib/collections/__init__.py).
#include <cstdlib>
#include <cstring>
#include <string>

#include "modules/std_util.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {

extern Type DequeType, DequeIterType, DequeRevIterType;

namespace {

// A deque. items[(head + i) % capacity] for i in [0, size) are the values,
// left to right; the other slots are stale. items is malloc'd (null when
// capacity is 0). maxlen is -1 when unbounded. state counts mutations so
// iterators notice them.
struct Deque : Object {
  Value* items;
  int64_t capacity;
  int64_t head;
  int64_t size;
  int64_t maxlen;
  int64_t state;
};

// deque iterators: the deque, the position (counted from the left for
// forward iterators, from the right for reversed ones), and the deque's
// state when created.
struct DequeIter : Object {
  Value deque;
  int64_t index;
  int64_t state;
};

Deque* as_deque(Value v) { return v.as<Deque>(); }
Value& at(Deque* d, int64_t i) { return d->items[(d->head + i) % d->capacity]; }

void grow(Deque* d) {
  int64_t cap = d->capacity ? d->capacity * 2 : 8;
  Value* items = static_cast<Value*>(malloc(size_t(cap) * sizeof(Value)));
  for (int64_t i = 0; i < d->size; ++i) items[i] = at(d, i);
  gc_note_external((cap - d->capacity) * int64_t(sizeof(Value)));
  free(d->items);
  d->items = items;
  d->capacity = cap;
  d->head = 0;
}

Value pop_right(Deque* d) {
  Value v = at(d, d->size - 1);
  d->size--;
  d->state++;
  return v;
}

Value pop_left(Deque* d) {
  Value v = at(d, 0);
  d->head = (d->head + 1) % d->capacity;
  d->size--;
  d->state++;
  return v;
}

void push_right(Deque* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->maxlen) pop_left(d);
  if (d->size == d->capacity) grow(d);
  at(d, d->size) = v;
  d->size++;
  d->state++;
}

void push_left(Deque* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->maxlen) pop_right(d);
  if (d->size == d->capacity) grow(d);
  d->head = (d->head + d->capacity - 1) % d->capacity;
  d->items[d->head] = v;
  d->size++;
  d->state++;
}

bool check_deque(Value self) {
  if (!self.is_obj() || !isinstance(self, &DequeType)) {
    raise(&TypeErrorType, "descriptor requires a 'collections.deque' object but received a '%s'", type_name(self));
    return false;
  }
  return true;
}

#define DEQUE_METHOD(name, min, max)                                                    \
  if (!check_deque(self) || !check_nargs(name, nargs, kwnames, min, max)) return Value(); \
  Deque* d = as_deque(self)

int extend_impl(Value self, Value iterable, bool left) {
  if (iterable == self) {
    // d.extend(d): iterate over a snapshot.
    Value copy(list_new(0));
    Rooted keep(&copy);
    Deque* d = as_deque(self);
    for (int64_t i = 0; i < d->size; ++i) list_append(copy.as<List>(), at(d, i));
    return extend_impl(self, copy, left);
  }
  Value it = obj_iter(iterable);
  if (it.is_null()) return -1;
  Rooted keep(&it);
  while (true) {
    Value v = iter_next(it);
    if (v.is_null()) return error_occurred() ? -1 : 0;
    if (left) push_left(as_deque(self), v);
    else push_right(as_deque(self), v);
  }
}

Value deque_init(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_deque(self)) return Value();
  Value a[2];
  if (!bind_args("deque", args, nargs, kwnames, {"iterable", "maxlen"}, 0, a)) return Value();
  Deque* d = as_deque(self);
  int64_t maxlen = -1;
  if (!a[1].is_null() && !is_none(a[1])) {
    if (!int_as_index(a[1], &maxlen)) return Value();
    if (maxlen < 0) return raise(&ValueErrorType, "maxlen must be non-negative");
  }
  d->maxlen = maxlen;
  d->size = 0;
  d->head = 0;
  d->state++;
  if (!a[0].is_null() && extend_impl(self, a[0], false) < 0) return Value();
  return None();
}

Value deque_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value obj(gc_alloc(type, type->instance_size));
  Rooted keep(&obj);
  as_deque(obj)->maxlen = -1;
  if (type == &DequeType && deque_init(obj, args, nargs, kwnames).is_null()) return Value();
  return obj;
}

void deque_trace(Object* self, Visitor& v) {
  Deque* d = static_cast<Deque*>(self);
  for (int64_t i = 0; i < d->size; ++i) v.visit(at(d, i));
}

void deque_finalize(Object* self) {
  Deque* d = static_cast<Deque*>(self);
  gc_note_external(-d->capacity * int64_t(sizeof(Value)));
  free(d->items);
  d->items = nullptr;
  d->capacity = d->size = 0;
}

Value deque_append(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("append", 1, 1);
  push_right(d, args[0]);
  return None();
}

Value deque_appendleft(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("appendleft", 1, 1);
  push_left(d, args[0]);
  return None();
}

Value deque_pop(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("pop", 0, 0);
  if (d->size == 0) return raise(&IndexErrorType, "pop from an empty deque");
  return pop_right(d);
}

Value deque_popleft(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("popleft", 0, 0);
  if (d->size == 0) return raise(&IndexErrorType, "pop from an empty deque");
  return pop_left(d);
}

Value deque_extend(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("extend", 1, 1);
  (void)d;
  return extend_impl(self, args[0], false) < 0 ? Value() : None();
}

Value deque_extendleft(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("extendleft", 1, 1);
  (void)d;
  return extend_impl(self, args[0], true) < 0 ? Value() : None();
}

Value deque_clear(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("clear", 0, 0);
  d->size = 0;
  d->head = 0;
  d->state++;
  return None();
}

Value new_like(Value self) {
  Type* t = type_of(self);
  Value obj(gc_alloc(t, t->instance_size));
  as_deque(obj)->maxlen = as_deque(self)->maxlen;
  return obj;
}

Value deque_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("copy", 0, 0);
  Value copy = new_like(self);
  d = as_deque(self);
  for (int64_t i = 0; i < d->size; ++i) push_right(as_deque(copy), at(d, i));
  return copy;
}

Value deque_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("count", 1, 1);
  int64_t state = d->state, n = 0;
  for (int64_t i = 0; i < as_deque(self)->size; ++i) {
    int eq = obj_eq(at(as_deque(self), i), args[0]);
    if (eq < 0) return Value();
    if (as_deque(self)->state != state) return raise(&RuntimeErrorType, "deque mutated during iteration");
    n += eq;
  }
  return int_from_i64(n);
}

// Index of the first item equal to x in [start, stop), or -1 (error set
// when the comparison raised or the deque changed).
int64_t find(Value self, Value x, int64_t start, int64_t stop, bool* failed) {
  int64_t state = as_deque(self)->state;
  *failed = false;
  for (int64_t i = start; i < stop && i < as_deque(self)->size; ++i) {
    int eq = obj_eq(at(as_deque(self), i), x);
    if (eq < 0) {
      *failed = true;
      return -1;
    }
    if (as_deque(self)->state != state) {
      raise(&RuntimeErrorType, "deque mutated during iteration");
      *failed = true;
      return -1;
    }
    if (eq) return i;
  }
  return -1;
}

Value deque_index(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("index", 1, 3);
  int64_t start = 0, stop = d->size;
  if (nargs > 1 && !slice_arg_index(args[1], &start)) return Value();
  if (nargs > 2 && !slice_arg_index(args[2], &stop)) return Value();
  adjust_indices(&start, &stop, d->size);
  bool failed;
  int64_t i = find(self, args[0], start, stop, &failed);
  if (failed) return Value();
  if (i < 0) {
    Value r = obj_repr(args[0]);
    if (r.is_null()) return r;
    return raise(&ValueErrorType, "%s is not in deque", str_cstr(r.as<Str>()));
  }
  return int_from_i64(i);
}

// Removes the item at index i (0 <= i < size).
void delete_at(Deque* d, int64_t i) {
  for (int64_t j = i; j < d->size - 1; ++j) at(d, j) = at(d, j + 1);
  d->size--;
  d->state++;
}

Value deque_remove(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("remove", 1, 1);
  bool failed;
  int64_t i = find(self, args[0], 0, d->size, &failed);
  if (failed) return Value();
  if (i < 0) {
    Value r = obj_repr(args[0]);
    if (r.is_null()) return r;
    return raise(&ValueErrorType, "%s is not in deque", str_cstr(r.as<Str>()));
  }
  delete_at(as_deque(self), i);
  return None();
}

Value deque_insert(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("insert", 2, 2);
  int64_t i;
  if (!int_as_index(args[0], &i)) return Value();
  if (d->maxlen >= 0 && d->size >= d->maxlen) return raise(&IndexErrorType, "deque already at its maximum size");
  if (i < 0) i = i + d->size < 0 ? 0 : i + d->size;
  if (i > d->size) i = d->size;
  push_right(d, None());
  for (int64_t j = d->size - 1; j > i; --j) at(d, j) = at(d, j - 1);
  at(d, i) = args[1];
  return None();
}

Value deque_reverse(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("reverse", 0, 0);
  for (int64_t i = 0, j = d->size - 1; i < j; ++i, --j) std::swap(at(d, i), at(d, j));
  d->state++;
  return None();
}

Value deque_rotate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("rotate", 0, 1);
  int64_t n = 1;
  if (nargs && !int_as_index(args[0], &n)) return Value();
  if (d->size <= 1) return None();
  n %= d->size;
  if (n < 0) n += d->size;
  for (int64_t k = 0; k < n; ++k) {  // right rotation by n
    Value v = pop_right(d);
    push_left(d, v);
  }
  return None();
}

int64_t deque_len(Value self) { return as_deque(self)->size; }

bool normalize_index(Deque* d, Value key, int64_t* out) {
  if (!is_int(key) && type_lookup(type_of(key), str_intern("__index__")).is_null()) {
    raise(&TypeErrorType, "sequence index must be integer, not '%s'", type_name(key));
    return false;
  }
  int64_t i;
  if (!int_as_index(key, &i)) return false;
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    raise(&IndexErrorType, "deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

Value deque_getitem(Value self, Value key) {
  int64_t i;
  if (!normalize_index(as_deque(self), key, &i)) return Value();
  return at(as_deque(self), i);
}

int deque_setitem(Value self, Value key, Value v) {
  int64_t i;
  if (!normalize_index(as_deque(self), key, &i)) return -1;
  if (v.is_null()) delete_at(as_deque(self), i);
  else at(as_deque(self), i) = v;
  return 0;
}

int deque_contains(Value self, Value x) {
  bool failed;
  int64_t i = find(self, x, 0, as_deque(self)->size, &failed);
  return failed ? -1 : i >= 0;
}

Value deque_repr(Value self) {
  if (repr_enter(self.obj())) return str_from_cstr("[...]");
  std::string text = std::string(type_of(self) == &DequeType ? "deque" : type_of(self)->name) + "([";
  for (int64_t i = 0; i < as_deque(self)->size; ++i) {
    Value r = obj_repr(at(as_deque(self), i));
    if (r.is_null()) {
      repr_leave(self.obj());
      return r;
    }
    if (i) text += ", ";
    text += str_view(r.as<Str>());
  }
  repr_leave(self.obj());
  text += "]";
  if (as_deque(self)->maxlen >= 0) text += ", maxlen=" + std::to_string(as_deque(self)->maxlen);
  return Value(str_new(text + ")"));
}

Value to_list(Value self) {
  Deque* d = as_deque(self);
  List* l = list_new(d->size);
  for (int64_t i = 0; i < d->size; ++i) list_items(l)[i] = at(d, i);
  return Value(l);
}

Value deque_compare(Value a, Value b, CompareOp op) {
  if (!isinstance(a, &DequeType) || !isinstance(b, &DequeType)) return NotImplemented();
  Value la = to_list(a);
  Rooted keep(&la);
  Value lb = to_list(b);
  Rooted keep_b(&lb);
  return obj_compare(la, lb, op);
}

Value deque_binop(Value a, Value b, BinaryOp op) {
  if (!isinstance(a, &DequeType)) return NotImplemented();
  if (op == BinaryOp::Add || op == BinaryOp::InplaceAdd) {
    if (op == BinaryOp::InplaceAdd) {
      if (extend_impl(a, b, false) < 0) return Value();
      return a;
    }
    if (!isinstance(b, &DequeType))
      return raise(&TypeErrorType, "can only concatenate deque (not \"%s\") to deque", type_name(b));
    Value r = new_like(a);
    Rooted keep(&r);
    if (extend_impl(r, a, false) < 0 || extend_impl(r, b, false) < 0) return Value();
    return r;
  }
  if (op == BinaryOp::Mul || op == BinaryOp::InplaceMul) {
    if (!is_int(b)) return NotImplemented();
    int64_t n;
    if (!int_as_index(b, &n)) return Value();
    Value snapshot = to_list(a);
    Rooted keep(&snapshot);
    Value r = op == BinaryOp::InplaceMul ? a : new_like(a);
    Rooted keep_r(&r);
    if (op == BinaryOp::InplaceMul) as_deque(r)->size = 0;
    for (int64_t k = 0; k < n; ++k)
      if (extend_impl(r, snapshot, false) < 0) return Value();
    return r;
  }
  return NotImplemented();
}

int deque_truth(Value self) { return as_deque(self)->size > 0; }

Value deque_maxlen(Value self, const Value*, size_t, Tuple*) {
  int64_t m = as_deque(self)->maxlen;
  return m < 0 ? None() : int_from_i64(m);
}

Value deque_getattr(Value self, Str* name) {
  if (str_view(name) == "maxlen") return deque_maxlen(self, nullptr, 0, nullptr);
  return generic_getattr(self, name);
}

// ---- iteration ------------------------------------------------------------
Value make_iter(Value self, Type* type) {
  Value me = self;
  Rooted keep(&me);
  DequeIter* it = static_cast<DequeIter*>(gc_alloc(type, sizeof(DequeIter)));
  it->deque = me;
  it->state = as_deque(me)->state;
  return Value(it);
}

Value deque_iter(Value self) { return make_iter(self, &DequeIterType); }

Value deque_reversed(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  DEQUE_METHOD("__reversed__", 0, 0);
  (void)d;
  return make_iter(self, &DequeRevIterType);
}

template <bool kReverse>
Value deque_iter_next(Value self) {
  DequeIter* it = self.as<DequeIter>();
  if (it->deque.is_null()) return Value();
  Deque* d = as_deque(it->deque);
  if (d->state != it->state) {
    it->deque = Value();
    return raise(&RuntimeErrorType, "deque mutated during iteration");
  }
  if (it->index >= d->size) {
    it->deque = Value();
    return Value();
  }
  int64_t i = it->index++;
  return at(d, kReverse ? d->size - 1 - i : i);
}

void deque_iter_trace(Object* self, Visitor& v) { v.visit(static_cast<DequeIter*>(self)->deque); }

Value iter_self(Value self) { return self; }

Type make_iter_type(const char* name, Value (*next)(Value)) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = sizeof(DequeIter);
  t.iter = iter_self;
  t.iternext = next;
  t.trace = deque_iter_trace;
  return t;
}

Value module_init() {
  static bool ready = false;
  if (!ready) {
    struct { const char* name; NativeFn fn; } methods[] = {
        {"__init__", deque_init}, {"append", deque_append}, {"appendleft", deque_appendleft},
        {"pop", deque_pop}, {"popleft", deque_popleft}, {"extend", deque_extend},
        {"extendleft", deque_extendleft}, {"clear", deque_clear}, {"copy", deque_copy},
        {"__copy__", deque_copy}, {"count", deque_count}, {"index", deque_index},
        {"remove", deque_remove}, {"insert", deque_insert}, {"reverse", deque_reverse},
        {"rotate", deque_rotate}, {"__reversed__", deque_reversed}};
    for (auto& m : methods) type_add_method(&DequeType, m.name, m.fn);
    type_ready(&DequeType);
    type_ready(&DequeIterType);
    type_ready(&DequeRevIterType);
    ready = true;
  }
  Value m = module_new("_collections");
  module_add(m, "deque", Value(&DequeType));
  return m;
}

}  // namespace

Type DequeType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "collections.deque";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeNativeLayout;
  t.instance_size = sizeof(Deque);
  t.construct = deque_construct;
  t.repr = deque_repr;
  t.compare = deque_compare;
  t.binop = deque_binop;
  t.truth = deque_truth;
  t.len = deque_len;
  t.getattr = deque_getattr;
  t.iter = deque_iter;
  t.getitem = deque_getitem;
  t.setitem = deque_setitem;
  t.contains = deque_contains;
  t.trace = deque_trace;
  t.finalize = deque_finalize;
  return t;
}();
Type DequeIterType = make_iter_type("_collections._deque_iterator", deque_iter_next<false>);
Type DequeRevIterType = make_iter_type("_collections._deque_reverse_iterator", deque_iter_next<true>);

void deque_module_register() { register_builtin_module("_collections", module_init); }

}  // namespace pg
