// `_struct`: packing values into bytes by a format string, under the
// bundled `struct` module (runtime/lib/struct.py, which defines struct.error
// and the Struct class and hands error to _set_error).
//
// A format is parsed once (cached by text) into a list of items with their
// offsets; pack and unpack walk that list. Byte order, sizes and alignment
// follow the prefix like CPython: '@' native order, native sizes and
// alignment (x86-64: long and size_t are 8 bytes, each item aligned to its
// size); '=' native order, standard sizes, no alignment; '<' little, '>'
// and '!' big endian, standard sizes, no alignment.
#include <cmath>
#include <cstdarg>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "modules/modules.h"
#include "modules/std_util.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/gc.h"

namespace pg {

namespace {

Value g_struct_error;  // struct.error, set by struct.py (a GC root)

void struct_trace_roots(Visitor& v) { v.visit(g_struct_error); }

Value struct_error(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
Value struct_error(const char* fmt, ...) {
  char buf[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (g_struct_error.is_null()) return raise(&ValueErrorType, "%s", buf);
  Value msg = str_from_cstr(buf);
  Rooted keep(&msg);
  Value exc = call1(g_struct_error, msg);
  if (exc.is_null()) return exc;
  return raise_exception(exc);
}

// One format code with its repeat count. For 's' and 'p' the count is the
// byte length of one value; for the others `count` values follow each
// other, `size` bytes each.
struct Item {
  char code;
  int64_t count;
  int64_t size;    // of one value
  int64_t offset;  // of the first value
};

struct Format {
  std::vector<Item> items;
  int64_t size = 0;     // total bytes
  int64_t nvalues = 0;  // values consumed by pack / produced by unpack
  bool little = true;
  bool native = true;   // native sizes and alignment
};

bool host_little() {
  uint16_t one = 1;
  unsigned char b;
  memcpy(&b, &one, 1);
  return b == 1;
}

// Size of a code, or 0 when it is not valid in this mode.
int64_t code_size(char c, bool native) {
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? int64_t(sizeof(long)) : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

std::unordered_map<std::string, Format>& format_cache() {
  static auto* cache = new std::unordered_map<std::string, Format>();
  return *cache;
}

// Parses (or finds in the cache) a format; raises struct.error on bad text.
const Format* parse_format(std::string_view text) {
  auto& cache = format_cache();
  auto found = cache.find(std::string(text));
  if (found != cache.end()) return &found->second;
  Format f;
  size_t i = 0;
  if (i < text.size()) {
    char c = text[0];
    if (c == '@' || c == '=' || c == '<' || c == '>' || c == '!') {
      f.native = c == '@';
      f.little = c == '<' ? true : (c == '>' || c == '!') ? false : host_little();
      ++i;
    } else {
      f.little = host_little();
    }
  }
  int64_t offset = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      ++i;
      continue;
    }
    int64_t count = 1;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        count = count * 10 + (text[i] - '0');
        if (count > (int64_t(1) << 40)) {
          struct_error("total struct size too long");
          return nullptr;
        }
        ++i;
      }
      if (i >= text.size()) {
        struct_error("repeat count given without format specifier");
        return nullptr;
      }
      c = text[i];
    }
    ++i;
    int64_t size = code_size(c, f.native);
    if (size == 0) {
      struct_error("bad char in struct format");
      return nullptr;
    }
    if (f.native && c != 's' && c != 'p' && c != 'x' && c != 'c' && size > 1)
      offset = (offset + size - 1) / size * size;
    Item item{c, count, size, offset};
    if (c == 's' || c == 'p') {
      offset += count;
      f.nvalues += 1;
    } else {
      offset += count * size;
      if (c != 'x') f.nvalues += count;
    }
    if (count > 0 || c == 's' || c == 'p') f.items.push_back(item);
  }
  f.size = offset;
  return &cache.emplace(std::string(text), std::move(f)).first->second;
}

const Format* format_arg(Value v) {
  std::string_view text;
  if (is_str(v)) {
    text = str_view(v.as<Str>());
  } else if (!bytes_view(v, &text)) {
    raise(&TypeErrorType, "Struct() argument 1 must be a str or bytes object, not %s", type_name(v));
    return nullptr;
  }
  return parse_format(text);
}

// --- numbers ---------------------------------------------------------------

void put_uint(char* p, uint64_t v, int64_t size, bool little) {
  for (int64_t k = 0; k < size; ++k) {
    unsigned char b = (unsigned char)(v >> (8 * k));
    p[little ? k : size - 1 - k] = char(b);
  }
}

uint64_t get_uint(const char* p, int64_t size, bool little) {
  uint64_t v = 0;
  for (int64_t k = 0; k < size; ++k) {
    unsigned char b = (unsigned char)p[little ? k : size - 1 - k];
    v |= uint64_t(b) << (8 * k);
  }
  return v;
}

// An int argument as 64 bits (two's complement for the signed codes),
// with CPython's range errors.
bool pack_int(char code, int64_t size, Value v, uint64_t* out) {
  Value index = v;
  if (!is_int(v)) {
    if (!v.is_obj() || type_lookup(v.obj()->type, str_intern("__index__")).is_null()) {
      struct_error("required argument is not an integer");
      return false;
    }
    index = number_index(v);
    if (index.is_null()) return false;
  }
  bool is_signed = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
  const char* small_name = code == 'b' ? "byte" : code == 'B' ? "ubyte" : code == 'h' ? "short"
                         : code == 'H' ? "ushort" : nullptr;
  int bits = int(size * 8);
  auto range_error = [&]() {
    long long lo = is_signed ? -(1LL << (bits - 1)) : 0;
    long long hi = is_signed ? (1LL << (bits - 1)) - 1 : (1LL << bits) - 1;
    if (small_name != nullptr)
      struct_error("%s format requires %lld <= number <= %lld", small_name, lo, hi);
    else
      struct_error("'%c' format requires %lld <= number <= %lld", code, lo, hi);
    return false;
  };
  int64_t s;
  bool fits = int_to_i64(index, &s);
  if (is_signed) {
    if (!fits) {
      struct_error("argument out of range");
      return false;
    }
    if (bits < 64 && (s < -(int64_t(1) << (bits - 1)) || s > (int64_t(1) << (bits - 1)) - 1))
      return range_error();
    *out = uint64_t(s);
    return true;
  }
  if (int_sign(index) < 0) {
    if (small_name != nullptr && fits) return range_error();
    struct_error("argument out of range");
    return false;
  }
  uint64_t u = uint64_t(s);
  if (!fits) {
    std::string hex = int_to_string(index, 16);
    if (hex.rfind("0x", 0) == 0) hex = hex.substr(2);
    if (hex.size() > 16) {
      struct_error("argument out of range");
      return false;
    }
    u = strtoull(hex.c_str(), nullptr, 16);
  }
  if (bits < 64 && u > (uint64_t(1) << bits) - 1) return range_error();
  *out = u;
  return true;
}

// IEEE half precision from a double, rounding half to even; false when
// the value is too large (inf and nan pass).
bool double_to_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  double a = std::fabs(x);
  if (std::isnan(x)) {
    *out = sign | 0x7e00;
    return true;
  }
  if (std::isinf(x)) {
    *out = sign | 0x7c00;
    return true;
  }
  if (a == 0) {
    *out = sign;
    return true;
  }
  int e;
  double m = std::frexp(a, &e);  // a = m * 2^e, 0.5 <= m < 1
  // normal halves: 2^-14 <= a < 65520 (rounds to 65504 or overflows)
  int exp = e - 1;  // a = (2m) * 2^exp, 1 <= 2m < 2
  uint32_t bits;
  if (exp < -14) {
    // subnormal: value / 2^-24, rounded half to even
    double scaled = std::ldexp(a, 24);
    double r = std::nearbyint(scaled);  // default rounding: half to even
    bits = uint32_t(r);                 // may become 0x400 = smallest normal
  } else {
    double frac = (2 * m - 1) * 1024;  // 10 mantissa bits
    double r = std::nearbyint(frac);
    uint32_t mant = uint32_t(r);
    int biased = exp + 15;
    if (mant == 1024) {
      mant = 0;
      ++biased;
    }
    if (biased >= 31) return false;
    bits = (uint32_t(biased) << 10) | mant;
  }
  *out = uint16_t(sign | bits);
  return true;
}

