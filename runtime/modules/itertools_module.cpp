// The `itertools` module: every iterator of CPython 3.11's itertools, as
// native types (so `type(count())` is <class 'itertools.count'> and they
// run at the speed of the builtins' map/zip).
//
// One layout serves every type (ItObject below): a few Value slots and
// counters whose meaning each type documents at its functions, plus an
// index vector for the combinatoric iterators. This file holds the
// infinite, filtering and grouping iterators; itertools_combinatorics.cpp
// the products, permutations and combinations.
//
// GC: the iterators are reachable from their caller; values held in C++
// locals across iter_next / call / comparisons (which can run Python code)
// are Rooted.
#include "modules/itertools_internal.h"

#include <cinttypes>
#include <string>

#include "modules/std_util.h"
#include "objects/containers.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {
namespace itertools_detail {

void it_trace(Object* self, Visitor& v) {
  ItObject* o = static_cast<ItObject*>(self);
  for (Value x : o->v) v.visit(x);
}

void it_finalize(Object* self) {
  ItObject* o = static_cast<ItObject*>(self);
  delete o->indices;
  o->indices = nullptr;
}

Value iter_self(Value self) { return self; }

Type make_type(const char* name, ConstructFn construct, Value (*iternext)(Value)) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeNativeLayout;
  t.instance_size = sizeof(ItObject);
  t.construct = construct;
  t.iter = iter_self;
  t.iternext = iternext;
  t.trace = it_trace;
  t.finalize = it_finalize;
  return t;
}

ItObject* it_new(Type* type) { return static_cast<ItObject*>(gc_alloc(type, type->instance_size)); }

bool no_keywords(const char* name, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    raise(&TypeErrorType, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

}  // namespace itertools_detail

using namespace itertools_detail;

extern Type CountType, ChainType, GrouperType, TeeType, TeeDataType;

namespace {

// ---------------------------------------------------------------------------
// count(start=0, step=1): v0 the next value, v1 the step.
// ---------------------------------------------------------------------------
// PyNumber_Check: ints, floats and objects with __index__/__int__/__float__.
bool is_number(Value v) {
  if (is_int(v) || is_float(v)) return true;
  for (const char* name : {"__index__", "__int__", "__float__", "__complex__"})
    if (!type_lookup(type_of(v), str_intern(name)).is_null()) return true;
  return false;
}

Value count_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args("count", args, nargs, kwnames, {"start", "step"}, 0, a)) return Value();
  Value start = a[0].is_null() ? Value::small(0) : a[0];
  Value step = a[1].is_null() ? Value::small(1) : a[1];
  if (!is_number(start) || !is_number(step)) return raise(&TypeErrorType, "a number is required");
  ItObject* o = it_new(type);
  o->v[0] = start;
  o->v[1] = step;
  return Value(o);
}

Value count_next(Value self) {
  ItObject* o = self.as<ItObject>();
  Value current = o->v[0];
  if (current.is_small() && o->v[1].is_small()) {
    int64_t next = current.small_value() + o->v[1].small_value();
    if (Value::fits_small(next)) {
      o->v[0] = Value::small(next);
      return current;
    }
  }
  Rooted keep(&current);
  Value next = binary_op(current, o->v[1], BinaryOp::Add);
  if (next.is_null()) return next;
  o->v[0] = next;
  return current;
}

Value count_repr(Value self) {
  ItObject* o = self.as<ItObject>();
  Value start = obj_repr(o->v[0]);
  if (start.is_null()) return start;
  Rooted keep(&start);
  std::string text = std::string(type_of(self)->flags & kTypeHeap ? type_of(self)->name : "count") + "(" +
                     std::string(str_view(start.as<Str>()));
  if (!(o->v[1].is_small() && o->v[1].small_value() == 1)) {
    Value step = obj_repr(o->v[1]);
    if (step.is_null()) return step;
    text += ", " + std::string(str_view(step.as<Str>()));
  }
  return Value(str_new(text + ")"));
}

