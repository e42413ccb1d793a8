// The complex type: construction (numbers, strings, __complex__), the
// arithmetic operators with int and float operands, ** (CPython's c_powi
// for small integral exponents, else the polar form), == with ints compared
// exactly, hash (hash(real) + 1000003 * hash(imag)), and the attributes
// real, imag and conjugate(). Also gives int and float their .real/.imag.
#include <cerrno>
#include <cmath>

#include "objects/class.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/gc.h"
#include "objects/int_internal.h"
#include "objects/layouts.h"
#include "objects/type.h"

namespace pg {

struct CValue {
  double re;
  double im;
};

Value complex_new_of_type(Type* type, double real, double imag) {
  size_t size = type->instance_size ? type->instance_size : sizeof(Complex);
  Complex* c = static_cast<Complex*>(gc_alloc(type, size));
  c->real = real;
  c->imag = imag;
  return Value(c);
}

Value complex_new(double real, double imag) { return complex_new_of_type(&ComplexType, real, imag); }

namespace {

CValue value_of(Value v) { return {v.as<Complex>()->real, v.as<Complex>()->imag}; }

// An operand of mixed arithmetic: 1 converted, 0 not a number (no error),
// -1 error (an int too large for a float).
int to_cvalue(Value v, CValue* out) {
  if (is_complex(v)) {
    *out = value_of(v);
    return 1;
  }
  if (is_float(v)) {
    *out = {float_value(v), 0.0};
    return 1;
  }
  if (is_int(v)) {
    double d;
    if (!number_to_double(v, &d)) return -1;
    *out = {d, 0.0};
    return 1;
  }
  return 0;
}

CValue c_sum(CValue a, CValue b) { return {a.re + b.re, a.im + b.im}; }
CValue c_diff(CValue a, CValue b) { return {a.re - b.re, a.im - b.im}; }
CValue c_prod(CValue a, CValue b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// Division scaled by the larger part of the divisor (Smith's method), so
// that intermediate products do not overflow needlessly. errno = EDOM for
// a zero divisor.
CValue c_quot(CValue a, CValue b) {
  double abs_re = std::fabs(b.re), abs_im = std::fabs(b.im);
  if (abs_re >= abs_im) {
    if (abs_re == 0.0) {
      errno = EDOM;
      return {0.0, 0.0};
    }
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abs_im >= abs_re) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};  // a NaN in the divisor
}

CValue c_pow(CValue a, CValue b) {
  if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
  if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) errno = EDOM;
    return {0.0, 0.0};
  }
  double vabs = std::hypot(a.re, a.im);
  double len = std::pow(vabs, b.re);
  double at = std::atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

// x ** n for a non-negative integer n by repeated squaring.
CValue c_powu(CValue x, long n) {
  CValue r = {1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

CValue c_powi(CValue x, long n) {
  if (n > 100 || n < -100) return c_pow(x, {double(n), 0.0});
  if (n > 0) return c_powu(x, n);
  return c_quot({1.0, 0.0}, c_powu(x, -n));
}

Value complex_result(CValue r) { return complex_new(r.re, r.im); }

Value complex_binop(Value a, Value b, BinaryOp op) {
  CValue x, y;
  int ra = to_cvalue(a, &x);
  if (ra < 0) return Value();
  int rb = ra ? to_cvalue(b, &y) : 0;
  if (rb < 0) return Value();
  if (!ra || !rb) return NotImplemented();
  switch (plain_form(op)) {
    case BinaryOp::Add: return complex_result(c_sum(x, y));
    case BinaryOp::Sub: return complex_result(c_diff(x, y));
    case BinaryOp::Mul: return complex_result(c_prod(x, y));
    case BinaryOp::TrueDiv: {
      errno = 0;
      CValue r = c_quot(x, y);
      if (errno == EDOM) return raise(&ZeroDivisionErrorType, "complex division by zero");
      return complex_result(r);
    }
    case BinaryOp::Pow: {
      errno = 0;
      CValue r;
      if (y.im == 0.0 && y.re == std::floor(y.re) && std::fabs(y.re) <= 100.0) r = c_powi(x, long(y.re));
      else r = c_pow(x, y);
      if (errno == EDOM) return raise(&ZeroDivisionErrorType, "0.0 to a negative or complex power");
      // Like CPython: an infinite part of the result is an overflow.
      if (std::isinf(r.re) || std::isinf(r.im)) return raise(&OverflowErrorType, "complex exponentiation");
      return complex_result(r);
    }
    default: return NotImplemented();
  }
}

Value complex_unary(Value a, UnaryOp op) {
  CValue x = value_of(a);
  switch (op) {
    case UnaryOp::Neg: return complex_new(-x.re, -x.im);
    case UnaryOp::Pos: return complex_new(x.re, x.im);
    default: return NotImplemented();
  }
}

int complex_truth(Value self) {
  CValue x = value_of(self);
  return x.re != 0.0 || x.im != 0.0;
}

Value complex_compare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return NotImplemented();
  if (!is_complex(a)) std::swap(a, b);
  CValue x = value_of(a);
  bool equal;
  if (is_complex(b)) {
    CValue y = value_of(b);
    equal = x.re == y.re && x.im == y.im;
  } else if (is_int(b) || is_float(b)) {
    if (x.im != 0.0) {
      equal = false;
    } else {
      // float == int is exact in float's comparison.
      Value re = float_new(x.re);
      Rooted keep(&re);
      Value r = obj_compare(re, b, CompareOp::Eq);
      if (r.is_null()) return r;
      equal = r == True();
    }
  } else {
    return NotImplemented();
  }
  return Bool(op == CompareOp::Eq ? equal : !equal);
}

bool double_hash(double d, int64_t* out) {
  Value f = float_new(d);
  return obj_hash(f, out);
}

bool complex_hash(Value self, int64_t* out) {
  CValue x = value_of(self);
  int64_t hr, hi;
  if (!double_hash(x.re, &hr) || !double_hash(x.im, &hi)) return false;
  uint64_t h = uint64_t(hr) + uint64_t(1000003) * uint64_t(hi);
  int64_t r = int64_t(h);
  *out = r == -1 ? -2 : r;
  return true;
}

Value complex_repr(Value self) {
  CValue x = value_of(self);
  return Value(str_new(complex_repr_text(x.re, x.im)));
}

// complex(real=0, imag=0).
bool part_of(Value v, bool first, CValue* out) {
  if (is_complex(v)) {
    *out = value_of(v);
    return true;
  }
  if (v.is_obj() && !is_int(v) && !is_float(v)) {
    Value method = type_lookup(type_of(v), str_intern("__complex__"));
    if (!method.is_null() && first) {
      Value r = call(method, &v, 1);
      if (r.is_null()) return false;
      if (!is_complex(r)) {
        raise(&TypeErrorType, "__complex__ returned non-complex (type %s)", type_name(r));
        return false;
      }
      *out = value_of(r);
      return true;
    }
    bool numeric = !type_lookup(type_of(v), str_intern("__float__")).is_null() ||
                   !type_lookup(type_of(v), str_intern("__index__")).is_null();
    if (!numeric) {
      raise(&TypeErrorType, first ? "complex() first argument must be a string or a number, not '%s'"
                                  : "complex() second argument must be a number, not '%s'",
            type_name(v));
      return false;
    }
  }
  double d;
  if (!number_to_double(v, &d)) return false;
  *out = {d, 0.0};
  return true;
}

Value complex_construct(Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
  Value p[2];
  if (!bind_args("complex", args, nargs, kwnames, {"real", "imag"}, 0, p)) return Value();
  if (p[0].is_null() && p[1].is_null()) return complex_new_of_type(type, 0.0, 0.0);
  if (!p[0].is_null() && is_str(p[0])) {
    if (!p[1].is_null()) return raise(&TypeErrorType, "complex() can't take second arg if first is a string");
    double re, im;
    if (!complex_parse(str_view(p[0].as<Str>()), &re, &im)) return Value();
    return complex_new_of_type(type, re, im);
  }
  if (!p[1].is_null() && is_str(p[1])) return raise(&TypeErrorType, "complex() second arg can't be a string");
  CValue a = {0.0, 0.0}, b = {0.0, 0.0};
  if (!p[0].is_null()) {
    if (type == &ComplexType && p[1].is_null() && p[0].is_obj() && p[0].obj()->type == &ComplexType) return p[0];
    if (!part_of(p[0], true, &a)) return Value();
  }
  bool b_complex = false;
  if (!p[1].is_null()) {
    b_complex = is_complex(p[1]);
    if (!part_of(p[1], false, &b)) return Value();
  }
  // real + imag * 1j, keeping signed zeros as CPython does: the parts
  // are combined only where an argument really was complex.
  double re = a.re, im;
  if (p[1].is_null()) {
    im = a.im;
  } else {
    if (b_complex) re -= b.im;
    im = b.re;
    if (is_complex(p[0])) im += a.im;
  }
  return complex_new_of_type(type, re, im);
}

#define CX_METHOD(fname) Value fname(Value self, const Value* args, size_t nargs, Tuple* kw)

CX_METHOD(m_conjugate) {
  if (!check_nargs("complex.conjugate", nargs, kw, 0, 0)) return Value();
  CValue x = value_of(self);
  return complex_new(x.re, -x.im);
}

CX_METHOD(m_abs) {
  if (!check_nargs("__abs__", nargs, kw, 0, 0)) return Value();
  CValue x = value_of(self);
  if (std::isinf(x.re) || std::isinf(x.im)) return float_new(INFINITY);
  if (std::isnan(x.re) || std::isnan(x.im)) return float_new(NAN);
  double r = std::hypot(x.re, x.im);
  if (std::isinf(r)) return raise(&OverflowErrorType, "absolute value too large");
  return float_new(r);
}

CX_METHOD(m_format) {
  if (!check_nargs("__format__", nargs, kw, 1, 1)) return Value();
  if (!is_str(args[0])) return raise(&TypeErrorType, "__format__() argument must be str, not %s", type_name(args[0]));
  return complex_format(self, str_view(args[0].as<Str>()));
}

CX_METHOD(m_complex) {
  if (!check_nargs("__complex__", nargs, kw, 0, 0)) return Value();
  CValue x = value_of(self);
  return complex_new(x.re, x.im);
}

CX_METHOD(m_getnewargs) {
  if (!check_nargs("__getnewargs__", nargs, kw, 0, 0)) return Value();
  CValue x = value_of(self);
  Value re = float_new(x.re);
  Rooted keep(&re);
  Value im = float_new(x.im);
  return Value(tuple_from({re, im}));
}

// Getters for the real/imag properties (the argument is the instance).
Value get_real(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 1) return raise(&TypeErrorType, "real getter takes one argument");
  Value v = args[0];
  if (!is_complex(v) && !is_float(v) && !is_int(v))
    return raise(&TypeErrorType, "descriptor 'real' doesn't apply to a '%s' object", type_name(v));
  if (is_complex(v)) return float_new(v.as<Complex>()->real);
  if (is_float(v)) return v.obj()->type == &FloatType ? v : float_new(float_value(v));
  int64_t x;
  if (int_small_like(v, &x)) return Value::small(x);
  return int_from_mpz(v.as<BigInt>()->z);
}

Value get_imag(Value, const Value* args, size_t nargs, Tuple*) {
  if (nargs != 1) return raise(&TypeErrorType, "imag getter takes one argument");
  Value v = args[0];
  if (!is_complex(v) && !is_float(v) && !is_int(v))
    return raise(&TypeErrorType, "descriptor 'imag' doesn't apply to a '%s' object", type_name(v));
  if (is_complex(v)) return float_new(v.as<Complex>()->imag);
  if (is_float(v)) return float_new(0.0);
  return Value::small(0);
}

void add_property(Type* t, const char* name, NativeFn getter) {
  Value fget = native_function_new(name, getter);
  Rooted keep(&fget);
  Property* prop = gc_new<Property>(&PropertyType);
  prop->fget = fget;
  prop->fset = prop->fdel = prop->doc = None();
  prop->name = Value(str_intern(name));
  if (!t->dict) type_ready(t);
  dict_set_str(t->dict, str_intern(name), Value(prop));
}

}  // namespace

