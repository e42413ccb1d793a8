// The bytes type: construction (bytes(n), bytes(iterable), bytes(str,
// encoding), __bytes__), repr, comparison with bytes and bytearray, hash,
// indexing (ints) and slicing, + and *, `in`, and the iterator shared with
// bytearray. Methods are in bytes_methods.cpp.
#include <cstring>

#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/str_format.h"
#include "objects/type.h"

namespace pg {

Bytes* bytes_new_of_type(Type* type, std::string_view data) {
  size_t base = type == &BytesType ? sizeof(Bytes) : type->instance_size;
  if (base < sizeof(Bytes)) base = sizeof(Bytes);
  Bytes* b = static_cast<Bytes*>(gc_alloc(type, base + data.size() + 1));
  b->hash = -1;
  b->size = int64_t(data.size());
  if (!data.empty()) memcpy(b->data, data.data(), data.size());
  b->data[data.size()] = '\0';
  return b;
}

Bytes* bytes_new(std::string_view data) { return bytes_new_of_type(&BytesType, data); }

bool bytes_view(Value v, std::string_view* out) {
  if (!v.is_obj()) return false;
  Type* t = v.obj()->type;
  if (t == &BytesType || is_subtype(t, &BytesType)) {
    Bytes* b = v.as<Bytes>();
    *out = std::string_view(b->data, size_t(b->size));
    return true;
  }
  if (t == &ByteArrayType || is_subtype(t, &ByteArrayType)) {
    ByteArray* b = v.as<ByteArray>();
    *out = std::string_view(b->data ? b->data : "", size_t(b->size));
    return true;
  }
  return false;
}

std::string bytes_repr_text(std::string_view data, bool always_escape_single) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out.push_back(quote);
  for (unsigned char c : data) {
    if (c == quote || c == '\\' || (always_escape_single && c == '\'')) {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(char(c));
    }
  }
  out.push_back(quote);
  return out;
}

// An int item of an iterable for bytes(...): 0..255.
static bool byte_item(Value item, bool for_bytearray, unsigned char* out) {
  int64_t v;
  if (!item.is_small() && !is_int(item)) {
    if (!int_as_index(item, &v)) return false;
  } else if (!int_to_i64(item, &v)) {
    v = -1;
  }
  if (v < 0 || v > 255) {
    raise(&ValueErrorType, for_bytearray ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)");
    return false;
  }
  *out = static_cast<unsigned char>(v);
  return true;
}

bool bytes_from_source(Value source, bool for_bytearray, std::string* out) {
  std::string_view view;
  if (bytes_view(source, &view)) {
    out->assign(view);
    return true;
  }
  if (is_str(source)) {
    raise(&TypeErrorType, "string argument without an encoding");
    return false;
  }
  if (!for_bytearray && source.is_obj()) {
    Value method = type_lookup(type_of(source), str_intern("__bytes__"));
    if (!method.is_null()) {
      Value r = call(method, &source, 1);
      if (r.is_null()) return false;
      if (!is_bytes(r)) {
        raise(&TypeErrorType, "__bytes__ returned non-bytes (type %s)", type_name(r));
        return false;
      }
      bytes_view(r, &view);
      out->assign(view);
      return true;
    }
  }
  if (is_int(source) || (source.is_obj() && !type_lookup(type_of(source), str_intern("__index__")).is_null())) {
    int64_t n;
    if (!int_as_index(source, &n)) return false;
    if (n < 0) {
      raise(&ValueErrorType, "negative count");
      return false;
    }
    out->assign(size_t(n), '\0');
    return true;
  }
  Value it = obj_iter(source);
  if (it.is_null()) {
    if (error_matches(&TypeErrorType)) {
      error_clear();
      raise(&TypeErrorType, "cannot convert '%s' object to %s", type_name(source),
            for_bytearray ? "bytearray" : "bytes");
    }
    return false;
  }
  Rooted keep(&it);
  for (;;) {
    Value item = iter_next(it);
    if (item.is_null()) return !error_occurred();
    unsigned char c;
    if (!byte_item(item, for_bytearray, &c)) return false;
    out->push_back(char(c));
  }
}