// ---------------------------------------------------------------------------
// cycle(iterable): v0 the source (null once exhausted), v1 the saved items
// (a list), n0 the position in the saved items.
// ---------------------------------------------------------------------------
Value cycle_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords("cycle", kwnames) || !check_nargs("cycle", nargs, nullptr, 1, 1)) return Value();
  Value it = obj_iter(args[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  Value saved(list_new(0));
  Rooted keep_saved(&saved);
  ItObject* o = it_new(type);
  o->v[0] = it;
  o->v[1] = saved;
  return Value(o);
}

Value cycle_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (!o->v[0].is_null()) {
    Value item = iter_next(o->v[0]);
    if (!item.is_null()) {
      Rooted keep(&item);
      if (list_append(o->v[1].as<List>(), item) < 0) return Value();
      return item;
    }
    if (error_occurred()) return Value();
    o->v[0] = Value();
  }
  List* saved = o->v[1].as<List>();
  if (list_size(saved) == 0) return Value();
  if (o->n[0] >= list_size(saved)) o->n[0] = 0;
  return list_items(saved)[o->n[0]++];
}

// ---------------------------------------------------------------------------
// repeat(object[, times]): v0 the object, n0 the count left (-1: forever).
// ---------------------------------------------------------------------------
Value repeat_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args("repeat", args, nargs, kwnames, {"object", "times"}, 1, a)) return Value();
  int64_t times = -1;
  if (!a[1].is_null()) {
    if (!int_as_index(a[1], &times)) return Value();
    if (times < 0) times = 0;
  }
  ItObject* o = it_new(type);
  o->v[0] = a[0];
  o->n[0] = times;
  return Value(o);
}

Value repeat_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (o->n[0] == 0) return Value();
  if (o->n[0] > 0) --o->n[0];
  return o->v[0];
}

Value repeat_repr(Value self) {
  ItObject* o = self.as<ItObject>();
  Value r = obj_repr(o->v[0]);
  if (r.is_null()) return r;
  std::string text = "repeat(" + std::string(str_view(r.as<Str>()));
  if (o->n[0] >= 0) text += ", " + std::to_string(o->n[0]);
  return Value(str_new(text + ")"));
}

Value repeat_length_hint(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__length_hint__", nargs, kwnames, 0, 0)) return Value();
  ItObject* o = self.as<ItObject>();
  if (o->n[0] < 0) return raise(&TypeErrorType, "len() of unsized object");
  return Value::small(o->n[0]);
}

// ---------------------------------------------------------------------------
// accumulate(iterable, func=None, *, initial=None): v0 the source, v1 the
// function (None: +), v2 the running total (null before the first),
// v3 the initial value still to be produced (null when none).
// ---------------------------------------------------------------------------
Value accumulate_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!bind_args("accumulate", args, nargs, kwnames, {"iterable", "func", "initial"}, 1, a)) return Value();
  if (nargs > 2) return raise(&TypeErrorType, "accumulate() takes at most 2 positional arguments (%zu given)", nargs);
  Value it = obj_iter(a[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  ItObject* o = it_new(type);
  o->v[0] = it;
  o->v[1] = a[1].is_null() ? None() : a[1];
  if (!a[2].is_null() && !is_none(a[2])) o->v[3] = a[2];
  return Value(o);
}

Value accumulate_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (!o->v[3].is_null()) {
    o->v[2] = o->v[3];
    o->v[3] = Value();
    return o->v[2];
  }
  Value item = iter_next(o->v[0]);
  if (item.is_null()) return item;
  if (o->v[2].is_null()) {
    o->v[2] = item;
    return item;
  }
  Rooted keep(&item);
  Value total;
  if (is_none(o->v[1])) {
    total = binary_op(o->v[2], item, BinaryOp::Add);
  } else {
    Value pair[2] = {o->v[2], item};
    total = call(o->v[1], pair, 2);
  }
  if (total.is_null()) return total;
  o->v[2] = total;
  return total;
}

