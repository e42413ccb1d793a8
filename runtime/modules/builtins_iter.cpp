// The iterator types of the builtins module (enumerate, zip, map, filter,
// reversed and the iterators iter(f, sentinel) and reversed(dict) return)
// and the iter and next builtins.
//
// In CPython enumerate/zip/map/filter/reversed are classes, so they are
// Types here too: calling one runs its `construct` slot and
// `type(enumerate(x))` prints <class 'enumerate'>.
//
// GC: Python code (and so a collection) can run inside iter_next, call and
// obj_truth; every heap value held in a C++ local across one of those is
// Rooted. The iterator objects themselves are reachable from the caller.
#include <cinttypes>

#include "modules/builtins_internal.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/layouts.h"
#include "vm/generator.h"

namespace pg {

using namespace builtins_detail;

namespace {

// ---------------------------------------------------------------------------
// Layouts
// ---------------------------------------------------------------------------
struct Enumerate : Object {
  Value iterator;
  Value count;  // int: the index of the next item
};
struct Zip : Object {
  Tuple* iterators;
  int64_t strict;  // zip(..., strict=True)
};
struct Map : Object {
  Value function;
  Tuple* iterators;
};
struct Filter : Object {
  Value function;  // None or bool: keep the truthy items
  Value iterator;
};
struct Reversed : Object {  // sequences: len() then seq[i] counting down
  Value sequence;           // null once exhausted
  int64_t index;
};
struct CallableIterator : Object {  // iter(callable, sentinel)
  Value callable;                   // null once exhausted
  Value sentinel;
};
struct DictReverseIterator : Object {
  Dict* dict;    // null once exhausted
  int64_t pos;   // entry index to look at next (counting down)
  int64_t size;  // dict size when created: a change is an error (-1 after one)
};

Value iter_self(Value self) { return self; }

using ConstructFn = Value (*)(Type*, const Value*, size_t, Tuple*);

Type make_iter_type(const char* name, size_t size, ConstructFn construct, Value (*iternext)(Value),
                    void (*trace)(Object*, Visitor&)) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = uint32_t(size);
  t.construct = construct;
  t.iter = iter_self;
  t.iternext = iternext;
  t.trace = trace;
  return t;
}

// ---------------------------------------------------------------------------
// enumerate(iterable, start=0)
// ---------------------------------------------------------------------------
Value enumerate_next(Value self) {
  Enumerate* e = self.as<Enumerate>();
  Value item = iter_next(e->iterator);
  if (item.is_null()) return Value();
  Value index = e->count;
  if (index.is_small() && index.small_value() < Value::kSmallMax) {
    e->count = Value::small(index.small_value() + 1);
  } else {
    Value next = binary_op(index, Value::small(1), BinaryOp::Add);  // no Python code: ints
    if (next.is_null()) return Value();
    e->count = next;
  }
  return Value(tuple_from({index, item}));
}

void enumerate_trace(Object* self, Visitor& v) {
  v.visit(static_cast<Enumerate*>(self)->iterator);
  v.visit(static_cast<Enumerate*>(self)->count);
}

Value enumerate_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t total = nargs + (kwnames ? size_t(tuple_size(kwnames)) : 0);
  if (total > 2)
    return raise(&TypeErrorType, "enumerate() takes at most 2 arguments (%zu given)", total);
  Value kw[2];
  if (!parse_keywords("enumerate", args + nargs, kwnames, {"iterable", "start"}, kw))
    return Value();
  Value iterable = nargs >= 1 ? args[0] : kw[0];
  Value start = nargs >= 2 ? args[1] : kw[1];
  if (nargs >= 1 && !kw[0].is_null())  // CPython reports a repeated one as unknown
    return raise(&TypeErrorType, "'iterable' is an invalid keyword argument for enumerate()");
  if (iterable.is_null())
    return raise(&TypeErrorType, "enumerate() missing required argument 'iterable'");
  Value count = Value::small(0);
  if (!start.is_null()) {
    if (!is_int(start)) {
      int64_t i;
      if (!int_as_index(start, &i)) return Value();
      count = int_from_i64(i);
    } else if (start.is_small() || type_of(start) == &IntType) {
      count = start;
    } else {  // bool or an int subclass: the count is a plain int
      count = binary_op(start, Value::small(0), BinaryOp::Add);
      if (count.is_null()) return Value();
    }
  }
  Rooted keep_count(&count);
  Value it = obj_iter(iterable);
  if (it.is_null()) return Value();
  Enumerate* e = gc_new<Enumerate>(type);
  e->iterator = it;
  e->count = count;
  return Value(e);
}

