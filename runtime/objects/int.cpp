// int: arbitrary precision integers.
//
// Representation (see Value in object.h): values in [-2**62, 2**62) are
// tagged small ints and never allocated; larger ones are BigInt objects that
// wrap a GMP mpz. Every operation first tries the small x small path (plain
// int64 arithmetic with overflow checks, no allocation); anything else goes
// through GMP, and results are normalised back to small ints when they fit.
//
// bool is a subtype of int (True/False are BoolObjects, value 1/0) and an
// int subclass defined in Python has the BigInt layout but may hold any
// value: int_small_like() and MpzView (int_internal.h) read all three.
//
// Semantics follow CPython 3.11 (Objects/longobject.c), including its error
// messages. Differences: no limit on int<->str conversion lengths
// (sys.set_int_max_str_digits); to_bytes/from_bytes live in bytes_int.cpp.
#include <gmp.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "objects/bytes.h"
#include "objects/int_internal.h"
#include "objects/layouts.h"
#include "objects/numbers.h"

namespace pg {

// Results above this many bits are refused with MemoryError instead of
// letting GMP abort (its mpz size field overflows at 2**37 bits).
static constexpr uint64_t kMaxResultBits = uint64_t(1) << 36;

static Value int_repr(Value self);
static int int_truth(Value self);
static Value int_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames);
static void big_finalize(Object* self);

static constexpr Type make_int_type() {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "int";
  t.base = &ObjectType;
  t.flags = kTypeBaseType | kTypeIntSubclass;
  t.instance_size = sizeof(BigInt);
  t.repr = int_repr;
  t.hash = int_hash_slot;
  t.compare = int_compare_slot;
  t.binop = int_binop_slot;
  t.unary = int_unary_slot;
  t.truth = int_truth;
  t.construct = int_construct;
  t.finalize = big_finalize;
  return t;
}
constinit Type IntType = make_int_type();

// ---------------------------------------------------------------------------
// Construction.
// ---------------------------------------------------------------------------

static void note_limbs(mpz_srcptr z, int sign) {
  gc_note_external(sign * int64_t(z->_mp_alloc) * int64_t(sizeof(mp_limb_t)));
}

// Wraps an mpz known not to fit a small int; takes over its limbs.
static Value big_take(mpz_ptr z) {
  BigInt* b = gc_new<BigInt>(&IntType);
  b->z[0] = z[0];
  note_limbs(b->z, 1);
  return Value(b);
}

static void big_finalize(Object* self) {
  BigInt* b = static_cast<BigInt*>(self);
  note_limbs(b->z, -1);
  mpz_clear(b->z);
}

static inline Value make_int(int64_t v) {
  if (Value::fits_small(v)) return Value::small(v);
  mpz_t z;
  mpz_init_set_si(z, v);
  return big_take(z);
}

Value int_from_i64(int64_t v) { return make_int(v); }

Value int_from_u64(uint64_t v) {
  if (v <= uint64_t(Value::kSmallMax)) return Value::small(int64_t(v));
  mpz_t z;
  mpz_init_set_ui(z, v);
  return big_take(z);
}

Value int_from_i128(__int128 v) {
  if (v >= Value::kSmallMin && v <= Value::kSmallMax) return Value::small(int64_t(v));
  unsigned __int128 m = v < 0 ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  mpz_t z;
  mpz_init2(z, 128);
  mp_limb_t* limbs = mpz_limbs_write(z, 2);
  limbs[0] = mp_limb_t(m);
  limbs[1] = mp_limb_t(m >> 64);
  mpz_limbs_finish(z, v < 0 ? -2 : 2);
  return big_take(z);
}

Value int_from_mpz_take(mpz_ptr z) {
  if (mpz_fits_slong_p(z)) {
    long x = mpz_get_si(z);
    if (Value::fits_small(x)) {
      mpz_clear(z);
      return Value::small(x);
    }
  }
  return big_take(z);
}

Value int_from_mpz(mpz_srcptr z) {
  if (mpz_fits_slong_p(z)) {
    long x = mpz_get_si(z);
    if (Value::fits_small(x)) return Value::small(x);
  }
  mpz_t copy;
  mpz_init_set(copy, z);
  return big_take(copy);
}

