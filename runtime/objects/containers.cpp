// What the container files share: start-up, the repr recursion guard and
// the conversion of subscripts and start/end arguments to indices.
#include <vector>

#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/set.h"
#include "objects/str_format.h"

namespace pg {

namespace {

// Objects whose repr is in progress on this thread, innermost last. Short:
// it is as deep as the nesting of containers being printed.
thread_local std::vector<Object*> t_repr_stack;

Str* g_index_name;  // "__index__"

bool has_index_method(Value v) {
  if (!g_index_name) g_index_name = str_intern("__index__");
  return !type_lookup(type_of(v), g_index_name).is_null();
}

}  // namespace

bool repr_enter(Object* o) {
  for (Object* active : t_repr_stack)
    if (active == o) return true;
  t_repr_stack.push_back(o);
  return false;
}

void repr_leave(Object* o) {
  // Normally the innermost entry; search anyway so a missed leave cannot
  // corrupt the guard of an outer object.
  for (size_t i = t_repr_stack.size(); i-- > 0;) {
    if (t_repr_stack[i] == o) {
      t_repr_stack.erase(t_repr_stack.begin() + std::ptrdiff_t(i));
      return;
    }
  }
}

int index_from_key(Value key, int64_t* out) {
  if (key.is_small()) {
    *out = key.small_value();
    return 1;
  }
  if (is_int(key)) {
    if (int_to_i64(key, out)) return 1;
    raise(&IndexErrorType, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (key.is_obj() && has_index_method(key)) return int_as_index(key, out) ? 1 : -1;
  return 0;
}

bool slice_arg_index(Value v, int64_t* out, bool allow_none) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  if (allow_none && is_none(v)) return true;
  if (is_int(v)) {
    // Like CPython's _PyEval_SliceIndex: out-of-range ints clamp.
    if (!int_to_i64(v, out)) *out = int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
    return true;
  }
  if (v.is_obj() && has_index_method(v)) return int_as_index(v, out);
  raise(&TypeErrorType, allow_none
                            ? "slice indices must be integers or None or have an __index__ method"
                            : "slice indices must be integers or have an __index__ method");
  return false;
}

namespace {
// The container singletons other than interned strings (those are traced
// by str_intern_trace, which the runtime registers itself).
void containers_trace_roots(Visitor& v) { v.visit(Value(tuple_empty())); }
}  // namespace

void containers_init() {
  static bool done = false;
  if (done) return;
  done = true;
  gc_add_root_tracer(containers_trace_roots);
  str_init();
  str_format_init();
  tuple_init();
  list_init();
  dict_init();
  dict_views_init();
  range_init();
  slice_init();
  sets_init();
  bytes_init();
  complex_init();
}

}  // namespace pg
