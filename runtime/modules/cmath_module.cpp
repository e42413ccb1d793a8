// The `cmath` module: complex versions of the math functions, with CPython
// 3.11's results.
//
// For finite arguments each function uses the same formulas as CPython
// (scaled sqrt, log via log1p near |z| = 1, the overflow-avoiding branches
// for large arguments), so results agree bit for bit on the same libm. For
// infinite or NaN parts the C99 Annex G special values (glibc's complex
// functions implement them, as CPython's tables do) are used; an invalid
// result (NaN from a NaN-free argument) raises ValueError("math domain
// error") like CPython's tables. Overflow raises OverflowError("math range
// error").
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <complex>

#include "modules/std_util.h"
#include "objects/complex.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {

namespace {

struct Cx {
  double re, im;
};

constexpr double kLargeDouble = DBL_MAX / 4.0;         // CPython's CM_LARGE_DOUBLE
const double kSqrtLargeDouble = std::sqrt(kLargeDouble);
const double kSqrtDblMin = std::sqrt(DBL_MIN);
constexpr double kLogLargeDouble = 708.3964185322641;  // log(CM_LARGE_DOUBLE)
constexpr double kLn2 = 0.6931471805599453094;
constexpr double kLn10 = 2.302585092994045684;

Value domain_error() { return raise(&ValueErrorType, "math domain error"); }
Value range_error() { return raise(&OverflowErrorType, "math range error"); }

// complex(v) for the argument of a cmath function: complex, __complex__,
// then anything float() accepts. TypeError "must be real number, not str".
bool to_complex(Value v, Cx* out) {
  if (is_complex(v)) {
    out->re = v.as<Complex>()->real;
    out->im = v.as<Complex>()->imag;
    return true;
  }
  if (is_int(v) || is_float(v)) {
    out->im = 0.0;
    return number_to_double(v, &out->re);
  }
  bool found = false;
  Value r = call_special(v, str_intern("__complex__"), nullptr, 0, &found);
  if (found) {
    if (r.is_null()) return false;
    if (!is_complex(r)) {
      raise(&TypeErrorType, "__complex__ returned non-complex (type %s)", type_name(r));
      return false;
    }
    out->re = r.as<Complex>()->real;
    out->im = r.as<Complex>()->imag;
    return true;
  }
  for (const char* name : {"__float__", "__index__"}) {
    r = call_special(v, str_intern(name), nullptr, 0, &found);
    if (!found) continue;
    if (r.is_null()) return false;
    out->im = 0.0;
    if (is_float(r) || is_int(r)) return number_to_double(r, &out->re);
    raise(&TypeErrorType, "%s returned non-float (type %s)", name, type_name(r));
    return false;
  }
  raise(&TypeErrorType, "must be real number, not %s", type_name(v));
  return false;
}

bool finite(Cx z) { return std::isfinite(z.re) && std::isfinite(z.im); }

// -x, except that a NaN keeps its sign bit: CPython's special-value tables
// do not look at the sign of a NaN, glibc's functions do (copysign).
double neg(double x) { return std::isnan(x) ? x : -x; }

Cx from_std(std::complex<double> c) { return {c.real(), c.imag()}; }
std::complex<double> to_std(Cx z) { return {z.re, z.im}; }

// ---------------------------------------------------------------------------
// The functions on finite arguments (CPython's formulas). Each sets `*err`
// to EDOM or ERANGE when CPython would raise.

Cx c_sqrt(Cx z) {
  if (!finite(z)) return from_std(std::sqrt(to_std(z)));
  if (z.re == 0.0 && z.im == 0.0) return {0.0, z.im};
  double ax = std::fabs(z.re), ay = std::fabs(z.im), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // Subnormal parts: scale up so hypot keeps its precision.
    ax = std::ldexp(ax, 53);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, 53))), -27);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.re >= 0.0) return {s, std::copysign(d, z.im)};
  return {d, std::copysign(s, z.im)};
}

Cx c_log(Cx z, int* err) {
  if (!finite(z)) return from_std(std::log(to_std(z)));
  double ax = std::fabs(z.re), ay = std::fabs(z.im), re;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    re = std::log(std::hypot(ax / 2.0, ay / 2.0)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0.0 || ay > 0.0) {
      re = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) -
           DBL_MANT_DIG * kLn2;
    } else {
      re = -HUGE_VAL;
      *err = EDOM;
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      re = std::log1p((am - 1) * (am + 1) + an * an) / 2.0;
    } else {
      re = std::log(h);
    }
  }
  return {re, std::atan2(z.im, z.re)};
}