// The exact int with the value of an int-like (bool, subclass) value.
static Value int_exact(Value v) {
  if (v.is_small() || v.obj()->type == &IntType) return v;
  int64_t x;
  if (int_small_like(v, &x)) return Value::small(x);
  return int_from_mpz(v.as<BigInt>()->z);
}

Value int_new_instance(Type* type, Value v) {
  if (type == &IntType) return int_exact(v);
  size_t size = type->instance_size > sizeof(BigInt) ? type->instance_size : sizeof(BigInt);
  BigInt* b = static_cast<BigInt*>(gc_alloc(type, size));
  MpzView view(v);
  mpz_init_set(b->z, view.z);
  note_limbs(b->z, 1);
  return Value(b);
}

Value raise_float_to_int_error(double d) {
  if (std::isnan(d)) return raise(&ValueErrorType, "cannot convert float NaN to integer");
  return raise(&OverflowErrorType, "cannot convert float infinity to integer");
}

Value int_from_double(double d) {
  if (!std::isfinite(d)) return raise_float_to_int_error(d);
  // 2**62 is exactly representable, so the bounds are exact.
  if (d > -4611686018427387904.0 && d < 4611686018427387904.0) return Value::small(int64_t(d));
  mpz_t z;
  mpz_init_set_d(z, d);  // truncates; exact since |d| >= 2**62 is integral
  return int_from_mpz_take(z);
}

// ---------------------------------------------------------------------------
// Conversions.
// ---------------------------------------------------------------------------

bool is_int(Value v) { return int_check(v); }

int int_sign(Value v) {
  int64_t x;
  if (int_small_like(v, &x)) return x < 0 ? -1 : (x > 0 ? 1 : 0);
  return mpz_sgn(v.as<BigInt>()->z);
}

