// The combinatoric iterators of itertools: product, permutations,
// combinations, combinations_with_replacement. They produce tuples in
// CPython's (lexicographic) order. Layout (ItObject): v0 the pool (a tuple
// of the input's items, for product the tuple of the pools repeated),
// n0 r, n1 1 once exhausted, n2 1 after the first result; `indices` the
// current index vector (permutations keeps its cycles after the r
// indices).
#include <string>

#include "modules/itertools_internal.h"
#include "modules/std_util.h"
#include "objects/containers.h"
#include "objects/layouts.h"

namespace pg {
namespace itertools_detail {

namespace {

Value result_from(ItObject* o, const std::vector<int64_t>& idx, size_t count, bool per_pool) {
  Tuple* t = tuple_new(int64_t(count));
  Tuple* pool = o->v[0].as<Tuple>();
  for (size_t i = 0; i < count; ++i) {
    if (per_pool) {
      Tuple* p = tuple_items(pool)[i].as<Tuple>();
      tuple_items(t)[i] = tuple_items(p)[idx[i]];
    } else {
      tuple_items(t)[i] = tuple_items(pool)[idx[i]];
    }
  }
  return Value(t);
}

// r argument: None (default n) or a non-negative int.
bool r_arg(Value v, int64_t dflt, int64_t* out) {
  if (v.is_null() || is_none(v)) {
    *out = dflt;
    return true;
  }
  if (!is_int(v)) {
    raise(&TypeErrorType, "Expected int as r");
    return false;
  }
  if (!int_as_index(v, out)) return false;
  if (*out < 0) {
    raise(&ValueErrorType, "r must be non-negative");
    return false;
  }
  return true;
}

// ---- product(*iterables, repeat=1) ----------------------------------------
Value product_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  int64_t repeat = 1;
  if (kwnames) {
    for (int64_t i = 0; i < tuple_size(kwnames); ++i) {
      std::string_view k = str_view(tuple_items(kwnames)[i].as<Str>());
      if (k != "repeat")
        return raise(&TypeErrorType, "product() got an unexpected keyword argument '%.*s'", int(k.size()),
                     k.data());
      if (!int_as_index(args[nargs + size_t(i)], &repeat)) return Value();
    }
  }
  if (repeat < 0) return raise(&ValueErrorType, "repeat argument cannot be negative");
  Value pools(tuple_new(int64_t(nargs) * repeat));
  Rooted keep(&pools);
  for (size_t i = 0; i < nargs; ++i) {
    Value p = tuple_from_iterable(args[i]);
    if (p.is_null()) return p;
    for (int64_t r = 0; r < repeat; ++r) tuple_items(pools.as<Tuple>())[r * int64_t(nargs) + int64_t(i)] = p;
  }
  ItObject* o = it_new(type);
  o->v[0] = pools;
  int64_t n = tuple_size(pools.as<Tuple>());
  o->n[0] = n;
  o->indices = new std::vector<int64_t>(size_t(n), 0);
  for (int64_t i = 0; i < n; ++i)
    if (tuple_size(tuple_items(pools.as<Tuple>())[i].as<Tuple>()) == 0) o->n[1] = 1;
  return Value(o);
}

Value product_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (o->n[1]) return Value();
  std::vector<int64_t>& idx = *o->indices;
  size_t n = idx.size();
  if (o->n[2]) {
    // Odometer: advance the rightmost index that can move, reset the rest.
    int64_t i = int64_t(n) - 1;
    for (; i >= 0; --i) {
      int64_t size = tuple_size(tuple_items(o->v[0].as<Tuple>())[i].as<Tuple>());
      if (++idx[size_t(i)] < size) break;
      idx[size_t(i)] = 0;
    }
    if (i < 0) {
      o->n[1] = 1;
      return Value();
    }
  }
  o->n[2] = 1;
  return result_from(o, idx, n, true);
}

// ---- permutations(iterable, r=None) ---------------------------------------
Value permutations_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[2];
  if (!bind_args("permutations", args, nargs, kwnames, {"iterable", "r"}, 1, a)) return Value();
  Value pool = tuple_from_iterable(a[0]);
  if (pool.is_null()) return pool;
  Rooted keep(&pool);
  int64_t n = tuple_size(pool.as<Tuple>());
  int64_t r;
  if (!r_arg(a[1], n, &r)) return Value();
  ItObject* o = it_new(type);
  o->v[0] = pool;
  o->n[0] = r;
  o->n[1] = r > n;
  // indices 0..n-1, then the cycles n, n-1, ..., n-r+1.
  o->indices = new std::vector<int64_t>();
  for (int64_t i = 0; i < n; ++i) o->indices->push_back(i);
  for (int64_t i = 0; i < r && r <= n; ++i) o->indices->push_back(n - i);
  return Value(o);
}

