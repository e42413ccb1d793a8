// dict's Python-facing behaviour over dict.cpp's table API: the
// constructor, update(), repr, ==, | and the methods.
#include <string>

#include "objects/containers.h"

namespace pg {

namespace {

Str* g_keys_name;

bool has_keys_method(Value v) {
  if (!g_keys_name) g_keys_name = str_intern("keys");
  return !type_lookup(type_of(v), g_keys_name).is_null();
}

// d[k] = mapping[k] for k in mapping.keys(): the generic mapping protocol.
int update_from_mapping(Dict* d, Value mapping) {
  Value keys = obj_getattr_cstr(mapping, "keys");
  if (keys.is_null()) return -1;
  Rooted keep_keys(&keys);
  Value it = call0(keys);
  if (it.is_null()) return -1;
  it = obj_iter(it);
  if (it.is_null()) return -1;
  Rooted keep_it(&it);
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? -1 : 0;
    Rooted keep_key(&key);
    Value value = obj_getitem(mapping, key);
    if (value.is_null()) return -1;
    Rooted keep_value(&value);  // hashing the key may run Python code
    if (dict_set(d, key, value) < 0) return -1;
  }
}

// d.update(iterable of pairs).
int update_from_pairs(Dict* d, Value iterable) {
  Value it = obj_iter(iterable);
  if (it.is_null()) return -1;
  Rooted keep_it(&it);
  for (int64_t index = 0;; index++) {
    Value item = iter_next(it);
    if (item.is_null()) return error_occurred() ? -1 : 0;
    Rooted keep_item(&item);
    Value pair = item;
    if (!isinstance(pair, &TupleType) && !isinstance(pair, &ListType)) {
      if (type_of(pair)->iter == nullptr) {
        raise(&TypeErrorType,
              "cannot convert dictionary update sequence element #%lld to a sequence",
              (long long)index);
        return -1;
      }
      pair = list_from_iterable(pair);
      if (pair.is_null()) return -1;
    }
    Rooted keep_pair(&pair);
    bool is_tuple = isinstance(pair, &TupleType);
    int64_t n = is_tuple ? pair.as<Tuple>()->size : pair.as<List>()->size;
    if (n != 2) {
      raise(&ValueErrorType, "dictionary update sequence element #%lld has length %lld; 2 is required",
            (long long)index, (long long)n);
      return -1;
    }
    Value* kv = is_tuple ? pair.as<Tuple>()->items : pair.as<List>()->items;
    Value key = kv[0], value = kv[1];
    Rooted keep_key(&key);
    Rooted keep_value(&value);
    if (dict_set(d, key, value) < 0) return -1;
  }
}

Dict* self_dict(Value self) { return self.as<Dict>(); }

// update(self, [other], **kwargs)
int update_common(const char* fname, Dict* d, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 1) {
    raise(&TypeErrorType, "%s expected at most 1 argument, got %zu", fname, nargs);
    return -1;
  }
  if (nargs == 1 && dict_update(d, args[0]) < 0) return -1;
  int64_t nkw = kwnames ? kwnames->size : 0;
  for (int64_t i = 0; i < nkw; i++)
    if (dict_set(d, kwnames->items[i], args[nargs + i]) < 0) return -1;
  return 0;
}

Value dict_update_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (update_common("update", self_dict(self), args, nargs, kwnames) < 0) return Value();
  return None();
}

Value dict_get_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("get", nargs, kw, 1, 2)) return Value();
  Value v = dict_get(self_dict(self), args[0]);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  return nargs == 2 ? args[1] : None();
}

Value dict_setdefault_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("setdefault", nargs, kw, 1, 2)) return Value();
  Dict* d = self_dict(self);
  Value v = dict_get(d, args[0]);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  Value deflt = nargs == 2 ? args[1] : None();
  if (dict_set(d, args[0], deflt) < 0) return Value();
  return deflt;
}