bool int_to_i64(Value v, int64_t* out) {
  if (int_small_like(v, out)) return true;
  mpz_srcptr z = v.as<BigInt>()->z;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

bool int_as_index(Value v, int64_t* out) {
  if (!int_check(v)) {
    // Objects with __index__ (user classes) convert through it.
    static Str* index_name = str_intern("__index__");
    Value method = v.is_obj() ? type_lookup(type_of(v), index_name) : Value();
    if (method.is_null()) {
      raise(&TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
      return false;
    }
    Value r = call(method, &v, 1);
    if (r.is_null()) return false;
    if (!int_check(r)) {
      raise(&TypeErrorType, "__index__ returned non-int (type %s)", type_name(r));
      return false;
    }
    v = r;
  }
  if (int_to_i64(v, out)) return true;
  raise(&OverflowErrorType, "Python int too large to convert to C ssize_t");
  return false;
}

bool mpz_to_double(mpz_srcptr z, double* out) {
  size_t n = mpz_size(z);
  if (n <= 1) {
    // uint64 -> double conversion is correctly rounded.
    double d = n == 0 ? 0.0 : double(mpz_getlimbn(z, 0));
    *out = mpz_sgn(z) < 0 ? -d : d;
    return true;
  }
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits > 1024) return false;
  // Take the top 64 bits and fold every lower bit into bit 0 ("sticky"):
  // rounding the 64-bit value to 53 bits then rounds like the exact value.
  size_t shift = bits - 64;
  size_t limb = shift / 64, off = shift % 64;
  uint64_t top = mpz_getlimbn(z, limb) >> off;
  if (off != 0) top |= uint64_t(mpz_getlimbn(z, limb + 1)) << (64 - off);
  if (mpz_scan1(z, 0) < shift) top |= 1;
  double d = std::ldexp(double(top), int(shift));
  if (std::isinf(d)) return false;
  *out = mpz_sgn(z) < 0 ? -d : d;
  return true;
}

double int_to_double(Value v, bool* overflow) {
  *overflow = false;
  int64_t x;
  if (int_small_like(v, &x)) return double(x);  // correctly rounded by the CPU
  double d;
  if (!mpz_to_double(v.as<BigInt>()->z, &d)) {
    *overflow = true;
    return 0.0;
  }
  return d;
}

// Correctly rounded a / b, after CPython's long_true_divide: scale so that the
// integer quotient has 55 or 56 bits, then round once to the precision the
// result has (53 bits, fewer for subnormals), remainder acting as sticky bit.
bool int_true_divide(mpz_srcptr a, mpz_srcptr b, double* out) {
  bool negative = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
  if (mpz_sgn(a) == 0) {
    *out = negative ? -0.0 : 0.0;
    return true;
  }
  size_t na = mpz_sizeinbase(a, 2), nb = mpz_sizeinbase(b, 2);
  if (na <= 53 && nb <= 53) {  // both exact as doubles: one rounding
    double da, db;
    mpz_to_double(a, &da);
    mpz_to_double(b, &db);
    *out = da / db;
    return true;
  }
  int64_t diff = int64_t(na) - int64_t(nb);  // a/b in [2**(diff-1), 2**(diff+1))
  if (diff > 1025) return false;
  if (diff < -1080) {
    *out = negative ? -0.0 : 0.0;
    return true;
  }
  int64_t s = 55 - diff;
  mpz_t x, y, q, r;
  mpz_inits(x, y, q, r, nullptr);
  mpz_abs(x, a);
  mpz_abs(y, b);
  if (s > 0) mpz_mul_2exp(x, x, s);
  else mpz_mul_2exp(y, y, -s);
  mpz_tdiv_qr(q, r, x, y);
  uint64_t m = mpz_get_ui(q);  // in [2**54, 2**56)
  bool sticky = mpz_sgn(r) != 0;
  mpz_clears(x, y, q, r, nullptr);

  int qbits = 64 - std::countl_zero(m);
  int64_t e = qbits - 1 - s;                   // value in [2**e, 2**(e+1))
  int64_t keep = e >= -1022 ? 53 : e + 1075;   // significant bits available
  double d;
  if (keep < 0) {
    d = 0.0;
  } else {
    int drop = qbits - int(keep);  // 2..56
    uint64_t low = drop >= 64 ? m : m & ((uint64_t(1) << drop) - 1);
    uint64_t half = uint64_t(1) << (drop - 1);
    uint64_t kept = drop >= 64 ? 0 : m >> drop;
    if (low > half || (low == half && (sticky || (kept & 1)))) kept++;
    d = std::ldexp(double(kept), int(drop - s));
    if (std::isinf(d)) return false;
  }
  *out = negative ? -d : d;
  return true;
}

int int_compare_double(Value i, double d) {
  if (std::isnan(d)) return 2;
  int64_t x;
  if (int_small_like(i, &x)) {
    if (x >= -(int64_t(1) << 53) && x <= (int64_t(1) << 53)) {
      double dx = double(x);  // exact
      return dx < d ? -1 : (dx > d ? 1 : 0);
    }
    // Compare with the exact integer part of d, then its fraction.
    if (d >= 9223372036854775808.0) return -1;
    if (d < -9223372036854775808.0) return 1;
    int64_t t = int64_t(d);
    if (x != t) return x < t ? -1 : 1;
    double frac = d - double(t);  // exact: |d| < 2**63 here
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
  }
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  int c = mpz_cmp_d(i.as<BigInt>()->z, d);  // exact comparison in GMP
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------
// Text.
// ---------------------------------------------------------------------------

void int_append_text(Value v, int base, std::string& out) {
  int64_t x;
  if (int_small_like(v, &x)) {
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, x, base);
    out.append(buf, r.ptr);
    return;
  }
  mpz_srcptr z = v.as<BigInt>()->z;
  size_t start = out.size();
  out.resize(start + mpz_sizeinbase(z, base) + 2);
  mpz_get_str(out.data() + start, base, z);
  out.resize(start + std::strlen(out.data() + start));
}

std::string int_to_string(Value v, int base) {
  std::string s;
  int_append_text(v, base, s);
  return s;
}

static Value int_repr(Value self) {
  int64_t x;
  if (int_small_like(self, &x)) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, x);
    return str_value(std::string_view(buf, size_t(r.ptr - buf)));
  }
  mpz_srcptr z = self.as<BigInt>()->z;
  size_t cap = mpz_sizeinbase(z, 10) + 2;
  char small[256];
  char* buf = cap <= sizeof small ? small : static_cast<char*>(std::malloc(cap));
  mpz_get_str(buf, 10, z);
  Value s = str_value(buf);
  if (buf != small) std::free(buf);
  return s;
}

