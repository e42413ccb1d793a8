// Text formatting beyond format specs: printf-style `fmt % args`
// (str_percent.cpp) and str.format / str.format_map (str_format.cpp).
// Both follow CPython 3.11's algorithms and error messages; the
// format-spec mini-language itself is number_format.cpp's and
// builtins_format.cpp's (format_value).
#pragma once

#include <string>

#include "objects/object.h"

namespace pg {

// `format % args` for a str `format` (what str's % operator does).
Value str_percent_format(Value format, Value args);
// `format % args` for bytes / bytearray (%b, %s of bytes-like objects or
// __bytes__, %r/%a as ASCII reprs, %c of an int or one byte).
Value bytes_percent_format(Value format, Value args);

// ascii(v): repr(v) with every non-ASCII character escaped (\xNN, \uNNNN,
// \UNNNNNNNN).
Value obj_ascii(Value v);
std::string ascii_escape(std::string_view utf8);

// Adds str.format and str.format_map (called at start-up).
void str_format_init();

}  // namespace pg
