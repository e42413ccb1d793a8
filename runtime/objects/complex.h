// complex: a pair of doubles with CPython 3.11's arithmetic (the same
// division and power algorithms, so results agree bit for bit), repr, hash,
// parsing and format specs.
//
// Files: complex.cpp (the type: construction, arithmetic, comparison,
// hash, attributes; .real/.imag of int and float), complex_text.cpp (repr,
// complex('1+2j') parsing, format(z, spec)).
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace pg {

// Both parts are always valid (any double, inf and nan included).
struct Complex : Object {
  double real;
  double imag;
};

extern Type ComplexType;

inline bool is_complex(Value v) { return v.is_obj() && is_subtype(v.obj()->type, &ComplexType); }
Value complex_new(double real, double imag);
Value complex_new_of_type(Type* type, double real, double imag);

// complex_text.cpp
std::string complex_repr_text(double real, double imag);
// Parses complex('...'): false with ValueError "complex() arg is a
// malformed string".
bool complex_parse(std::string_view text, double* real, double* imag);
// format(z, spec); a Str or null.
Value complex_format(Value z, std::string_view spec);

void complex_init();

}  // namespace pg