Cx c_exp(Cx z, int* err) {
  if (!finite(z)) {
    if (z.re == -HUGE_VAL && !std::isfinite(z.im)) return {0.0, 0.0};  // C99 leaves the signs open
    return from_std(std::exp(to_std(z)));
  }
  double l, re, im;
  if (z.re > kLogLargeDouble) {
    l = std::exp(z.re - 1.0);
    re = l * std::cos(z.im) * M_E;
    im = l * std::sin(z.im) * M_E;
  } else {
    l = std::exp(z.re);
    re = l * std::cos(z.im);
    im = l * std::sin(z.im);
  }
  if (std::isinf(re) || std::isinf(im)) *err = ERANGE;
  return {re, im};
}

Cx c_cosh(Cx z, int* err) {
  if (!finite(z)) {
    if (std::isnan(z.re) && z.im == 0.0) return {NAN, 0.0};
    return from_std(std::cosh(to_std(z)));
  }
  double re, im;
  if (std::fabs(z.re) > kLogLargeDouble) {
    double x1 = z.re - std::copysign(1.0, z.re);
    re = std::cos(z.im) * std::cosh(x1) * M_E;
    im = std::sin(z.im) * std::sinh(x1) * M_E;
  } else {
    re = std::cos(z.im) * std::cosh(z.re);
    im = std::sin(z.im) * std::sinh(z.re);
  }
  if (std::isinf(re) || std::isinf(im)) *err = ERANGE;
  return {re, im};
}

Cx c_sinh(Cx z, int* err) {
  if (!finite(z)) {
    if (z.re == 0.0 && std::isnan(z.im)) return {0.0, NAN};
    return from_std(std::sinh(to_std(z)));
  }
  double re, im;
  if (std::fabs(z.re) > kLogLargeDouble) {
    double x1 = z.re - std::copysign(1.0, z.re);
    re = std::cos(z.im) * std::sinh(x1) * M_E;
    im = std::sin(z.im) * std::cosh(x1) * M_E;
  } else {
    re = std::cos(z.im) * std::sinh(z.re);
    im = std::sin(z.im) * std::cosh(z.re);
  }
  if (std::isinf(re) || std::isinf(im)) *err = ERANGE;
  return {re, im};
}

Cx c_tanh(Cx z, int*) {
  if (!finite(z)) {
    if (z.re == 0.0 && std::isnan(z.im)) return {NAN, NAN};
    if (std::isinf(z.re) && !std::isfinite(z.im)) return {std::copysign(1.0, z.re), 0.0};
    return from_std(std::tanh(to_std(z)));
  }
  if (std::fabs(z.re) > kLogLargeDouble) {
    return {std::copysign(1.0, z.re),
            4.0 * std::sin(z.im) * std::cos(z.im) * std::exp(-2.0 * std::fabs(z.re))};
  }
  double tx = std::tanh(z.re), ty = std::tan(z.im), cx = 1.0 / std::cosh(z.re);
  double txty = tx * ty, denom = 1.0 + txty * txty;
  return {tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx};
}

// cos z = cosh(iz), sin z = -i sinh(iz), tan z = -i tanh(iz).
Cx c_cos(Cx z, int* err) { return c_cosh({neg(z.im), z.re}, err); }
Cx c_sin(Cx z, int* err) {
  Cx s = c_sinh({neg(z.im), z.re}, err);
  return {s.im, neg(s.re)};
}
Cx c_tan(Cx z, int* err) {
  Cx s = c_tanh({neg(z.im), z.re}, err);
  return {s.im, neg(s.re)};
}

Cx c_asinh(Cx z, int*) {
  if (!finite(z)) return from_std(std::asinh(to_std(z)));
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    double big = std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0;
    double re = z.im >= 0 ? std::copysign(big, z.re) : -std::copysign(big, -z.re);
    return {re, std::atan2(z.im, std::fabs(z.re))};
  }
  Cx s1 = c_sqrt({1.0 + z.im, -z.re});
  Cx s2 = c_sqrt({1.0 - z.im, z.re});
  return {std::asinh(s1.re * s2.im - s2.re * s1.im),
          std::atan2(z.im, s1.re * s2.re - s1.im * s2.im)};
}

Cx c_asin(Cx z, int* err) {
  Cx s = c_asinh({neg(z.im), z.re}, err);
  return {s.im, neg(s.re)};
}