// ---------------------------------------------------------------------------
// chain(*iterables) and chain.from_iterable(iterable): v0 an iterator over
// the iterables (null once exhausted), v1 the current one (null between).
// ---------------------------------------------------------------------------
Value chain_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords("chain", kwnames)) return Value();
  Tuple* t = tuple_new(int64_t(nargs));
  for (size_t i = 0; i < nargs; ++i) tuple_items(t)[i] = args[i];
  Value tv(t);
  Rooted keep(&tv);
  Value source = obj_iter(tv);
  if (source.is_null()) return source;
  Rooted keep_source(&source);
  ItObject* o = it_new(type);
  o->v[0] = source;
  return Value(o);
}

Value chain_from_iterable(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("from_iterable", nargs, kwnames, 1, 1)) return Value();
  Value source = obj_iter(args[0]);
  if (source.is_null()) return source;
  Rooted keep(&source);
  Type* type = cls.is_obj() && isinstance(cls, &TypeType) ? cls.as<Type>() : &ChainType;
  ItObject* o = it_new(type);
  o->v[0] = source;
  return Value(o);
}

Value chain_next(Value self) {
  ItObject* o = self.as<ItObject>();
  while (true) {
    if (o->v[1].is_null()) {
      if (o->v[0].is_null()) return Value();
      Value next_iterable = iter_next(o->v[0]);
      if (next_iterable.is_null()) {
        if (!error_occurred()) o->v[0] = Value();
        return Value();
      }
      Rooted keep(&next_iterable);
      Value it = obj_iter(next_iterable);
      if (it.is_null()) return it;
      o->v[1] = it;
    }
    Value item = iter_next(o->v[1]);
    if (!item.is_null() || error_occurred()) return item;
    o->v[1] = Value();
  }
}

// ---------------------------------------------------------------------------
// compress(data, selectors): v0 data iterator, v1 selector iterator.
// ---------------------------------------------------------------------------
Value compress_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args("compress", args, nargs, kwnames, {"data", "selectors"}, 2, a)) return Value();
  Value data = obj_iter(a[0]);
  if (data.is_null()) return data;
  Rooted keep(&data);
  Value sel = obj_iter(a[1]);
  if (sel.is_null()) return sel;
  Rooted keep_sel(&sel);
  ItObject* o = it_new(type);
  o->v[0] = data;
  o->v[1] = sel;
  return Value(o);
}

Value compress_next(Value self) {
  ItObject* o = self.as<ItObject>();
  while (true) {
    Value item = iter_next(o->v[0]);
    if (item.is_null()) return item;
    Rooted keep(&item);
    Value s = iter_next(o->v[1]);
    if (s.is_null()) return s;
    int t = obj_truth(s);
    if (t < 0) return Value();
    if (t) return item;
  }
}

// ---------------------------------------------------------------------------
// dropwhile / takewhile / filterfalse (predicate, iterable): v0 the
// predicate, v1 the source; n0 1 once dropwhile stopped dropping or
// takewhile stopped taking.
// ---------------------------------------------------------------------------
template <int kKind>  // 0 dropwhile, 1 takewhile, 2 filterfalse
Value predicate_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* names[] = {"dropwhile", "takewhile", "filterfalse"};
  if (!no_keywords(names[kKind], kwnames)) return Value();
  if (nargs != 2) return raise(&TypeErrorType, "%s expected 2 arguments, got %zu", names[kKind], nargs);
  Value it = obj_iter(args[1]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  ItObject* o = it_new(type);
  o->v[0] = args[0];
  o->v[1] = it;
  return Value(o);
}

// -1 error, 0/1 the truth of predicate(item) (of item itself for None).
int predicate_truth(Value predicate, Value item) {
  if (is_none(predicate)) return obj_truth(item);
  Value r = call1(predicate, item);
  if (r.is_null()) return -1;
  return obj_truth(r);
}

Value dropwhile_next(Value self) {
  ItObject* o = self.as<ItObject>();
  while (true) {
    Value item = iter_next(o->v[1]);
    if (item.is_null() || o->n[0]) return item;
    Rooted keep(&item);
    int t = predicate_truth(o->v[0], item);
    if (t < 0) return Value();
    if (!t) {
      o->n[0] = 1;
      return item;
    }
  }
}

