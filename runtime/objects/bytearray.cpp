// The bytearray type: a growable byte buffer. Construction, repr, item and
// slice assignment and deletion, += and *= in place, and the mutating
// methods (append, extend, insert, pop, remove, clear, copy, reverse).
// The read-only methods are shared with bytes (bytes_methods.cpp).
#include <cstdlib>
#include <cstring>

#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/str_format.h"
#include "objects/type.h"

namespace pg {

Value bytes_like_compare(Value a, Value b, CompareOp op);  // bytes.cpp
int bytes_like_contains(std::string_view data, Value x);
Value bytes_like_getitem(std::string_view data, Value key, const char* kind, Value (*make)(std::string_view));
Value bytes_like_binop(Value a, Value b, BinaryOp op, bool bytearray_result);
Value bytes_like_iter(Value self);

namespace {

ByteArray* as_ba(Value v) { return v.as<ByteArray>(); }
std::string_view view_of(ByteArray* b) { return std::string_view(b->data ? b->data : "", size_t(b->size)); }

}  // namespace

void bytearray_resize(ByteArray* b, int64_t size) {
  if (size > b->capacity) {
    int64_t cap = b->capacity < 16 ? 16 : b->capacity;
    while (cap < size) cap += cap / 2 + 8;
    char* p = static_cast<char*>(realloc(b->data, size_t(cap)));
    if (!p) {
      fputs("pyglass: out of memory\n", stderr);
      abort();
    }
    gc_note_external(cap - b->capacity);
    b->data = p;
    b->capacity = cap;
  }
  b->size = size;
}

void bytearray_append_data(ByteArray* b, std::string_view data) {
  int64_t old = b->size;
  // `data` may point into b itself (b += b): copy it before growing.
  std::string copy(data);
  bytearray_resize(b, old + int64_t(copy.size()));
  if (!copy.empty()) memcpy(b->data + old, copy.data(), copy.size());
}

Value bytearray_new_of_type(Type* type, std::string_view data) {
  size_t size = type->instance_size ? type->instance_size : sizeof(ByteArray);
  ByteArray* b = static_cast<ByteArray*>(gc_alloc(type, size));
  if (!data.empty()) bytearray_append_data(b, data);
  return Value(b);
}

Value bytearray_new(std::string_view data) { return bytearray_new_of_type(&ByteArrayType, data); }

namespace {

Value make_bytearray(std::string_view v) { return bytearray_new(v); }

// bytearray(source=..., encoding=..., errors=...): also __init__.
bool fill_from_args(ByteArray* self, const Value* args, size_t nargs, Tuple* kwnames) {
  Value params[3];
  if (!bind_args("bytearray", args, nargs, kwnames, {"source", "encoding", "errors"}, 0, params)) return false;
  Value source = params[0], encoding = params[1], errors = params[2];
  self->size = 0;
  if (source.is_null()) {
    if (!encoding.is_null() || !errors.is_null()) {
      raise(&TypeErrorType, "encoding or errors without sequence argument");
      return false;
    }
    return true;
  }
  std::string data;
  if (!encoding.is_null() || !errors.is_null()) {
    if (!is_str(source)) {
      raise(&TypeErrorType, encoding.is_null() ? "errors without a string argument"
                                               : "encoding without a string argument");
      return false;
    }
    Value encoded = str_encode(source.as<Str>(), encoding, errors);
    if (encoded.is_null()) return false;
    std::string_view v;
    bytes_view(encoded, &v);
    data.assign(v);
  } else if (!bytes_from_source(source, true, &data)) {
    return false;
  }
  bytearray_append_data(self, data);
  return true;
}

Value bytearray_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value result = bytearray_new_of_type(type, "");
  Rooted keep(&result);
  if (!fill_from_args(as_ba(result), args, nargs, kwnames)) return Value();
  return result;
}

Value bytearray_repr(Value self) {
  std::string text = type_of(self)->name;
  text += "(" + bytes_repr_text(view_of(as_ba(self)), true) + ")";
  return Value(str_new(text));
}

int64_t bytearray_len(Value self) { return as_ba(self)->size; }

int bytearray_contains(Value self, Value x) { return bytes_like_contains(view_of(as_ba(self)), x); }

Value bytearray_getitem(Value self, Value key) {
  return bytes_like_getitem(view_of(as_ba(self)), key, "bytearray", make_bytearray);
}

bool byte_value(Value v, unsigned char* out) {
  int64_t x;
  if (!int_as_index(v, &x)) return false;
  if (x < 0 || x > 255) {
    raise(&ValueErrorType, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<unsigned char>(x);
  return true;
}

// The bytes of an assigned slice value: bytes-like or an iterable of ints.
bool slice_source(Value v, std::string* out) {
  std::string_view view;
  if (bytes_view(v, &view)) {
    out->assign(view);
    return true;
  }
  if (is_int(v)) {
    raise(&TypeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  if (is_str(v)) {
    raise(&TypeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  return bytes_from_source(v, true, out);
}

int bytearray_setitem(Value self, Value key, Value v) {
  ByteArray* b = as_ba(self);
  int64_t i;
  int r = key.is_small() ? (i = key.small_value(), 1) : index_from_key(key, &i);
  if (r == 1) {
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) {
      raise(&IndexErrorType, "bytearray index out of range");
      return -1;
    }
    if (v.is_null()) {
      memmove(b->data + i, b->data + i + 1, size_t(b->size - i - 1));
      b->size--;
      return 0;
    }
    unsigned char c;
    if (!byte_value(v, &c)) return -1;
    b->data[i] = char(c);
    return 0;
  }
  if (r < 0) return -1;
  if (!is_slice(key)) {
    raise(&TypeErrorType, "bytearray indices must be integers or slices, not %s", type_name(key));
    return -1;
  }
  std::string source;
  if (!v.is_null() && !slice_source(v, &source)) return -1;
  int64_t start, stop, step, n;
  if (!slice_indices(key, b->size, &start, &stop, &step, &n)) return -1;
  if (step == 1) {
    // Replace b[start:start+n] by source (also deletion: empty source).
    int64_t tail = b->size - (start + n);
    int64_t new_size = start + int64_t(source.size()) + tail;
    std::string rest(b->data ? b->data + start + n : "", size_t(tail));
    bytearray_resize(b, new_size);
    if (!source.empty()) memcpy(b->data + start, source.data(), source.size());
    if (tail) memcpy(b->data + start + int64_t(source.size()), rest.data(), size_t(tail));
    return 0;
  }
  if (v.is_null()) {
    std::string kept;
    for (int64_t k = 0; k < b->size; k++) {
      bool removed = false;
      if (step > 0 ? (k >= start && k < stop && (k - start) % step == 0)
                   : (k <= start && k > stop && (start - k) % (-step) == 0))
        removed = true;
      if (!removed) kept.push_back(b->data[k]);
    }
    b->size = 0;
    bytearray_append_data(b, kept);
    return 0;
  }
  if (int64_t(source.size()) != n) {
    raise(&ValueErrorType, "attempt to assign bytes of size %zu to extended slice of size %lld", source.size(),
          (long long)n);
    return -1;
  }
  for (int64_t k = 0; k < n; k++) b->data[start + k * step] = source[size_t(k)];
  return 0;
}

Value bytearray_binop(Value a, Value b, BinaryOp op) {
  if (is_inplace(op) && is_bytearray(a)) {
    ByteArray* self = as_ba(a);
    if (plain_form(op) == BinaryOp::Add) {
      std::string_view y;
      if (!bytes_view(b, &y))
        return raise(&TypeErrorType, "can't concat %s to bytearray", type_name(b));
      bytearray_append_data(self, y);
      return a;
    }
    if (plain_form(op) == BinaryOp::Mul) {
      if (!is_int(b)) return raise(&TypeErrorType, "can't multiply sequence by non-int of type '%s'", type_name(b));
      int64_t n;
      if (!int_as_index(b, &n)) return Value();
      std::string once(view_of(self));
      self->size = 0;
      for (int64_t i = 0; i < n; i++) bytearray_append_data(self, once);
      return a;
    }
  }
  if (plain_form(op) == BinaryOp::Mod) return is_bytearray(a) ? bytes_percent_format(a, b) : NotImplemented();
  if (plain_form(op) == BinaryOp::Add && !is_bytearray(a)) return NotImplemented();
  return bytes_like_binop(a, b, op, true);
}

void bytearray_finalize(Object* self) {
  ByteArray* b = static_cast<ByteArray*>(self);
  gc_note_external(-b->capacity);
  free(b->data);
  b->data = nullptr;
  b->size = b->capacity = 0;
}

// ---- methods ---------------------------------------------------------------

#define BA_METHOD(fname) Value fname(Value self, const Value* args, size_t nargs, Tuple* kw)

BA_METHOD(m_init) {
  if (!fill_from_args(as_ba(self), args, nargs, kw)) return Value();
  return None();
}

BA_METHOD(m_append) {
  if (!check_nargs("bytearray.append", nargs, kw, 1, 1)) return Value();
  unsigned char c;
  if (!byte_value(args[0], &c)) return Value();
  char ch = char(c);
  bytearray_append_data(as_ba(self), std::string_view(&ch, 1));
  return None();
}

BA_METHOD(m_extend) {
  if (!check_nargs("bytearray.extend", nargs, kw, 1, 1)) return Value();
  std::string data;
  if (is_str(args[0])) {  // iterating it gives strs, which are not ints
    if (args[0].as<Str>()->length == 0) return None();
    return raise(&TypeErrorType, "'str' object cannot be interpreted as an integer");
  }
  if (!bytes_from_source(args[0], true, &data)) {
    if (error_matches(&TypeErrorType) && !is_int(args[0])) {
      error_clear();
      return raise(&TypeErrorType, "can't extend bytearray with %s", type_name(args[0]));
    }
    return Value();
  }
  if (is_int(args[0])) return raise(&TypeErrorType, "can't extend bytearray with int");
  bytearray_append_data(as_ba(self), data);
  return None();
}

BA_METHOD(m_pop) {
  if (!check_nargs("pop", nargs, kw, 0, 1)) return Value();
  ByteArray* b = as_ba(self);
  int64_t i = -1;
  if (nargs == 1 && !int_as_index(args[0], &i)) return Value();
  if (b->size == 0) return raise(&IndexErrorType, "pop from empty bytearray");
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) return raise(&IndexErrorType, "pop index out of range");
  unsigned char c = static_cast<unsigned char>(b->data[i]);
  memmove(b->data + i, b->data + i + 1, size_t(b->size - i - 1));
  b->size--;
  return Value::small(c);
}

BA_METHOD(m_insert) {
  if (!check_nargs("insert", nargs, kw, 2, 2)) return Value();
  ByteArray* b = as_ba(self);
  int64_t i;
  if (!int_as_index(args[0], &i)) return Value();
  unsigned char c;
  if (!byte_value(args[1], &c)) return Value();
  if (i < 0) {
    i += b->size;
    if (i < 0) i = 0;
  }
  if (i > b->size) i = b->size;
  bytearray_resize(b, b->size + 1);
  memmove(b->data + i + 1, b->data + i, size_t(b->size - 1 - i));
  b->data[i] = char(c);
  return None();
}

BA_METHOD(m_remove) {
  if (!check_nargs("bytearray.remove", nargs, kw, 1, 1)) return Value();
  ByteArray* b = as_ba(self);
  unsigned char c;
  if (!byte_value(args[0], &c)) return Value();
  for (int64_t i = 0; i < b->size; i++) {
    if (static_cast<unsigned char>(b->data[i]) == c) {
      memmove(b->data + i, b->data + i + 1, size_t(b->size - i - 1));
      b->size--;
      return None();
    }
  }
  return raise(&ValueErrorType, "value not found in bytearray");
}

BA_METHOD(m_clear) {
  if (!check_nargs("bytearray.clear", nargs, kw, 0, 0)) return Value();
  as_ba(self)->size = 0;
  return None();
}

BA_METHOD(m_copy) {
  if (!check_nargs("bytearray.copy", nargs, kw, 0, 0)) return Value();
  return bytearray_new(view_of(as_ba(self)));
}

BA_METHOD(m_reverse) {
  if (!check_nargs("bytearray.reverse", nargs, kw, 0, 0)) return Value();
  ByteArray* b = as_ba(self);
  for (int64_t i = 0, j = b->size - 1; i < j; i++, j--) std::swap(b->data[i], b->data[j]);
  return None();
}

BA_METHOD(m_setitem) {
  if (!check_nargs("__setitem__", nargs, kw, 2, 2)) return Value();
  if (bytearray_setitem(self, args[0], args[1]) < 0) return Value();
  return None();
}

BA_METHOD(m_delitem) {
  if (!check_nargs("__delitem__", nargs, kw, 1, 1)) return Value();
  if (bytearray_setitem(self, args[0], Value()) < 0) return Value();
  return None();
}

}  // namespace

Type ByteArrayType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "bytearray";
  t.base = &ObjectType;
  t.flags = kTypeBaseType;
  t.instance_size = sizeof(ByteArray);
  t.repr = bytearray_repr;
  t.compare = bytes_like_compare;
  t.binop = bytearray_binop;
  t.len = bytearray_len;
  t.iter = bytes_like_iter;
  t.getitem = bytearray_getitem;
  t.setitem = bytearray_setitem;
  t.contains = bytearray_contains;
  t.construct = bytearray_construct;
  t.finalize = bytearray_finalize;
  return t;
}();

void bytearray_init() {
  type_add_method(&ByteArrayType, "__init__", m_init);
  type_add_method(&ByteArrayType, "append", m_append);
  type_add_method(&ByteArrayType, "extend", m_extend);
  type_add_method(&ByteArrayType, "pop", m_pop);
  type_add_method(&ByteArrayType, "insert", m_insert);
  type_add_method(&ByteArrayType, "remove", m_remove);
  type_add_method(&ByteArrayType, "clear", m_clear);
  type_add_method(&ByteArrayType, "copy", m_copy);
  type_add_method(&ByteArrayType, "reverse", m_reverse);
  type_add_method(&ByteArrayType, "__setitem__", m_setitem);
  type_add_method(&ByteArrayType, "__delitem__", m_delitem);
}

}  // namespace pg
