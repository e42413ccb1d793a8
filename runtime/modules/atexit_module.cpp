// `atexit`: functions run when the interpreter exits normally (the end of
// the program, sys.exit(), or an uncaught exception), last registered
// first, after threading's shutdown like CPython. An exception in a
// callback is reported as "Exception ignored in atexit callback: <repr>"
// with its traceback, and the remaining callbacks still run.
#include <cstdio>

#include "modules/modules.h"
#include "modules/std_util.h"
#include "objects/exceptions.h"
#include "objects/gc.h"
#include "vm/traceback.h"

namespace pg {

namespace {

// The registered calls, oldest first. Each entry is a tuple
// (func, values, nargs, kwnames): values holds the positional arguments
// then the keyword values, kwnames the keyword names or None. Null until
// the first register().
Value g_callbacks;

void atexit_trace_roots(Visitor& v) { v.visit(g_callbacks); }

List* callbacks() {
  if (g_callbacks.is_null()) g_callbacks = Value(list_new(0));
  return g_callbacks.as<List>();
}

Value atexit_register(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 1) return raise(&TypeErrorType, "register() takes at least 1 argument (0 given)");
  if (type_of(args[0])->call == nullptr) return raise(&TypeErrorType, "the first argument must be callable");
  size_t nkw = kwnames ? size_t(tuple_size(kwnames)) : 0;
  Value values = Value(tuple_new(int64_t(nargs - 1 + nkw)));
  Rooted keep(&values);
  for (size_t i = 1; i < nargs + nkw; ++i) tuple_items(values.as<Tuple>())[i - 1] = args[i];
  Value entry = Value(tuple_from({args[0], values, Value::small(int64_t(nargs - 1)),
                                  kwnames ? Value(kwnames) : None()}));
  Rooted keep_entry(&entry);
  if (list_append(callbacks(), entry) < 0) return Value();
  return args[0];
}

Value atexit_unregister(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("unregister", nargs, kwnames, 1, 1)) return Value();
  if (g_callbacks.is_null()) return None();
  Value func = args[0];
  Rooted keep(&func);
  Value kept = Value(list_new(0));
  Rooted keep_list(&kept);
  List* old = callbacks();
  for (int64_t i = 0; i < list_size(old); ++i) {
    Value entry = list_items(old)[i];
    int eq = obj_eq(tuple_items(entry.as<Tuple>())[0], func);
    if (eq < 0) return Value();
    if (!eq && list_append(kept.as<List>(), entry) < 0) return Value();
  }
  g_callbacks = kept;
  return None();
}

Value atexit_clear(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_clear", nargs, kwnames, 0, 0)) return Value();
  g_callbacks = Value();
  return None();
}

Value atexit_ncallbacks(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_ncallbacks", nargs, kwnames, 0, 0)) return Value();
  return Value::small(g_callbacks.is_null() ? 0 : list_size(callbacks()));
}

Value atexit_run(Value, const Value*, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_run_exitfuncs", nargs, kwnames, 0, 0)) return Value();
  atexit_run_callbacks();
  return None();
}

Value atexit_init() {
  Value m = module_new("atexit");
  Rooted keep(&m);
  module_add_function(m, "register", atexit_register);
  module_add_function(m, "unregister", atexit_unregister);
  module_add_function(m, "_clear", atexit_clear);
  module_add_function(m, "_ncallbacks", atexit_ncallbacks);
  module_add_function(m, "_run_exitfuncs", atexit_run);
  return m;
}

}  // namespace

void atexit_run_callbacks() {
  // Take the list first: a callback may register more (they are not run).
  Value list = g_callbacks;
  g_callbacks = Value();
  if (list.is_null()) return;
  Rooted keep(&list);
  for (int64_t i = list_size(list.as<List>()) - 1; i >= 0; --i) {
    Value entry = list_items(list.as<List>())[i];
    Rooted keep_entry(&entry);
    Value* parts = tuple_items(entry.as<Tuple>());
    Value kw = parts[3];
    Value r = call(parts[0], tuple_items(parts[1].as<Tuple>()), size_t(parts[2].small_value()),
                   is_none(kw) ? nullptr : kw.as<Tuple>());
    if (!r.is_null()) continue;
    Value exc = error_fetch();
    Rooted keep_exc(&exc);
    Value text = obj_repr(parts[0]);
    fflush(stdout);
    if (text.is_null()) {
      error_clear();
      fputs("Exception ignored in atexit callback: <object>\n", stderr);
    } else {
      fprintf(stderr, "Exception ignored in atexit callback: %s\n", str_cstr(text.as<Str>()));
    }
    print_exception(exc, stderr);
  }
}

void atexit_module_register() {
  register_builtin_module("atexit", atexit_init);
  gc_add_root_tracer(atexit_trace_roots);
}

}  // namespace pg
