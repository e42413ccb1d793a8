// int.to_bytes and int.from_bytes (any size: the conversion goes through
// GMP's mpz_export / mpz_import), with CPython's defaults (length=1,
// byteorder='big') and errors.
#include <algorithm>
#include <cstring>
#include <string>

#include "objects/bytes.h"
#include "objects/containers.h"
#include "objects/int_internal.h"
#include "objects/type.h"

namespace pg {

namespace {

// byteorder: 1 little, 0 big, -1 error.
int byteorder_of(Value v) {
  if (v.is_null()) return 0;
  if (!is_str(v)) {
    raise(&TypeErrorType, "to_bytes() argument 'byteorder' must be str, not %s", type_name(v));
    return -1;
  }
  std::string_view s = str_view(v.as<Str>());
  if (s == "little") return 1;
  if (s == "big") return 0;
  raise(&ValueErrorType, "byteorder must be either 'little' or 'big'");
  return -1;
}

// Positional (up to 2) and keyword arguments length/bytes, byteorder, signed.
bool parse(const char* fname, const Value* args, size_t nargs, Tuple* kw, const char* first, Value out[3]) {
  if (nargs > 2)
    return raise(&TypeErrorType, "%s() takes at most 2 positional arguments (%zu given)", fname, nargs), false;
  return bind_args(fname, args, nargs, kw, {first, "byteorder", "signed"}, 0, out);
}

Value int_to_bytes(Value self, const Value* args, size_t nargs, Tuple* kw) {
  Value p[3];
  if (!parse("to_bytes", args, nargs, kw, "length", p)) return Value();
  int64_t length = 1;
  if (!p[0].is_null() && !int_as_index(p[0], &length)) return Value();
  if (length < 0) return raise(&ValueErrorType, "length argument must be non-negative");
  int little = byteorder_of(p[1]);
  if (little < 0) return Value();
  bool is_signed = false;
  if (!p[2].is_null()) {
    int t = obj_truth(p[2]);
    if (t < 0) return Value();
    is_signed = t;
  }
  MpzView view(self);
  mpz_t v, limit;
  mpz_init_set(v, view.z);
  mpz_init(limit);
  bool negative = mpz_sgn(v) < 0;
  Value result;
  if (negative && !is_signed) {
    result = raise(&OverflowErrorType, "can't convert negative int to unsigned");
  } else {
    // Representable range: [0, 2^(8L)) unsigned, [-2^(8L-1), 2^(8L-1)) signed.
    if (is_signed) {
      if (length == 0) mpz_set_ui(limit, 0);
      else mpz_setbit(limit, mp_bitcnt_t(8 * length - 1));
    } else {
      mpz_setbit(limit, mp_bitcnt_t(8 * length));
    }
    bool fits;
    if (!negative) {
      fits = mpz_cmp(v, limit) < 0 || (length == 0 && mpz_sgn(v) == 0);
    } else {
      mpz_t neg;
      mpz_init(neg);
      mpz_neg(neg, limit);
      fits = mpz_cmp(v, neg) >= 0 && length > 0;
      mpz_clear(neg);
    }
    if (!fits) {
      result = raise(&OverflowErrorType, "int too big to convert");
    } else {
      if (negative) {
        mpz_t mod;
        mpz_init(mod);
        mpz_setbit(mod, mp_bitcnt_t(8 * length));
        mpz_add(v, v, mod);  // two's complement
        mpz_clear(mod);
      }
      std::string out(size_t(length), '\0');
      size_t count = 0;
      std::string raw(mpz_sizeinbase(v, 256) + 1, '\0');
      if (mpz_sgn(v) != 0) mpz_export(raw.data(), &count, 1, 1, 1, 0, v);  // big endian
      memcpy(out.data() + (size_t(length) - count), raw.data(), count);
      if (little) std::reverse(out.begin(), out.end());
      result = Value(bytes_new(out));
    }
  }
  mpz_clear(v);
  mpz_clear(limit);
  return result;
}

Value int_from_bytes(Value cls, const Value* args, size_t nargs, Tuple* kw) {
  Value p[3];
  if (!parse("from_bytes", args, nargs, kw, "bytes", p)) return Value();
  if (p[0].is_null()) return raise(&TypeErrorType, "from_bytes() missing required argument 'bytes' (pos 1)");
  int little = byteorder_of(p[1]);
  if (little < 0) return Value();
  bool is_signed = false;
  if (!p[2].is_null()) {
    int t = obj_truth(p[2]);
    if (t < 0) return Value();
    is_signed = t;
  }
  std::string data;
  if (is_str(p[0]) || is_int(p[0])) return raise(&TypeErrorType, "cannot convert '%s' object to bytes", type_name(p[0]));
  if (!bytes_from_source(p[0], false, &data)) return Value();
  if (little) std::reverse(data.begin(), data.end());
  mpz_t v;
  mpz_init(v);
  if (!data.empty()) mpz_import(v, data.size(), 1, 1, 1, 0, data.data());
  if (is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
    mpz_t mod;
    mpz_init(mod);
    mpz_setbit(mod, mp_bitcnt_t(8 * data.size()));
    mpz_sub(v, v, mod);
    mpz_clear(mod);
  }
  Value result = int_from_mpz_take(v);
  Type* type = is_type(cls) ? cls.as<Type>() : &IntType;
  if (type == &IntType || type == &BoolType) {
    if (type == &BoolType) return Bool(int_sign(result) != 0);
    return result;
  }
  Rooted keep(&result);
  return call1(Value(type), result);
}

}  // namespace

// int(b'42', base) / float(b'1.5'): the text of a bytes-like object, with
// the error showing the bytes repr as CPython's does.
Value int_from_bytes_text(Value x, int base) {
  std::string_view text;
  bytes_view(x, &text);
  std::string copy(text);
  bool ascii = true;
  for (unsigned char c : copy) ascii = ascii && c < 0x80 && c != 0;
  Value r = ascii ? int_from_string(copy, base) : Value();
  if (!r.is_null()) return r;
  if (error_occurred() && !error_matches(&ValueErrorType)) return r;
  error_clear();
  return raise(&ValueErrorType, "invalid literal for int() with base %d: %s", base,
               bytes_repr_text(copy, is_bytearray(x)).c_str());
}

Value float_from_bytes_text(Value x) {
  std::string_view text;
  bytes_view(x, &text);
  std::string copy(text);
  bool ascii = true;
  for (unsigned char c : copy) ascii = ascii && c < 0x80 && c != 0;
  Value r = ascii ? float_from_string(copy) : Value();
  if (!r.is_null()) return r;
  if (error_occurred() && !error_matches(&ValueErrorType)) return r;
  error_clear();
  std::string shown = bytes_repr_text(copy, is_bytearray(x));
  if (is_bytearray(x)) shown = "bytearray(" + shown + ")";
  return raise(&ValueErrorType, "could not convert string to float: %s", shown.c_str());
}

void bytes_int_init() {
  type_add_method(&IntType, "to_bytes", int_to_bytes);
  type_add_method(&IntType, "from_bytes", int_from_bytes, kNativeClassMethod);
}

}  // namespace pg
