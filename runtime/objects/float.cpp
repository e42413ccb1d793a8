// float: IEEE 754 doubles, boxed in Float objects.
//
// Arithmetic with an int operand converts the int to double first (exact
// ints too large for a double raise OverflowError), like CPython; the int
// slots return NotImplemented for floats so these slots see every mix.
// Comparisons with ints are exact (int_compare_double). Semantics and
// messages follow CPython 3.11 Objects/floatobject.c.
//
// Known difference: a negative number raised to a non-integral power is a
// complex number in CPython; pyglass has no complex type and raises
// ValueError("negative number cannot be raised to a fractional power").
#include <gmp.h>

#include <cmath>
#include <cstring>

#include "objects/bytes.h"
#include "objects/int_internal.h"
#include "objects/layouts.h"
#include "objects/numbers.h"

namespace pg {

static Value float_repr_slot(Value self);
static bool float_hash(Value self, int64_t* out);
static Value float_compare(Value a, Value b, CompareOp op);
static Value float_binop(Value a, Value b, BinaryOp op);
static Value float_unary(Value a, UnaryOp op);
static int float_truth(Value self);
static Value float_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames);

static constexpr Type make_float_type() {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "float";
  t.base = &ObjectType;
  t.flags = kTypeBaseType;
  t.instance_size = sizeof(Float);
  t.repr = float_repr_slot;
  t.hash = float_hash;
  t.compare = float_compare;
  t.binop = float_binop;
  t.unary = float_unary;
  t.truth = float_truth;
  t.construct = float_construct;
  return t;
}
constinit Type FloatType = make_float_type();

Value float_new(double d) {
  Float* f = gc_new<Float>(&FloatType);
  f->value = d;
  return Value(f);
}

static Value float_new_instance(Type* type, double d) {
  if (type == &FloatType) return float_new(d);
  size_t size = type->instance_size > sizeof(Float) ? type->instance_size : sizeof(Float);
  Float* f = static_cast<Float*>(gc_alloc(type, size));
  f->value = d;
  return Value(f);
}

bool is_float(Value v) { return float_check(v); }
double float_value(Value v) { return v.as<Float>()->value; }

std::string float_repr(double d) {
  char buf[32];
  return std::string(buf, float_repr_buf(d, buf));
}

static Value float_repr_slot(Value self) {
  char buf[32];
  return str_value(std::string_view(buf, float_repr_buf(float_value(self), buf)));
}

static Value raise_int_too_large() { return raise(&OverflowErrorType, "int too large to convert to float"); }

bool number_to_double(Value v, double* out) {
  if (v.is_small()) {
    *out = double(v.small_value());
    return true;
  }
  if (float_check(v)) {
    *out = float_value(v);
    return true;
  }
  if (int_check(v)) {
    bool overflow;
    *out = int_to_double(v, &overflow);
    if (overflow) raise_int_too_large();
    return !overflow;
  }
  // User objects convert through __float__, then __index__ (PyFloat_AsDouble).
  if (v.is_obj()) {
    for (const char* name : {"__float__", "__index__"}) {
      Value method = type_lookup(type_of(v), str_intern(name));
      if (method.is_null()) continue;
      Value r = call(method, &v, 1);
      if (r.is_null()) return false;
      if (name[2] == 'f' && !float_check(r)) {
        raise(&TypeErrorType, "%s.__float__ returned non-float (type %s)", type_name(v), type_name(r));
        return false;
      }
      if (name[2] == 'i' && !int_check(r)) {
        raise(&TypeErrorType, "__index__ returned non-int (type %s)", type_name(r));
        return false;
      }
      return number_to_double(r, out);
    }
  }
  raise(&TypeErrorType, "must be real number, not %s", type_name(v));
  return false;
}

// ---------------------------------------------------------------------------
// Hash and comparison.
// ---------------------------------------------------------------------------