// ---------------------------------------------------------------------------
// Hash, truth, comparison.
// ---------------------------------------------------------------------------

int64_t int_hash_value(Value v) {
  int64_t x;
  uint64_t m;
  bool negative;
  if (int_small_like(v, &x)) {
    negative = x < 0;
    m = negative ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    if (m >= kHashModulus) m %= kHashModulus;
  } else {
    mpz_srcptr z = v.as<BigInt>()->z;
    negative = mpz_sgn(z) < 0;
    m = mpz_tdiv_ui(z, kHashModulus);  // |z| mod (2**61 - 1)
  }
  int64_t h = negative ? -int64_t(m) : int64_t(m);
  return h == -1 ? -2 : h;
}

bool int_hash_slot(Value self, int64_t* out) {
  *out = int_hash_value(self);
  return true;
}

static int int_truth(Value self) { return int_sign(self) != 0; }

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

static int int_cmp(Value a, Value b) {
  int64_t x, y;
  if (int_small_like(a, &x) && int_small_like(b, &y)) return x < y ? -1 : (x > y ? 1 : 0);
  MpzView va(a), vb(b);
  int c = mpz_cmp(va.z, vb.z);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

Value int_compare_slot(Value a, Value b, CompareOp op) {
  if (a.is_small() && b.is_small()) {
    int64_t x = a.small_value(), y = b.small_value();
    return Bool(compare_result(x < y ? -1 : (x > y ? 1 : 0), op));
  }
  if (!int_check(a)) return NotImplemented();
  int c;
  if (int_check(b)) {
    c = int_cmp(a, b);
  } else if (b.is_obj() && b.obj()->type == &FloatType) {
    // Exact floats only: a float subclass may override the comparison and
    // must get its reflected call (CPython's int returns NotImplemented).
    c = int_compare_double(a, float_value(b));
    if (c == 2) return Bool(op == CompareOp::Ne);
  } else {
    return NotImplemented();
  }
  return Bool(compare_result(c, op));
}

// ---------------------------------------------------------------------------
// Arithmetic.
// ---------------------------------------------------------------------------

static Value raise_memory_error() { return raise(&MemoryErrorType, "%s", ""); }

static Value true_divide(Value a, Value b) {
  MpzView va(a), vb(b);
  if (mpz_sgn(vb.z) == 0) return raise(&ZeroDivisionErrorType, "division by zero");
  double d;
  if (!int_true_divide(va.z, vb.z, &d))
    return raise(&OverflowErrorType, "integer division result too large for a float");
  return float_new(d);
}

// int ** negative int: the float result (CPython hands it to float_pow).
static Value pow_negative(Value a, Value b) {
  double x, y;
  if (!number_to_double(a, &x) || !number_to_double(b, &y)) return Value();
  return float_pow_doubles(x, y);
}

static Value pow_mpz(mpz_srcptr base, Value exponent) {
  // 0, 1 and -1 have results of bounded size for any exponent.
  if (mpz_cmpabs_ui(base, 1) <= 0) {
    if (mpz_sgn(base) == 0) return Value::small(int_sign(exponent) == 0 ? 1 : 0);
    if (mpz_sgn(base) > 0) return Value::small(1);
    MpzView e(exponent);
    return Value::small(mpz_odd_p(e.z) ? -1 : 1);
  }
  int64_t e;
  if (!int_to_i64(exponent, &e)) return raise_memory_error();
  if (uint64_t(e) > kMaxResultBits || mpz_sizeinbase(base, 2) * uint64_t(e) > kMaxResultBits)
    return raise_memory_error();
  mpz_t r;
  mpz_init(r);
  mpz_pow_ui(r, base, uint64_t(e));
  return int_from_mpz_take(r);
}

static Value small_pow(int64_t base, int64_t exp) {
  int64_t result = 1, b = base;
  uint64_t e = uint64_t(exp);
  for (;;) {
    if ((e & 1) && __builtin_mul_overflow(result, b, &result)) break;
    e >>= 1;
    if (e == 0) return make_int(result);
    if (__builtin_mul_overflow(b, b, &b)) break;
  }
  MpzView vb(Value::small(base));
  return pow_mpz(vb.z, Value::small(exp));
}

static Value lshift_mpz(mpz_srcptr a, uint64_t count) {
  if (mpz_sgn(a) == 0) return Value::small(0);
  if (count > kMaxResultBits) return raise_memory_error();
  mpz_t r;
  mpz_init(r);
  mpz_mul_2exp(r, a, count);
  return int_from_mpz_take(r);
}

static Value small_binop(int64_t x, int64_t y, BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return make_int(x + y);  // |x|, |y| <= 2**62: no int64 overflow
    case BinaryOp::Sub: return make_int(x - y);
    case BinaryOp::Mul: {
      int64_t r;
      if (!__builtin_mul_overflow(x, y, &r)) return make_int(r);
      return int_from_i128(static_cast<__int128>(x) * y);
    }
    case BinaryOp::TrueDiv: {
      constexpr int64_t kExact = int64_t(1) << 53;
      if (y == 0) return raise(&ZeroDivisionErrorType, "division by zero");
      if (x >= -kExact && x <= kExact && y >= -kExact && y <= kExact)
        return float_new(double(x) / double(y));
      return true_divide(Value::small(x), Value::small(y));
    }
    case BinaryOp::FloorDiv: {
      if (y == 0) return raise(&ZeroDivisionErrorType, "integer division or modulo by zero");
      int64_t q = x / y;  // x != INT64_MIN, so no overflow
      if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
      return make_int(q);
    }
    case BinaryOp::Mod: {
      if (y == 0) return raise(&ZeroDivisionErrorType, "integer modulo by zero");
      int64_t r = x % y;
      if (r != 0 && ((r < 0) != (y < 0))) r += y;
      return Value::small(r);
    }
    case BinaryOp::Pow:
      if (y < 0) return pow_negative(Value::small(x), Value::small(y));
      return small_pow(x, y);
    case BinaryOp::LShift: {
      if (y < 0) return raise(&ValueErrorType, "negative shift count");
      if (x == 0) return Value::small(0);
      if (y < 64) {
        // Fits an int128 exactly: |x| < 2**62, y < 64.
        __int128 r = static_cast<__int128>(static_cast<unsigned __int128>(static_cast<__int128>(x)) << y);
        return int_from_i128(r);
      }
      MpzView vx(Value::small(x));
      return lshift_mpz(vx.z, uint64_t(y));
    }
    case BinaryOp::RShift:
      if (y < 0) return raise(&ValueErrorType, "negative shift count");
      return Value::small(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));  // arithmetic shift = floor
    case BinaryOp::And: return Value::small(x & y);
    case BinaryOp::Or: return Value::small(x | y);
    case BinaryOp::Xor: return Value::small(x ^ y);
    default: return NotImplemented();
  }
}