Type ComplexType = [] {
  Type t{};
  t.type = &TypeType;
  t.gc_flags = kGcStatic;
  t.name = "complex";
  t.base = &ObjectType;
  t.flags = kTypeBaseType;
  t.instance_size = sizeof(Complex);
  t.repr = complex_repr;
  t.hash = complex_hash;
  t.compare = complex_compare;
  t.binop = complex_binop;
  t.unary = complex_unary;
  t.truth = complex_truth;
  t.construct = complex_construct;
  return t;
}();

void complex_init() {
  type_add_method(&ComplexType, "conjugate", m_conjugate);
  type_add_method(&ComplexType, "__abs__", m_abs);
  type_add_method(&ComplexType, "__format__", m_format);
  type_add_method(&ComplexType, "__complex__", m_complex);
  type_add_method(&ComplexType, "__getnewargs__", m_getnewargs);
  type_ready(&ComplexType);
  add_property(&ComplexType, "real", get_real);
  add_property(&ComplexType, "imag", get_imag);
  for (Type* t : {&IntType, &FloatType}) {
    if (!t->dict) type_ready(t);
    if (dict_get_str(t->dict, str_intern("real")).is_null()) add_property(t, "real", get_real);
    if (dict_get_str(t->dict, str_intern("imag")).is_null()) add_property(t, "imag", get_imag);
  }
}

}  // namespace pg
