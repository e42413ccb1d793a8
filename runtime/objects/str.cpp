// str: immutable UTF-8 text indexed by code point.
//
// Representation (layouts.h): the bytes are stored inline after the header.
// ASCII strings (the vast majority) index by byte. A long non-ASCII string
// also carries, after its terminating NUL, a "crumb" table: the byte offset
// of every kCrumbStride-th code point, so s[i] costs a table read plus a
// short walk instead of a scan from the start. The table is part of the same
// block and invisible to the debugger, which only reads `data`.
//
// This file: allocation, the code point index, equality and ordering, repr,
// the type's slots (+, *, [], in, iteration) and the constructor. Hashing
// and interning are in str_intern.cpp; the methods in str_case.cpp,
// str_methods.cpp and str_split.cpp.
//
// `s += t` copies both operands into a new string: CPython avoids that only
// by resizing in place when the reference count proves nobody else sees the
// left operand, which a tracing collector cannot know. Building a string
// piecewise in a loop is therefore quadratic in the final length; for the
// common sizes (a few KB) that is one memcpy per step, and ''.join() is the
// linear way.
#include <cstddef>
#include <cstring>

#include <malloc.h>

#include "objects/containers.h"
#include "objects/str_format.h"
#include "objects/gc.h"
#include "objects/str_internal.h"
#include "objects/str_unicode.h"

