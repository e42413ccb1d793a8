// Start-up of the number types and the numeric builtins' helpers that
// dispatch on int/float: divmod(), round(), abs() (numbers.h).
#include <cmath>

#include "objects/int_internal.h"
#include "objects/layouts.h"
#include "objects/numbers.h"

namespace pg {

void numbers_init() {
  int_init_methods();
  bool_init_methods();
  float_init_methods();
  singletons_init();
}

Value number_divmod(Value a, Value b) {
  bool a_int = int_check(a), b_int = int_check(b);
  if (a_int && b_int) return int_divmod(a, b);
  if ((a_int || float_check(a)) && (b_int || float_check(b))) {
    double x, y;
    if (!number_to_double(a, &x) || !number_to_double(b, &y)) return Value();
    return float_divmod_doubles(x, y);
  }
  return raise(&TypeErrorType, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(a),
               type_name(b));
}

// Calls x.NAME(*extra) when the type of x defines it; null `found` otherwise.
static Value call_dunder(Value x, const char* name, Value extra, bool* found) {
  Value method = x.is_obj() ? type_lookup(type_of(x), str_intern(name)) : Value();
  *found = !method.is_null();
  if (!*found) return Value();
  Value args[2] = {x, extra};
  return call(method, args, extra.is_null() ? 1 : 2);
}

Value number_round(Value x, Value ndigits) {
  if (int_check(x)) return int_round(x, ndigits);
  if (float_check(x)) return float_round(x, ndigits);
  bool found;
  Value r = call_dunder(x, "__round__", ndigits.is_null() || is_none(ndigits) ? Value() : ndigits, &found);
  if (found) return r;
  return raise(&TypeErrorType, "type %s doesn't define __round__ method", type_name(x));
}

Value number_abs(Value x) {
  if (int_check(x)) return int_abs(x);
  if (float_check(x)) return float_new(std::fabs(float_value(x)));
  bool found;
  Value r = call_dunder(x, "__abs__", Value(), &found);
  if (found) return r;
  return raise(&TypeErrorType, "bad operand type for abs(): '%s'", type_name(x));
}

}  // namespace pg
