// set and frozenset as Python sees them: construction, repr, the
// operators (| & - ^ and their in-place forms), subset comparisons and the
// methods, over the table of set.cpp. The algorithms (which operand is
// iterated, where results come from) follow CPython's, so results iterate
// in CPython's order whenever the hashes agree.
#include <cstring>
#include <string>

#include "objects/class.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/set.h"

namespace pg {

Value set_iter(Value self);                       // set.cpp
void set_trace_entries(Object* self, Visitor& v);  // set.cpp
void set_finalize_entries(Object* self);

namespace {

Set* as_set(Value v) { return v.as<Set>(); }

}  // namespace

Type* set_base_type(Type* t) { return is_subtype(t, &FrozenSetType) ? &FrozenSetType : &SetType; }

Value set_from_iterable(Type* type, Value iterable) {
  Value result = Value(set_alloc(type));
  if (iterable.is_null()) return result;
  Rooted keep(&result);
  if (set_update(as_set(result), iterable) < 0) return Value();
  return result;
}

Value set_build(const Value* items, int64_t n) {
  Value result = Value(set_alloc(&SetType));
  Rooted keep(&result);
  for (int64_t i = 0; i < n; i++)
    if (set_add(as_set(result), items[i]) < 0) return Value();
  return result;
}

namespace {

// A new set of the base type of `so` (set or frozenset) holding `iterable`.
Value new_basetype(Value so, Value iterable) { return set_from_iterable(set_base_type(type_of(so)), iterable); }

Value copy_of(Value so) { return new_basetype(so, so); }

// `key in s`, also for a set key (looked up as the equal frozenset, as
// CPython does, so {1} in {frozenset({1})} works). 1/0/-1.
int contains_with_set_key(Set* s, Value key) {
  int r = set_contains_key(s, key);
  if (r >= 0 || !is_set_not_frozen(key) || !error_matches(&TypeErrorType)) return r;
  error_clear();
  Value frozen = set_from_iterable(&FrozenSetType, key);
  if (frozen.is_null()) return -1;
  Rooted keep(&frozen);
  return set_contains_key(s, frozen);
}

int discard_with_set_key(Set* s, Value key) {
  int r = set_discard_key(s, key);
  if (r >= 0 || !is_set_not_frozen(key) || !error_matches(&TypeErrorType)) return r;
  error_clear();
  Value frozen = set_from_iterable(&FrozenSetType, key);
  if (frozen.is_null()) return -1;
  Rooted keep(&frozen);
  return set_discard_key(s, frozen);
}

// ---- the algebra -----------------------------------------------------------

Value intersection(Value so, Value other) {
  if (so == other) return copy_of(so);
  Value result = new_basetype(so, Value());
  Rooted keep(&result);
  if (is_anyset(other)) {
    // Iterate the smaller, keep what the larger has (so the items come
    // from the smaller operand, as in CPython).
    Value iterated, probed;
    if (as_set(other)->used > as_set(so)->used) {
      iterated = so;
      probed = other;
    } else {
      iterated = other;
      probed = so;
    }
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (set_next(as_set(iterated), &pos, &key, &hash)) {
      Rooted keep_key(&key);
      int r = set_contains_hashed(as_set(probed), key, hash);
      if (r < 0) return Value();
      if (r && set_add_hashed(as_set(result), key, hash) < 0) return Value();
    }
    return result;
  }
  Value it = obj_iter(other);
  if (it.is_null()) return Value();
  Rooted keep_it(&it);
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? Value() : result;
    Rooted keep_key(&key);
    int64_t hash;
    if (!dict_key_hash(key, &hash)) return Value();
    int r = set_contains_hashed(as_set(so), key, hash);
    if (r < 0) return Value();
    if (r && set_add_hashed(as_set(result), key, hash) < 0) return Value();
  }
}

int difference_update(Value so, Value other) {
  Set* s = as_set(so);
  if (so == other) {
    set_clear(s);
    return 0;
  }
  if (is_anyset(other)) {
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (set_next(as_set(other), &pos, &key, &hash))
      if (set_discard_hashed(s, key, hash) < 0) return -1;
  } else {
    Value it = obj_iter(other);
    if (it.is_null()) return -1;
    Rooted keep_it(&it);
    for (;;) {
      Value key = iter_next(it);
      if (key.is_null()) {
        if (error_occurred()) return -1;
        break;
      }
      Rooted keep_key(&key);
      if (set_discard_key(s, key) < 0) return -1;
    }
  }
  // Drop the dummies when more than a quarter of the table is dead.
  if (s->fill - s->used > s->mask / 4) set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
  return 0;
}

Value difference(Value so, Value other) {
  int64_t other_size;
  if (is_anyset(other)) other_size = as_set(other)->used;
  else if (other.is_obj() && other.obj()->type == &DictType) other_size = dict_size(other.as<Dict>());
  else other_size = -1;
  if (other_size < 0 || (as_set(so)->used >> 2) > other_size) {
    Value result = copy_of(so);
    if (result.is_null()) return result;
    Rooted keep(&result);
    if (difference_update(result, other) < 0) return Value();
    return result;
  }
  Value result = new_basetype(so, Value());
  Rooted keep(&result);
  int64_t pos = 0;
  Value key;
  int64_t hash;
  while (set_next(as_set(so), &pos, &key, &hash)) {
    Rooted keep_key(&key);
    int r;
    if (is_anyset(other)) {
      r = set_contains_hashed(as_set(other), key, hash);
    } else {
      Value v = dict_get_with_hash(other.as<Dict>(), key, hash);
      if (v.is_null() && error_occurred()) return Value();
      r = v.is_null() ? 0 : 1;
    }
    if (r < 0) return Value();
    if (!r && set_add_hashed(as_set(result), key, hash) < 0) return Value();
  }
  return result;
}

int symmetric_difference_update(Value so, Value other) {
  Set* s = as_set(so);
  if (so == other) {
    set_clear(s);
    return 0;
  }
  if (other.is_obj() && other.obj()->type == &DictType) {
    // A dict is walked in its own order with its stored hashes.
    Value keep_other = other;
    Rooted keep(&keep_other);
    Dict* d = other.as<Dict>();
    for (int64_t i = 0; i < d->used; i++) {
      DictEntry e = d->entries[i];
      if (e.key.is_null()) continue;
      Value key = e.key;
      Rooted keep_key(&key);
      int r = set_discard_hashed(s, key, e.hash);
      if (r < 0) return -1;
      if (r == 0 && set_add_hashed(s, key, e.hash) < 0) return -1;
    }
    return 0;
  }
  Value otherset = other;
  if (!is_anyset(other)) otherset = new_basetype(so, other);
  if (otherset.is_null()) return -1;
  Rooted keep(&otherset);
  int64_t pos = 0;
  Value key;
  int64_t hash;
  while (set_next(as_set(otherset), &pos, &key, &hash)) {
    Rooted keep_key(&key);
    int r = set_discard_hashed(s, key, hash);
    if (r < 0) return -1;
    if (r == 0 && set_add_hashed(s, key, hash) < 0) return -1;
  }
  return 0;
}

Value symmetric_difference(Value so, Value other) {
  Value result = new_basetype(so, other);
  if (result.is_null()) return result;
  Rooted keep(&result);
  if (symmetric_difference_update(result, so) < 0) return Value();
  return result;
}

// 1/0/-1. `other` must be a set or frozenset.
int is_subset(Value so, Value other) {
  if (as_set(so)->used > as_set(other)->used) return 0;
  int64_t pos = 0;
  Value key;
  int64_t hash;
  while (set_next(as_set(so), &pos, &key, &hash)) {
    Rooted keep_key(&key);
    int r = set_contains_hashed(as_set(other), key, hash);
    if (r <= 0) return r;
  }
  return 1;
}

// ---- slots -----------------------------------------------------------------

Value set_repr(Value self) {
  Set* s = as_set(self);
  Type* t = type_of(self);
  std::string name = t->name;
  if (s->used == 0) return Value(str_new(name + "()"));
  if (repr_enter(self.obj())) return Value(str_new(name + "(...)"));
  std::string text = t == &SetType ? "{" : name + "({";
  int64_t pos = 0;
  Value key;
  bool first = true;
  Value keep_self = self;
  Rooted keep(&keep_self);
  // Items are read by position: a key's __repr__ could mutate the set.
  while (set_next(as_set(keep_self), &pos, &key, nullptr)) {
    Value r = obj_repr(key);
    if (r.is_null()) {
      repr_leave(self.obj());
      return Value();
    }
    if (!first) text += ", ";
    first = false;
    text += str_view(r.as<Str>());
  }
  repr_leave(self.obj());
  text += t == &SetType ? "}" : "})";
  return Value(str_new(text));
}

int64_t set_len(Value self) { return as_set(self)->used; }

int set_contains_slot(Value self, Value key) { return contains_with_set_key(as_set(self), key); }

bool frozenset_hash(Value self, int64_t* out) {
  *out = frozenset_hash_of(as_set(self));
  return true;
}

Value set_compare(Value a, Value b, CompareOp op) {
  if (!is_anyset(b) || !is_anyset(a)) return NotImplemented();
  Set* x = as_set(a);
  Set* y = as_set(b);
  int r = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (x->used != y->used) r = 0;
      else if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) r = 0;
      else r = is_subset(a, b);
      if (r < 0) return Value();
      return Bool(op == CompareOp::Eq ? r == 1 : r == 0);
    case CompareOp::Le: r = is_subset(a, b); break;
    case CompareOp::Ge: r = is_subset(b, a); break;
    case CompareOp::Lt: r = x->used < y->used ? is_subset(a, b) : 0; break;
    case CompareOp::Gt: r = x->used > y->used ? is_subset(b, a) : 0; break;
  }
  if (r < 0) return Value();
  return Bool(r == 1);
}