Value takewhile_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (o->n[0]) return Value();
  Value item = iter_next(o->v[1]);
  if (item.is_null()) return item;
  Rooted keep(&item);
  int t = predicate_truth(o->v[0], item);
  if (t < 0) return Value();
  if (t) return item;
  o->n[0] = 1;
  return Value();
}

Value filterfalse_next(Value self) {
  ItObject* o = self.as<ItObject>();
  while (true) {
    Value item = iter_next(o->v[1]);
    if (item.is_null()) return item;
    Rooted keep(&item);
    int t = predicate_truth(o->v[0], item);
    if (t < 0) return Value();
    if (!t) return item;
  }
}

// ---------------------------------------------------------------------------
// groupby(iterable, key=None): v0 the source, v1 the key function (None),
// v2 the key of the group handed out last, v3/v4 the current key and value
// (v4 null when consumed), v5 the grouper currently allowed to advance.
// _grouper: v0 its groupby, v1 its key.
// ---------------------------------------------------------------------------
Value groupby_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args("groupby", args, nargs, kwnames, {"iterable", "key"}, 1, a)) return Value();
  Value it = obj_iter(a[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  ItObject* o = it_new(type);
  o->v[0] = it;
  o->v[1] = a[1].is_null() ? None() : a[1];
  return Value(o);
}

// Reads the next value and its key. False at the end or on error.
bool groupby_step(ItObject* o) {
  Value value = iter_next(o->v[0]);
  if (value.is_null()) return false;
  Rooted keep(&value);
  Value key = value;
  if (!is_none(o->v[1])) {
    key = call1(o->v[1], value);
    if (key.is_null()) return false;
  }
  o->v[3] = key;
  o->v[4] = value;
  return true;
}

Value groupby_next(Value self) {
  ItObject* o = self.as<ItObject>();
  Value me = self;
  Rooted keep_self(&me);
  o->v[5] = Value();
  while (true) {
    if (!o->v[3].is_null()) {
      if (o->v[2].is_null()) break;
      int eq = obj_eq(o->v[2], o->v[3]);
      if (eq < 0) return Value();
      if (!eq) break;
    }
    if (!groupby_step(o)) return Value();
  }
  o->v[2] = o->v[3];
  ItObject* g = it_new(&GrouperType);
  g->v[0] = self;
  g->v[1] = o->v[2];
  o->v[5] = Value(g);
  Value grouper(g);
  Rooted keep(&grouper);
  return Value(tuple_from({o->v[2], grouper}));
}

Value grouper_next(Value self) {
  ItObject* g = self.as<ItObject>();
  ItObject* parent = g->v[0].as<ItObject>();
  if (parent->v[5] != self) return Value();
  if (parent->v[4].is_null() && !groupby_step(parent)) return Value();
  int eq = obj_eq(g->v[1], parent->v[3]);
  if (eq <= 0) return Value();
  Value r = parent->v[4];
  parent->v[4] = Value();
  return r;
}

Value grouper_construct(Type*, const Value*, size_t, Tuple*) {
  return raise(&TypeErrorType, "cannot create 'itertools._grouper' instances");
}

// ---------------------------------------------------------------------------
// islice(iterable, stop) / islice(iterable, start, stop[, step]):
// v0 the source (null once done), n0 the index of the next item to
// produce, n1 stop (-1: none), n2 step, n3 items consumed so far.
// ---------------------------------------------------------------------------
bool islice_arg(Value v, int64_t* out, const char* message) {
  if (is_none(v)) return true;
  Value i = is_int(v) ? v : Value();
  if (i.is_null()) {
    bool found = false;
    i = call_special(v, str_intern("__index__"), nullptr, 0, &found);
    if (!found || i.is_null()) {
      if (found) return false;
      raise(&ValueErrorType, "%s", message);
      return false;
    }
  }
  int64_t x;
  if (!int_to_i64(i, &x) || x < 0) {
    raise(&ValueErrorType, "%s", message);
    return false;
  }
  *out = x;
  return true;
}

Value islice_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords("islice", kwnames)) return Value();
  if (nargs < 2 || nargs > 4) {
    if (nargs < 2) return raise(&TypeErrorType, "islice expected at least 2 arguments, got %zu", nargs);
    return raise(&TypeErrorType, "islice expected at most 4 arguments, got %zu", nargs);
  }
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    if (!islice_arg(args[1], &stop,
                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."))
      return Value();
  } else {
    const char* msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (!islice_arg(args[1], &start, msg) || !islice_arg(args[2], &stop, msg)) return Value();
    if (nargs == 4) {
      int64_t s = -1;
      if (!is_none(args[3])) {
        if (!islice_arg(args[3], &s, "Step for islice() must be a positive integer or None.") || s == 0) {
          if (!error_occurred() || error_matches(&ValueErrorType)) {
            error_clear();
            return raise(&ValueErrorType, "Step for islice() must be a positive integer or None.");
          }
          return Value();
        }
        step = s;
      }
    }
  }
  Value it = obj_iter(args[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  ItObject* o = it_new(type);
  o->v[0] = it;
  o->n[0] = start;
  o->n[1] = stop;
  o->n[2] = step;
  return Value(o);
}

Value islice_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (o->v[0].is_null()) return Value();
  int64_t stop = o->n[1];
  while (o->n[3] < o->n[0]) {
    Value skipped = iter_next(o->v[0]);
    if (skipped.is_null()) {
      if (!error_occurred()) o->v[0] = Value();
      return Value();
    }
    o->n[3]++;
  }
  if (stop != -1 && o->n[3] >= stop) {
    o->v[0] = Value();
    return Value();
  }
  Value item = iter_next(o->v[0]);
  if (item.is_null()) {
    if (!error_occurred()) o->v[0] = Value();
    return Value();
  }
  o->n[3]++;
  int64_t next;
  if (__builtin_add_overflow(o->n[0], o->n[2], &next) || (stop != -1 && next > stop)) next = stop;
  o->n[0] = next;
  return item;
}

// ---------------------------------------------------------------------------
// pairwise(iterable): v0 the source (null at the end), v1 the previous item.
// starmap(function, iterable): v0 the function, v1 the source.
// ---------------------------------------------------------------------------
Value pairwise_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords("pairwise", kwnames)) return Value();
  if (nargs != 1) return raise(&TypeErrorType, "pairwise expected 1 argument, got %zu", nargs);
  Value it = obj_iter(args[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  ItObject* o = it_new(type);
  o->v[0] = it;
  return Value(o);
}

Value pairwise_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (o->v[0].is_null()) return Value();
  if (o->v[1].is_null()) {
    Value first = iter_next(o->v[0]);
    if (first.is_null()) {
      if (!error_occurred()) o->v[0] = Value();
      return first;
    }
    o->v[1] = first;
  }
  Value item = iter_next(o->v[0]);
  if (item.is_null()) {
    if (!error_occurred()) {
      o->v[0] = Value();
      o->v[1] = Value();
    }
    return item;
  }
  Value old = o->v[1];
  o->v[1] = item;
  return Value(tuple_from({old, item}));
}

