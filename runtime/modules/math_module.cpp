// The `math` module, following CPython 3.11's mathmodule.c behaviour: the
// same results (libm for the elementary functions, CPython's algorithms for
// fsum, hypot/dist and the integer functions) and the same errors:
//   * a NaN result from a non-NaN argument: ValueError "math domain error";
//   * an infinite result from a finite argument: OverflowError "math range
//     error" for functions that can overflow (exp, cosh, ...), else
//     ValueError "math domain error" (log(0), atanh(1), ...).
// Integer functions (gcd, lcm, isqrt, factorial, comb, perm) work on ints
// of any size through GMP. int_internal.h is used for its mpz view of ints.
#include <gmp.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <vector>

#include "modules/std_util.h"
#include "objects/int_internal.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {

namespace {

Value domain_error() { return raise(&ValueErrorType, "math domain error"); }
Value range_error() { return raise(&OverflowErrorType, "math range error"); }

// One double argument (PyFloat_AsDouble semantics: float, int, __float__,
// __index__).
#define ARG_DOUBLE(i, var) \
  double var;              \
  if (!number_to_double(args[i], &var)) return Value()

// CPython's math_1: the common error checks of one-argument functions.
Value math_1(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_new(r);
}

template <double (*kFn)(double), bool kCanOverflow, const char* kName>
Value unary_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(kName, nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  return math_1(x, kFn(x), kCanOverflow);
}

#define MATH_UNARY(name, fn, overflow)        \
  constexpr char k_##name[] = #name;          \
  double name##_impl(double x) { return fn(x); }

MATH_UNARY(acos, std::acos, false)
MATH_UNARY(acosh, std::acosh, false)
MATH_UNARY(asin, std::asin, false)
MATH_UNARY(asinh, std::asinh, false)
MATH_UNARY(atan, std::atan, false)
MATH_UNARY(atanh, std::atanh, false)
MATH_UNARY(cbrt, std::cbrt, false)
MATH_UNARY(cos, std::cos, false)
MATH_UNARY(cosh, std::cosh, true)
MATH_UNARY(erf, std::erf, false)
MATH_UNARY(erfc, std::erfc, false)
MATH_UNARY(exp, std::exp, true)
MATH_UNARY(exp2, std::exp2, true)
MATH_UNARY(expm1, std::expm1, true)
MATH_UNARY(fabs, std::fabs, false)
MATH_UNARY(log1p, std::log1p, false)
MATH_UNARY(sin, std::sin, false)
MATH_UNARY(sinh, std::sinh, true)
MATH_UNARY(sqrt, std::sqrt, false)
MATH_UNARY(tan, std::tan, false)
MATH_UNARY(tanh, std::tanh, false)

// gamma and lgamma. libm's tgamma/lgamma round differently from CPython,
// so these evaluate the same Lanczos approximation CPython does (g = 6.0247,
// 13 terms, a rational function of x; the error of y = x + g - 0.5 is
// corrected with one extra term; Euler's reflection for negative x), which
// makes the results identical to the last bit.
constexpr int kLanczosTerms = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
// Numerator and denominator polynomials of the Lanczos sum; the denominator
// is x (x+1) ... (x+11) expanded.
constexpr double kLanczosNum[kLanczosTerms] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[kLanczosTerms] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  // Horner in x for small x, in 1/x for large x (both stay accurate).
  if (x < 5.0) {
    for (int i = kLanczosTerms - 1; i >= 0; --i) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosTerms; ++i) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// sin(pi * x), exact at the multiples of 1/2 (x finite).
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  double r;
  switch (int(std::round(2.0 * y))) {
    case 0: r = std::sin(M_PI * y); break;
    case 1: r = std::cos(M_PI * (y - 0.5)); break;
    case 2: r = std::sin(M_PI * (1.0 - y)); break;
    case 3: r = -std::cos(M_PI * (y - 1.5)); break;
    default: r = std::sin(M_PI * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

// (x + g - 0.5) and the rounding error of that sum, scaled for the
// correction term.
double lanczos_y(double absx, double* z) {
  double y = absx + kLanczosGMinusHalf;
  double err = absx > kLanczosGMinusHalf ? (y - absx) - kLanczosGMinusHalf
                                         : (y - kLanczosGMinusHalf) - absx;
  *z = err * kLanczosG / y;
  return y;
}

Value math_gamma(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("gamma", nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  if (std::isnan(x)) return float_new(x);
  if (std::isinf(x)) return x > 0 ? float_new(x) : domain_error();
  if (x == 0.0) return domain_error();
  if (x == std::floor(x)) {
    if (x < 0.0) return domain_error();
    if (x <= 23.0) {
      double f = 1.0;
      for (int i = 2; i < int(x); ++i) f *= i;
      return float_new(f);
    }
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    return std::isinf(r) ? range_error() : float_new(r);
  }
  if (absx > 200.0) return x < 0.0 ? float_new(0.0 / sin_pi(x)) : range_error();
  double z;
  double y = lanczos_y(absx, &z);
  double r;
  if (x < 0.0) {
    r = -M_PI / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double half = std::pow(y, absx / 2.0 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double half = std::pow(y, absx / 2.0 - 0.25);
      r *= half;
      r *= half;
    }
  }
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

Value math_lgamma(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("lgamma", nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  if (std::isnan(x)) return float_new(x);
  if (std::isinf(x)) return float_new(HUGE_VAL);
  if (x == std::floor(x) && x <= 2.0) return x <= 0.0 ? domain_error() : float_new(0.0);
  double absx = std::fabs(x);
  if (absx < 1e-20) return float_new(-std::log(absx));
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = 1.1447298858494002 - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

// ---------------------------------------------------------------------------
// Logarithms: ints too large for a double are split into mantissa and
// exponent first (CPython's loghelper), so log(10**1000) works.
// ---------------------------------------------------------------------------

// Rounds |z| (bit length > 1024) to a double mantissa in [0.5, 1) and an
// exponent, round-half-even on the bits dropped (like _PyLong_Frexp).
double frexp_big(mpz_srcptr z, int64_t* exponent) {
  size_t bits = mpz_sizeinbase(z, 2);
  mpz_t q;
  mpz_init(q);
  size_t shift = bits - (DBL_MANT_DIG + 2);
  mpz_tdiv_q_2exp(q, z, shift);
  mpz_abs(q, q);
  bool sticky = mpz_scan1(z, 0) < shift;
  uint64_t top = mpz_get_ui(q);  // DBL_MANT_DIG + 2 bits
  mpz_clear(q);
  if (sticky) top |= 1;
  // Round the two (or three with sticky) extra bits half-even.
  uint64_t low = top & 3;
  top >>= 2;
  if (low > 2 || (low == 2 && (top & 1))) ++top;
  double mantissa = std::ldexp(double(top), -DBL_MANT_DIG);
  int64_t e = int64_t(bits);
  if (mantissa == 1.0) {
    mantissa = 0.5;
    ++e;
  }
  *exponent = e;
  return mantissa;
}

// log-like function of any number: ints of any size, else floats.
bool log_helper(Value v, double (*fn)(double), double* out) {
  if (is_int(v)) {
    int s = int_sign(v);
    if (s <= 0) {
      domain_error();
      return false;
    }
    bool overflow = false;
    double d = int_to_double(v, &overflow);
    if (overflow) {
      MpzView z(v);
      int64_t e;
      double m = frexp_big(z.z, &e);
      *out = fn(m) + fn(2.0) * double(e);
      return true;
    }
    *out = fn(d);
    return true;
  }
  double x;
  if (!number_to_double(v, &x)) return false;
  if (std::isnan(x)) {
    *out = x;
    return true;
  }
  if (x <= 0 || (std::isinf(x) && x < 0)) {
    domain_error();
    return false;
  }
  *out = fn(x);
  return true;
}

double plain_log(double x) { return std::log(x); }
double plain_log2(double x) { return std::log2(x); }
double plain_log10(double x) { return std::log10(x); }

Value math_log(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("log", nargs, kwnames, 1, 2)) return Value();
  double num;
  if (!log_helper(args[0], plain_log, &num)) return Value();
  if (nargs == 1) return float_new(num);
  double den;
  if (!log_helper(args[1], plain_log, &den)) return Value();
  if (den == 0) return raise(&ZeroDivisionErrorType, "float division by zero");
  return float_new(num / den);
}

template <double (*kFn)(double), const char* kName>
Value log_fn(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(kName, nargs, kwnames, 1, 1)) return Value();
  double r;
  if (!log_helper(args[0], kFn, &r)) return Value();
  return float_new(r);
}
constexpr char k_log2[] = "log2", k_log10[] = "log10";

// ---------------------------------------------------------------------------
// Rounding to ints: floor, ceil, trunc.
// ---------------------------------------------------------------------------

// An exact int with the value of an int (bools and int subclasses become
// plain ints, as int.__floor__ does).
Value plain_int(Value v) {
  if (v.is_small() || type_of(v) == &IntType) return v;
  MpzView z(v);
  return int_from_mpz(z.z);
}

template <bool kFloor>
Value floor_or_ceil(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  const char* name = kFloor ? "floor" : "ceil";
  if (!check_nargs(name, nargs, kwnames, 1, 1)) return Value();
  Value x = args[0];
  if (type_of(x) == &FloatType) {
    double d = float_value(x);
    return int_from_double(kFloor ? std::floor(d) : std::ceil(d));
  }
  if (is_int(x) && !(type_of(x)->flags & kTypeHeap)) return plain_int(x);
  bool found = false;
  Value r = call_special(x, str_intern(kFloor ? "__floor__" : "__ceil__"), nullptr, 0, &found);
  if (found) return r;
  if (is_int(x)) return plain_int(x);
  double d;
  if (!number_to_double(x, &d)) return Value();
  return int_from_double(kFloor ? std::floor(d) : std::ceil(d));
}

Value math_trunc(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("trunc", nargs, kwnames, 1, 1)) return Value();
  Value x = args[0];
  if (type_of(x) == &FloatType) return int_from_double(std::trunc(float_value(x)));
  if (is_int(x) && !(type_of(x)->flags & kTypeHeap)) return plain_int(x);
  bool found = false;
  Value r = call_special(x, str_intern("__trunc__"), nullptr, 0, &found);
  if (found) return r;
  if (is_int(x)) return plain_int(x);
  if (is_float(x)) return int_from_double(std::trunc(float_value(x)));
  return raise(&TypeErrorType, "type %s doesn't define __trunc__ method", type_name(x));
}

// ---------------------------------------------------------------------------
// Two-argument float functions.
// ---------------------------------------------------------------------------

Value math_pow(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("pow", nargs, kwnames, 2, 2)) return Value();
  ARG_DOUBLE(0, x);
  ARG_DOUBLE(1, y);
  double r;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0) r = odd_y ? x : std::fabs(x);
      else if (y == 0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {  // y is infinite
      if (std::fabs(x) == 1.0) r = 1.0;
      else if (y > 0 && std::fabs(x) > 1.0) r = y;
      else if (y < 0 && std::fabs(x) < 1.0) r = -y;
      else r = 0.0;
    }
    return float_new(r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return domain_error();
  if (std::isinf(r)) return x == 0.0 ? domain_error() : range_error();
  return float_new(r);
}

Value math_atan2(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("atan2", nargs, kwnames, 2, 2)) return Value();
  ARG_DOUBLE(0, y);
  ARG_DOUBLE(1, x);
  return float_new(std::atan2(y, x));
}

Value math_copysign(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("copysign", nargs, kwnames, 2, 2)) return Value();
  ARG_DOUBLE(0, x);
  ARG_DOUBLE(1, y);
  return float_new(std::copysign(x, y));
}

Value math_fmod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("fmod", nargs, kwnames, 2, 2)) return Value();
  ARG_DOUBLE(0, x);
  ARG_DOUBLE(1, y);
  if (std::isinf(y) && std::isfinite(x)) return float_new(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_new(r);
}

Value math_remainder(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("remainder", nargs, kwnames, 2, 2)) return Value();
  ARG_DOUBLE(0, x);
  ARG_DOUBLE(1, y);
  if (std::isnan(x)) return float_new(x);
  if (std::isnan(y)) return float_new(y);
  if (std::isinf(x) || y == 0.0) return domain_error();
  if (std::isinf(y)) return float_new(x);
  return float_new(std::remainder(x, y));
}