// CPython's _Py_HashDouble: the hash of the exact rational value modulo
// 2**61 - 1, so that hash(2.0) == hash(2) and hash(0.5) == hash(Fraction(1, 2)).
static int64_t hash_double(double v, Value self) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    // NaN: identity hash (3.10+), CPython's _Py_HashPointer.
    uint64_t y = self.bits;
    int64_t h = int64_t((y >> 4) | (y << 60));
    return h == -1 ? -2 : h;
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {  // 28 bits at a time
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  x = x * uint64_t(int64_t(sign));
  int64_t h = int64_t(x);
  return h == -1 ? -2 : h;
}

static bool float_hash(Value self, int64_t* out) {
  *out = hash_double(float_value(self), self);
  return true;
}

static inline bool compare_result(int c, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return c < 0;
    case CompareOp::Le: return c <= 0;
    case CompareOp::Eq: return c == 0;
    case CompareOp::Ne: return c != 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::Ge: return c >= 0;
  }
  return false;
}

static Value float_compare(Value a, Value b, CompareOp op) {
  if (!float_check(a)) return NotImplemented();
  double x = float_value(a);
  if (float_check(b)) {
    double y = float_value(b);
    switch (op) {  // IEEE semantics: every comparison with NaN is false but !=
      case CompareOp::Lt: return Bool(x < y);
      case CompareOp::Le: return Bool(x <= y);
      case CompareOp::Eq: return Bool(x == y);
      case CompareOp::Ne: return Bool(x != y);
      case CompareOp::Gt: return Bool(x > y);
      case CompareOp::Ge: return Bool(x >= y);
    }
  }
  if (!int_check(b)) return NotImplemented();
  int c = int_compare_double(b, x);  // compares b with a: reverse the result
  if (c == 2) return Bool(op == CompareOp::Ne);
  return Bool(compare_result(-c, op));
}

// ---------------------------------------------------------------------------
// Arithmetic.
// ---------------------------------------------------------------------------

