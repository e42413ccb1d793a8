// Private helpers shared by the number files (int.cpp, float.cpp,
// numbers.cpp, number_format.cpp, number_text.cpp). Not for other parts of
// the VM: they use the API of object.h and numbers.h.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/layouts.h"

namespace pg {

// int, bool or an instance of an int subclass.
inline bool int_check(Value v) {
  return v.is_small() || (v.is_obj() && (v.obj()->type->flags & kTypeIntSubclass) != 0);
}

inline bool float_check(Value v) {
  return v.is_obj() && (v.obj()->type == &FloatType || is_subtype(v.obj()->type, &FloatType));
}

// The value of an int that fits an int64 "cheaply": a small int, a bool, or
// an instance of an int subclass whose mpz fits the small range. False for a
// true BigInt (which never fits, see the Value invariant). Precondition:
// int_check(v).
inline bool int_small_like(Value v, int64_t* out) {
  if (v.is_small()) {
    *out = v.small_value();
    return true;
  }
  Type* t = v.obj()->type;
  if (t == &IntType) return false;
  if (t == &BoolType) {
    *out = static_cast<BoolObject*>(v.obj())->value;
    return true;
  }
  // A heap subclass of int: it has the BigInt layout but may hold any value.
  mpz_srcptr z = v.as<BigInt>()->z;
  if (mpz_fits_slong_p(z)) {
    long x = mpz_get_si(z);
    if (Value::fits_small(x)) {
      *out = x;
      return true;
    }
  }
  return false;
}

// A read-only mpz for any int value, without allocation: small ints and bools
// are wrapped around a limb stored in the view (mpz_roinit_n), BigInts are
// used in place. Not copyable: `z` may point into the view itself.
struct MpzView {
  explicit MpzView(Value v) {
    int64_t x;
    if (int_small_like(v, &x)) {
      limb_ = x < 0 ? mp_limb_t(0) - mp_limb_t(x) : mp_limb_t(x);
      mpz_roinit_n(tmp_, &limb_, x < 0 ? -1 : (x > 0 ? 1 : 0));
      z = tmp_;
    } else {
      z = v.as<BigInt>()->z;
    }
  }
  MpzView(const MpzView&) = delete;
  MpzView& operator=(const MpzView&) = delete;
  mpz_srcptr z;

 private:
  mpz_t tmp_;
  mp_limb_t limb_;
};

// Builds an int from an mpz, normalising to a small int when it fits.
// int_from_mpz_take takes over the limbs of `z` (do not clear or use it
// afterwards); int_from_mpz copies.
Value int_from_mpz_take(mpz_ptr z);
Value int_from_mpz(mpz_srcptr z);
Value int_from_i128(__int128 v);

// Allocates an instance of `type` (int or an int subclass) holding `v`.
Value int_new_instance(Type* type, Value v);

// Correctly rounded (round-half-even) conversion of an mpz to double.
// Returns false on overflow (|z| >= 2**1024 after rounding).
bool mpz_to_double(mpz_srcptr z, double* out);

// Correctly rounded a / b for ints (b != 0). False on overflow.
bool int_true_divide(mpz_srcptr a, mpz_srcptr b, double* out);

// Exact comparison of an int with a double: -1, 0, 1, or 2 when d is NaN.
int int_compare_double(Value i, double d);

// CPython's hash of an int (modulus 2**61 - 1, -1 becomes -2).
int64_t int_hash_value(Value v);
inline constexpr int kHashBits = 61;
inline constexpr uint64_t kHashModulus = (uint64_t(1) << kHashBits) - 1;
inline constexpr int64_t kHashInf = 314159;

// The int type's slots (bool reuses them).
bool int_hash_slot(Value self, int64_t* out);
Value int_compare_slot(Value a, Value b, CompareOp op);
Value int_binop_slot(Value a, Value b, BinaryOp op);
Value int_unary_slot(Value a, UnaryOp op);

// Operations shared between the number files.
Value int_abs(Value v);
Value float_pow_doubles(double x, double y);     // float ** float, CPython's float_pow
Value float_divmod_doubles(double x, double y);  // (x // y, x % y) for floats
Value int_divmod(Value a, Value b);              // both ints
Value int_round(Value x, Value ndigits);         // x int; ndigits null/None/int
Value float_round(Value x, Value ndigits);       // x float
// Per-file start-up (called by numbers_init).
void int_init_methods();
void bool_init_methods();
void float_init_methods();
void singletons_init();

// Raises the error for float->int of NaN/inf (CPython's messages); returns null.
Value raise_float_to_int_error(double d);

// A Str from ASCII/UTF-8 bytes.
inline Value str_value(std::string_view s) { return Value(str_new(s)); }

// Decimal text of an int into `out` (appends); base 2, 8, 10, 16 (lower
// case), '-' for negatives, no prefix.
void int_append_text(Value v, int base, std::string& out);

// Parsing support (number_text.cpp). Maps the text to plain ASCII the way
// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII does: Unicode white
// space becomes ' ', Unicode decimal digits become '0'..'9', the first other
// non-ASCII character becomes '?' and ends the text. Returns `s` itself when
// it is already ASCII (no copy), else the converted text in `storage`.
std::string_view numeric_text_to_ascii(std::string_view s, std::string& storage);
// Value 0..9 of a Unicode decimal digit (any script), else -1.
int unicode_decimal_value(char32_t c);
// Decodes the UTF-8 sequence at s[*i] and advances *i (s is valid UTF-8).
char32_t decode_utf8(std::string_view s, size_t* i);
inline bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

// repr() of a text for error messages, cut to `max_chars` code points like
// CPython's %.200R.
std::string text_repr_for_error(std::string_view s, size_t max_chars);

// Formatting support (number_format.cpp): PyOS_double_to_string.
//   code: 'e', 'f', 'g', 'r' (repr: shortest round trip, precision unused),
//         upper case variants 'E', 'F', 'G'.
enum : unsigned {
  kDtsfSign = 1,       // always add a sign
  kDtsfAddDot0 = 2,    // integral values without exponent get ".0"
  kDtsfAlt = 4,        // '#' alternate form
  kDtsfNoNegZero = 8,  // 'z': negative zero after rounding becomes zero
};
void double_to_string(double d, char code, int precision, unsigned flags, std::string& out);
// The repr of a double into buf (at least 32 bytes); returns the length.
size_t float_repr_buf(double d, char* buf);

}  // namespace pg