Cx c_acos(Cx z, int*) {
  if (!finite(z)) {
    if (std::isinf(z.re) && std::isnan(z.im)) return {NAN, HUGE_VAL};
    return from_std(std::acos(to_std(z)));
  }
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    double re = std::atan2(std::fabs(z.im), z.re);
    double big = std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0;
    double im = z.re < 0 ? -std::copysign(big, z.im) : std::copysign(big, -z.im);
    return {re, im};
  }
  Cx s1 = c_sqrt({1.0 - z.re, -z.im});
  Cx s2 = c_sqrt({1.0 + z.re, z.im});
  return {2.0 * std::atan2(s1.re, s2.re), std::asinh(s2.re * s1.im - s2.im * s1.re)};
}

Cx c_acosh(Cx z, int*) {
  if (!finite(z)) {
    if (z.re == 0.0 && std::isnan(z.im)) return {NAN, NAN};
    return from_std(std::acosh(to_std(z)));
  }
  if (std::fabs(z.re) > kLargeDouble || std::fabs(z.im) > kLargeDouble) {
    return {std::log(std::hypot(z.re / 2.0, z.im / 2.0)) + kLn2 * 2.0, std::atan2(z.im, z.re)};
  }
  Cx s1 = c_sqrt({z.re - 1.0, z.im});
  Cx s2 = c_sqrt({z.re + 1.0, z.im});
  return {std::asinh(s1.re * s2.re + s1.im * s2.im), 2.0 * std::atan2(s1.im, s2.re)};
}

Cx c_atanh(Cx z, int* err) {
  if (!finite(z)) return from_std(std::atanh(to_std(z)));
  if (z.re < 0.0) {  // atanh is odd: work in the right half-plane
    Cx r = c_atanh({-z.re, -z.im}, err);
    return {-r.re, -r.im};
  }
  double ay = std::fabs(z.im);
  if (z.re > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    double h = std::hypot(z.re / 2.0, z.im / 2.0);
    return {z.re / 4.0 / h / h, -std::copysign(M_PI / 2.0, -z.im)};
  }
  if (z.re == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0.0) {
      *err = EDOM;
      return {HUGE_VAL, z.im};
    }
    return {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))),
            std::copysign(std::atan2(2.0, -ay) / 2.0, z.im)};
  }
  return {std::log1p(4.0 * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4.0,
          -std::atan2(-2.0 * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2.0};
}

Cx c_atan(Cx z, int* err) {
  Cx s = c_atanh({neg(z.im), z.re}, err);
  return {s.im, neg(s.re)};
}

Cx c_log10(Cx z, int* err) {
  Cx r = c_log(z, err);
  return {r.re / kLn10, r.im / kLn10};
}

// Wraps a function of one complex argument: argument conversion, errors.
Value finish(Cx in, Cx r, int err) {
  if (err == 0 && !finite(in) && !std::isnan(in.re) && !std::isnan(in.im) &&
      (std::isnan(r.re) || std::isnan(r.im)))
    err = EDOM;  // an invalid special value (CPython's tables raise here)
  if (err == EDOM) return domain_error();
  if (err == ERANGE) return range_error();
  return complex_new(r.re, r.im);
}

template <Cx (*F)(Cx, int*), const char* Name>
Value unary(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(Name, nargs, kwnames, 1, 1)) return Value();
  Cx z;
  if (!to_complex(args[0], &z)) return Value();
  int err = 0;
  Cx r = F(z, &err);
  return finish(z, r, err);
}

Cx c_sqrt_err(Cx z, int*) { return c_sqrt(z); }

// CPython's complex division (the same algorithm as complex.__truediv__).
Cx c_quot(Cx a, Cx b, int* err) {
  double abs_re = std::fabs(b.re), abs_im = std::fabs(b.im);
  if (abs_re >= abs_im) {
    if (abs_re == 0.0) {
      *err = EDOM;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abs_im >= abs_re) {
    double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};
}

Value cmath_log(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("log", nargs, kwnames, 1, 2)) return Value();
  Cx z;
  if (!to_complex(args[0], &z)) return Value();
  int err = 0;
  Cx r = c_log(z, &err);
  if (nargs == 2) {
    Cx base;
    if (!to_complex(args[1], &base)) return Value();
    // As CPython: the error state is that of the last log (the base's) and
    // of the division; log(0, 10) gives -inf+nanj.
    err = 0;
    Cx lb = c_log(base, &err);
    r = c_quot(r, lb, &err);
  }
  return finish(z, r, err);
}