static inline bool IS_ODD_INTEGER(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

Value float_pow_doubles(double iv, double iw) {
  // The special cases are sorted out here rather than relying on the libm,
  // in CPython's order (float_pow).
  if (iw == 0) return float_new(1.0);                        // v**0 is 1, even 0**0 and nan**0
  if (std::isnan(iv)) return float_new(iv);                  // nan**w = nan unless w == 0
  if (std::isnan(iw)) return float_new(iv == 1.0 ? 1.0 : iw);  // 1**nan = 1
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return float_new(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return float_new(std::fabs(iw));
    return float_new(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = IS_ODD_INTEGER(iw);
    if (iw > 0.0) return float_new(odd ? iv : std::fabs(iv));
    return float_new(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = IS_ODD_INTEGER(iw);
    if (iw < 0.0) return raise(&ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
    return float_new(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw))
      return raise(&ValueErrorType, "negative number cannot be raised to a fractional power");
    iv = -iv;
    negate = IS_ODD_INTEGER(iw);
  }
  if (iv == 1.0) return float_new(negate ? -1.0 : 1.0);  // (-1) ** huge_int too
  double ix = std::pow(iv, iw);
  // CPython raises OverflowError from errno ERANGE: str() is "(34, 'Numerical
  // result out of range')". Underflow to zero is not an error.
  if (std::isinf(ix)) return raise(&OverflowErrorType, "(34, 'Numerical result out of range')");
  return float_new(negate ? -ix : ix);
}

// CPython's _float_div_mod: fmod is exact; the quotient is snapped to an
// integral value; zero results carry the sign Python gives them.
static void float_div_mod(double vx, double wx, double* floordiv, double* mod) {
  *mod = std::fmod(vx, wx);
  double div = (vx - *mod) / wx;
  if (*mod != 0.0) {
    if ((wx < 0) != (*mod < 0)) {  // the remainder takes the divisor's sign
      *mod += wx;
      div -= 1.0;
    }
  } else {
    *mod = std::copysign(0.0, wx);
  }
  if (div != 0.0) {
    *floordiv = std::floor(div);
    if (div - *floordiv > 0.5) *floordiv += 1.0;
  } else {
    *floordiv = std::copysign(0.0, vx / wx);
  }
}

Value float_divmod_doubles(double x, double y) {
  if (y == 0.0) return raise(&ZeroDivisionErrorType, "float divmod()");
  double q, r;
  float_div_mod(x, y, &q, &r);
  Value vq = float_new(q);
  Value vr = float_new(r);
  return Value(tuple_from({vq, vr}));
}

// The operand as a double for mixed arithmetic; false with *ok = true when
// the value is not a number (NotImplemented), *ok = false on error.
static inline bool operand_double(Value v, double* out, bool* failed) {
  if (v.is_small()) {
    *out = double(v.small_value());
    return true;
  }
  if (float_check(v)) {
    *out = float_value(v);
    return true;
  }
  if (!int_check(v)) return false;
  bool overflow;
  *out = int_to_double(v, &overflow);
  if (overflow) {
    raise_int_too_large();
    *failed = true;
    return false;
  }
  return true;
}

static Value float_binop(Value a, Value b, BinaryOp op) {
  op = plain_form(op);
  if (op == BinaryOp::MatMul || op > BinaryOp::Pow) return NotImplemented();  // shifts, bitwise
  double x, y;
  bool failed = false;
  if (!operand_double(a, &x, &failed) || !operand_double(b, &y, &failed))
    return failed ? Value() : NotImplemented();
  switch (op) {
    case BinaryOp::Add: return float_new(x + y);
    case BinaryOp::Sub: return float_new(x - y);
    case BinaryOp::Mul: return float_new(x * y);
    case BinaryOp::TrueDiv:
      if (y == 0.0) return raise(&ZeroDivisionErrorType, "float division by zero");
      return float_new(x / y);
    case BinaryOp::FloorDiv: {
      if (y == 0.0) return raise(&ZeroDivisionErrorType, "float floor division by zero");
      double q, r;
      float_div_mod(x, y, &q, &r);
      return float_new(q);
    }
    case BinaryOp::Mod: {
      if (y == 0.0) return raise(&ZeroDivisionErrorType, "float modulo");
      double r = std::fmod(x, y);
      if (r != 0.0) {
        if ((y < 0) != (r < 0)) r += y;
      } else {
        r = std::copysign(0.0, y);
      }
      return float_new(r);
    }
    case BinaryOp::Pow: return float_pow_doubles(x, y);
    default: return NotImplemented();
  }
}

static Value float_unary(Value a, UnaryOp op) {
  double x = float_value(a);
  switch (op) {
    case UnaryOp::Neg: return float_new(-x);
    case UnaryOp::Pos: return a.obj()->type == &FloatType ? a : float_new(x);
    default: return NotImplemented();
  }
}

static int float_truth(Value self) { return float_value(self) != 0.0; }

// ---------------------------------------------------------------------------
// round().
// ---------------------------------------------------------------------------

// round(x, n) for finite x: round x * 10**n to an integer N, ties to even on
// the exact binary value, then N / 10**n correctly rounded. The same result
// as CPython's dtoa-based double_round (which parses the correctly rounded
// decimal string back).
static Value double_round(double x, int64_t ndigits) {
  int e;
  double f = std::frexp(x, &e);
  // Fast path (round(x, 2) and friends): |x| = m * 2**-shift with m < 2**53,
  // and 10**ndigits <= 10**22 is an exact double, so m * 10**ndigits fits an
  // unsigned __int128 and, when the rounded N < 2**53, N / 10**ndigits is a
  // single correctly rounded division.
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  int shift = 53 - e;  // x is not integral here, so shift >= 1
  if (ndigits >= 0 && ndigits <= 22 && shift >= 1 && shift <= 127) {
    using u128 = unsigned __int128;
    u128 p = 1;
    for (int64_t i = 0; i < ndigits; i++) p *= 10;
    u128 num = u128(uint64_t(std::ldexp(std::fabs(f), 53))) * p;
    u128 q = num >> shift;
    u128 r = num - (q << shift);
    u128 half = u128(1) << (shift - 1);
    if (r > half || (r == half && (q & 1))) q++;
    if (q < (u128(1) << 53)) return float_new(std::copysign(double(uint64_t(q)) / kPow10[ndigits], x));
  }
  mpz_t num, den, q, r, p;
  mpz_inits(num, den, q, r, p, nullptr);
  mpz_set_d(num, std::ldexp(std::fabs(f), 53));  // |x| = num * 2**(e - 53)
  e -= 53;
  mpz_set_ui(den, 1);
  if (e >= 0) mpz_mul_2exp(num, num, e);
  else mpz_mul_2exp(den, den, -e);
  mpz_ui_pow_ui(p, 10, uint64_t(ndigits < 0 ? -ndigits : ndigits));
  if (ndigits >= 0) mpz_mul(num, num, p);
  else mpz_mul(den, den, p);
  mpz_fdiv_qr(q, r, num, den);
  mpz_mul_2exp(r, r, 1);
  int c = mpz_cmp(r, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  double result;
  bool ok;
  if (ndigits >= 0) {
    ok = int_true_divide(q, p, &result);
  } else {
    mpz_mul(q, q, p);
    ok = mpz_to_double(q, &result);
  }
  mpz_clears(num, den, q, r, p, nullptr);
  if (!ok) return raise(&OverflowErrorType, "rounded value too large to represent");
  return float_new(std::copysign(result, x));
}

Value float_round(Value v, Value ndigits) {
  double x = float_value(v);
  if (ndigits.is_null() || is_none(ndigits)) {
    double rounded = std::round(x);
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);  // halfway: to even
    return int_from_double(rounded);
  }
  int64_t n;
  if (int_check(ndigits)) {
    if (!int_to_i64(ndigits, &n)) n = int_sign(ndigits) < 0 ? INT64_MIN : INT64_MAX;  // clip
  } else if (!int_as_index(ndigits, &n)) {
    return Value();
  }
  if (!std::isfinite(x)) return float_new(x);
  // 0.30103 is an upper bound for log10(2): beyond these x rounds to itself
  // or to a signed zero.
  constexpr int kMaxDigits = int((53 - (-1021)) * 0.30103);
  constexpr int kMinDigits = -int((1024 + 1) * 0.30103);
  if (n > kMaxDigits) return float_new(x);
  if (n < kMinDigits) return float_new(0.0 * x);
  if (x == 0.0 || (n >= 0 && x == std::trunc(x))) return float_new(x);
  return double_round(x, n);
}

// ---------------------------------------------------------------------------
// float(x).
// ---------------------------------------------------------------------------

static Value float_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) return raise(&TypeErrorType, "float() takes no keyword arguments");
  if (nargs > 1) return raise(&TypeErrorType, "float expected at most 1 argument, got %zu", nargs);
  double d = 0.0;
  if (nargs == 1) {
    Value x = args[0];
    if (float_check(x)) {
      if (type == &FloatType && x.obj()->type == &FloatType) return x;
      d = float_value(x);
    } else if (is_str(x)) {
      Value f = float_from_string(str_view(x.as<Str>()));
      if (f.is_null() || type == &FloatType) return f;
      d = float_value(f);
    } else if (std::string_view v; bytes_view(x, &v)) {  // float(b'1.5')
      Value f = float_from_bytes_text(x);
      if (f.is_null() || type == &FloatType) return f;
      d = float_value(f);
    } else if (int_check(x) ||
               (x.is_obj() && (!type_lookup(type_of(x), str_intern("__float__")).is_null() ||
                               !type_lookup(type_of(x), str_intern("__index__")).is_null()))) {
      if (!number_to_double(x, &d)) return Value();
    } else {
      return raise(&TypeErrorType, "float() argument must be a string or a real number, not '%s'", type_name(x));
    }
  }
  return float_new_instance(type, d);
}

// ---------------------------------------------------------------------------
// Methods.
// ---------------------------------------------------------------------------

static Value float_is_integer(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("float.is_integer", nargs, kwnames, 0, 0)) return Value();
  double x = float_value(self);
  return Bool(std::isfinite(x) && std::floor(x) == x);
}

