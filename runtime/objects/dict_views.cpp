// dict views (d.keys(), d.values(), d.items()) and the dict iterators.
//
// Iterators walk the entry array by position. Like CPython they remember
// the dict's size when created and raise "dictionary changed size during
// iteration" when it differs (and keep raising on later calls).
#include "objects/containers.h"
#include "objects/gc.h"

namespace pg {

namespace {

enum class IterKind { Keys, Values, Items };

Value make_iterator(Dict* d, IterKind kind) {
  Type* type = kind == IterKind::Keys     ? &DictKeyIteratorType
               : kind == IterKind::Values ? &DictValueIteratorType
                                          : &DictItemIteratorType;
  DictIterator* it = gc_new<DictIterator>(type);
  it->dict = d;
  it->pos = 0;
  it->used = d->size;
  it->remaining = d->size;
  return Value(it);
}

// Advances to the next live entry; null at the end or on error.
DictEntry* next_entry(DictIterator* it) {
  Dict* d = it->dict;
  if (!d) return nullptr;
  if (it->used != d->size) {
    it->used = -1;  // keep failing, like CPython
    raise(&RuntimeErrorType, "dictionary changed size during iteration");
    return nullptr;
  }
  int64_t i = it->pos;
  while (i < d->used && d->entries[i].key.is_null()) i++;
  if (i >= d->used) {
    it->dict = nullptr;
    return nullptr;
  }
  if (it->remaining == 0) {
    // Same size, but a key was deleted and another added meanwhile.
    it->dict = nullptr;
    raise(&RuntimeErrorType, "dictionary keys changed during iteration");
    return nullptr;
  }
  it->pos = i + 1;
  it->remaining--;
  return &d->entries[i];
}

Value dict_keyiter_next(Value self) {
  DictEntry* e = next_entry(self.as<DictIterator>());
  return e ? e->key : Value();
}

Value dict_valueiter_next(Value self) {
  DictEntry* e = next_entry(self.as<DictIterator>());
  return e ? e->value : Value();
}

Value dict_itemiter_next(Value self) {
  DictEntry* e = next_entry(self.as<DictIterator>());
  return e ? Value(tuple_from({e->key, e->value})) : Value();
}

Value iterator_self(Value self) { return self; }

void dict_iterator_trace(Object* self, Visitor& v) {
  v.visit(Value(static_cast<DictIterator*>(self)->dict));
}

Type make_iterator_type(const char* name, Value (*next)(Value)) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = sizeof(DictIterator);
  t.iter = iterator_self;
  t.iternext = next;
  t.trace = dict_iterator_trace;
  return t;
}

// ---- views -----------------------------------------------------------------------

IterKind view_kind(Value self) {
  Type* t = self.obj()->type;
  return t == &DictKeysType ? IterKind::Keys : t == &DictValuesType ? IterKind::Values : IterKind::Items;
}

Value view_new(Type* type, Value dict) {
  DictView* v = gc_new<DictView>(type);
  v->dict = dict.as<Dict>();
  return Value(v);
}

int64_t view_len(Value self) { return self.as<DictView>()->dict->size; }

Value view_iter(Value self) { return make_iterator(self.as<DictView>()->dict, view_kind(self)); }

// "dict_keys(['a', 'b'])": the view's type name around the repr of its list.
Value view_repr(Value self) {
  DictView* view = self.as<DictView>();
  if (repr_enter(view)) return str_from_cstr("...");
  Value items;
  Rooted keep(&items);
  switch (view_kind(self)) {
    case IterKind::Keys: items = dict_keys_list(view->dict); break;
    case IterKind::Values: items = dict_values_list(view->dict); break;
    case IterKind::Items: items = dict_items_list(view->dict); break;
  }
  Value r = obj_repr(items);
  repr_leave(view);
  if (r.is_null()) return Value();
  std::string text = view->type->name;
  text += '(';
  text += str_view(r.as<Str>());
  text += ')';
  return Value(str_new(text));
}

int keys_contains(Value self, Value x) {
  return DictType.contains(Value(self.as<DictView>()->dict), x);
}

int values_contains(Value self, Value x) {
  Dict* d = self.as<DictView>()->dict;
  for (int64_t i = 0; i < d->used; i++) {
    if (d->entries[i].key.is_null()) continue;
    int k = fast_eq(d->entries[i].value, x);
    if (k != 0) return k;
  }
  return 0;
}

// (k, v) in d.items(): k is a key whose value equals v.
int items_contains(Value self, Value x) {
  if (!isinstance(x, &TupleType) || x.as<Tuple>()->size != 2) return 0;
  Dict* d = self.as<DictView>()->dict;
  Value key = x.as<Tuple>()->items[0];
  Value found = dict_get(d, key);
  if (found.is_null()) return error_occurred() ? -1 : 0;
  return fast_eq(found, x.as<Tuple>()->items[1]);
}

void view_trace(Object* self, Visitor& v) { v.visit(Value(static_cast<DictView*>(self)->dict)); }

Type make_view_type(const char* name, int (*contains)(Value, Value)) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = sizeof(DictView);
  t.repr = view_repr;
  t.len = view_len;
  t.iter = view_iter;
  t.contains = contains;
  t.trace = view_trace;
  return t;
}

}  // namespace

Type DictKeyIteratorType = make_iterator_type("dict_keyiterator", dict_keyiter_next);
Type DictValueIteratorType = make_iterator_type("dict_valueiterator", dict_valueiter_next);
Type DictItemIteratorType = make_iterator_type("dict_itemiterator", dict_itemiter_next);
Type DictKeysType = make_view_type("dict_keys", keys_contains);
Type DictValuesType = make_view_type("dict_values", values_contains);
Type DictItemsType = make_view_type("dict_items", items_contains);

Value dict_iter(Value self) { return make_iterator(self.as<Dict>(), IterKind::Keys); }

Value dict_keys_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.keys", nargs, kw, 0, 0)) return Value();
  return view_new(&DictKeysType, self);
}

Value dict_values_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.values", nargs, kw, 0, 0)) return Value();
  return view_new(&DictValuesType, self);
}

Value dict_items_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("dict.items", nargs, kw, 0, 0)) return Value();
  return view_new(&DictItemsType, self);
}

void dict_views_init() {
  type_ready(&DictKeyIteratorType);
  type_ready(&DictValueIteratorType);
  type_ready(&DictItemIteratorType);
  type_ready(&DictKeysType);
  type_ready(&DictValuesType);
  type_ready(&DictItemsType);
}

}  // namespace pg