Value dict_pop_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("pop", nargs, kw, 1, 2)) return Value();
  Value v = dict_pop_item(self_dict(self), args[0]);
  if (!v.is_null()) return v;
  if (error_occurred()) return Value();
  if (nargs == 2) return args[1];
  return raise_with_value(&KeyErrorType, args[0]);
}

Value dict_popitem_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.popitem", nargs, kw, 0, 0)) return Value();
  Value key, value;
  if (!dict_popitem(self_dict(self), &key, &value))
    return raise_with_value(&KeyErrorType, str_from_cstr("popitem(): dictionary is empty"));
  return Value(tuple_from({key, value}));
}

Value dict_copy_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.copy", nargs, kw, 0, 0)) return Value();
  return Value(dict_copy(self_dict(self)));
}

Value dict_clear_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.clear", nargs, kw, 0, 0)) return Value();
  dict_clear(self_dict(self));
  return None();
}

// dict.fromkeys(iterable, value=None): a classmethod; `self` is the class.
Value dict_fromkeys_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("fromkeys", nargs, kw, 1, 2)) return Value();
  Type* cls = self.is_null() || !isinstance(self, &TypeType) ? &DictType : self.as<Type>();
  Value value = nargs == 2 ? args[1] : None();
  Value result = cls == &DictType ? Value(dict_new()) : call0(Value(cls));
  if (result.is_null()) return Value();
  Rooted keep_result(&result);
  Value it = obj_iter(args[0]);
  if (it.is_null()) return Value();
  Rooted keep_it(&it);
  bool plain = result.is_obj() && result.obj()->type == &DictType;
  for (;;) {
    Value key = iter_next(it);
    if (key.is_null()) return error_occurred() ? Value() : result;
    Rooted keep_key(&key);
    int r = plain ? dict_set(result.as<Dict>(), key, value) : obj_setitem(result, key, value);
    if (r < 0) return Value();
  }
}

Value dict_len_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.__len__", nargs, kw, 0, 0)) return Value();
  return Value::small(self_dict(self)->size);
}

Value dict_getitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.__getitem__", nargs, kw, 1, 1)) return Value();
  return dict_getitem(self_dict(self), args[0]);
}

Value dict_setitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__setitem__", nargs, kw, 2, 2)) return Value();
  if (dict_set(self_dict(self), args[0], args[1]) < 0) return Value();
  return None();
}

Value dict_delitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.__delitem__", nargs, kw, 1, 1)) return Value();
  if (dict_del(self_dict(self), args[0]) < 0) return Value();
  return None();
}

// dict.__init__(mapping_or_pairs=(), **kwargs): updates the new dict; a
// subclass's __init__ reaches it through super().__init__(...).
Value dict_init_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (update_common("dict", self_dict(self), args, nargs, kw) < 0) return Value();
  return None();
}

Value dict_contains_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.__contains__", nargs, kw, 1, 1)) return Value();
  int r = DictType.contains(self, args[0]);
  return r < 0 ? Value() : Bool(r == 1);
}

}  // namespace

// ---------------------------------------------------------------------------
// repr, ==, | (slots of DictType, which dict.cpp defines).
// ---------------------------------------------------------------------------
Value dict_repr(Value self) {
  Dict* d = self.as<Dict>();
  if (d->size == 0) return str_from_cstr("{}");
  if (repr_enter(d)) return str_from_cstr("{...}");
  std::string text = "{";
  // Rooted: a __repr__ may delete the entry while its value is pending.
  Value key, value;
  Rooted keep_key(&key);
  Rooted keep_value(&value);
  bool first = true, ok = true;
  for (int64_t pos = 0; dict_next(d, &pos, &key, &value);) {
    if (!first) text += ", ";
    first = false;
    Value r = obj_repr(key);
    if (r.is_null()) {
      ok = false;
      break;
    }
    text += str_view(r.as<Str>());
    text += ": ";
    r = obj_repr(value);
    if (r.is_null()) {
      ok = false;
      break;
    }
    text += str_view(r.as<Str>());
  }
  repr_leave(d);
  if (!ok) return Value();
  text += '}';
  return Value(str_new(text));
}