namespace pg {

namespace {

constexpr int64_t kCrumbStride = 32;

bool has_crumbs(int64_t nbytes, int64_t length, bool ascii) {
  return !ascii && length >= 2 * kCrumbStride && nbytes < int64_t(UINT32_MAX);
}

// The crumb table starts at the first 4-byte boundary after the NUL.
uint32_t* crumbs_of(const Str* s) {
  uintptr_t end = reinterpret_cast<uintptr_t>(s->data) + uintptr_t(s->nbytes) + 1;
  return reinterpret_cast<uint32_t*>((end + 3) & ~uintptr_t(3));
}

// Byte length of the UTF-8 sequence starting with byte b.
inline int lead_width(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

// Advances `count` code points from byte offset `pos`.
int64_t walk_forward(const char* data, int64_t pos, int64_t count) {
  while (count-- > 0) pos += lead_width(static_cast<unsigned char>(data[pos]));
  return pos;
}

// ---- repr -----------------------------------------------------------------

void append_hex(std::string& out, const char* prefix, uint32_t cp, int digits) {
  static const char kHex[] = "0123456789abcdef";
  out += prefix;
  for (int i = digits - 1; i >= 0; i--) out += kHex[(cp >> (4 * i)) & 0xF];
}

}  // namespace

// ---------------------------------------------------------------------------
// Allocation.
// ---------------------------------------------------------------------------
Str* str_alloc(int64_t nbytes, int64_t length, bool ascii) {
  // sizeof(Str) covers the header and any padding before `data`.
  size_t size = sizeof(Str) + size_t(nbytes) + 1;
  if (has_crumbs(nbytes, length, ascii)) size += 3 + sizeof(uint32_t) * size_t(length / kCrumbStride);
  // Every field is written below or by the caller (data), so skip zeroing.
  Str* s = static_cast<Str*>(gc_alloc_uninitialized(&StrType, size));
  s->interned = 0;
  s->unique = 0;
  s->hash = -1;
  s->length = length;
  s->nbytes = nbytes;
  s->ascii = ascii ? 1 : 0;
  return s;
}

Str* str_finish(Str* s) {
  s->data[s->nbytes] = '\0';
  if (s->length == 0) return str_empty();
  if (s->length == 1 && s->nbytes <= 2) {
    const char* p = s->data;
    uint32_t cp = utf8_decode(p);
    if (cp < 256) return str_from_codepoint(cp);
  }
  str_build_index(s);
  return s;
}

void str_build_index(Str* s) {
  if (!has_crumbs(s->nbytes, s->length, s->ascii)) return;
  uint32_t* crumbs = crumbs_of(s);
  int64_t pos = 0;
  for (int64_t k = 0; k < s->length / kCrumbStride; k++) {
    pos = walk_forward(s->data, pos, kCrumbStride);
    crumbs[k] = uint32_t(pos);
  }
}

Str* str_new_with_length(std::string_view utf8, int64_t length) {
  bool ascii = int64_t(utf8.size()) == length;
  Str* s = str_alloc(int64_t(utf8.size()), length, ascii);
  memcpy(s->data, utf8.data(), utf8.size());
  return str_finish(s);
}

Str* str_new(std::string_view utf8) {
  int64_t n = int64_t(utf8.size());
  if (utf8_all_ascii(utf8.data(), n)) {
    if (n <= 1) return n == 0 ? str_empty() : str_from_codepoint(static_cast<unsigned char>(utf8[0]));
    return str_new_with_length(utf8, n);
  }
  return str_new_with_length(utf8, utf8_count(utf8.data(), n));
}

Value str_from_cstr(const char* s) { return Value(str_new(s)); }

// ---------------------------------------------------------------------------
// Accessors.
// ---------------------------------------------------------------------------
std::string_view str_view(const Str* s) { return std::string_view(s->data, size_t(s->nbytes)); }
const char* str_cstr(const Str* s) { return s->data; }
int64_t str_length(const Str* s) { return s->length; }

bool is_str(Value v) {
  if (!v.is_obj()) return false;
  Type* t = v.obj()->type;
  return t == &StrType || (t->flags & kTypeStrSubclass) != 0;
}

bool str_equal(const Str* a, const Str* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return memcmp(a->data, b->data, size_t(a->nbytes)) == 0;
}

int64_t str_hash(Str* s) {
  if (s->hash == -1) s->hash = str_hash_bytes(s->data, size_t(s->nbytes));
  return s->hash;
}

// UTF-8 byte order is code point order, so memcmp compares correctly.
int str_compare(const Str* a, const Str* b) {
  size_t n = size_t(a->nbytes < b->nbytes ? a->nbytes : b->nbytes);
  int c = memcmp(a->data, b->data, n);
  if (c != 0) return c < 0 ? -1 : 1;
  return a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes ? 1 : 0;
}

int64_t str_byte_offset(const Str* s, int64_t index) {
  if (s->ascii) return index;
  if (index >= s->length) return s->nbytes;
  if (has_crumbs(s->nbytes, s->length, false)) {
    int64_t k = index / kCrumbStride;
    int64_t pos = k ? int64_t(crumbs_of(s)[k - 1]) : 0;
    return walk_forward(s->data, pos, index - k * kCrumbStride);
  }
  // Short string: walk from whichever end is nearer.
  if (index * 2 <= s->length) return walk_forward(s->data, 0, index);
  const char* p = s->data + s->nbytes;
  for (int64_t i = s->length; i > index; i--) utf8_decode_before(p);
  return p - s->data;
}

uint32_t str_codepoint_at(const Str* s, int64_t index) {
  if (s->ascii) return static_cast<unsigned char>(s->data[index]);
  const char* p = s->data + str_byte_offset(s, index);
  return utf8_decode(p);
}

Str* str_substr(Str* s, int64_t start, int64_t stop) {
  if (start == 0 && stop == s->length && s->type == &StrType) return s;
  if (stop <= start) return str_empty();
  int64_t b0 = str_byte_offset(s, start);
  int64_t b1 = s->ascii ? stop : walk_forward(s->data, b0, stop - start);
  if (stop - start == 1 && b1 - b0 <= 2) {
    const char* p = s->data + b0;
    uint32_t cp = utf8_decode(p);
    if (cp < 256) return str_from_codepoint(cp);
  }
  return str_new_with_length(std::string_view(s->data + b0, size_t(b1 - b0)), stop - start);
}

Value str_append_in_place(Value x, Value y) {
  if (!x.is_obj() || !y.is_obj() || x.obj()->type != &StrType || y.obj()->type != &StrType)
    return Value();
  Str* a = x.as<Str>();
  Str* b = y.as<Str>();
  if (!a->ascii || !b->ascii) return Value();
  int64_t need = a->nbytes + b->nbytes;
  if (a->unique) {
    // Nobody else can see `a` (only its local held it, and every other read
    // of that local cleared the mark), so growing it is invisible.
    int64_t room = int64_t(gc_usable_size(a)) - int64_t(offsetof(Str, data)) - 1;
    if (need <= room) {
      memcpy(a->data + a->nbytes, b->data, size_t(b->nbytes));
      a->nbytes = a->length = need;
      a->data[need] = '\0';
      a->hash = -1;
      return x;
    }
  }
  // Grow geometrically so a loop of appends costs amortised O(total).
  int64_t capacity = need < 32 ? 64 : need * 2;
  Str* s = static_cast<Str*>(gc_alloc_uninitialized(&StrType, sizeof(Str) + size_t(capacity) + 1));
  s->hash = -1;
  s->length = s->nbytes = need;
  s->ascii = 1;
  s->interned = 0;
  s->unique = 1;
  memcpy(s->data, a->data, size_t(a->nbytes));
  memcpy(s->data + a->nbytes, b->data, size_t(b->nbytes));
  s->data[need] = '\0';
  return Value(s);
}

Str* str_concat(Str* a, Str* b) {
  if (b->nbytes == 0 && a->type == &StrType) return a;
  if (a->nbytes == 0 && b->type == &StrType) return b;
  Str* s = str_alloc(a->nbytes + b->nbytes, a->length + b->length, a->ascii && b->ascii);
  memcpy(s->data, a->data, size_t(a->nbytes));
  memcpy(s->data + a->nbytes, b->data, size_t(b->nbytes));
  return str_finish(s);
}

Str* str_repeat(Str* s, int64_t n) {
  if (n <= 0 || s->nbytes == 0) return str_empty();
  if (n == 1 && s->type == &StrType) return s;
  Str* r = str_alloc(s->nbytes * n, s->length * n, s->ascii);
  if (s->nbytes == 1) {
    memset(r->data, s->data[0], size_t(n));
  } else {
    // Doubling copies: log(n) memcpy calls.
    memcpy(r->data, s->data, size_t(s->nbytes));
    int64_t done = s->nbytes, total = s->nbytes * n;
    while (done < total) {
      int64_t chunk = done < total - done ? done : total - done;
      memcpy(r->data + done, r->data, size_t(chunk));
      done += chunk;
    }
  }
  return str_finish(r);
}

bool str_contains(const Str* haystack, const Str* needle) {
  if (needle->nbytes == 0) return true;
  if (needle->nbytes > haystack->nbytes) return false;
  return memmem(haystack->data, size_t(haystack->nbytes), needle->data,
                size_t(needle->nbytes)) != nullptr;
}

bool str_of(Value v, std::string* out) {
  Value s = obj_str(v);
  if (s.is_null()) return false;
  out->assign(str_view(s.as<Str>()));
  return true;
}

// CPython's unicode_repr: single quotes unless the text has single quotes
// and no double quotes; printable non-ASCII characters are kept.
std::string str_repr_text(std::string_view utf8) {
  bool has_single = utf8.find('\'') != std::string_view::npos;
  bool has_double = utf8.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out;
  out.reserve(utf8.size() + 2);
  out += quote;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    const char* start = p;
    uint32_t cp = utf8_decode(p);
    if (cp == uint32_t(quote) || cp == '\\') {
      out += '\\';
      out += char(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      append_hex(out, "\\x", cp, 2);
    } else if (cp < 0x80 || uni_is_printable(cp)) {
      out.append(start, size_t(p - start));
    } else if (cp <= 0xFF) {
      append_hex(out, "\\x", cp, 2);
    } else if (cp <= 0xFFFF) {
      append_hex(out, "\\u", cp, 4);
    } else {
      append_hex(out, "\\U", cp, 8);
    }
  }
  out += quote;
  return out;
}

// ---------------------------------------------------------------------------
// Slots.
// ---------------------------------------------------------------------------
namespace {

Value str_repr(Value self) {
  Str* s = self.as<Str>();
  return Value(str_new(str_repr_text(str_view(s))));
}

// str(s) of a subclass instance is a plain str with the same text.
Value str_str(Value self) {
  Str* s = self.as<Str>();
  if (s->type == &StrType) return self;
  return Value(str_new_with_length(str_view(s), s->length));
}

bool str_hash_slot(Value self, int64_t* out) {
  *out = str_hash(self.as<Str>());
  return true;
}

Value str_compare_slot(Value a, Value b, CompareOp op) {
  if (!is_str(b)) return NotImplemented();
  Str* x = a.as<Str>();
  Str* y = b.as<Str>();
  switch (op) {
    case CompareOp::Eq: return Bool(str_equal(x, y));
    case CompareOp::Ne: return Bool(!str_equal(x, y));
    case CompareOp::Lt: return Bool(str_compare(x, y) < 0);
    case CompareOp::Le: return Bool(str_compare(x, y) <= 0);
    case CompareOp::Gt: return Bool(str_compare(x, y) > 0);
    case CompareOp::Ge: return Bool(str_compare(x, y) >= 0);
  }
  return NotImplemented();
}

// User classes (heap types) get their reflected method tried first; for
// built-in operands we raise CPython's sequence messages right away.
bool defer_to_other(Value other) { return (type_of(other)->flags & kTypeHeap) != 0; }

Value str_mul(Str* s, Value count, bool count_on_right = true) {
  if (!is_int(count)) {
    if (count_on_right && defer_to_other(count)) return NotImplemented();
    return raise(&TypeErrorType, "can't multiply sequence by non-int of type '%s'",
                 type_name(count));
  }
  int64_t n;
  if (!int_to_i64(count, &n)) {
    if (int_sign(count) < 0) return Value(str_empty());
    return raise(&OverflowErrorType, "cannot fit 'int' into an index-sized integer");
  }
  if (n > 0 && s->nbytes > 0 && s->nbytes > (INT64_MAX >> 2) / n)
    return raise(&OverflowErrorType, "repeated string is too long");
  return Value(str_repeat(s, n));
}

Value str_binop(Value a, Value b, BinaryOp op) {
  switch (plain_form(op)) {
    case BinaryOp::Add:
      if (!is_str(a)) return NotImplemented();
      if (!is_str(b)) {
        if (defer_to_other(b)) return NotImplemented();
        return raise(&TypeErrorType, "can only concatenate str (not \"%s\") to str", type_name(b));
      }
      return Value(str_concat(a.as<Str>(), b.as<Str>()));
    case BinaryOp::Mul:
      if (is_str(a)) return str_mul(a.as<Str>(), b);
      return str_mul(b.as<Str>(), a, false);  // a's __mul__ already declined
    case BinaryOp::Mod:
      if (!is_str(a)) return NotImplemented();
      return str_percent_format(a, b);  // str_percent.cpp
    default:
      return NotImplemented();
  }
}

int64_t str_len(Value self) { return self.as<Str>()->length; }

Value str_getitem(Value self, Value key) {
  Str* s = self.as<Str>();
  int64_t i;
  int r = key.is_small() ? (i = key.small_value(), 1) : index_from_key(key, &i);
  if (r == 1) {
    if (i < 0) i += s->length;
    if (uint64_t(i) >= uint64_t(s->length)) return raise(&IndexErrorType, "string index out of range");
    if (s->ascii) return Value(str_from_codepoint(static_cast<unsigned char>(s->data[i])));
    return Value(str_from_codepoint(str_codepoint_at(s, i)));
  }
  if (r < 0) return Value();
  if (!is_slice(key))
    return raise(&TypeErrorType, "string indices must be integers, not '%s'", type_name(key));
  int64_t start, stop, step, n;
  if (!slice_indices(key, s->length, &start, &stop, &step, &n)) return Value();
  if (step == 1) return Value(str_substr(s, start, start + n));
  if (n == 0) return Value(str_empty());
  if (s->ascii) {
    Str* r = str_alloc(n, n, true);
    for (int64_t k = 0; k < n; k++) r->data[k] = s->data[start + k * step];
    return Value(str_finish(r));
  }
  // Non-ASCII with a step: decode into code points once, then pick.
  std::string out;
  if (step > 0) {
    const char* p = s->data + str_byte_offset(s, start);
    for (int64_t k = 0; k < n; k++) {
      const char* q = p;
      utf8_decode(q);
      out.append(p, size_t(q - p));
      if (k + 1 < n) p += walk_forward(p, 0, step);
    }
  } else {
    const char* p = s->data + str_byte_offset(s, start);
    for (int64_t k = 0; k < n; k++) {
      const char* q = p;
      utf8_decode(q);
      out.append(p, size_t(q - p));
      if (k + 1 < n)
        for (int64_t j = 0; j < -step; j++) utf8_decode_before(p);
    }
  }
  return Value(str_new_with_length(out, n));
}

int str_contains_slot(Value self, Value x) {
  if (!is_str(x)) {
    raise(&TypeErrorType, "'in <string>' requires string as left operand, not %s", type_name(x));
    return -1;
  }
  return str_contains(self.as<Str>(), x.as<Str>()) ? 1 : 0;
}

Value str_iter(Value self) {
  Str* s = self.as<Str>();
  StrIterator* it =
      gc_new<StrIterator>(s->ascii ? &StrAsciiIteratorType : &StrIteratorType);
  it->str = s;
  it->byte_offset = 0;
  return Value(it);
}

Value str_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value params[3];
  if (!bind_args("str", args, nargs, kwnames, {"object", "encoding", "errors"}, 0, params))
    return Value();
  Value text;
  if (!params[1].is_null() || !params[2].is_null()) {
    if (params[0].is_null()) {
      text = Value(str_empty());
    } else if (is_str(params[0])) {
      return raise(&TypeErrorType, "decoding str is not supported");
    } else {
      // TODO(bytes): decode bytes once the bytes type exists.
      return raise(&TypeErrorType, "decoding to str: need a bytes-like object, %s found",
                   type_name(params[0]));
    }
  } else {
    text = params[0].is_null() ? Value(str_empty()) : obj_str(params[0]);
    if (text.is_null()) return Value();
  }
  if (type == &StrType) return text;
  // A subclass instance: same text, the subclass as its type.
  Str* src = text.as<Str>();
  Str* s = str_alloc(src->nbytes, src->length, src->ascii);
  memcpy(s->data, src->data, size_t(src->nbytes));
  s->data[s->nbytes] = '\0';
  s->type = type;
  if (has_crumbs(s->nbytes, s->length, s->ascii)) {
    memcpy(crumbs_of(s), crumbs_of(src),
           sizeof(uint32_t) * size_t(s->length / kCrumbStride));
  }
  return Value(s);
}

// ---- iterators ------------------------------------------------------------

Value str_iterator_self(Value self) { return self; }

Value str_ascii_iternext(Value self) {
  StrIterator* it = self.as<StrIterator>();
  Str* s = it->str;
  if (!s) return Value();
  if (it->byte_offset < s->nbytes)
    return Value(str_from_codepoint(static_cast<unsigned char>(s->data[it->byte_offset++])));
  it->str = nullptr;
  return Value();
}

Value str_iternext(Value self) {
  StrIterator* it = self.as<StrIterator>();
  Str* s = it->str;
  if (!s) return Value();
  if (it->byte_offset < s->nbytes) {
    const char* p = s->data + it->byte_offset;
    const char* start = p;
    uint32_t cp = utf8_decode(p);
    it->byte_offset = p - s->data;
    if (cp < 256) return Value(str_from_codepoint(cp));
    return Value(str_new_with_length(std::string_view(start, size_t(p - start)), 1));
  }
  it->str = nullptr;
  return Value();
}

void str_iterator_trace(Object* self, Visitor& v) {
  v.visit(Value(static_cast<StrIterator*>(self)->str));
}

Type make_str_iterator_type(const char* name, Value (*next)(Value)) {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = name;
  t.base = &ObjectType;
  t.instance_size = sizeof(StrIterator);
  t.iter = str_iterator_self;
  t.iternext = next;
  t.trace = str_iterator_trace;
  return t;
}

}  // namespace

Type StrType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "str";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeStrSubclass;
  t.instance_size = 0;  // variable
  t.repr = str_repr;
  t.str = str_str;
  t.hash = str_hash_slot;
  t.compare = str_compare_slot;
  t.binop = str_binop;
  t.len = str_len;
  t.iter = str_iter;
  t.getitem = str_getitem;
  t.contains = str_contains_slot;
  t.construct = str_construct;
  return t;
}();

Type StrAsciiIteratorType = make_str_iterator_type("str_ascii_iterator", str_ascii_iternext);
Type StrIteratorType = make_str_iterator_type("str_iterator", str_iternext);

void str_init() {
  str_empty();
  for (uint32_t cp = 0; cp < 256; cp++) str_from_codepoint(cp);
  str_methods_init();
  type_ready(&StrType);
  type_ready(&StrAsciiIteratorType);
  type_ready(&StrIteratorType);
}

}  // namespace pg