static Value big_binop(Value a, Value b, BinaryOp op) {
  MpzView va(a), vb(b);
  mpz_srcptr x = va.z, y = vb.z;
  mpz_t r;
  switch (op) {
    case BinaryOp::Add: mpz_init(r); mpz_add(r, x, y); break;
    case BinaryOp::Sub: mpz_init(r); mpz_sub(r, x, y); break;
    case BinaryOp::Mul:
      if (mpz_sizeinbase(x, 2) + mpz_sizeinbase(y, 2) > kMaxResultBits) return raise_memory_error();
      mpz_init(r);
      mpz_mul(r, x, y);
      break;
    case BinaryOp::TrueDiv: return true_divide(a, b);
    case BinaryOp::FloorDiv:
      if (mpz_sgn(y) == 0) return raise(&ZeroDivisionErrorType, "integer division or modulo by zero");
      mpz_init(r);
      mpz_fdiv_q(r, x, y);  // floor semantics, like Python
      break;
    case BinaryOp::Mod:
      if (mpz_sgn(y) == 0) return raise(&ZeroDivisionErrorType, "integer modulo by zero");
      mpz_init(r);
      mpz_fdiv_r(r, x, y);  // sign of the divisor
      break;
    case BinaryOp::Pow:
      if (mpz_sgn(y) < 0) return pow_negative(a, b);
      return pow_mpz(x, b);
    case BinaryOp::LShift:
    case BinaryOp::RShift: {
      if (mpz_sgn(y) < 0) return raise(&ValueErrorType, "negative shift count");
      uint64_t count = mpz_fits_ulong_p(y) ? mpz_get_ui(y) : UINT64_MAX;
      if (op == BinaryOp::LShift) return lshift_mpz(x, count);
      if (count >= mpz_sizeinbase(x, 2)) return Value::small(mpz_sgn(x) < 0 ? -1 : 0);
      mpz_init(r);
      mpz_fdiv_q_2exp(r, x, count);  // floor, like an arithmetic shift
      break;
    }
    // GMP's logical operations use two's complement semantics for negative
    // operands, exactly like Python's.
    case BinaryOp::And: mpz_init(r); mpz_and(r, x, y); break;
    case BinaryOp::Or: mpz_init(r); mpz_ior(r, x, y); break;
    case BinaryOp::Xor: mpz_init(r); mpz_xor(r, x, y); break;
    default: return NotImplemented();
  }
  return int_from_mpz_take(r);
}