Value starmap_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords("starmap", kwnames)) return Value();
  if (nargs != 2) return raise(&TypeErrorType, "starmap expected 2 arguments, got %zu", nargs);
  Value it = obj_iter(args[1]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  ItObject* o = it_new(type);
  o->v[0] = args[0];
  o->v[1] = it;
  return Value(o);
}

Value starmap_next(Value self) {
  ItObject* o = self.as<ItObject>();
  Value item = iter_next(o->v[1]);
  if (item.is_null()) return item;
  Rooted keep(&item);
  Value t = type_of(item) == &TupleType ? item : tuple_from_iterable(item);
  if (t.is_null()) return t;
  Rooted keep_t(&t);
  return call(o->v[0], tuple_items(t.as<Tuple>()), size_t(tuple_size(t.as<Tuple>())));
}

// ---------------------------------------------------------------------------
// tee(iterable, n=2): n iterators over one source. The shared part (a
// _tee_dataobject) holds v0 the source and v1 a list of the items read so
// far; n0 how many of them were dropped from the front (every reader is
// past them). Each _tee: v0 the shared part, n0 the absolute index of its
// next item.
// ---------------------------------------------------------------------------
Value tee_next(Value self) {
  ItObject* t = self.as<ItObject>();
  ItObject* data = t->v[0].as<ItObject>();
  List* buffer = data->v[1].as<List>();
  int64_t pos = t->n[0] - data->n[0];
  if (pos < list_size(buffer)) {
    t->n[0]++;
    return list_items(buffer)[pos];
  }
  if (data->v[0].is_null()) return Value();
  Value item = iter_next(data->v[0]);
  if (item.is_null()) {
    if (!error_occurred()) data->v[0] = Value();
    return item;
  }
  Rooted keep(&item);
  if (list_append(buffer, item) < 0) return Value();
  t->n[0]++;
  return item;
}