Value math_nextafter(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("nextafter", nargs, kwnames, 2, 2)) return Value();
  ARG_DOUBLE(0, x);
  ARG_DOUBLE(1, y);
  return float_new(std::nextafter(x, y));
}

Value math_ulp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("ulp", nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  if (std::isnan(x)) return float_new(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_new(x);
  double up = std::nextafter(x, HUGE_VAL);
  if (std::isinf(up)) return float_new(x - std::nextafter(x, -HUGE_VAL));
  return float_new(up - x);
}

Value math_frexp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("frexp", nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  int e = 0;
  double m = x;
  if (std::isfinite(x) && x != 0) m = std::frexp(x, &e);
  Value mv = float_new(m);
  return Value(tuple_from({mv, Value::small(e)}));
}

Value math_ldexp(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("ldexp", nargs, kwnames, 2, 2)) return Value();
  ARG_DOUBLE(0, x);
  if (!is_int(args[1])) return raise(&TypeErrorType, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_to_i64(args[1], &e)) e = int_sign(args[1]) > 0 ? INT64_MAX : INT64_MIN;
  if (x == 0 || !std::isfinite(x)) return float_new(x);
  double r;
  if (e > INT_MAX) r = std::copysign(HUGE_VAL, x);
  else if (e < INT_MIN) r = std::copysign(0.0, x);
  else r = std::ldexp(x, int(e));
  if (std::isinf(r)) return range_error();
  return float_new(r);
}