Value int_binop_slot(Value a, Value b, BinaryOp op) {
  op = plain_form(op);  // ints are immutable: in-place is the plain operation
  if (a.is_small() && b.is_small()) return small_binop(a.small_value(), b.small_value(), op);
  if (!int_check(a) || !int_check(b)) return NotImplemented();
  int64_t x, y;
  if (int_small_like(a, &x) && int_small_like(b, &y)) return small_binop(x, y, op);
  return big_binop(a, b, op);
}

Value int_divmod(Value a, Value b) {
  int64_t x, y;
  if (int_small_like(a, &x) && int_small_like(b, &y)) {
    if (y == 0) return raise(&ZeroDivisionErrorType, "integer division or modulo by zero");
    int64_t q = x / y, r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
      r += y;
      q--;
    }
    return Value(tuple_from({make_int(q), Value::small(r)}));
  }
  MpzView va(a), vb(b);
  if (mpz_sgn(vb.z) == 0) return raise(&ZeroDivisionErrorType, "integer division or modulo by zero");
  mpz_t q, r;
  mpz_inits(q, r, nullptr);
  mpz_fdiv_qr(q, r, va.z, vb.z);
  Value vq = int_from_mpz_take(q);
  Value vr = int_from_mpz_take(r);
  return Value(tuple_from({vq, vr}));
}

Value int_unary_slot(Value a, UnaryOp op) {
  int64_t x;
  if (int_small_like(a, &x)) {
    switch (op) {
      case UnaryOp::Neg: return make_int(-x);  // -(-2**62) leaves the small range
      case UnaryOp::Pos: return Value::small(x);
      case UnaryOp::Invert: return Value::small(~x);  // always in range
      default: return NotImplemented();
    }
  }
  mpz_srcptr z = a.as<BigInt>()->z;
  mpz_t r;
  switch (op) {
    case UnaryOp::Neg: mpz_init(r); mpz_neg(r, z); break;
    case UnaryOp::Pos: return int_exact(a);
    case UnaryOp::Invert: mpz_init(r); mpz_com(r, z); break;
    default: return NotImplemented();
  }
  return int_from_mpz_take(r);
}

Value int_abs(Value v) {
  int64_t x;
  if (int_small_like(v, &x)) return make_int(x < 0 ? -x : x);
  if (int_sign(v) >= 0) return int_exact(v);
  return int_unary_slot(v, UnaryOp::Neg);
}