Value set_binop(Value a, Value b, BinaryOp op) {
  if (!is_anyset(a) || !is_anyset(b)) return NotImplemented();
  // In-place forms mutate a set; a frozenset's fall back to the plain form.
  if (is_inplace(op) && is_set_not_frozen(a)) {
    int r;
    switch (plain_form(op)) {
      case BinaryOp::Or: r = set_update(as_set(a), b); break;
      case BinaryOp::And: {
        Value tmp = intersection(a, b);
        if (tmp.is_null()) return tmp;
        set_swap_bodies(as_set(a), as_set(tmp));
        r = 0;
        break;
      }
      case BinaryOp::Sub: r = difference_update(a, b); break;
      case BinaryOp::Xor: r = symmetric_difference_update(a, b); break;
      default: return NotImplemented();
    }
    return r < 0 ? Value() : a;
  }
  switch (plain_form(op)) {
    case BinaryOp::Or: {
      Value result = copy_of(a);
      if (result.is_null() || a == b) return result;
      Rooted keep(&result);
      if (set_update(as_set(result), b) < 0) return Value();
      return result;
    }
    case BinaryOp::And: return intersection(a, b);
    case BinaryOp::Sub: return difference(a, b);
    case BinaryOp::Xor: return symmetric_difference(a, b);
    default: return NotImplemented();
  }
}