Value cmath_phase(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("phase", nargs, kwnames, 1, 1)) return Value();
  Cx z;
  if (!to_complex(args[0], &z)) return Value();
  errno = 0;
  double phi = std::atan2(z.im, z.re);
  if (errno == ERANGE) return range_error();  // underflow, reported like CPython
  return float_new(phi);
}

// abs(z) as complex.__abs__: inf if either part is infinite, else nan if
// either is nan, else hypot (OverflowError when it overflows).
bool c_abs(Cx z, double* out) {
  if (std::isinf(z.re) || std::isinf(z.im)) {
    *out = HUGE_VAL;
    return true;
  }
  if (std::isnan(z.re) || std::isnan(z.im)) {
    *out = NAN;
    return true;
  }
  *out = std::hypot(z.re, z.im);
  return !std::isinf(*out);
}

Value cmath_polar(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("polar", nargs, kwnames, 1, 1)) return Value();
  Cx z;
  if (!to_complex(args[0], &z)) return Value();
  double r;
  if (!c_abs(z, &r)) return range_error();
  double phi = std::atan2(z.im, z.re);  // (polar ignores an underflow here, unlike phase)
  Value a = float_new(r);
  Rooted keep(&a);
  Value b = float_new(phi);
  return Value(tuple_from({a, b}));
}

Value cmath_rect(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("rect", nargs, kwnames, 2, 2)) return Value();
  double r, phi;
  Cx a, b;
  if (!to_complex(args[0], &a) || !to_complex(args[1], &b)) return Value();
  if (a.im != 0.0 || b.im != 0.0)
    return raise(&TypeErrorType, "must be real number, not complex");
  r = a.re;
  phi = b.re;
  if (std::isfinite(r) && std::isfinite(phi)) {
    if (phi == 0.0) return complex_new(r, r * phi);
    return complex_new(r * std::cos(phi), r * std::sin(phi));
  }
  // Special values, as CPython's table.
  if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
    double re = std::copysign(HUGE_VAL, std::cos(phi)), im = std::copysign(HUGE_VAL, std::sin(phi));
    if (r < 0) return complex_new(-re, -im);
    return complex_new(re, im);
  }
  if (std::isinf(r) && phi == 0.0) return complex_new(r, r > 0 ? phi : -phi);
  if (std::isnan(r)) {
    if (phi == 0.0) return complex_new(NAN, 0.0);
    return complex_new(NAN, NAN);
  }
  if (std::isinf(r) && std::isinf(phi)) {
    if (r > 0) return domain_error();
    return domain_error();
  }
  if (std::isinf(r)) return complex_new(HUGE_VAL, NAN);  // phi is nan
  // r finite, phi inf or nan
  if (std::isinf(phi)) {
    if (r == 0.0) return complex_new(0.0, 0.0);
    return domain_error();
  }
  if (r == 0.0) return complex_new(0.0, 0.0);
  return complex_new(NAN, NAN);
}

Value cmath_isfinite(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("isfinite", nargs, kwnames, 1, 1)) return Value();
  Cx z;
  if (!to_complex(args[0], &z)) return Value();
  return Bool(finite(z));
}

Value cmath_isinf(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("isinf", nargs, kwnames, 1, 1)) return Value();
  Cx z;
  if (!to_complex(args[0], &z)) return Value();
  return Bool(std::isinf(z.re) || std::isinf(z.im));
}

Value cmath_isnan(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs("isnan", nargs, kwnames, 1, 1)) return Value();
  Cx z;
  if (!to_complex(args[0], &z)) return Value();
  return Bool(std::isnan(z.re) || std::isnan(z.im));
}