Value int_pow_mod(Value a, Value b, Value m) {
  if (!int_check(a) || !int_check(b) || !int_check(m))
    return raise(&TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
  MpzView va(a), vb(b), vm(m);
  if (mpz_sgn(vm.z) == 0) return raise(&ValueErrorType, "pow() 3rd argument cannot be 0");
  bool negative_output = mpz_sgn(vm.z) < 0;
  mpz_t mod, base, exp, r;
  mpz_inits(mod, base, exp, r, nullptr);
  mpz_abs(mod, vm.z);
  mpz_set(base, va.z);
  mpz_set(exp, vb.z);
  Value result;
  if (mpz_cmp_ui(mod, 1) == 0) {
    result = Value::small(0);
  } else {
    bool ok = true;
    if (mpz_sgn(exp) < 0) {
      // Python 3.8+: a negative exponent uses the modular inverse.
      mpz_neg(exp, exp);
      if (!mpz_invert(base, base, mod)) ok = false;
    }
    if (!ok) {
      result = raise(&ValueErrorType, "base is not invertible for the given modulus");
    } else {
      mpz_powm(r, base, exp, mod);  // in [0, mod)
      if (negative_output && mpz_sgn(r) != 0) mpz_sub(r, r, mod);
      result = int_from_mpz(r);
    }
  }
  mpz_clears(mod, base, exp, r, nullptr);
  return result;
}

// round(int, ndigits): ndigits >= 0 leaves the value; negative rounds to a
// multiple of 10**-ndigits, ties to even (CPython's _PyLong_DivmodNear).
Value int_round(Value x, Value ndigits) {
  if (ndigits.is_null() || is_none(ndigits)) return int_exact(x);
  if (!int_check(ndigits)) {
    int64_t n;  // objects with __index__
    if (!int_as_index(ndigits, &n)) return Value();
    ndigits = make_int(n);
  }
  if (int_sign(ndigits) >= 0) return int_exact(x);
  MpzView vx(x), vn(ndigits);
  // 10**k > 2|x| rounds to 0; avoid building huge powers of ten.
  size_t digits = mpz_sizeinbase(vx.z, 10);
  if (mpz_cmpabs_ui(vn.z, digits + 1) > 0) return Value::small(0);
  unsigned long k = mpz_get_ui(vn.z);  // |ndigits|
  mpz_t p, q, r, twice;
  mpz_inits(p, q, r, twice, nullptr);
  mpz_ui_pow_ui(p, 10, k);
  mpz_fdiv_qr(q, r, vx.z, p);  // 0 <= r < p
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, p);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  Value result = int_from_mpz(q);
  mpz_clears(p, q, r, twice, nullptr);
  return result;
}

// ---------------------------------------------------------------------------
// int(x), int(x, base).
// ---------------------------------------------------------------------------

// Calls a conversion dunder of a user object; null when the type lacks it.
static Value call_dunder(Value x, const char* name, bool* found) {
  Value method = type_lookup(type_of(x), str_intern(name));
  *found = !method.is_null();
  if (!*found) return Value();
  return call(method, &x, 1);
}

static Value int_from_object(Value x) {
  if (int_check(x)) return int_exact(x);
  if (float_check(x)) return int_from_double(float_value(x));
  if (is_str(x)) return int_from_string(str_view(x.as<Str>()), 10);
  if (std::string_view v; bytes_view(x, &v)) return int_from_bytes_text(x, 10);
  static const char* const kConversions[] = {"__int__", "__index__", "__trunc__"};
  for (const char* name : kConversions) {
    bool found;
    Value r = call_dunder(x, name, &found);
    if (!found) continue;
    if (r.is_null()) return r;
    if (!int_check(r)) {
      if (name[2] == 't') return raise(&TypeErrorType, "__trunc__ returned non-Integral (type %s)", type_name(r));
      return raise(&TypeErrorType, "%s returned non-int (type %s)", name, type_name(r));
    }
    return int_exact(r);
  }
  return raise(&TypeErrorType,
               "int() argument must be a string, a bytes-like object or a real number, not '%s'",
               type_name(x));
}

