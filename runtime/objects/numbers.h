// Numeric helpers beyond the int_*/float_* API of object.h: start-up of the
// number types and the operations behind the numeric builtins (pow with a
// modulus, divmod, round, abs, format). Implemented in int.cpp, float.cpp,
// numbers.cpp and number_format.cpp.
//
// Every function follows the object.h conventions: a null Value means an
// exception is pending.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace pg {

// Adds the methods of int, bool, float and the singleton types and readies
// them. Called once at start-up, before any Python code runs.
void numbers_init();

// pow(a, b, m) for ints: TypeError "pow() 3rd argument not allowed unless all
// arguments are integers" otherwise. A negative exponent takes the modular
// inverse (Python 3.8+): ValueError "base is not invertible for the given
// modulus". The result has the sign of m (like CPython).
Value int_pow_mod(Value a, Value b, Value m);

// divmod(a, b) for ints and floats (and mixes): a 2-tuple. TypeError
// "unsupported operand type(s) for divmod(): 'str' and 'int'" for other
// operands (the caller tries __divmod__/__rdivmod__ of user classes first).
Value number_divmod(Value a, Value b);

// round(x) / round(x, ndigits) for ints and floats. `ndigits` may be null or
// None (then the result is an int). Floats round half to even on the exact
// decimal value (like CPython's correctly rounded dtoa); ints accept negative
// ndigits. TypeError "type str doesn't define __round__ method" otherwise.
Value number_round(Value x, Value ndigits_or_null);

// abs(x) for ints and floats; TypeError "bad operand type for abs(): 'str'".
Value number_abs(Value x);

// format(v, spec) with the format-spec mini-language, output identical to
// CPython's. int_format accepts any int (bool too: format(True, "d") is "1";
// format(True, "") is the caller's business: it is str(True)). float_format
// accepts floats. Both return a Str.
//   hex(x) == int_format(x, "#x"), oct(x) == "#o", bin(x) == "#b".
Value int_format(Value v, std::string_view spec);
Value float_format(Value v, std::string_view spec);

}  // namespace pg
