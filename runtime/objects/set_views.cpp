// The set-like side of dict views: `d.keys()` and `d.items()` support
// & | - ^ (giving sets), comparisons with sets and other views, and
// isdisjoint(), as in CPython (Objects/dictobject.c's dictviews_*). The
// views themselves live in dict_views.cpp; sets_init() installs these
// slots on their types, since they only make sense once sets exist.
#include "objects/containers.h"
#include "objects/set.h"

namespace pg {

namespace {

bool is_set_view(Value v) {
  return v.is_obj() && (v.obj()->type == &DictKeysType || v.obj()->type == &DictItemsType);
}

int64_t as_set_len(Value v) { return v.as<Set>()->used; }

// Every item of `a` is in `b`: 1/0/-1.
int all_contained_in(Value a, Value b) {
  Value it = obj_iter(a);
  if (it.is_null()) return -1;
  Rooted keep(&it);
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? -1 : 1;
    Rooted keep_item(&item);
    int r = obj_contains(b, item);
    if (r <= 0) return r;
  }
}

Value view_compare(Value a, Value b, CompareOp op) {
  if (!is_set_view(a)) std::swap(a, b), op = swapped(op);
  if (!is_anyset(b) && !is_set_view(b)) return NotImplemented();
  int64_t la = obj_len(a), lb = obj_len(b);
  if (la < 0 || lb < 0) return Value();
  int ok = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (la == lb) ok = all_contained_in(a, b);
      if (ok >= 0 && op == CompareOp::Ne) ok = !ok;
      break;
    case CompareOp::Lt: if (la < lb) ok = all_contained_in(a, b); break;
    case CompareOp::Le: if (la <= lb) ok = all_contained_in(a, b); break;
    case CompareOp::Gt: if (la > lb) ok = all_contained_in(b, a); break;
    case CompareOp::Ge: if (la >= lb) ok = all_contained_in(b, a); break;
  }
  if (ok < 0) return Value();
  return Bool(ok == 1);
}

// A new set of the items of `v` (a view, a set or any iterable).
Value to_set(Value v) {
  if (is_set_view(v) && v.obj()->type == &DictKeysType) return set_from_iterable(&SetType, Value(v.as<DictView>()->dict));
  return set_from_iterable(&SetType, v);
}

Value call_set_method(Value set, const char* name, Value arg) {
  Value method = obj_getattr_cstr(set, name);
  if (method.is_null()) return method;
  Rooted keep(&method);
  return call1(method, arg);
}

Value view_binop(Value a, Value b, BinaryOp op) {
  BinaryOp plain = plain_form(op);
  if (plain != BinaryOp::And && plain != BinaryOp::Or && plain != BinaryOp::Sub && plain != BinaryOp::Xor)
    return NotImplemented();
  if (plain == BinaryOp::And) {
    // CPython's order of work (it decides the result's iteration order):
    // a larger exact set does the intersection itself; otherwise iterate
    // the smaller operand and keep what the other contains.
    Value self = a, other = b;
    if (!is_set_view(self)) std::swap(self, other);
    int64_t len_self = obj_len(self);
    if (len_self < 0) return Value();
    if (other.is_obj() && other.obj()->type == &SetType && len_self <= as_set_len(other))
      return call_set_method(other, "intersection", self);
    if (is_set_view(other)) {
      int64_t len_other = obj_len(other);
      if (len_other < 0) return Value();
      if (len_other > len_self) std::swap(self, other);
    }
    Value result = Value(set_alloc(&SetType));
    Rooted keep(&result);
    Value it = obj_iter(other);
    if (it.is_null()) return it;
    Rooted keep_it(&it);
    for (;;) {
      Value item = iter_next(it);
      if (item.is_null()) return error_occurred() ? Value() : result;
      Rooted keep_item(&item);
      int r = obj_contains(self, item);
      if (r < 0) return Value();
      if (r && set_add(result.as<Set>(), item) < 0) return Value();
    }
  }
  Value result = to_set(a);
  if (result.is_null()) return result;
  Rooted keep(&result);
  const char* method = plain == BinaryOp::Or ? "update" : plain == BinaryOp::Sub ? "difference_update"
                                                                               : "symmetric_difference_update";
  return call_set_method(result, method, b).is_null() ? Value() : result;
}

Value view_isdisjoint(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("isdisjoint", nargs, kw, 1, 1)) return Value();
  Value it = obj_iter(args[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? Value() : True();
    Rooted keep_item(&item);
    int r = obj_contains(self, item);
    if (r < 0) return Value();
    if (r) return False();
  }
}

}  // namespace

void set_views_init() {
  for (Type* t : {&DictKeysType, &DictItemsType}) {
    t->binop = view_binop;
    t->compare = view_compare;
    type_add_method(t, "isdisjoint", view_isdisjoint);
  }
}

}  // namespace pg