Type EnumerateType = make_iter_type("enumerate", sizeof(Enumerate), enumerate_construct,
                                    enumerate_next, enumerate_trace);

// ---------------------------------------------------------------------------
// zip(*iterables, strict=False)
// ---------------------------------------------------------------------------

// strict=True and iterator number `exhausted` ran out: the others must end
// at the same time, else ValueError with CPython's messages ("zip() argument
// 3 is shorter than arguments 1-2"). Always null: the end or an error.
Value zip_check_strict(Zip* z, int64_t exhausted) {
  if (exhausted > 0)
    return raise(&ValueErrorType, "zip() argument %" PRId64 " is shorter than argument%s%" PRId64,
                 exhausted + 1, exhausted == 1 ? " " : "s 1-", exhausted);
  for (int64_t j = 1; j < z->iterators->size; ++j) {
    Value item = iter_next(z->iterators->items[j]);
    if (!item.is_null())
      return raise(&ValueErrorType, "zip() argument %" PRId64 " is longer than argument%s%" PRId64,
                   j + 1, j == 1 ? " " : "s 1-", j);
    if (error_occurred()) return Value();
  }
  return Value();
}

Value zip_next(Value self) {
  Zip* z = self.as<Zip>();
  int64_t n = z->iterators->size;
  if (n == 0) return Value();
  Value result = Value(tuple_new(n));
  Rooted keep(&result);
  for (int64_t i = 0; i < n; ++i) {
    Value item = iter_next(z->iterators->items[i]);
    if (item.is_null()) {
      if (error_occurred() || !z->strict) return Value();
      return zip_check_strict(z, i);
    }
    result.as<Tuple>()->items[i] = item;
  }
  return result;
}

void zip_trace(Object* self, Visitor& v) { v.visit(Value(static_cast<Zip*>(self)->iterators)); }

// The iterators of args[first .. nargs), in a tuple (rooted by the caller
// through *out).
bool iterators_of(const Value* args, size_t first, size_t nargs, Value* out) {
  *out = Value(tuple_new(int64_t(nargs - first)));
  for (size_t i = first; i < nargs; ++i) {
    Value it = obj_iter(args[i]);
    if (it.is_null()) return false;
    out->as<Tuple>()->items[i - first] = it;
  }
  return true;
}

Value zip_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value kw[1];
  if (!parse_keywords("zip", args + nargs, kwnames, {"strict"}, kw)) return Value();
  int strict = 0;
  if (!kw[0].is_null() && (strict = obj_truth(kw[0])) < 0) return Value();
  Value iterators;
  Rooted keep(&iterators);
  if (!iterators_of(args, 0, nargs, &iterators)) return Value();
  Zip* z = gc_new<Zip>(type);
  z->iterators = iterators.as<Tuple>();
  z->strict = strict;
  return Value(z);
}

Type ZipType = make_iter_type("zip", sizeof(Zip), zip_construct, zip_next, zip_trace);

// ---------------------------------------------------------------------------
// map(function, *iterables)
// ---------------------------------------------------------------------------
Value map_next(Value self) {
  Map* m = self.as<Map>();
  int64_t n = m->iterators->size;
  if (n == 1) {
    Value item = iter_next(m->iterators->items[0]);
    if (item.is_null()) return Value();
    Rooted keep(&item);
    return call1(m->function, item);
  }
  // Several iterables: collect one item of each in a tuple, which keeps them
  // alive while the later iterators run.
  Value argv = Value(tuple_new(n));
  Rooted keep(&argv);
  for (int64_t i = 0; i < n; ++i) {
    Value item = iter_next(m->iterators->items[i]);
    if (item.is_null()) return Value();
    argv.as<Tuple>()->items[i] = item;
  }
  return call(m->function, argv.as<Tuple>()->items, size_t(n));
}

void map_trace(Object* self, Visitor& v) {
  v.visit(static_cast<Map*>(self)->function);
  v.visit(Value(static_cast<Map*>(self)->iterators));
}

Value map_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("map", kwnames)) return Value();
  if (nargs < 2) return raise(&TypeErrorType, "map() must have at least two arguments.");
  Value iterators;
  Rooted keep(&iterators);
  if (!iterators_of(args, 1, nargs, &iterators)) return Value();
  Map* m = gc_new<Map>(type);
  m->function = args[0];
  m->iterators = iterators.as<Tuple>();
  return Value(m);
}