double half_to_double(uint16_t h) {
  int sign = h >> 15, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  double v;
  if (exp == 0) {
    v = std::ldexp(double(mant), -24);
  } else if (exp == 31) {
    v = mant == 0 ? INFINITY : NAN;
  } else {
    v = std::ldexp(double(mant + 1024), exp - 25);
  }
  return sign ? -v : v;
}

bool pack_float(char code, Value v, bool little, char* p) {
  double d;
  if (is_float(v)) {
    d = float_value(v);
  } else if (is_int(v)) {
    if (!number_to_double(v, &d)) return false;
  } else {
    Value f = v.is_obj() ? type_lookup(v.obj()->type, str_intern("__float__")) : Value();
    if (f.is_null()) {
      struct_error("required argument is not a float");
      return false;
    }
    Value r = call1(f, v);
    if (r.is_null()) return false;
    if (!is_float(r)) {
      raise(&TypeErrorType, "%s.__float__ returned non-float (type %s)", type_name(v), type_name(r));
      return false;
    }
    d = float_value(r);
  }
  if (code == 'd') {
    uint64_t bits;
    memcpy(&bits, &d, 8);
    put_uint(p, bits, 8, little);
  } else if (code == 'f') {
    float f = float(d);
    if (std::isinf(f) && !std::isinf(d)) {
      raise(&OverflowErrorType, "float too large to pack with f format");
      return false;
    }
    uint32_t bits;
    memcpy(&bits, &f, 4);
    put_uint(p, bits, 4, little);
  } else {
    uint16_t h;
    if (!double_to_half(d, &h)) {
      raise(&OverflowErrorType, "float too large to pack with e format");
      return false;
    }
    put_uint(p, h, 2, little);
  }
  return true;
}