static Value int_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? size_t(tuple_size(kwnames)) : 0;
  if (nargs + nkw > 2) return raise(&TypeErrorType, "int() takes at most 2 arguments (%zu given)", nargs + nkw);
  Value x = nargs > 0 ? args[0] : Value();
  Value base = nargs > 1 ? args[1] : Value();
  for (size_t i = 0; i < nkw; i++) {
    std::string_view name = str_view(tuple_items(kwnames)[i].as<Str>());
    if (name != "base" || !base.is_null()) {
      if (name == "base")
        return raise(&TypeErrorType, "argument for int() given by name ('base') and position (2)");
      return raise(&TypeErrorType, "'%.*s' is an invalid keyword argument for int()", int(name.size()),
                   name.data());
    }
    base = args[nargs + i];
  }
  Value result;
  if (x.is_null()) {
    if (!base.is_null()) return raise(&TypeErrorType, "int() missing string argument");
    result = Value::small(0);
  } else if (base.is_null()) {
    result = int_from_object(x);
  } else {
    int64_t b;
    if (int_check(base)) {
      if (!int_to_i64(base, &b)) b = INT64_MAX;  // CPython clips; rejected below
    } else if (!int_as_index(base, &b)) {
      return Value();
    }
    if ((b != 0 && b < 2) || b > 36) return raise(&ValueErrorType, "int() base must be >= 2 and <= 36, or 0");
    std::string_view bytes_text;
    if (bytes_view(x, &bytes_text)) result = int_from_bytes_text(x, int(b));
    else if (!is_str(x)) return raise(&TypeErrorType, "int() can't convert non-string with explicit base");
    else result = int_from_string(str_view(x.as<Str>()), int(b));
  }
  if (result.is_null() || type == &IntType) return result;
  return int_new_instance(type, result);
}

// ---------------------------------------------------------------------------
// Methods.
// ---------------------------------------------------------------------------

static Value int_bit_length(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("int.bit_length", nargs, kwnames, 0, 0)) return Value();
  int64_t x;
  if (int_small_like(self, &x)) {
    uint64_t m = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    return Value::small(64 - std::countl_zero(m));
  }
  return Value::small(int64_t(mpz_sizeinbase(self.as<BigInt>()->z, 2)));
}

static Value int_bit_count(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("int.bit_count", nargs, kwnames, 0, 0)) return Value();
  int64_t x;
  if (int_small_like(self, &x)) {
    uint64_t m = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    return Value::small(std::popcount(m));
  }
  // popcount of |z|: a read-only positive view over the same limbs.
  mpz_srcptr z = self.as<BigInt>()->z;
  mpz_t abs_view;
  mpz_roinit_n(abs_view, mpz_limbs_read(z), mp_size_t(mpz_size(z)));
  return Value::small(int64_t(mpz_popcount(abs_view)));
}

// conjugate, __index__, __int__, ...: the value as an exact int.
template <const char* Name>
static Value int_identity(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(Name, nargs, kwnames, 0, 0)) return Value();
  return int_exact(self);
}
static constexpr char kConjugate[] = "int.conjugate", kIndex[] = "int.__index__", kInt[] = "int.__int__",
                      kTrunc[] = "int.__trunc__", kFloor[] = "int.__floor__", kCeil[] = "int.__ceil__";

static Value int_as_integer_ratio(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("int.as_integer_ratio", nargs, kwnames, 0, 0)) return Value();
  return Value(tuple_from({int_exact(self), Value::small(1)}));
}

static Value int_float_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("int.__float__", nargs, kwnames, 0, 0)) return Value();
  double d;
  if (!number_to_double(self, &d)) return Value();
  return float_new(d);
}

static Value int_round_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("__round__", nargs, kwnames, 0, 1)) return Value();
  return int_round(self, nargs > 0 ? args[0] : Value());
}

static Value int_format_method(Value self, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("int.__format__", nargs, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise(&TypeErrorType, "__format__() argument must be str, not %s", type_name(args[0]));
  return int_format(self, str_view(args[0].as<Str>()));
}

void int_init_methods() {
  type_add_method(&IntType, "bit_length", int_bit_length);
  type_add_method(&IntType, "bit_count", int_bit_count);
  type_add_method(&IntType, "conjugate", int_identity<kConjugate>);
  type_add_method(&IntType, "as_integer_ratio", int_as_integer_ratio);
  type_add_method(&IntType, "__index__", int_identity<kIndex>);
  type_add_method(&IntType, "__int__", int_identity<kInt>);
  type_add_method(&IntType, "__trunc__", int_identity<kTrunc>);
  type_add_method(&IntType, "__floor__", int_identity<kFloor>);
  type_add_method(&IntType, "__ceil__", int_identity<kCeil>);
  type_add_method(&IntType, "__float__", int_float_method);
  type_add_method(&IntType, "__round__", int_round_method);
  type_add_method(&IntType, "__format__", int_format_method);
  type_ready(&IntType);
}

}  // namespace pg
