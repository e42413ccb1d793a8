// The `gc` module: the collector of runtime/objects/gc.* seen from Python.
//   collect()   runs a full collection now and returns how many objects it
//               freed (CPython returns the unreachable objects it found in
//               cycles; pyglass has no reference counts, so every dead
//               object is counted and the number is larger).
//   disable() / enable() / isenabled()   stop and restart the automatic
//               collections the eval loop starts (collect() still works).
//   get_count(), get_threshold(), set_threshold()   approximations: the
//               collector has one generation paced by allocation volume.
// gc.collect() is called from a CALL instruction, a safe point: the
// caller's value stack depth is saved, and native code on the C stack has
// rooted what it holds across calls into Python.
#include "modules/std_util.h"
#include "objects/gc.h"
#include "objects/layouts.h"

namespace pg {

namespace {

Value gc_collect_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[1];
  if (!bind_args("collect", args, nargs, kwnames, {"generation"}, 0, a)) return Value();
  if (!a[0].is_null()) {
    int64_t g;
    if (!int_as_index(a[0], &g)) return Value();
    if (g < 0 || g > 2) return raise(&ValueErrorType, "invalid generation");
  }
  return int_from_i64(gc_collect());
}

Value gc_enable(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("enable", nargs, kwnames, 0, 0)) return Value();
  gc_stats().enabled = true;
  return None();
}

Value gc_disable(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("disable", nargs, kwnames, 0, 0)) return Value();
  gc_stats().enabled = false;
  return None();
}

Value gc_isenabled(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("isenabled", nargs, kwnames, 0, 0)) return Value();
  return Bool(gc_stats().enabled);
}

Value gc_get_count(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("get_count", nargs, kwnames, 0, 0)) return Value();
  return Value(tuple_from({int_from_i64(gc_stats().allocs_since_collect), Value::small(0), Value::small(0)}));
}

Value gc_get_threshold(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("get_threshold", nargs, kwnames, 0, 0)) return Value();
  return Value(tuple_from({int_from_i64(gc_stats().threshold), Value::small(10), Value::small(10)}));
}

Value gc_set_threshold(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("set_threshold", nargs, kwnames, 1, 3)) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    int64_t v;
    if (!int_as_index(args[i], &v)) return Value();
    if (i == 0) {
      // 0 disables automatic collection, as in CPython.
      if (v <= 0) gc_stats().enabled = false;
      else gc_stats().threshold = v;
    }
  }
  return None();
}

Value module_init() {
  Value m = module_new("gc");
  module_add_function(m, "collect", gc_collect_fn);
  module_add_function(m, "enable", gc_enable);
  module_add_function(m, "disable", gc_disable);
  module_add_function(m, "isenabled", gc_isenabled);
  module_add_function(m, "get_count", gc_get_count);
  module_add_function(m, "get_threshold", gc_get_threshold);
  module_add_function(m, "set_threshold", gc_set_threshold);
  module_add(m, "garbage", Value(list_new(0)));
  return m;
}

}  // namespace

void gc_module_register() { register_builtin_module("gc", module_init); }

}  // namespace pg