// --- pack / unpack -----------------------------------------------------------

// Packs values into out[0 .. f.size) (out zeroed by the caller).
bool pack_values(const Format& f, const Value* values, size_t nvalues, const char* fname, char* out) {
  if (int64_t(nvalues) != f.nvalues) {
    struct_error("%s expected %lld items for packing (got %zu)", fname, (long long)f.nvalues, nvalues);
    return false;
  }
  size_t vi = 0;
  for (const Item& item : f.items) {
    char* p = out + item.offset;
    if (item.code == 'x') continue;
    if (item.code == 's' || item.code == 'p') {
      Value v = values[vi++];
      std::string_view data;
      if (is_str(v) || !bytes_view(v, &data)) {
        struct_error("argument for '%c' must be a bytes object", item.code);
        return false;
      }
      int64_t room = item.code == 'p' ? (item.count > 0 ? item.count - 1 : 0) : item.count;
      int64_t n = std::min<int64_t>(room, int64_t(data.size()));
      if (item.code == 'p') {
        if (item.count > 0) {
          p[0] = char(std::min<int64_t>(n, 255));
          memcpy(p + 1, data.data(), size_t(n));
        }
      } else {
        memcpy(p, data.data(), size_t(n));
      }
      continue;
    }
    for (int64_t k = 0; k < item.count; ++k, p += item.size) {
      Value v = values[vi++];
      switch (item.code) {
        case 'c': {
          std::string_view data;
          if (is_str(v) || !bytes_view(v, &data) || data.size() != 1) {
            struct_error("char format requires a bytes object of length 1");
            return false;
          }
          p[0] = data[0];
          break;
        }
        case '?': {
          int t = obj_truth(v);
          if (t < 0) return false;
          p[0] = char(t);
          break;
        }
        case 'e': case 'f': case 'd':
          if (!pack_float(item.code, v, f.little, p)) return false;
          break;
        default: {
          uint64_t u;
          if (!pack_int(item.code, item.size, v, &u)) return false;
          put_uint(p, u, item.size, f.little);
        }
      }
    }
  }
  return true;
}