Value cmath_isclose(Value, const Value* args, size_t nargs, Tuple* kwnames) {
  // isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
  if (nargs != 2) {
    if (nargs < 2)
      return raise(&TypeErrorType, "isclose() missing required argument '%s' (pos %d)",
                   nargs == 0 ? "a" : "b", int(nargs) + 1);
    return raise(&TypeErrorType, "isclose() takes exactly 2 positional arguments (%d given)",
                 int(nargs));
  }
  if (!check_keywords("isclose", kwnames, {"rel_tol", "abs_tol"})) return Value();
  double rel_tol = 1e-09, abs_tol = 0.0;
  Value rt = keyword_arg(args, nargs, kwnames, "rel_tol");
  Value at = keyword_arg(args, nargs, kwnames, "abs_tol");
  Cx tmp;
  if (!rt.is_null()) {
    if (!to_complex(rt, &tmp)) return Value();
    if (is_complex(rt)) return raise(&TypeErrorType, "must be real number, not complex");
    rel_tol = tmp.re;
  }
  if (!at.is_null()) {
    if (!to_complex(at, &tmp)) return Value();
    if (is_complex(at)) return raise(&TypeErrorType, "must be real number, not complex");
    abs_tol = tmp.re;
  }
  Cx a, b;
  if (!to_complex(args[0], &a) || !to_complex(args[1], &b)) return Value();
  if (rel_tol < 0.0 || abs_tol < 0.0)
    return raise(&ValueErrorType, "tolerances must be non-negative");
  if (a.re == b.re && a.im == b.im) return Bool(true);
  if (std::isinf(a.re) || std::isinf(a.im) || std::isinf(b.re) || std::isinf(b.im))
    return Bool(false);
  double diff = std::hypot(b.re - a.re, b.im - a.im);
  double abs_a = std::hypot(a.re, a.im), abs_b = std::hypot(b.re, b.im);
  return Bool((diff <= rel_tol * abs_b) || (diff <= rel_tol * abs_a) || diff <= abs_tol);
}

constexpr char kName_sqrt[] = "cmath.sqrt";
constexpr char kName_exp[] = "cmath.exp";
constexpr char kName_log10[] = "cmath.log10";
constexpr char kName_sin[] = "cmath.sin";
constexpr char kName_cos[] = "cmath.cos";
constexpr char kName_tan[] = "cmath.tan";
constexpr char kName_asin[] = "cmath.asin";
constexpr char kName_acos[] = "cmath.acos";
constexpr char kName_atan[] = "cmath.atan";
constexpr char kName_sinh[] = "cmath.sinh";
constexpr char kName_cosh[] = "cmath.cosh";
constexpr char kName_tanh[] = "cmath.tanh";
constexpr char kName_asinh[] = "cmath.asinh";
constexpr char kName_acosh[] = "cmath.acosh";
constexpr char kName_atanh[] = "cmath.atanh";

Value module_init() {
  Value m = module_new("cmath");
  module_add_function(m, "sqrt", unary<c_sqrt_err, kName_sqrt>);
  module_add_function(m, "exp", unary<c_exp, kName_exp>);
  module_add_function(m, "log", cmath_log);
  module_add_function(m, "log10", unary<c_log10, kName_log10>);
  module_add_function(m, "sin", unary<c_sin, kName_sin>);
  module_add_function(m, "cos", unary<c_cos, kName_cos>);
  module_add_function(m, "tan", unary<c_tan, kName_tan>);
  module_add_function(m, "asin", unary<c_asin, kName_asin>);
  module_add_function(m, "acos", unary<c_acos, kName_acos>);
  module_add_function(m, "atan", unary<c_atan, kName_atan>);
  module_add_function(m, "sinh", unary<c_sinh, kName_sinh>);
  module_add_function(m, "cosh", unary<c_cosh, kName_cosh>);
  module_add_function(m, "tanh", unary<c_tanh, kName_tanh>);
  module_add_function(m, "asinh", unary<c_asinh, kName_asinh>);
  module_add_function(m, "acosh", unary<c_acosh, kName_acosh>);
  module_add_function(m, "atanh", unary<c_atanh, kName_atanh>);
  module_add_function(m, "phase", cmath_phase);
  module_add_function(m, "polar", cmath_polar);
  module_add_function(m, "rect", cmath_rect);
  module_add_function(m, "isfinite", cmath_isfinite);
  module_add_function(m, "isinf", cmath_isinf);
  module_add_function(m, "isnan", cmath_isnan);
  module_add_function(m, "isclose", cmath_isclose);
  module_add(m, "pi", float_new(M_PI));
  module_add(m, "e", float_new(M_E));
  module_add(m, "tau", float_new(2 * M_PI));
  module_add(m, "inf", float_new(HUGE_VAL));
  module_add(m, "nan", float_new(NAN));
  module_add(m, "infj", complex_new(0.0, HUGE_VAL));
  module_add(m, "nanj", complex_new(0.0, NAN));
  return m;
}

}  // namespace

void cmath_module_register() { register_builtin_module("cmath", module_init); }

}  // namespace pg
