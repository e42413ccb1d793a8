// The builtins that reduce an iterable to one value or one new list: min,
// max, sum, sorted, any, all.
//
// GC: comparisons, key functions and iterators can run Python code (and so a
// collection); every heap value these loops hold in a C++ local is Rooted.
#include "modules/builtins_internal.h"
#include "objects/containers.h"
#include "objects/layouts.h"

namespace pg {

using namespace builtins_detail;

namespace {

// Walks either an iterator or a plain array of values (min/max with several
// positional arguments), so min_max has one loop for both forms.
struct ValueSource {
  Value iterator;  // null: use the array
  const Value* items = nullptr;
  size_t count = 0;
  size_t next = 0;

  // Null at the end or on error (check error_occurred()).
  Value advance() {
    if (!iterator.is_null()) return iter_next(iterator);
    return next < count ? items[next++] : Value();
  }
};

// CPython's min_max(): the first of equal extremes wins (the comparison is
// strict), key= applies to each item, default= answers an empty iterable.
Value min_max(const char* fname, const Value* args, size_t nargs, Tuple* kwnames, CompareOp op) {
  if (nargs == 0) return raise(&TypeErrorType, "%s expected at least 1 argument, got 0", fname);
  Value kw[2];
  if (!parse_keywords(fname, args + nargs, kwnames, {"key", "default"}, kw)) return Value();
  Value key = kw[0], fallback = kw[1];
  if (!key.is_null() && is_none(key)) key = Value();
  if (nargs > 1 && !fallback.is_null())
    return raise(&TypeErrorType,
                 "Cannot specify a default for %s() with multiple positional arguments", fname);

  ValueSource source;
  Rooted keep_iterator(&source.iterator);
  if (nargs == 1) {
    source.iterator = obj_iter(args[0]);
    if (source.iterator.is_null()) return Value();
  } else {
    source.items = args;
    source.count = nargs;
  }

  Value best_item, best_key, item, item_key;
  Rooted r1(&best_item), r2(&best_key), r3(&item), r4(&item_key);
  while (!(item = source.advance()).is_null()) {
    if (!key.is_null()) {
      item_key = call1(key, item);
      if (item_key.is_null()) return Value();
    } else {
      item_key = item;
    }
    if (best_key.is_null()) {
      best_item = item;
      best_key = item_key;
      continue;
    }
    int better;
    if (item_key.is_small() && best_key.is_small()) {
      int64_t a = item_key.small_value(), b = best_key.small_value();
      better = op == CompareOp::Lt ? a < b : a > b;
    } else {
      better = obj_compare_bool(item_key, best_key, op);
      if (better < 0) return Value();
    }
    if (better) {
      best_item = item;
      best_key = item_key;
    }
  }
  if (error_occurred()) return Value();
  if (!best_item.is_null()) return best_item;
  if (!fallback.is_null()) return fallback;
  return raise(&ValueErrorType, "%s() arg is an empty sequence", fname);
}

Value builtin_min(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return min_max("min", args, nargs, kwnames, CompareOp::Lt);
}

Value builtin_max(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return min_max("max", args, nargs, kwnames, CompareOp::Gt);
}

// ---------------------------------------------------------------------------
// sum(iterable, /, start=0)
//
// Same structure as CPython's builtin_sum: an int64 fast path while the
// running total and the items are ints that fit, then a double fast path
// while the total is a float, then generic `+`. The fast paths give exactly
// the results the generic path would (3.11 adds floats left to right, no
// compensated summation).
// ---------------------------------------------------------------------------

// The value of an exact int or a bool when it fits int64 (what CPython's
// PyLong_AsLongAndOverflow accepts in the fast path).
bool exact_int_value(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Type* t = v.obj()->type;
  return (t == &IntType || t == &BoolType) && int_to_i64(v, out);
}

Value builtin_sum(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t total = nargs + (kwnames ? size_t(tuple_size(kwnames)) : 0);
  if (total > 2) return raise(&TypeErrorType, "sum() takes at most 2 arguments (%zu given)", total);
  if (nargs < 1)
    return raise(&TypeErrorType, "sum() takes at least 1 positional argument (0 given)");
  Value kw[1];
  if (!parse_keywords("sum", args + nargs, kwnames, {"start"}, kw)) return Value();
  Value result = nargs == 2 ? args[1] : kw[0].is_null() ? Value::small(0) : kw[0];

  Value it = obj_iter(args[0]);
  if (it.is_null()) return Value();
  Rooted keep_it(&it);
  if (is_str(result))
    return raise(&TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
  Value item;
  Rooted keep_result(&result), keep_item(&item);

  if (result.is_small()) {  // bool starts are excluded, as in CPython (sum([], True) is True)
    int64_t acc = result.small_value();
    for (;;) {
      item = iter_next(it);
      if (item.is_null()) return error_occurred() ? Value() : int_from_i64(acc);
      int64_t v;
      if (exact_int_value(item, &v) && !__builtin_add_overflow(acc, v, &v)) {
        acc = v;
        continue;
      }
      // Overflow or not an int: continue with objects from here on.
      result = binary_op(int_from_i64(acc), item, BinaryOp::Add);
      if (result.is_null()) return Value();
      break;
    }
  }

  if (is_float(result) && result.obj()->type == &FloatType) {
    double acc = float_value(result);
    for (;;) {
      item = iter_next(it);
      if (item.is_null()) return error_occurred() ? Value() : float_new(acc);
      if (item.is_obj() && item.obj()->type == &FloatType) {
        acc += float_value(item);
        continue;
      }
      int64_t v;
      if (is_int(item) && int_to_i64(item, &v)) {
        acc += double(v);
        continue;
      }
      result = binary_op(float_new(acc), item, BinaryOp::Add);
      if (result.is_null()) return Value();
      break;
    }
  }

  for (;;) {
    item = iter_next(it);
    if (item.is_null()) return error_occurred() ? Value() : result;
    result = binary_op(result, item, BinaryOp::Add);
    if (result.is_null()) return Value();
  }
}

// ---------------------------------------------------------------------------
// sorted(iterable, /, *, key=None, reverse=False)
// ---------------------------------------------------------------------------
Value builtin_sorted(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!expect_positional("sorted", nargs, 1, 1)) return Value();
  // CPython builds the list first and lets list.sort() check the keywords,
  // so its messages (and their order) name sort().
  Value list = list_from_iterable(args[0]);
  if (list.is_null()) return Value();
  Rooted keep(&list);
  Value kw[2];
  if (!parse_keywords("sort", args + nargs, kwnames, {"key", "reverse"}, kw)) return Value();
  Value key = kw[0].is_null() || is_none(kw[0]) ? Value() : kw[0];  // list_sort: null = no key
  bool reverse = false;
  if (!kw[1].is_null()) {
    int64_t flag;
    if (is_int(kw[1])) {
      flag = int_sign(kw[1]);
    } else if (!int_as_index(kw[1], &flag)) {
      return Value();
    }
    reverse = flag != 0;
  }
  if (list_sort(list.as<List>(), key, reverse) < 0) return Value();
  return list;
}

// ---------------------------------------------------------------------------
// any, all
// ---------------------------------------------------------------------------

// Returns `found` at the first item whose truth is `wanted`, else !found.
Value first_with_truth(const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                       bool wanted) {
  if (!check_nargs(fname, nargs, kwnames, 1, 1)) return Value();
  Value it = obj_iter(args[0]);
  if (it.is_null()) return Value();
  Rooted keep(&it);
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? Value() : Bool(!wanted);
    int truth = obj_truth(item);
    if (truth < 0) return Value();
    if (bool(truth) == wanted) return Bool(wanted);
  }
}

Value builtin_any(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return first_with_truth("any", args, nargs, kwnames, true);
}

Value builtin_all(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  return first_with_truth("all", args, nargs, kwnames, false);
}

}  // namespace

namespace builtins_detail {

void builtins_reduce_init(Dict* builtins) {
  static const struct {
    const char* name;
    NativeFn fn;
  } functions[] = {{"min", builtin_min},       {"max", builtin_max}, {"sum", builtin_sum},
                   {"sorted", builtin_sorted}, {"any", builtin_any}, {"all", builtin_all}};
  for (const auto& f : functions)
    dict_set_str(builtins, str_intern(f.name), native_function_new(f.name, f.fn));
}

}  // namespace builtins_detail

}  // namespace pg