Value set_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  bool frozen = is_subtype(type, &FrozenSetType);
  const char* name = frozen ? "frozenset" : "set";
  if (kwnames && tuple_size(kwnames) > 0 && (type == &SetType || type == &FrozenSetType))
    return raise(&TypeErrorType, "%s() takes no keyword arguments", name);
  if (nargs > 1) return raise(&TypeErrorType, "%s expected at most 1 argument, got %zu", name, nargs);
  // frozenset(f) of an exact frozenset is f itself.
  if (frozen && type == &FrozenSetType && nargs == 1 && args[0].is_obj() &&
      args[0].obj()->type == &FrozenSetType)
    return args[0];
  return set_from_iterable(type, nargs == 1 ? args[0] : Value());
}

// ---- methods ---------------------------------------------------------------

#define SET_METHOD(fname) Value fname(Value self, const Value* args, size_t nargs, Tuple* kw)

SET_METHOD(m_add) {
  if (!check_nargs("set.add", nargs, kw, 1, 1)) return Value();
  if (set_add(as_set(self), args[0]) < 0) return Value();
  return None();
}

SET_METHOD(m_discard) {
  if (!check_nargs("set.discard", nargs, kw, 1, 1)) return Value();
  if (discard_with_set_key(as_set(self), args[0]) < 0) return Value();
  return None();
}