static Value float_as_integer_ratio(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("float.as_integer_ratio", nargs, kwnames, 0, 0)) return Value();
  double x = float_value(self);
  if (std::isinf(x)) return raise(&OverflowErrorType, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return raise(&ValueErrorType, "cannot convert NaN to integer ratio");
  int e;
  double f = std::frexp(x, &e);
  // Scale the mantissa to an integer, then reduce the power of two.
  mpz_t num, den;
  mpz_inits(num, den, nullptr);
  mpz_set_d(num, std::ldexp(f, 53));
  e -= 53;
  mpz_set_ui(den, 1);
  if (mpz_sgn(num) == 0) {
    e = 0;  // 0.0 and -0.0 are 0/1
  } else {
    mp_bitcnt_t twos = mpz_scan1(num, 0);
    if (e < 0) {
      mp_bitcnt_t k = twos < mp_bitcnt_t(-e) ? twos : mp_bitcnt_t(-e);
      mpz_tdiv_q_2exp(num, num, k);
      e += int(k);
    }
  }
  if (e >= 0) mpz_mul_2exp(num, num, e);
  else mpz_mul_2exp(den, den, -e);
  Value n = int_from_mpz_take(num);
  Value d = int_from_mpz_take(den);
  return Value(tuple_from({n, d}));
}