Value math_modf(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("modf", nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  double ip, fp;
  if (std::isinf(x)) {
    ip = x;
    fp = std::copysign(0.0, x);
  } else {
    fp = std::modf(x, &ip);
  }
  Value a = float_new(fp);
  Rooted keep(&a);
  Value b = float_new(ip);
  return Value(tuple_from({a, b}));
}

Value math_degrees(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("degrees", nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  return float_new(x * (180.0 / M_PI));
}

Value math_radians(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("radians", nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  return float_new(x * (M_PI / 180.0));
}

template <int kWhich>  // 0 isfinite, 1 isinf, 2 isnan
Value classify(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  static const char* names[] = {"isfinite", "isinf", "isnan"};
  if (!check_nargs(names[kWhich], nargs, kwnames, 1, 1)) return Value();
  ARG_DOUBLE(0, x);
  return Bool(kWhich == 0 ? std::isfinite(x) : kWhich == 1 ? std::isinf(x) : std::isnan(x));
}

Value math_isclose(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  Value a[4];
  if (!bind_args("isclose", args, nargs, kwnames, {"a", "b", "rel_tol", "abs_tol"}, 2, a)) return Value();
  if (nargs > 2)
    return raise(&TypeErrorType, "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
  double x, y, rel_tol = 1e-9, abs_tol = 0.0;
  if (!number_to_double(a[0], &x) || !number_to_double(a[1], &y)) return Value();
  if (!a[2].is_null() && !number_to_double(a[2], &rel_tol)) return Value();
  if (!a[3].is_null() && !number_to_double(a[3], &abs_tol)) return Value();
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(&ValueErrorType, "tolerances must be non-negative");
  if (x == y) return True();
  if (std::isinf(x) || std::isinf(y)) return False();
  double diff = std::fabs(y - x);
  return Bool(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_tol);
}

// ---------------------------------------------------------------------------
// Norms: hypot and dist (CPython's vector_norm: scaled, lossless squares
// summed with compensation, then one correction step of the square root).
// ---------------------------------------------------------------------------

struct DoubleLength {
  double hi, lo;
};

DoubleLength dl_fast_sum(double a, double b) {
  double x = a + b;
  double z = x - a;
  return {x, b - z};
}

DoubleLength dl_mul(double x, double y) {
  double hi = x * y;
  return {hi, std::fma(x, y, -hi)};
}

double vector_norm(size_t n, double* vec, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (size_t i = 0; i < n; ++i) vec[i] /= DBL_MIN;
    return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (size_t i = 0; i < n; ++i) {
    double x = vec[i] * scale;
    DoubleLength pr = dl_mul(x, x);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  DoubleLength pr = dl_mul(-h, h);
  DoubleLength sm = dl_fast_sum(csum, pr.hi);
  csum = sm.hi;
  frac1 += pr.lo;
  frac2 += sm.lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Value math_hypot(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeErrorType, "hypot() takes no keyword arguments");
  std::vector<double> vec(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; ++i) {
    double x;
    if (!number_to_double(args[i], &x)) return Value();
    x = std::fabs(x);
    vec[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_new(vector_norm(nargs, vec.data(), max, found_nan));
}

bool to_double_list(Value iterable, std::vector<double>* out) {
  Value it = obj_iter(iterable);
  if (it.is_null()) return false;
  Rooted keep(&it);
  while (true) {
    Value x = iter_next(it);
    if (x.is_null()) return !error_occurred();
    double d;
    if (!number_to_double(x, &d)) return false;
    out->push_back(d);
  }
}

Value math_dist(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("dist", nargs, kwnames, 2, 2)) return Value();
  std::vector<double> p, q;
  if (!to_double_list(args[0], &p) || !to_double_list(args[1], &q)) return Value();
  if (p.size() != q.size())
    return raise(&ValueErrorType, "both points must have the same number of dimensions");
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < p.size(); ++i) {
    double x = std::fabs(p[i] - q[i]);
    p[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_new(vector_norm(p.size(), p.data(), max, found_nan));
}

// ---------------------------------------------------------------------------
// fsum: Shewchuk's exact partial sums, rounded correctly at the end (the
// algorithm CPython uses, with its handling of infinities and overflow).
// ---------------------------------------------------------------------------

Value math_fsum(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("fsum", nargs, kwnames, 1, 1)) return Value();
  Value it = obj_iter(args[0]);
  if (it.is_null()) return Value();
  Rooted keep(&it);
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  while (true) {
    Value item = iter_next(it);
    if (item.is_null()) {
      if (error_occurred()) return Value();
      break;
    }
    double x;
    if (!number_to_double(item, &x)) return Value();
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (!std::isfinite(x)) {
      if (std::isfinite(xsave)) return raise(&OverflowErrorType, "intermediate overflow in fsum");
      if (std::isinf(xsave)) inf_sum += xsave;
      special_sum += xsave;
      p.clear();
    } else {
      p.push_back(x);
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(&ValueErrorType, "-inf + inf in fsum");
    return float_new(special_sum);
  }
  double hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-even rounding across several partials.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_new(hi);
}

// ---------------------------------------------------------------------------
// Integer functions.
// ---------------------------------------------------------------------------

// Arguments converted with __index__, rooted in `out`.
bool index_args(const Value* args, size_t nargs, std::vector<Value>* out) {
  for (size_t i = 0; i < nargs; ++i) {
    Value v = number_index(args[i]);
    if (v.is_null()) return false;
    out->push_back(v);
  }
  return true;
}

struct Mpz {
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_t z;
};

template <bool kGcd>
Value gcd_or_lcm(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && tuple_size(kwnames))
    return raise(&TypeErrorType, "%s() takes no keyword arguments", kGcd ? "gcd" : "lcm");
  Mpz acc;
  mpz_set_ui(acc.z, kGcd ? 0 : 1);
  for (size_t i = 0; i < nargs; ++i) {
    Value v = number_index(args[i]);
    if (v.is_null()) return v;
    MpzView z(v);
    if (kGcd) mpz_gcd(acc.z, acc.z, z.z);
    else mpz_lcm(acc.z, acc.z, z.z);
  }
  return int_from_mpz(acc.z);
}

Value math_isqrt(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("isqrt", nargs, kwnames, 1, 1)) return Value();
  Value n = number_index(args[0]);
  if (n.is_null()) return n;
  if (int_sign(n) < 0) return raise(&ValueErrorType, "isqrt() argument must be nonnegative");
  MpzView z(n);
  Mpz r;
  mpz_sqrt(r.z, z.z);
  return int_from_mpz(r.z);
}

Value math_factorial(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("factorial", nargs, kwnames, 1, 1)) return Value();
  if (is_float(args[0])) return raise(&TypeErrorType, "'float' object cannot be interpreted as an integer");
  Value n = number_index(args[0]);
  if (n.is_null()) return n;
  int64_t k;
  if (!int_to_i64(n, &k)) {
    if (int_sign(n) < 0) return raise(&ValueErrorType, "factorial() not defined for negative values");
    return raise(&OverflowErrorType, "factorial() argument should not exceed %ld", LONG_MAX);
  }
  if (k < 0) return raise(&ValueErrorType, "factorial() not defined for negative values");
  Mpz r;
  mpz_fac_ui(r.z, (unsigned long)k);
  return int_from_mpz(r.z);
}

Value math_comb(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("comb", nargs, kwnames, 2, 2)) return Value();
  std::vector<Value> v;
  if (!index_args(args, 2, &v)) return Value();
  if (int_sign(v[0]) < 0) return raise(&ValueErrorType, "n must be a non-negative integer");
  if (int_sign(v[1]) < 0) return raise(&ValueErrorType, "k must be a non-negative integer");
  MpzView n(v[0]), k(v[1]);
  if (mpz_cmp(k.z, n.z) > 0) return Value::small(0);
  Mpz other;
  mpz_sub(other.z, n.z, k.z);
  mpz_srcptr smaller = mpz_cmp(other.z, k.z) < 0 ? other.z : k.z;
  if (!mpz_fits_slong_p(smaller))
    return raise(&OverflowErrorType, "min(n - k, k) must not exceed %ld", LONG_MAX);
  Mpz r;
  mpz_bin_ui(r.z, n.z, mpz_get_ui(smaller));
  return int_from_mpz(r.z);
}

Value math_perm(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("perm", nargs, kwnames, 1, 2)) return Value();
  if (nargs == 1 || is_none(args[1])) {
    Value n = number_index(args[0]);
    if (n.is_null()) return n;
    if (int_sign(n) < 0) return raise(&ValueErrorType, "n must be a non-negative integer");
    return math_factorial(Value(), &n, 1, nullptr);
  }
  std::vector<Value> v;
  if (!index_args(args, 2, &v)) return Value();
  if (int_sign(v[0]) < 0) return raise(&ValueErrorType, "n must be a non-negative integer");
  if (int_sign(v[1]) < 0) return raise(&ValueErrorType, "k must be a non-negative integer");
  MpzView n(v[0]), k(v[1]);
  if (mpz_cmp(k.z, n.z) > 0) return Value::small(0);
  if (!mpz_fits_slong_p(k.z)) return raise(&OverflowErrorType, "k must not exceed %ld", LONG_MAX);
  unsigned long count = mpz_get_ui(k.z);
  Mpz r, factor;
  mpz_set_ui(r.z, 1);
  mpz_set(factor.z, n.z);
  for (unsigned long i = 0; i < count; ++i) {
    mpz_mul(r.z, r.z, factor.z);
    mpz_sub_ui(factor.z, factor.z, 1);
  }
  return int_from_mpz(r.z);
}

Value math_prod(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_keywords("prod", kwnames, {"start"})) return Value();
  if (nargs != 1) {
    if (nargs == 0) return raise(&TypeErrorType, "prod() missing required argument 'iterable' (pos 1)");
    return raise(&TypeErrorType, "prod() takes exactly 1 positional argument (%zu given)", nargs);
  }
  Value start = keyword_arg(args, nargs, kwnames, "start");
  Value result = start.is_null() ? Value::small(1) : start;
  Rooted keep_result(&result);
  Value it = obj_iter(args[0]);
  if (it.is_null()) return it;
  Rooted keep(&it);
  while (true) {
    Value x = iter_next(it);
    if (x.is_null()) return error_occurred() ? Value() : result;
    result = binary_op(result, x, BinaryOp::Mul);
    if (result.is_null()) return result;
  }
}

Value module_init() {
  Value m = module_new("math");
  Rooted keep(&m);
  module_add(m, "pi", float_new(M_PI));
  module_add(m, "e", float_new(M_E));
  module_add(m, "tau", float_new(2 * M_PI));
  module_add(m, "inf", float_new(HUGE_VAL));
  module_add(m, "nan", float_new(NAN));
#define ADD_UNARY(name, overflow) module_add_function(m, #name, unary_fn<name##_impl, overflow, k_##name>)
  ADD_UNARY(acos, false);
  ADD_UNARY(acosh, false);
  ADD_UNARY(asin, false);
  ADD_UNARY(asinh, false);
  ADD_UNARY(atan, false);
  ADD_UNARY(atanh, false);
  ADD_UNARY(cbrt, false);
  ADD_UNARY(cos, false);
  ADD_UNARY(cosh, true);
  ADD_UNARY(erf, false);
  ADD_UNARY(erfc, false);
  ADD_UNARY(exp, true);
  ADD_UNARY(exp2, true);
  ADD_UNARY(expm1, true);
  ADD_UNARY(fabs, false);
  ADD_UNARY(log1p, false);
  ADD_UNARY(sin, false);
  ADD_UNARY(sinh, true);
  ADD_UNARY(sqrt, false);
  ADD_UNARY(tan, false);
  ADD_UNARY(tanh, false);
#undef ADD_UNARY
  module_add_function(m, "gamma", math_gamma);
  module_add_function(m, "lgamma", math_lgamma);
  module_add_function(m, "log", math_log);
  module_add_function(m, "log2", log_fn<plain_log2, k_log2>);
  module_add_function(m, "log10", log_fn<plain_log10, k_log10>);
  module_add_function(m, "floor", floor_or_ceil<true>);
  module_add_function(m, "ceil", floor_or_ceil<false>);
  module_add_function(m, "trunc", math_trunc);
  module_add_function(m, "pow", math_pow);
  module_add_function(m, "atan2", math_atan2);
  module_add_function(m, "copysign", math_copysign);
  module_add_function(m, "fmod", math_fmod);
  module_add_function(m, "remainder", math_remainder);
  module_add_function(m, "nextafter", math_nextafter);
  module_add_function(m, "ulp", math_ulp);
  module_add_function(m, "frexp", math_frexp);
  module_add_function(m, "ldexp", math_ldexp);
  module_add_function(m, "modf", math_modf);
  module_add_function(m, "degrees", math_degrees);
  module_add_function(m, "radians", math_radians);
  module_add_function(m, "isfinite", classify<0>);
  module_add_function(m, "isinf", classify<1>);
  module_add_function(m, "isnan", classify<2>);
  module_add_function(m, "isclose", math_isclose);
  module_add_function(m, "hypot", math_hypot);
  module_add_function(m, "dist", math_dist);
  module_add_function(m, "fsum", math_fsum);
  module_add_function(m, "gcd", gcd_or_lcm<true>);
  module_add_function(m, "lcm", gcd_or_lcm<false>);
  module_add_function(m, "isqrt", math_isqrt);
  module_add_function(m, "factorial", math_factorial);
  module_add_function(m, "comb", math_comb);
  module_add_function(m, "perm", math_perm);
  module_add_function(m, "prod", math_prod);
  return m;
}

}  // namespace

void math_module_register() { register_builtin_module("math", module_init); }

}  // namespace pg