Value tee_construct(Type*, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!no_keywords("_tee", kwnames) || !check_nargs("_tee", nargs, nullptr, 1, 1)) return Value();
  Value it = obj_iter(args[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  Value buffer(list_new(0));
  Rooted keep_buffer(&buffer);
  ItObject* data = it_new(&TeeDataType);
  data->v[0] = it;
  data->v[1] = buffer;
  Value dv(data);
  Rooted keep_data(&dv);
  ItObject* t = it_new(&TeeType);
  t->v[0] = dv;
  return Value(t);
}

Value tee_copy(Value self, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__copy__", nargs, kwnames, 0, 0)) return Value();
  ItObject* t = self.as<ItObject>();
  Value me = self;
  Rooted keep(&me);
  ItObject* copy = it_new(&TeeType);
  copy->v[0] = me.as<ItObject>()->v[0];
  copy->n[0] = t->n[0];
  return Value(copy);
}

Value itertools_tee(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("tee", nargs, kwnames, 1, 2)) return Value();
  int64_t n = 2;
  if (nargs == 2 && !int_as_index(args[1], &n)) return Value();
  if (n < 0) return raise(&ValueErrorType, "n must be >= 0");
  Value result(tuple_new(n));
  Rooted keep(&result);
  if (n == 0) return result;
  Value first = tee_construct(&TeeType, args, 1, nullptr);
  if (first.is_null()) return first;
  tuple_items(result.as<Tuple>())[0] = first;
  for (int64_t i = 1; i < n; ++i) {
    Value c = tee_copy(first, nullptr, 0, nullptr);
    tuple_items(result.as<Tuple>())[i] = c;
  }
  return result;
}

// ---------------------------------------------------------------------------
// zip_longest(*iterables, fillvalue=None): v0 a tuple of the iterators
// (an entry becomes null... None-marked by v1 when exhausted), v1 a list
// of flags (True = exhausted), v2 the fill value; n0 how many are active.
// ---------------------------------------------------------------------------
Value zip_longest_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value fill = None();
  if (kwnames) {
    for (int64_t i = 0; i < tuple_size(kwnames); ++i) {
      std::string_view k = str_view(tuple_items(kwnames)[i].as<Str>());
      if (k != "fillvalue")
        return raise(&TypeErrorType, "zip_longest() got an unexpected keyword argument '%.*s'", int(k.size()),
                     k.data());
      fill = args[nargs + size_t(i)];
    }
  }
  Value iters(tuple_new(int64_t(nargs)));
  Rooted keep(&iters);
  for (size_t i = 0; i < nargs; ++i) {
    Value it = obj_iter(args[i]);
    if (it.is_null()) return it;
    tuple_items(iters.as<Tuple>())[i] = it;
  }
  Value done(list_new(int64_t(nargs)));
  Rooted keep_done(&done);
  for (size_t i = 0; i < nargs; ++i) list_items(done.as<List>())[i] = False();
  ItObject* o = it_new(type);
  o->v[0] = iters;
  o->v[1] = done;
  o->v[2] = fill;
  o->n[0] = int64_t(nargs);
  return Value(o);
}