Value unpack_values(const Format& f, const char* data) {
  Value result = Value(tuple_new(f.nvalues));
  Rooted keep(&result);
  int64_t vi = 0;
  for (const Item& item : f.items) {
    const char* p = data + item.offset;
    if (item.code == 'x') continue;
    Value v;
    if (item.code == 's') {
      v = Value(bytes_new(std::string_view(p, size_t(item.count))));
      tuple_items(result.as<Tuple>())[vi++] = v;
      continue;
    }
    if (item.code == 'p') {
      int64_t n = item.count > 0 ? std::min<int64_t>((unsigned char)p[0], item.count - 1) : 0;
      v = Value(bytes_new(std::string_view(item.count > 0 ? p + 1 : p, size_t(n))));
      tuple_items(result.as<Tuple>())[vi++] = v;
      continue;
    }
    for (int64_t k = 0; k < item.count; ++k, p += item.size) {
      switch (item.code) {
        case 'c': v = Value(bytes_new(std::string_view(p, 1))); break;
        case '?': v = Bool(p[0] != 0); break;
        case 'e': v = float_new(half_to_double(uint16_t(get_uint(p, 2, f.little)))); break;
        case 'f': {
          uint32_t bits = uint32_t(get_uint(p, 4, f.little));
          float x;
          memcpy(&x, &bits, 4);
          v = float_new(double(x));
          break;
        }
        case 'd': {
          uint64_t bits = get_uint(p, 8, f.little);
          double x;
          memcpy(&x, &bits, 8);
          v = float_new(x);
          break;
        }
        case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
          uint64_t u = get_uint(p, item.size, f.little);
          if (item.size < 8 && (u >> (item.size * 8 - 1)) & 1) u |= ~uint64_t(0) << (item.size * 8);
          v = int_from_i64(int64_t(u));
          break;
        }
        default:
          v = int_from_u64(get_uint(p, item.size, f.little));
      }
      if (v.is_null()) return v;
      tuple_items(result.as<Tuple>())[vi++] = v;
    }
  }
  return result;
}

// --- module functions --------------------------------------------------------

Value s_calcsize(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("calcsize", nargs, kwnames, 1, 1)) return Value();
  const Format* f = format_arg(args[0]);
  if (f == nullptr) return Value();
  return int_from_i64(f->size);
}

Value s_pack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_keywords("pack", kwnames, {})) return Value();
  if (nargs < 1) return raise(&TypeErrorType, "missing format argument");
  const Format* f = format_arg(args[0]);
  if (f == nullptr) return Value();
  std::string out(size_t(f->size), '\0');
  if (!pack_values(*f, args + 1, nargs - 1, "pack", out.data())) return Value();
  return Value(bytes_new(out));
}

// pack_into(fmt, buffer, offset, *values): buffer is a bytearray.
Value s_pack_into(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_keywords("pack_into", kwnames, {})) return Value();
  if (nargs < 3) {
    if (nargs == 0) return raise(&TypeErrorType, "missing format argument");
    if (nargs == 1) return raise(&TypeErrorType, "pack_into expected buffer argument");
    return raise(&TypeErrorType, "pack_into expected offset argument");
  }
  const Format* f = format_arg(args[0]);
  if (f == nullptr) return Value();
  if (!is_bytearray(args[1]))
    return raise(&TypeErrorType, "argument must be read-write bytes-like object, not %s", type_name(args[1]));
  ByteArray* buf = args[1].as<ByteArray>();
  int64_t offset;
  if (!int_as_index(args[2], &offset)) return Value();
  std::string out(size_t(f->size), '\0');
  if (!pack_values(*f, args + 3, nargs - 3, "pack_into", out.data())) return Value();
  if (offset < 0) {
    if (offset + f->size > 0) return struct_error("no space to pack %lld bytes at offset %lld", (long long)f->size, (long long)offset);
    if (offset + buf->size < 0) return struct_error("offset %lld out of range for %lld-byte buffer", (long long)offset, (long long)buf->size);
    offset += buf->size;
  }
  if (buf->size - offset < f->size)
    return struct_error("pack_into requires a buffer of at least %lld bytes for packing %lld bytes at offset %lld (actual buffer size is %lld)",
                        (long long)(f->size + offset), (long long)f->size, (long long)offset, (long long)buf->size);
  memcpy(buf->data + offset, out.data(), out.size());
  return None();
}

