// The methods of list (append, pop, sort, ...), over the API of list.cpp.
#include "objects/containers.h"

namespace pg {

namespace {

List* self_list(Value self) { return self.as<List>(); }

Value list_append_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.append", nargs, kw, 1, 1)) return Value();
  list_append(self_list(self), args[0]);
  return None();
}

Value list_extend_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.extend", nargs, kw, 1, 1)) return Value();
  if (list_extend(self_list(self), args[0]) < 0) return Value();
  return None();
}

Value list_insert_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("insert", nargs, kw, 2, 2)) return Value();
  int64_t index;
  if (!int_as_index(args[0], &index)) return Value();
  list_insert(self_list(self), index, args[1]);
  return None();
}

Value list_pop_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("pop", nargs, kw, 0, 1)) return Value();
  int64_t index = -1;
  if (nargs == 1 && !int_as_index(args[0], &index)) return Value();
  return list_pop(self_list(self), index);
}

// Index of the first item == x in [start, stop), -1 if none, -2 on error.
int64_t find_item(List* l, Value x, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop && i < l->size; i++) {
    int k = fast_eq(l->items[i], x);
    if (k < 0) return -2;
    if (k) return i;
  }
  return -1;
}

Value list_remove_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.remove", nargs, kw, 1, 1)) return Value();
  List* l = self_list(self);
  int64_t i = find_item(l, args[0], 0, INT64_MAX);
  if (i == -2) return Value();
  if (i < 0) return raise(&ValueErrorType, "list.remove(x): x not in list");
  list_pop(l, i);
  return None();
}

Value list_index_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("index", nargs, kw, 1, 3)) return Value();
  List* l = self_list(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_arg_index(args[1], &start, false)) return Value();
  if (nargs > 2 && !slice_arg_index(args[2], &stop, false)) return Value();
  if (start < 0 && (start += l->size) < 0) start = 0;
  if (stop < 0 && (stop += l->size) < 0) stop = 0;
  int64_t i = find_item(l, args[0], start, stop);
  if (i == -2) return Value();
  if (i >= 0) return Value::small(i);
  Value r = obj_repr(args[0]);
  if (r.is_null()) return Value();
  return raise(&ValueErrorType, "%s is not in list", str_cstr(r.as<Str>()));
}

Value list_count_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.count", nargs, kw, 1, 1)) return Value();
  List* l = self_list(self);
  int64_t n = 0;
  for (int64_t i = 0; i < l->size; i++) {
    int k = fast_eq(l->items[i], args[0]);
    if (k < 0) return Value();
    n += k;
  }
  return Value::small(n);
}

Value list_reverse_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.reverse", nargs, kw, 0, 0)) return Value();
  list_reverse(self_list(self));
  return None();
}

Value list_copy_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.copy", nargs, kw, 0, 0)) return Value();
  List* l = self_list(self);
  return Value(list_from_array(l->items, l->size));
}

Value list_clear_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.clear", nargs, kw, 0, 0)) return Value();
  list_clear(self_list(self));
  return None();
}

// sort(*, key=None, reverse=False)
Value list_sort_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (nargs > 0) return raise(&TypeErrorType, "sort() takes no positional arguments");
  Value key, reverse;
  int64_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (int64_t k = 0; k < nkw; k++) {
    Str* name = tuple_items(kwnames)[k].as<Str>();
    std::string_view n = str_view(name);
    if (n == "key") {
      key = args[k];
    } else if (n == "reverse") {
      reverse = args[k];
    } else {
      return raise(&TypeErrorType, "'%s' is an invalid keyword argument for sort()", str_cstr(name));
    }
  }
  bool rev = false;
  if (!reverse.is_null()) {
    // CPython parses reverse as an int ("i" format): floats are refused.
    if (!is_int(reverse)) {
      if (is_float(reverse))
        return raise(&TypeErrorType, "'float' object cannot be interpreted as an integer");
    }
    int t = obj_truth(reverse);
    if (t < 0) return Value();
    rev = t == 1;
  }
  if (!key.is_null() && is_none(key)) key = Value();
  if (list_sort(self_list(self), key, rev) < 0) return Value();
  return None();
}

Value list_len_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.__len__", nargs, kw, 0, 0)) return Value();
  return Value::small(self_list(self)->size);
}

Value list_getitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.__getitem__", nargs, kw, 1, 1)) return Value();
  return ListType.getitem(self, args[0]);
}

Value list_setitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("__setitem__", nargs, kw, 2, 2)) return Value();
  if (ListType.setitem(self, args[0], args[1]) < 0) return Value();
  return None();
}

Value list_delitem_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.__delitem__", nargs, kw, 1, 1)) return Value();
  if (ListType.setitem(self, args[0], Value()) < 0) return Value();
  return None();
}

Value list_contains_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.__contains__", nargs, kw, 1, 1)) return Value();
  int r = ListType.contains(self, args[0]);
  return r < 0 ? Value() : Bool(r == 1);
}

// list.__init__(iterable=()): what list(...) does to a new list; a
// subclass's __init__ reaches it through super().__init__(...).
Value list_init_method(Value self, const Value* args, size_t nargs, Tuple* kw) {
  if (kw && tuple_size(kw) > 0) return raise(&TypeErrorType, "list() takes no keyword arguments");
  if (nargs > 1) return raise(&TypeErrorType, "list expected at most 1 argument, got %zu", nargs);
  List* l = self_list(self);
  l->size = 0;
  if (nargs == 1 && list_extend(l, args[0]) < 0) return Value();
  return None();
}

Value list_reversed_method(Value self, const Value*, size_t nargs, Tuple* kw) {
  if (!check_nargs("list.__reversed__", nargs, kw, 0, 0)) return Value();
  SeqIterator* it = gc_new<SeqIterator>(&ListReverseIteratorType);
  it->seq = self;
  it->index = self_list(self)->size - 1;
  return Value(it);
}

}  // namespace

void list_methods_init() {
  type_add_method(&ListType, "append", list_append_method);
  type_add_method(&ListType, "extend", list_extend_method);
  type_add_method(&ListType, "insert", list_insert_method);
  type_add_method(&ListType, "pop", list_pop_method);
  type_add_method(&ListType, "remove", list_remove_method);
  type_add_method(&ListType, "index", list_index_method);
  type_add_method(&ListType, "count", list_count_method);
  type_add_method(&ListType, "reverse", list_reverse_method);
  type_add_method(&ListType, "copy", list_copy_method);
  type_add_method(&ListType, "clear", list_clear_method);
  type_add_method(&ListType, "sort", list_sort_method);
  type_add_method(&ListType, "__len__", list_len_method);
  type_add_method(&ListType, "__getitem__", list_getitem_method);
  type_add_method(&ListType, "__setitem__", list_setitem_method);
  type_add_method(&ListType, "__delitem__", list_delitem_method);
  type_add_method(&ListType, "__contains__", list_contains_method);
  type_add_method(&ListType, "__reversed__", list_reversed_method);
  type_add_method(&ListType, "__init__", list_init_method);
}

}  // namespace pg