SET_METHOD(m_remove) {
  if (!check_nargs("set.remove", nargs, kw, 1, 1)) return Value();
  int r = discard_with_set_key(as_set(self), args[0]);
  if (r < 0) return Value();
  if (r == 0) return raise_with_value(&KeyErrorType, args[0]);
  return None();
}

SET_METHOD(m_pop) {
  if (!check_nargs("set.pop", nargs, kw, 0, 0)) return Value();
  return set_pop(as_set(self));
}

SET_METHOD(m_clear) {
  if (!check_nargs("set.clear", nargs, kw, 0, 0)) return Value();
  set_clear(as_set(self));
  return None();
}

const char* tname(Value self) { return is_set_not_frozen(self) ? "set" : "frozenset"; }

SET_METHOD(m_copy) {
  std::string n = std::string(tname(self)) + ".copy";
  if (!check_nargs(n.c_str(), nargs, kw, 0, 0)) return Value();
  // A frozenset is immutable: its copy is itself.
  if (type_of(self) == &FrozenSetType) return self;
  return copy_of(self);
}

bool no_keywords(Value self, const char* method, Tuple* kw) {
  if (kw && tuple_size(kw) > 0) {
    raise(&TypeErrorType, "%s.%s() takes no keyword arguments", tname(self), method);
    return false;
  }
  return true;
}

SET_METHOD(m_union) {
  if (!no_keywords(self, "union", kw)) return Value();
  Value result = copy_of(self);
  if (result.is_null()) return result;
  Rooted keep(&result);
  for (size_t i = 0; i < nargs; i++) {
    if (args[i] == self) continue;
    if (set_update(as_set(result), args[i]) < 0) return Value();
  }
  return result;
}

SET_METHOD(m_update) {
  if (!no_keywords(self, "update", kw)) return Value();
  for (size_t i = 0; i < nargs; i++)
    if (set_update(as_set(self), args[i]) < 0) return Value();
  return None();
}

Value intersection_multi(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return copy_of(self);
  Value result = self;
  Rooted keep(&result);
  for (size_t i = 0; i < nargs; i++) {
    result = intersection(result, args[i]);
    if (result.is_null()) return result;
  }
  return result;
}

SET_METHOD(m_intersection) {
  if (!no_keywords(self, "intersection", kw)) return Value();
  return intersection_multi(self, args, nargs);
}

SET_METHOD(m_intersection_update) {
  if (!no_keywords(self, "intersection_update", kw)) return Value();
  Value tmp = intersection_multi(self, args, nargs);
  if (tmp.is_null()) return tmp;
  set_swap_bodies(as_set(self), as_set(tmp));
  return None();
}

SET_METHOD(m_difference) {
  if (!no_keywords(self, "difference", kw)) return Value();
  if (nargs == 0) return copy_of(self);
  Value result = difference(self, args[0]);
  if (result.is_null()) return result;
  Rooted keep(&result);
  for (size_t i = 1; i < nargs; i++)
    if (difference_update(result, args[i]) < 0) return Value();
  return result;
}

SET_METHOD(m_difference_update) {
  if (!no_keywords(self, "difference_update", kw)) return Value();
  for (size_t i = 0; i < nargs; i++)
    if (difference_update(self, args[i]) < 0) return Value();
  return None();
}

SET_METHOD(m_symmetric_difference) {
  std::string n = std::string(tname(self)) + ".symmetric_difference";
  if (!check_nargs(n.c_str(), nargs, kw, 1, 1)) return Value();
  return symmetric_difference(self, args[0]);
}

SET_METHOD(m_symmetric_difference_update) {
  if (!check_nargs("set.symmetric_difference_update", nargs, kw, 1, 1)) return Value();
  if (symmetric_difference_update(self, args[0]) < 0) return Value();
  return None();
}

// issubset/issuperset/isdisjoint accept any iterable.
SET_METHOD(m_issubset) {
  std::string n = std::string(tname(self)) + ".issubset";
  if (!check_nargs(n.c_str(), nargs, kw, 1, 1)) return Value();
  Value other = args[0];
  if (!is_anyset(other)) other = set_from_iterable(&SetType, other);
  if (other.is_null()) return other;
  Rooted keep(&other);
  int r = is_subset(self, other);
  return r < 0 ? Value() : Bool(r);
}