bool buffer_arg(Value v, std::string_view* out) {
  if (is_str(v) || !bytes_view(v, out)) {
    raise(&TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v));
    return false;
  }
  return true;
}

Value s_unpack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("unpack", nargs, kwnames, 2, 2)) return Value();
  const Format* f = format_arg(args[0]);
  if (f == nullptr) return Value();
  std::string_view data;
  if (!buffer_arg(args[1], &data)) return Value();
  if (int64_t(data.size()) != f->size)
    return struct_error("unpack requires a buffer of %lld bytes", (long long)f->size);
  std::string copy(data);
  return unpack_values(*f, copy.data());
}

Value s_unpack_from(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[3];
  if (!bind_args("unpack_from", args, nargs, kwnames, {"format", "buffer", "offset"}, 2, a)) return Value();
  const Format* f = format_arg(a[0]);
  if (f == nullptr) return Value();
  std::string_view data;
  if (!buffer_arg(a[1], &data)) return Value();
  int64_t offset = 0;
  if (!a[2].is_null() && !int_as_index(a[2], &offset)) return Value();
  int64_t size = int64_t(data.size());
  if (offset < 0) {
    if (offset + size < 0) return struct_error("offset %lld out of range for %lld-byte buffer", (long long)offset, (long long)size);
    offset += size;
  }
  if (size - offset < f->size)
    return struct_error("unpack_from requires a buffer of at least %lld bytes for unpacking %lld bytes at offset %lld (actual buffer size is %lld)",
                        (long long)(f->size + offset), (long long)f->size, (long long)offset, (long long)size);
  std::string copy(data.substr(size_t(offset), size_t(f->size)));
  return unpack_values(*f, copy.data());
}

// iter_unpack: a list iterator over the unpacked tuples (CPython returns a
// lazy unpack_iterator; the values are the same).
Value s_iter_unpack(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("iter_unpack", nargs, kwnames, 2, 2)) return Value();
  const Format* f = format_arg(args[0]);
  if (f == nullptr) return Value();
  std::string_view data;
  if (!buffer_arg(args[1], &data)) return Value();
  if (f->size == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
  if (int64_t(data.size()) % f->size != 0)
    return struct_error("iterative unpacking requires a buffer of a multiple of %lld bytes", (long long)f->size);
  std::string copy(data);
  Value list = Value(list_new(0));
  Rooted keep(&list);
  for (int64_t off = 0; off < int64_t(copy.size()); off += f->size) {
    Value t = unpack_values(*f, copy.data() + off);
    if (t.is_null()) return t;
    Rooted keep_t(&t);
    if (list_append(list.as<List>(), t) < 0) return Value();
  }
  return obj_iter(list);
}

// _nvalues(fmt): how many values pack takes (for Struct objects).
Value s_set_error(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("_set_error", nargs, kwnames, 1, 1)) return Value();
  g_struct_error = args[0];
  return None();
}

Value struct_init() {
  Value m = module_new("_struct");
  Rooted keep(&m);
  module_add_function(m, "calcsize", s_calcsize);
  module_add_function(m, "pack", s_pack);
  module_add_function(m, "pack_into", s_pack_into);
  module_add_function(m, "unpack", s_unpack);
  module_add_function(m, "unpack_from", s_unpack_from);
  module_add_function(m, "iter_unpack", s_iter_unpack);
  module_add_function(m, "_set_error", s_set_error);
  return m;
}

}  // namespace

void struct_module_register() {
  register_builtin_module("_struct", struct_init);
  gc_add_root_tracer(struct_trace_roots);
}

}  // namespace pg