Value zip_longest_next(Value self) {
  ItObject* o = self.as<ItObject>();
  int64_t n = tuple_size(o->v[0].as<Tuple>());
  if (n == 0 || o->n[0] == 0) return Value();
  Value result(tuple_new(n));
  Rooted keep(&result);
  for (int64_t i = 0; i < n; ++i) {
    Value item;
    if (list_items(o->v[1].as<List>())[i] == True()) {
      item = o->v[2];
    } else {
      item = iter_next(tuple_items(o->v[0].as<Tuple>())[i]);
      if (item.is_null()) {
        if (error_occurred()) return Value();
        list_items(o->v[1].as<List>())[i] = True();
        if (--o->n[0] == 0) return Value();
        item = o->v[2];
      }
    }
    tuple_items(result.as<Tuple>())[i] = item;
  }
  return result;
}

}  // namespace

// ---------------------------------------------------------------------------
// The types.
// ---------------------------------------------------------------------------
Type CountType = make_type("itertools.count", count_construct, count_next);
Type CycleType = make_type("itertools.cycle", cycle_construct, cycle_next);
Type RepeatType = make_type("itertools.repeat", repeat_construct, repeat_next);
Type AccumulateType = make_type("itertools.accumulate", accumulate_construct, accumulate_next);
Type ChainType = make_type("itertools.chain", chain_construct, chain_next);
Type CompressType = make_type("itertools.compress", compress_construct, compress_next);
Type DropwhileType = make_type("itertools.dropwhile", predicate_construct<0>, dropwhile_next);
Type TakewhileType = make_type("itertools.takewhile", predicate_construct<1>, takewhile_next);
Type FilterfalseType = make_type("itertools.filterfalse", predicate_construct<2>, filterfalse_next);
Type GroupbyType = make_type("itertools.groupby", groupby_construct, groupby_next);
Type GrouperType = make_type("itertools._grouper", grouper_construct, grouper_next);
Type IsliceType = make_type("itertools.islice", islice_construct, islice_next);
Type PairwiseType = make_type("itertools.pairwise", pairwise_construct, pairwise_next);
Type StarmapType = make_type("itertools.starmap", starmap_construct, starmap_next);
Type TeeType = make_type("itertools._tee", tee_construct, tee_next);
Type TeeDataType = make_type("itertools._tee_dataobject", tee_construct, nullptr);
Type ZipLongestType = make_type("itertools.zip_longest", zip_longest_construct, zip_longest_next);

namespace {

Value module_init() {
  static bool ready = false;
  Type* types[] = {&CountType, &CycleType, &RepeatType, &AccumulateType, &ChainType, &CompressType,
                   &DropwhileType, &TakewhileType, &FilterfalseType, &GroupbyType, &GrouperType,
                   &IsliceType, &PairwiseType, &StarmapType, &TeeType, &TeeDataType, &ZipLongestType};
  if (!ready) {
    CountType.repr = count_repr;
    RepeatType.repr = repeat_repr;
    GrouperType.flags &= ~(kTypeBaseType | kTypeNativeLayout);
    TeeType.flags &= ~(kTypeBaseType | kTypeNativeLayout);
    TeeDataType.flags &= ~(kTypeBaseType | kTypeNativeLayout);
    TeeDataType.iter = nullptr;
    type_add_method(&ChainType, "from_iterable", chain_from_iterable, kNativeClassMethod);
    type_add_method(&RepeatType, "__length_hint__", repeat_length_hint);
    type_add_method(&TeeType, "__copy__", tee_copy);
    for (Type* t : types) type_ready(t);
    combinatorics_ready();
    ready = true;
  }
  Value m = module_new("itertools");
  Rooted keep(&m);
  for (Type* t : types) {
    std::string_view name = t->name;
    name.remove_prefix(name.find('.') + 1);
    if (name[0] == '_') continue;
    module_add(m, std::string(name).c_str(), Value(t));
  }
  module_add_function(m, "tee", itertools_tee);
  combinatorics_add(m);
  return m;
}

}  // namespace

void itertools_module_register() { register_builtin_module("itertools", module_init); }

}  // namespace pg