Type MapType = make_iter_type("map", sizeof(Map), map_construct, map_next, map_trace);

// ---------------------------------------------------------------------------
// filter(function or None, iterable)
// ---------------------------------------------------------------------------
Value filter_next(Value self) {
  Filter* f = self.as<Filter>();
  // Like CPython, filter(bool, xs) skips the call and tests truth directly.
  bool plain_truth = is_none(f->function) || f->function == Value(&BoolType);
  for (;;) {
    Value item = iter_next(f->iterator);
    if (item.is_null()) return Value();
    Rooted keep(&item);  // __bool__ or the function may run a collection
    int keep_it;
    if (plain_truth) {
      keep_it = obj_truth(item);
    } else {
      Value verdict = call1(f->function, item);
      if (verdict.is_null()) return Value();
      keep_it = obj_truth(verdict);
    }
    if (keep_it < 0) return Value();
    if (keep_it) return item;
  }
}

void filter_trace(Object* self, Visitor& v) {
  v.visit(static_cast<Filter*>(self)->function);
  v.visit(static_cast<Filter*>(self)->iterator);
}

Value filter_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("filter", kwnames) || !expect_positional("filter", nargs, 2, 2))
    return Value();
  Value it = obj_iter(args[1]);
  if (it.is_null()) return Value();
  Filter* f = gc_new<Filter>(type);
  f->function = args[0];
  f->iterator = it;
  return Value(f);
}

Type FilterType =
    make_iter_type("filter", sizeof(Filter), filter_construct, filter_next, filter_trace);

// ---------------------------------------------------------------------------
// reversed(seq) and the reverse iterators it may return
// ---------------------------------------------------------------------------
Value reversed_next(Value self) {
  Reversed* r = self.as<Reversed>();
  if (r->sequence.is_null()) return Value();
  if (r->index >= 0) {
    Value item = obj_getitem(r->sequence, int_from_i64(r->index));
    if (!item.is_null()) {
      r->index--;
      return item;
    }
    if (!error_matches(&IndexErrorType) && !error_matches(&StopIterationType)) return Value();
    error_clear();
  }
  r->sequence = Value();
  r->index = -1;
  return Value();
}

void reversed_trace(Object* self, Visitor& v) { v.visit(static_cast<Reversed*>(self)->sequence); }

Value dict_reverse_next(Value self) {
  DictReverseIterator* it = self.as<DictReverseIterator>();
  Dict* d = it->dict;
  if (d == nullptr) return Value();
  if (d->size != it->size) {
    it->size = -1;  // the error repeats on every later call, as in CPython
    return raise(&RuntimeErrorType, "dictionary changed size during iteration");
  }
  for (; it->pos >= 0 && it->pos < d->used; --it->pos) {
    Value key = d->entries[it->pos].key;
    if (!key.is_null()) {
      --it->pos;
      return key;
    }
  }
  it->dict = nullptr;
  return Value();
}

void dict_reverse_trace(Object* self, Visitor& v) {
  v.visit(Value(static_cast<DictReverseIterator*>(self)->dict));
}

Type DictReverseIteratorType =
    make_iter_type("dict_reversekeyiterator", sizeof(DictReverseIterator), nullptr,
                   dict_reverse_next, dict_reverse_trace);

// reversed(range(a, b, s)) is iter(range(last, a - s, -s)), as in CPython;
// null without error when the bounds do not fit the int64 range.
Value reversed_range(Range* r) {
  if (r->length == 0) return obj_iter(range_new(0, 0, 1));
  __int128 last = __int128(r->start) + __int128(r->length - 1) * r->step;
  __int128 stop = __int128(r->start) - r->step;
  __int128 step = -__int128(r->step);
  auto fits = [](__int128 v) { return v >= INT64_MIN && v <= INT64_MAX; };
  if (!fits(last) || !fits(stop) || !fits(step)) return Value();
  Value range = range_new(int64_t(last), int64_t(stop), int64_t(step));
  if (range.is_null()) return Value();
  return obj_iter(range);
}