SET_METHOD(m_issuperset) {
  std::string n = std::string(tname(self)) + ".issuperset";
  if (!check_nargs(n.c_str(), nargs, kw, 1, 1)) return Value();
  Value other = args[0];
  if (is_anyset(other)) {
    int r = is_subset(other, self);
    return r < 0 ? Value() : Bool(r);
  }
  Value it = obj_iter(other);
  if (it.is_null()) return it;
  Rooted keep_it(&it);
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? Value() : True();
    Rooted keep_key(&key);
    int r = set_contains_key(as_set(self), key);
    if (r < 0) return Value();
    if (!r) return False();
  }
}

SET_METHOD(m_isdisjoint) {
  std::string n = std::string(tname(self)) + ".isdisjoint";
  if (!check_nargs(n.c_str(), nargs, kw, 1, 1)) return Value();
  Value other = args[0];
  if (other == self) return Bool(as_set(self)->used == 0);
  if (is_anyset(other)) {
    Value small = self, large = other;
    if (as_set(other)->used < as_set(self)->used) std::swap(small, large);
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (set_next(as_set(small), &pos, &key, &hash)) {
      Rooted keep_key(&key);
      int r = set_contains_hashed(as_set(large), key, hash);
      if (r < 0) return Value();
      if (r) return False();
    }
    return True();
  }
  Value it = obj_iter(other);
  if (it.is_null()) return it;
  Rooted keep_it(&it);
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? Value() : True();
    Rooted keep_key(&key);
    int r = set_contains_key(as_set(self), key);
    if (r < 0) return Value();
    if (r) return False();
  }
}

// set.__init__(iterable=()): clears, then fills (a subclass's __init__
// reaches it through super().__init__(...)).
SET_METHOD(m_init) {
  if (kw && tuple_size(kw) > 0) return raise(&TypeErrorType, "set() takes no keyword arguments");
  if (nargs > 1) return raise(&TypeErrorType, "set expected at most 1 argument, got %zu", nargs);
  set_clear(as_set(self));
  if (nargs == 1 && set_update(as_set(self), args[0]) < 0) return Value();
  return None();
}

Type make_set_type(const char* name, bool frozen) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.flags = kTypeBaseType;
  t.instance_size = sizeof(Set);
  t.repr = set_repr;
  t.hash = frozen ? frozenset_hash : nullptr;
  t.compare = set_compare;
  t.binop = set_binop;
  t.len = set_len;
  t.iter = set_iter;
  t.contains = set_contains_slot;
  t.construct = set_construct;
  t.trace = set_trace_entries;
  t.finalize = set_finalize_entries;
  return t;
}

}  // namespace

Type SetType = make_set_type("set", false);
Type FrozenSetType = make_set_type("frozenset", true);

void sets_init() {
  for (Type* t : {&SetType, &FrozenSetType}) {
    type_add_method(t, "copy", m_copy);
    type_add_method(t, "union", m_union);
    type_add_method(t, "intersection", m_intersection);
    type_add_method(t, "difference", m_difference);
    type_add_method(t, "symmetric_difference", m_symmetric_difference);
    type_add_method(t, "issubset", m_issubset);
    type_add_method(t, "issuperset", m_issuperset);
    type_add_method(t, "isdisjoint", m_isdisjoint);
  }
  type_add_method(&SetType, "add", m_add);
  type_add_method(&SetType, "discard", m_discard);
  type_add_method(&SetType, "remove", m_remove);
  type_add_method(&SetType, "pop", m_pop);
  type_add_method(&SetType, "clear", m_clear);
  type_add_method(&SetType, "update", m_update);
  type_add_method(&SetType, "intersection_update", m_intersection_update);
  type_add_method(&SetType, "difference_update", m_difference_update);
  type_add_method(&SetType, "symmetric_difference_update", m_symmetric_difference_update);
  type_add_method(&SetType, "__init__", m_init);
  type_ready(&SetType);
  type_ready(&FrozenSetType);
  type_ready(&SetIteratorType);
  set_views_init();
}

}  // namespace pg