namespace {

bool is_dict(Value v) { return isinstance(v, &DictType); }

// a == b for two dicts: same size and every key of a maps to an equal value
// in b. Entries are re-read by position: an __eq__ may mutate either dict.
int dict_equal(Dict* a, Dict* b) {
  if (a->size != b->size) return 0;
  for (int64_t i = 0; i < a->used; i++) {
    DictEntry* e = &a->entries[i];
    if (e->key.is_null()) continue;
    Value key = e->key, value = e->value;
    Rooted keep_key(&key);
    Rooted keep_value(&value);
    Value other = dict_get_with_hash(b, key, e->hash);
    if (other.is_null()) return error_occurred() ? -1 : 0;
    int eq = fast_eq(value, other);
    if (eq <= 0) return eq;
  }
  return 1;
}

}  // namespace

Value dict_compare(Value a, Value b, CompareOp op) {
  if (!is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return NotImplemented();
  int eq = dict_equal(a.as<Dict>(), b.as<Dict>());
  if (eq < 0) return Value();
  return Bool((eq == 1) == (op == CompareOp::Eq));
}

// d | other (both dicts) and d |= other (any mapping or iterable of pairs).
Value dict_binop(Value a, Value b, BinaryOp op) {
  if (plain_form(op) != BinaryOp::Or || !is_dict(a)) return NotImplemented();
  if (op == BinaryOp::InplaceOr) {
    if (dict_update(a.as<Dict>(), b) < 0) return Value();
    return a;
  }
  if (!is_dict(b)) return NotImplemented();
  Value result = Value(dict_copy(a.as<Dict>()));
  Rooted keep(&result);
  if (dict_merge(result.as<Dict>(), b.as<Dict>(), true) < 0) return Value();
  return result;
}

int dict_update(Dict* d, Value other) {
  if (isinstance(other, &DictType)) return dict_merge(d, other.as<Dict>(), true);
  if (has_keys_method(other)) return update_from_mapping(d, other);
  return update_from_pairs(d, other);
}

Value dict_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Dict* d;
  if (type == &DictType) {
    d = dict_new();
  } else {
    size_t size = type->instance_size > sizeof(Dict) ? type->instance_size : sizeof(Dict);
    d = static_cast<Dict*>(gc_alloc(type, size));
    d->version = dict_next_version();
  }
  Value result = Value(d);
  Rooted keep(&result);
  if (update_common("dict", d, args, nargs, kwnames) < 0) return Value();
  return result;
}

Value dict_keys_method(Value self, const Value* args, size_t nargs, Tuple* kw);    // dict_views.cpp
Value dict_values_method(Value self, const Value* args, size_t nargs, Tuple* kw);  // dict_views.cpp
Value dict_items_method(Value self, const Value* args, size_t nargs, Tuple* kw);   // dict_views.cpp

void dict_methods_init() {
  type_add_method(&DictType, "get", dict_get_method);
  type_add_method(&DictType, "setdefault", dict_setdefault_method);
  type_add_method(&DictType, "pop", dict_pop_method);
  type_add_method(&DictType, "popitem", dict_popitem_method);
  type_add_method(&DictType, "update", dict_update_method);
  type_add_method(&DictType, "copy", dict_copy_method);
  type_add_method(&DictType, "clear", dict_clear_method);
  type_add_method(&DictType, "fromkeys", dict_fromkeys_method, kNativeClassMethod);
  type_add_method(&DictType, "keys", dict_keys_method);
  type_add_method(&DictType, "values", dict_values_method);
  type_add_method(&DictType, "items", dict_items_method);
  type_add_method(&DictType, "__len__", dict_len_method);
  type_add_method(&DictType, "__getitem__", dict_getitem_method);
  type_add_method(&DictType, "__setitem__", dict_setitem_method);
  type_add_method(&DictType, "__delitem__", dict_delitem_method);
  type_add_method(&DictType, "__contains__", dict_contains_method);
  type_add_method(&DictType, "__init__", dict_init_method);
}

}  // namespace pg