namespace {

Value bytes_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value params[3];
  if (!bind_args("bytes", args, nargs, kwnames, {"source", "encoding", "errors"}, 0, params)) return Value();
  Value source = params[0], encoding = params[1], errors = params[2];
  if (source.is_null()) {
    if (!encoding.is_null() || !errors.is_null())
      return raise(&TypeErrorType, "encoding or errors without sequence argument");
    return Value(bytes_new_of_type(type, ""));
  }
  if (!encoding.is_null() || !errors.is_null()) {
    if (!is_str(source))
      return raise(&TypeErrorType, encoding.is_null() ? "errors without a string argument"
                                                      : "encoding without a string argument");
    Value encoded = str_encode(source.as<Str>(), encoding, errors);
    if (encoded.is_null() || type == &BytesType) return encoded;
    std::string_view v;
    bytes_view(encoded, &v);
    return Value(bytes_new_of_type(type, v));
  }
  // bytes(b) of an exact bytes is b itself.
  if (type == &BytesType && source.is_obj() && source.obj()->type == &BytesType) return source;
  std::string data;
  if (!bytes_from_source(source, false, &data)) return Value();
  return Value(bytes_new_of_type(type, data));
}

Value bytes_repr(Value self) {
  std::string_view v;
  bytes_view(self, &v);
  return Value(str_new(bytes_repr_text(v)));
}

bool bytes_hash(Value self, int64_t* out) {
  Bytes* b = self.as<Bytes>();
  if (b->hash == -1) {
    // FNV-1a; CPython's siphash values are not reproduced (like str's).
    uint64_t h = 14695981039346656037ull;
    for (int64_t i = 0; i < b->size; i++) h = (h ^ static_cast<unsigned char>(b->data[i])) * 1099511628211ull;
    int64_t r = b->size == 0 ? 0 : int64_t(h >> 1);
    b->hash = r == -1 ? -2 : r;
  }
  *out = b->hash;
  return true;
}

}  // namespace

// Shared with bytearray: ordering of two bytes-like values.
Value bytes_like_compare(Value a, Value b, CompareOp op) {
  std::string_view x, y;
  if (!bytes_view(a, &x) || !bytes_view(b, &y)) return NotImplemented();
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && x.size() != y.size()) return Bool(op == CompareOp::Ne);
  int c = x.compare(y);
  switch (op) {
    case CompareOp::Lt: return Bool(c < 0);
    case CompareOp::Le: return Bool(c <= 0);
    case CompareOp::Eq: return Bool(c == 0);
    case CompareOp::Ne: return Bool(c != 0);
    case CompareOp::Gt: return Bool(c > 0);
    case CompareOp::Ge: return Bool(c >= 0);
  }
  return NotImplemented();
}

// `x in data` for an int or a bytes-like x.
int bytes_like_contains(std::string_view data, Value x) {
  std::string_view needle;
  if (bytes_view(x, &needle)) return data.find(needle) != std::string_view::npos ? 1 : 0;
  if (is_int(x) || (x.is_obj() && !type_lookup(type_of(x), str_intern("__index__")).is_null())) {
    int64_t v;
    if (!int_as_index(x, &v)) return -1;
    if (v < 0 || v > 255) {
      raise(&ValueErrorType, "byte must be in range(0, 256)");
      return -1;
    }
    return data.find(char(v)) != std::string_view::npos ? 1 : 0;
  }
  raise(&TypeErrorType, "a bytes-like object is required, not '%s'", type_name(x));
  return -1;
}

// data[key] for an int (an int result) or a slice (`make` builds the
// result); `what` is "index"/"bytearray index" for the IndexError.
Value bytes_like_getitem(std::string_view data, Value key, const char* kind, Value (*make)(std::string_view)) {
  int64_t i;
  int r = key.is_small() ? (i = key.small_value(), 1) : index_from_key(key, &i);
  if (r == 1) {
    int64_t n = int64_t(data.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n)
      return raise(&IndexErrorType, "%s", kind[0] == 'b' ? "bytearray index out of range" : "index out of range");
    return Value::small(static_cast<unsigned char>(data[size_t(i)]));
  }
  if (r < 0) return Value();
  if (!is_slice(key))
    return raise(&TypeErrorType, "%s indices must be integers or slices, not %s",
                 kind[0] == 'b' ? "bytearray" : "byte", type_name(key));
  int64_t start, stop, step, n;
  if (!slice_indices(key, int64_t(data.size()), &start, &stop, &step, &n)) return Value();
  if (step == 1) return make(data.substr(size_t(start), size_t(n)));
  std::string out;
  out.reserve(size_t(n));
  for (int64_t k = 0; k < n; k++) out.push_back(data[size_t(start + k * step)]);
  return make(out);
}

namespace {

Value make_bytes(std::string_view v) { return Value(bytes_new(v)); }

Value bytes_getitem(Value self, Value key) {
  std::string_view v;
  bytes_view(self, &v);
  return bytes_like_getitem(v, key, "index", make_bytes);
}

int64_t bytes_len(Value self) { return self.as<Bytes>()->size; }

int bytes_contains(Value self, Value x) {
  std::string_view v;
  bytes_view(self, &v);
  return bytes_like_contains(v, x);
}

}  // namespace