// float.hex(): 0x1.<13 hex digits>p<exp>, subnormals as 0x0.<...>p-1022.
static Value float_hex(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("float.hex", nargs, kwnames, 0, 0)) return Value();
  double x = float_value(self);
  if (std::isnan(x) || std::isinf(x)) {
    char buf[32];
    return str_value(std::string_view(buf, float_repr_buf(x, buf)));
  }
  const char* sign = std::signbit(x) ? "-" : "";
  if (x == 0.0) return str_value(std::string(sign) + "0x0.0p+0");
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  int biased = int((bits >> 52) & 0x7ff);
  uint64_t mantissa = bits & ((uint64_t(1) << 52) - 1);
  int lead = biased == 0 ? 0 : 1;
  int exponent = biased == 0 ? -1022 : biased - 1023;
  char buf[64];
  int len = std::snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", sign, lead,
                          static_cast<unsigned long long>(mantissa), exponent);
  return str_value(std::string_view(buf, size_t(len)));
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The class fromhex() was called on (a float subclass), or float when the
// method was reached without binding.
static Type* fromhex_type(Value cls) {
  if (cls.is_obj() && isinstance(cls, &TypeType) && is_subtype(cls.as<Type>(), &FloatType)) return cls.as<Type>();
  return &FloatType;
}