Value permutations_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (o->n[1]) return Value();
  int64_t n = tuple_size(o->v[0].as<Tuple>());
  int64_t r = o->n[0];
  std::vector<int64_t>& v = *o->indices;
  int64_t* indices = v.data();
  int64_t* cycles = v.data() + n;
  if (o->n[2]) {
    if (n == 0) {
      o->n[1] = 1;
      return Value();
    }
    int64_t i = r - 1;
    for (; i >= 0; --i) {
      if (--cycles[i] == 0) {
        // Rotate indices[i:] left by one; reset the cycle.
        int64_t first = indices[i];
        for (int64_t j = i; j < n - 1; ++j) indices[j] = indices[j + 1];
        indices[n - 1] = first;
        cycles[i] = n - i;
      } else {
        int64_t j = cycles[i];
        std::swap(indices[i], indices[n - j]);
        break;
      }
    }
    if (i < 0) {
      o->n[1] = 1;
      return Value();
    }
  }
  o->n[2] = 1;
  return result_from(o, v, size_t(r), false);
}

// ---- combinations / combinations_with_replacement (iterable, r) -----------
template <bool kReplace>
Value combinations_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = kReplace ? "combinations_with_replacement" : "combinations";
  Value a[2];
  if (!bind_args(name, args, nargs, kwnames, {"iterable", "r"}, 2, a)) return Value();
  Value pool = tuple_from_iterable(a[0]);
  if (pool.is_null()) return pool;
  Rooted keep(&pool);
  int64_t n = tuple_size(pool.as<Tuple>());
  if (!is_int(a[1])) return raise(&TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(a[1]));
  int64_t r;
  if (!int_as_index(a[1], &r)) return Value();
  if (r < 0) return raise(&ValueErrorType, "r must be non-negative");
  ItObject* o = it_new(type);
  o->v[0] = pool;
  o->n[0] = r;
  o->n[1] = kReplace ? (n == 0 && r > 0) : r > n;
  o->indices = new std::vector<int64_t>();
  for (int64_t i = 0; i < r; ++i) o->indices->push_back(kReplace ? 0 : i);
  return Value(o);
}

template <bool kReplace>
Value combinations_next(Value self) {
  ItObject* o = self.as<ItObject>();
  if (o->n[1]) return Value();
  int64_t n = tuple_size(o->v[0].as<Tuple>());
  int64_t r = o->n[0];
  std::vector<int64_t>& idx = *o->indices;
  if (o->n[2]) {
    // The rightmost index not at its maximum moves up; the ones after it
    // follow (at +1 each, or equal with replacement).
    int64_t i = r - 1;
    for (; i >= 0; --i) {
      int64_t max = kReplace ? n - 1 : i + n - r;
      if (idx[size_t(i)] != max) break;
    }
    if (i < 0) {
      o->n[1] = 1;
      return Value();
    }
    int64_t base = ++idx[size_t(i)];
    for (int64_t j = i + 1; j < r; ++j) idx[size_t(j)] = kReplace ? base : idx[size_t(j - 1)] + 1;
  }
  o->n[2] = 1;
  return result_from(o, idx, size_t(r), false);
}

}  // namespace

Type ProductType = make_type("itertools.product", product_construct, product_next);
Type PermutationsType = make_type("itertools.permutations", permutations_construct, permutations_next);
Type CombinationsType = make_type("itertools.combinations", combinations_construct<false>, combinations_next<false>);
Type CombinationsWRType = make_type("itertools.combinations_with_replacement", combinations_construct<true>,
                                    combinations_next<true>);

void combinatorics_ready() {
  for (Type* t : {&ProductType, &PermutationsType, &CombinationsType, &CombinationsWRType}) type_ready(t);
}

void combinatorics_add(Value module) {
  module_add(module, "product", Value(&ProductType));
  module_add(module, "permutations", Value(&PermutationsType));
  module_add(module, "combinations", Value(&CombinationsType));
  module_add(module, "combinations_with_replacement", Value(&CombinationsWRType));
}

}  // namespace itertools_detail
}  // namespace pg