Value reversed_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("reversed", kwnames) || !expect_positional("reversed", nargs, 1, 1))
    return Value();
  Value seq = args[0];
  Type* t = type_of(seq);
  static Str* const reversed_name = str_intern("__reversed__");
  // list.__reversed__ gives list_reverseiterator; range and dict have no
  // __reversed__ method here, so they are handled natively below.
  Value method = type_lookup(t, reversed_name);
  if (!method.is_null()) {
    if (is_none(method)) return raise(&TypeErrorType, "'%.200s' object is not reversible", t->name);
    return call1(method, seq);
  }
  if (t == &RangeType && !range_is_big(seq.as<Range>())) {
    Value it = reversed_range(seq.as<Range>());
    if (!it.is_null() || error_occurred()) return it;
  }
  if (t == &DictType) {
    Dict* d = seq.as<Dict>();
    DictReverseIterator* it = gc_new<DictReverseIterator>(&DictReverseIteratorType);
    it->dict = d;
    it->pos = d->used - 1;
    it->size = d->size;
    return Value(it);
  }
  if (t->getitem == nullptr || is_subtype(t, &DictType))
    return raise(&TypeErrorType, "'%.200s' object is not reversible", t->name);
  int64_t n = obj_len(seq);
  if (n < 0) return Value();
  Reversed* r = gc_new<Reversed>(type);
  r->sequence = seq;
  r->index = n - 1;
  return Value(r);
}

Type ReversedType =
    make_iter_type("reversed", sizeof(Reversed), reversed_construct, reversed_next, reversed_trace);

// ---------------------------------------------------------------------------
// iter(callable, sentinel)
// ---------------------------------------------------------------------------
Value callable_iterator_next(Value self) {
  CallableIterator* it = self.as<CallableIterator>();
  if (it->callable.is_null()) return Value();
  Value result = call0(it->callable);
  if (result.is_null()) {
    if (!error_matches(&StopIterationType)) return Value();
    error_clear();
  } else {
    Rooted keep(&result);
    int same = obj_eq(result, it->sentinel);
    if (same < 0) return Value();
    if (same == 0) return result;
  }
  it->callable = Value();
  it->sentinel = Value();
  return Value();
}

void callable_iterator_trace(Object* self, Visitor& v) {
  v.visit(static_cast<CallableIterator*>(self)->callable);
  v.visit(static_cast<CallableIterator*>(self)->sentinel);
}

Type CallableIteratorType = make_iter_type("callable_iterator", sizeof(CallableIterator), nullptr,
                                           callable_iterator_next, callable_iterator_trace);

// ---------------------------------------------------------------------------
// iter, next
// ---------------------------------------------------------------------------
Value builtin_iter(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("iter", kwnames) || !expect_positional("iter", nargs, 1, 2)) return Value();
  if (nargs == 1) return obj_iter(args[0]);
  if (type_of(args[0])->call == nullptr)
    return raise(&TypeErrorType, "iter(v, w): v must be callable");
  CallableIterator* it = gc_new<CallableIterator>(&CallableIteratorType);
  it->callable = args[0];
  it->sentinel = args[1];
  return Value(it);
}

Value builtin_next(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!reject_keywords("next", kwnames) || !expect_positional("next", nargs, 1, 2)) return Value();
  Type* t = type_of(args[0]);
  if (t->iternext == nullptr)
    return raise(&TypeErrorType, "'%.200s' object is not an iterator", t->name);
  Value item = t->iternext(args[0]);
  if (!item.is_null()) return item;
  if (error_occurred()) {
    if (nargs < 2 || !error_matches(&StopIterationType)) return Value();
    error_clear();
  }
  if (nargs == 2) return args[1];
  if (t == &GeneratorType) return raise_generator_exhausted(args[0].as<Generator>());  // StopIteration(return value)
  return raise_exception(Value(&StopIterationType));  // bare StopIteration(), like CPython
}

}  // namespace

namespace builtins_detail {

void builtins_iter_init(Dict* builtins) {
  static Type* const types[] = {&EnumerateType,
                                &ZipType,
                                &MapType,
                                &FilterType,
                                &ReversedType,
                                &CallableIteratorType,
                                &DictReverseIteratorType};
  for (Type* t : types) type_ready(t);
  for (Type* t : {&EnumerateType, &ZipType, &MapType, &FilterType, &ReversedType})
    dict_set_str(builtins, str_intern(t->name), Value(t));
  dict_set_str(builtins, str_intern("iter"), native_function_new("iter", builtin_iter));
  dict_set_str(builtins, str_intern("next"), native_function_new("next", builtin_next));
}

}  // namespace builtins_detail

}  // namespace pg