// + and * for bytes and bytearray (the result has the left operand's base
// type); bytearray's in-place forms are handled in bytearray.cpp.
Value bytes_like_binop(Value a, Value b, BinaryOp op, bool bytearray_result) {
  std::string_view x, y;
  switch (plain_form(op)) {
    case BinaryOp::Add: {
      if (!bytes_view(a, &x)) return NotImplemented();
      if (!bytes_view(b, &y)) {
        if (b.is_obj() && is_heap_type(type_of(b))) return NotImplemented();
        return raise(&TypeErrorType, "can't concat %s to %s", type_name(b),
                     bytearray_result ? "bytearray" : "bytes");
      }
      std::string out;
      out.reserve(x.size() + y.size());
      out.append(x);
      out.append(y);
      return bytearray_result ? bytearray_new(out) : Value(bytes_new(out));
    }
    case BinaryOp::Mul: {
      Value seq = a, count = b;
      if (!bytes_view(a, &x)) {
        seq = b;
        count = a;
        bytes_view(b, &x);
      }
      if (!is_int(count) && !(count.is_obj() && !type_lookup(type_of(count), str_intern("__index__")).is_null())) {
        if (count.is_obj() && is_heap_type(type_of(count))) return NotImplemented();
        return raise(&TypeErrorType, "can't multiply sequence by non-int of type '%s'", type_name(count));
      }
      int64_t n;
      if (!int_as_index(count, &n)) return Value();
      if (n < 0) n = 0;
      if (n > 0 && x.size() > 0 && int64_t(x.size()) > (INT64_MAX >> 2) / n) return raise(&MemoryErrorType, "");
      std::string out;
      out.reserve(x.size() * size_t(n));
      for (int64_t i = 0; i < n; i++) out.append(x);
      return bytearray_result ? bytearray_new(out) : Value(bytes_new(out));
    }
    default: return NotImplemented();
  }
}

namespace {

Value bytes_binop(Value a, Value b, BinaryOp op) {
  if (plain_form(op) == BinaryOp::Mod) return is_bytes(a) ? bytes_percent_format(a, b) : NotImplemented();
  if (plain_form(op) == BinaryOp::Add && !is_bytes(a)) return NotImplemented();
  return bytes_like_binop(a, b, op, false);
}

// ---- iterator (bytes and bytearray) -------------------------------------

struct BytesIter : Object {
  Value seq;  // null once exhausted
  int64_t index;
};

Value bytes_iter_self(Value self) { return self; }

Value bytes_iternext(Value self) {
  BytesIter* it = self.as<BytesIter>();
  if (it->seq.is_null()) return Value();
  std::string_view v;
  bytes_view(it->seq, &v);
  if (it->index < int64_t(v.size())) return Value::small(static_cast<unsigned char>(v[size_t(it->index++)]));
  it->seq = Value();
  return Value();
}

void bytes_iter_trace(Object* self, Visitor& v) { v.visit(static_cast<BytesIter*>(self)->seq); }

}  // namespace

Value bytes_like_iter(Value self) {
  BytesIter* it = gc_new<BytesIter>(is_bytearray(self) ? &ByteArrayIteratorType : &BytesIteratorType);
  it->seq = self;
  return Value(it);
}

static Type make_iter_type(const char* name) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = sizeof(BytesIter);
  t.iter = bytes_iter_self;
  t.iternext = bytes_iternext;
  t.trace = bytes_iter_trace;
  return t;
}

Type BytesIteratorType = make_iter_type("bytes_iterator");
Type ByteArrayIteratorType = make_iter_type("bytearray_iterator");

Type BytesType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "bytes";
  t.base = &ObjectType;
  t.flags = kTypeBaseType;
  t.instance_size = sizeof(Bytes);
  t.repr = bytes_repr;
  t.hash = bytes_hash;
  t.compare = bytes_like_compare;
  t.binop = bytes_binop;
  t.len = bytes_len;
  t.iter = bytes_like_iter;
  t.getitem = bytes_getitem;
  t.contains = bytes_contains;
  t.construct = bytes_construct;
  return t;
}();

void bytes_init() {
  bytes_methods_init();
  bytearray_init();
  codecs_init();
  bytes_int_init();
  type_ready(&BytesType);
  type_ready(&ByteArrayType);
  type_ready(&BytesIteratorType);
  type_ready(&ByteArrayIteratorType);
}

}  // namespace pg