// float.fromhex(s): [ws] [sign] (inf|infinity|nan | [0x] hex [. hex] [p [sign] dec]) [ws],
// correctly rounded (half to even) like CPython.
static Value float_fromhex(Value cls, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("float.fromhex", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&TypeErrorType, "bad argument type for built-in operation");
  std::string_view s = str_view(args[0].as<Str>());
  auto invalid = [] { return raise(&ValueErrorType, "invalid hexadecimal floating-point string"); };
  size_t i = 0, n = s.size();
  while (i < n && ascii_space(s[i])) i++;
  while (n > i && ascii_space(s[n - 1])) n--;
  std::string_view t = s.substr(i, n - i);
  double special;
  size_t k = 0;
  bool negative = false;
  if (k < t.size() && (t[k] == '+' || t[k] == '-')) negative = t[k++] == '-';
  std::string lower(t.substr(k));
  for (char& c : lower) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "inf" || lower == "infinity" || lower == "nan") {
    special = lower == "nan" ? std::nan("") : HUGE_VAL;
    return float_new_instance(fromhex_type(cls), negative ? -special : special);
  }
  if (lower.size() >= 2 && lower[0] == '0' && lower[1] == 'x') lower.erase(0, 2);
  mpz_t m;
  mpz_init(m);
  size_t p = 0, digits = 0;
  int64_t exp = 0;
  while (p < lower.size() && hex_digit(lower[p]) >= 0) {
    mpz_mul_2exp(m, m, 4);
    mpz_add_ui(m, m, unsigned(hex_digit(lower[p++])));
    digits++;
  }
  if (p < lower.size() && lower[p] == '.') {
    p++;
    while (p < lower.size() && hex_digit(lower[p]) >= 0) {
      mpz_mul_2exp(m, m, 4);
      mpz_add_ui(m, m, unsigned(hex_digit(lower[p++])));
      digits++;
      exp -= 4;
    }
  }
  bool ok = digits > 0;
  if (ok && p < lower.size() && lower[p] == 'p') {
    p++;
    bool eneg = false;
    if (p < lower.size() && (lower[p] == '+' || lower[p] == '-')) eneg = lower[p++] == '-';
    size_t start = p;
    int64_t e = 0;
    while (p < lower.size() && lower[p] >= '0' && lower[p] <= '9') {
      if (e < 100000000) e = e * 10 + (lower[p] - '0');
      p++;
    }
    ok = p > start;
    exp += eneg ? -e : e;
  }
  ok = ok && p == lower.size();
  double d = 0.0;
  bool overflow = false;
  if (ok && mpz_sgn(m) != 0) {
    int64_t top = int64_t(mpz_sizeinbase(m, 2)) + exp;  // value in [2**(top-1), 2**top)
    if (top > 1024) {
      overflow = true;
    } else if (top >= -1080) {
      if (exp >= 0) {
        mpz_mul_2exp(m, m, uint64_t(exp));
        overflow = !mpz_to_double(m, &d);
      } else {
        mpz_t den;
        mpz_init_set_ui(den, 1);
        mpz_mul_2exp(den, den, uint64_t(-exp));
        overflow = !int_true_divide(m, den, &d);
        mpz_clear(den);
      }
    }
  }
  mpz_clear(m);
  if (!ok) return invalid();
  if (overflow) return raise(&OverflowErrorType, "hexadecimal value too large to represent as a float");
  return float_new_instance(fromhex_type(cls), negative ? -d : d);
}

static Value float_conjugate(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("float.conjugate", nargs, kwnames, 0, 0)) return Value();
  return self.obj()->type == &FloatType ? self : float_new(float_value(self));
}

// __trunc__, __int__, __floor__, __ceil__.
static constexpr char kTrunc[] = "float.__trunc__", kInt[] = "float.__int__", kFloor[] = "float.__floor__",
                      kCeil[] = "float.__ceil__";
template <const char* Name>
static Value float_to_int_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(Name, nargs, kwnames, 0, 0)) return Value();
  double x = float_value(self);
  if (Name == kFloor) x = std::floor(x);
  if (Name == kCeil) x = std::ceil(x);
  return int_from_double(x);
}

static Value float_round_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__round__", nargs, kwnames, 0, 1)) return Value();
  return float_round(self, nargs > 0 ? args[0] : Value());
}

static Value float_format_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("float.__format__", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "__format__() argument must be str, not %s", type_name(args[0]));
  return float_format(self, str_view(args[0].as<Str>()));
}

void float_init_methods() {
  type_add_method(&FloatType, "is_integer", float_is_integer);
  type_add_method(&FloatType, "as_integer_ratio", float_as_integer_ratio);
  type_add_method(&FloatType, "hex", float_hex);
  type_add_method(&FloatType, "fromhex", float_fromhex, kNativeClassMethod);
  type_add_method(&FloatType, "conjugate", float_conjugate);
  type_add_method(&FloatType, "__float__", float_conjugate);
  type_add_method(&FloatType, "__trunc__", float_to_int_method<kTrunc>);
  type_add_method(&FloatType, "__int__", float_to_int_method<kInt>);
  type_add_method(&FloatType, "__floor__", float_to_int_method<kFloor>);
  type_add_method(&FloatType, "__ceil__", float_to_int_method<kCeil>);
  type_add_method(&FloatType, "__round__", float_round_method);
  type_add_method(&FloatType, "__format__", float_format_method);
  type_ready(&FloatType);
}

}  // namespace pg
